package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.pki.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpSignerTest {

  private static final Credentials CREDS = TestCredentials.main();
  private static final String REQUEST_ID = "99391c7e-ad88-49ec-a2ad-99ddcb1f7721";
  private static final byte[] BODY =
      "{\"currency\":\"EUR\",\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);

  static Stream<Arguments> profiles() {
    return Stream.of("SHA256withRSA", "rsa-sha256")
        .flatMap(
            label ->
                Stream.of(List.of("digest", "x-request-id"), List.of("digest"))
                    .flatMap(
                        headers ->
                            Stream.of(DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_512)
                                .map(
                                    alg -> Arguments.of(new SigningProfile(label, headers, alg)))));
  }

  /** SIG-5 combinations, verified independently: hand-built signing string, plain JDK Signature. */
  @ParameterizedTest
  @MethodSource("profiles")
  void signatureVerifiesWithTheCertificatesPublicKey(SigningProfile profile) throws Exception {
    SignedHeaders signed = new HttpSigner(CREDS, profile).sign(BODY, REQUEST_ID);

    String expectedDigest =
        profile.digestAlgorithm().label()
            + "="
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance(profile.digestAlgorithm().label()).digest(BODY));
    assertThat(signed.digest()).isEqualTo(expectedDigest);
    assertThat(signed.requestId()).isEqualTo(REQUEST_ID);
    assertThat(signed.signatureCertificate())
        .isEqualTo(Base64.getEncoder().encodeToString(CREDS.certificate().getEncoded()));

    Map<String, String> params = TestVerifier.params(signed.signature());
    assertThat(params)
        .containsEntry(
            "keyId", "SN=1,CA=" + CREDS.certificate().getIssuerX500Principal().getName("RFC1779"))
        .containsEntry("algorithm", profile.algorithmLabel())
        .containsEntry("headers", String.join(" ", profile.signedHeaders()));
    assertThat(signed.signature())
        .startsWith(
            "keyId=\"SN=1,CA=CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDNL-DNB-R000000");

    String signingString =
        profile.signedHeaders().size() == 2
            ? "digest: " + expectedDigest + "\nx-request-id: " + REQUEST_ID
            : "digest: " + expectedDigest;
    assertThat(
            TestVerifier.verifies(
                CREDS.certificate().getPublicKey(), signingString, params.get("signature")))
        .isTrue();
    // And not for a neighbouring string: the check can fail.
    assertThat(
            TestVerifier.verifies(
                CREDS.certificate().getPublicKey(), signingString + " ", params.get("signature")))
        .isFalse();
    assertThat(TestVerifier.problems(signed.asMap(), BODY, false)).isEmpty();
  }

  @Test
  void emptyBodyIsSignedWithTheEmptyDigest() {
    SignedHeaders signed = new HttpSigner(CREDS, SigningProfile.DEFAULT).sign(null, REQUEST_ID);
    assertThat(signed.digest()).isEqualTo("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(TestVerifier.problems(signed.asMap(), new byte[0], false)).isEmpty();
  }

  @Test
  void asMapHasTheHeadersInOrder() {
    SignedHeaders signed = new HttpSigner(CREDS, SigningProfile.DEFAULT).sign(BODY, REQUEST_ID);
    assertThat(signed.asMap())
        .containsExactly(
            Map.entry("X-Request-ID", REQUEST_ID),
            Map.entry("Digest", signed.digest()),
            Map.entry("Signature", signed.signature()),
            Map.entry("TPP-Signature-Certificate", signed.signatureCertificate()));
  }

  @Test
  void otherSignedHeadersComeFromTheCaller() {
    SigningProfile profile =
        SigningProfile.DEFAULT.withSignedHeaders(List.of("digest", "x-request-id", "date"));
    HttpSigner signer = new HttpSigner(CREDS, profile);
    assertThatThrownBy(() -> signer.sign(BODY, REQUEST_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'date'");

    String date = "Sun, 05 Jan 2014 21:31:40 GMT";
    SignedHeaders signed = signer.sign(BODY, REQUEST_ID, Map.of("Date", date));
    String signingString =
        "digest: " + signed.digest() + "\nx-request-id: " + REQUEST_ID + "\ndate: " + date;
    assertThat(
            TestVerifier.verifies(
                CREDS.certificate().getPublicKey(),
                signingString,
                signed.signatureHeader().signature()))
        .isTrue();
  }

  @Test
  void otherHeadersMayNotOverrideComputedOnes() {
    HttpSigner signer = new HttpSigner(CREDS, SigningProfile.DEFAULT);
    assertThatThrownBy(() -> signer.sign(BODY, REQUEST_ID, Map.of("Digest", "SHA-256=x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'digest'");
    assertThatThrownBy(() -> signer.sign(BODY, REQUEST_ID, Map.of("X-Request-ID", "other")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x-request-id'");
    assertThatThrownBy(() -> signer.sign(BODY, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Request-ID");
  }

  @Test
  void labelIsOnlyALabel() {
    // Whatever algorithm="..." says, the bytes are RSASSA-PKCS1-v1_5 SHA-256.
    SignedHeaders a =
        new HttpSigner(CREDS, SigningProfile.DEFAULT.withAlgorithmLabel("rsa-sha256"))
            .sign(BODY, REQUEST_ID);
    SignedHeaders b = new HttpSigner(CREDS, SigningProfile.DEFAULT).sign(BODY, REQUEST_ID);
    // PKCS#1 v1.5 is deterministic: same key, same signing string, same bytes.
    assertThat(a.signatureHeader().signature()).isEqualTo(b.signatureHeader().signature());
    assertThat(a.signatureHeader().algorithm()).isEqualTo("rsa-sha256");
  }

  @Test
  void withKeyIdChangesOnlyTheKeyId() {
    HttpSigner signer = new HttpSigner(CREDS, SigningProfile.DEFAULT).withKeyId("SN=2,CA=CN=x");
    assertThat(signer.sign(BODY, REQUEST_ID).signatureHeader().keyId()).isEqualTo("SN=2,CA=CN=x");
    assertThatThrownBy(() -> signer.withKeyId(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonRsaAndShortKeysAreRefused() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    PrivateKey ecKey = ec.generateKeyPair().getPrivate();
    assertThatThrownBy(
            () ->
                new HttpSigner(new Credentials(CREDS.certificate(), ecKey), SigningProfile.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA")
        .hasMessageContaining("EC");

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    PrivateKey shortKey = rsa.generateKeyPair().getPrivate();
    assertThatThrownBy(
            () ->
                new HttpSigner(
                    new Credentials(CREDS.certificate(), shortKey), SigningProfile.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024 bits");
  }

  @Test
  void toStringNeverShowsTheKey() {
    HttpSigner signer = new HttpSigner(CREDS, SigningProfile.DEFAULT);
    String encodedKey = Base64.getEncoder().encodeToString(CREDS.privateKey().getEncoded());
    assertThat(signer.toString()).contains("SN=1").doesNotContain(encodedKey.substring(40, 80));
  }
}
