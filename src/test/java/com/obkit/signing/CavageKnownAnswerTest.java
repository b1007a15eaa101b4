package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.pki.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests from draft-cavage-http-signatures-10, Appendix C: the draft's published test
 * key ({@code src/test/resources/signing/draft-cavage-10-test-key.txt}), its request, and the
 * signatures of C.1 (default test), C.2 (basic test) and C.3 (all headers test), byte for byte.
 *
 * <p>The request of Appendix C:
 *
 * <pre>
 * POST /foo?param=value&amp;pet=dog HTTP/1.1
 * Host: example.com
 * Date: Sun, 05 Jan 2014 21:31:40 GMT
 * Content-Type: application/json
 * Digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=
 * Content-Length: 18
 *
 * {"hello": "world"}
 * </pre>
 */
class CavageKnownAnswerTest {
  private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
  private static final String DRAFT_DIGEST = "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";

  /** The request's header values by lowercase name, {@code (request-target)} included. */
  private static final Map<String, String> REQUEST = request();

  private static final String C1_SIGNATURE =
      "SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=";
  private static final String C2_SIGNATURE =
      "qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=";
  private static final String C3_SIGNATURE =
      "vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=";

  /** The Signature headers of the draft (C.1 has no headers parameter: {@code date} by default). */
  private static final String C1_HEADER =
      "keyId=\"Test\",algorithm=\"rsa-sha256\",signature=\"" + C1_SIGNATURE + "\"";

  private static final String C2_HEADER =
      "keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\","
          + " signature=\""
          + C2_SIGNATURE
          + "\"";
  private static final String C3_HEADER =
      "keyId=\"Test\",algorithm=\"rsa-sha256\","
          + "headers=\"(request-target) host date content-type digest content-length\","
          + "signature=\""
          + C3_SIGNATURE
          + "\"";

  private static final String C3_SIGNING_STRING =
      "(request-target): post /foo?param=value&pet=dog\n"
          + "host: example.com\n"
          + "date: Sun, 05 Jan 2014 21:31:40 GMT\n"
          + "content-type: application/json\n"
          + "digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\n"
          + "content-length: 18";

  private static Map<String, String> request() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("(request-target)", "post /foo?param=value&pet=dog");
    values.put("host", "example.com");
    values.put("date", "Sun, 05 Jan 2014 21:31:40 GMT");
    values.put("content-type", "application/json");
    values.put("digest", DRAFT_DIGEST);
    values.put("content-length", "18");
    return values;
  }

  private static String signingString(List<String> headers) {
    return SigningString.build(headers, name -> Optional.ofNullable(REQUEST.get(name)));
  }

  /** RSASSA-PKCS1-v1_5 SHA-256, the JDK algorithm {@link HttpSigner} uses, with the draft key. */
  private static String sign(String signingString) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(DraftKey.PAIR.getPrivate());
    s.update(signingString.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(s.sign());
  }

  @Test
  void theDraftKeyLoadsAsThe1024BitRsaPairItIs() {
    assertThat(((RSAKey) DraftKey.PAIR.getPublic()).getModulus())
        .isEqualTo(((RSAKey) DraftKey.PAIR.getPrivate()).getModulus());
    assertThat(((RSAKey) DraftKey.PAIR.getPublic()).getModulus().bitLength()).isEqualTo(1024);
  }

  @Test
  void theDigestOfTheBodyIsTheDrafts() {
    assertThat(Digests.header(DigestAlgorithm.SHA_256, BODY)).isEqualTo(DRAFT_DIGEST);
    assertThat(Digests.matches(DRAFT_DIGEST, BODY)).isTrue();
  }

  @Test
  void c1DefaultTestSignsTheDateOnly() throws Exception {
    SignatureHeader header = draftHeader(C1_HEADER);
    assertThat(header.headers()).containsExactly("date");
    String signingString = signingString(header.headers());
    assertThat(signingString).isEqualTo("date: Sun, 05 Jan 2014 21:31:40 GMT");
    assertThat(sign(signingString)).isEqualTo(C1_SIGNATURE).isEqualTo(header.signature());
    assertThat(TestVerifier.verifies(DraftKey.PAIR.getPublic(), signingString, C1_SIGNATURE))
        .isTrue();
  }

  @Test
  void c2BasicTestSignsRequestTargetHostAndDate() throws Exception {
    SignatureHeader header = draftHeader(C2_HEADER);
    assertThat(header.keyId()).isEqualTo("Test");
    assertThat(header.algorithm()).isEqualTo("rsa-sha256");
    assertThat(header.headers()).containsExactly("(request-target)", "host", "date");
    String signingString = signingString(header.headers());
    assertThat(signingString)
        .isEqualTo(
            "(request-target): post /foo?param=value&pet=dog\n"
                + "host: example.com\n"
                + "date: Sun, 05 Jan 2014 21:31:40 GMT");
    assertThat(sign(signingString)).isEqualTo(C2_SIGNATURE);
    assertThat(new SignatureHeader("Test", "rsa-sha256", header.headers(), C2_SIGNATURE).format())
        .isEqualTo(C2_HEADER.replace(", signature=", ",signature="));
  }

  @Test
  void c3AllHeadersTestSignsEveryHeaderAndTheDigest() throws Exception {
    SignatureHeader header = draftHeader(C3_HEADER);
    String signingString = signingString(header.headers());
    assertThat(signingString).isEqualTo(C3_SIGNING_STRING);
    assertThat(sign(signingString)).isEqualTo(C3_SIGNATURE);
    assertThat(new SignatureHeader("Test", "rsa-sha256", header.headers(), C3_SIGNATURE).format())
        .isEqualTo(C3_HEADER);
    // A neighbouring string gives another signature: the comparison can fail.
    assertThat(sign(signingString.replace("18", "19"))).isNotEqualTo(C3_SIGNATURE);
  }

  /**
   * HttpSigner refuses the draft's 1024-bit key (contract section 2 wants 2048), so it cannot
   * reproduce the draft's bytes; with a 2048-bit key it signs exactly the draft's C.3 signing
   * string, the Digest it computes included.
   */
  @Test
  void httpSignerSignsTheC3SigningString() {
    Credentials draftKeyOnTestCertificate =
        new Credentials(TestCredentials.main().certificate(), DraftKey.PAIR.getPrivate());
    assertThatThrownBy(() -> new HttpSigner(draftKeyOnTestCertificate, SigningProfile.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signing key has 1024 bits; at least 2048 are required");

    SigningProfile allHeaders =
        new SigningProfile(
            "rsa-sha256",
            List.of("(request-target)", "host", "date", "content-type", "digest", "content-length"),
            DigestAlgorithm.SHA_256);
    Map<String, String> others = new LinkedHashMap<>(REQUEST);
    others.remove("digest");
    SignedHeaders signed =
        new HttpSigner(TestCredentials.main(), allHeaders).sign(BODY, "req-1", others);
    assertThat(signed.digest()).isEqualTo(DRAFT_DIGEST);
    SignatureHeader header = signed.signatureHeader();
    assertThat(header.headers()).isEqualTo(draftHeader(C3_HEADER).headers());
    PublicKey key = TestCredentials.main().certificate().getPublicKey();
    assertThat(TestVerifier.verifies(key, C3_SIGNING_STRING, header.signature())).isTrue();
    assertThat(TestVerifier.verifies(key, C3_SIGNING_STRING + " ", header.signature())).isFalse();
  }

  /** The draft's key, from the resource file, its PEM armour put back. */
  private static final class DraftKey {
    static final KeyPair PAIR = load();

    private static KeyPair load() {
      try (InputStream in =
          CavageKnownAnswerTest.class.getResourceAsStream(
              "/signing/draft-cavage-10-test-key.txt")) {
        String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        List<String> publicLines = new ArrayList<>();
        List<String> privateLines = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          if (line.equals("[public]")) {
            current = publicLines;
          } else if (line.equals("[private]")) {
            current = privateLines;
          } else {
            current.add(line.strip());
          }
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PublicKey publicKey =
            converter.getPublicKey((SubjectPublicKeyInfo) pem("PUBLIC KEY", publicLines));
        PrivateKey privateKey =
            converter
                .getKeyPair((PEMKeyPair) pem("RSA " + "PRIVATE KEY", privateLines))
                .getPrivate();
        return new KeyPair(publicKey, privateKey);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the draft's test key", e);
      }
    }

    private static Object pem(String type, List<String> lines) throws IOException {
      String armoured =
          "-----BEGIN "
              + type
              + "-----\n"
              + String.join("\n", lines)
              + "\n-----END "
              + type
              + "-----\n";
      try (PEMParser parser = new PEMParser(new StringReader(armoured))) {
        return parser.readObject();
      }
    }
  }

  /**
   * The draft's {@code Signature} header read by the test's own parameter reader (the kit only
   * writes headers); an absent {@code headers} means {@code date} (CAV 2.1.3).
   */
  private static SignatureHeader draftHeader(String value) {
    Map<String, String> p = TestVerifier.params(value);
    return new SignatureHeader(
        p.get("keyId"),
        p.get("algorithm"),
        List.of(p.getOrDefault("headers", "date").split(" ")),
        p.get("signature"));
  }
}
