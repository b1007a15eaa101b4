package com.obkit.signing;

import static com.obkit.signing.TestVerifier.CERTIFICATE_MISSING;
import static com.obkit.signing.TestVerifier.CERTIFICATE_UNPARSEABLE;
import static com.obkit.signing.TestVerifier.DIGEST_MISMATCH;
import static com.obkit.signing.TestVerifier.DIGEST_NOT_SIGNED;
import static com.obkit.signing.TestVerifier.KEYID_ISSUER;
import static com.obkit.signing.TestVerifier.KEYID_SERIAL;
import static com.obkit.signing.TestVerifier.SIGNATURE_INVALID;
import static com.obkit.signing.TestVerifier.SIGNATURE_MISSING;
import static com.obkit.signing.TestVerifier.SSL_MISSING;
import static com.obkit.signing.TestVerifier.SSL_UNPARSEABLE;
import static com.obkit.signing.TestVerifier.UNKNOWN_ALGORITHM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.pki.Credentials;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TamperingTest {

  private static final Credentials CREDS = TestCredentials.main();
  private static final Credentials OTHER = TestCredentials.other();
  private static final byte[] BODY = "{\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);
  private static final String REQUEST_ID = "99391c7e-ad88-49ec-a2ad-99ddcb1f7721";

  /** What the independent verifier must find, and only that: "exactly one thing broken". */
  private static final Map<Tampering, Set<String>> EXPECTED =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(Tampering.NONE, Set.of()),
              Map.entry(Tampering.OMIT_SIGNATURE, Set.of(SIGNATURE_MISSING)),
              Map.entry(Tampering.OMIT_SIGNATURE_CERTIFICATE, Set.of(CERTIFICATE_MISSING)),
              Map.entry(Tampering.OMIT_SSL_CERTIFICATE, Set.of(SSL_MISSING)),
              Map.entry(Tampering.GARBLED_SIGNATURE_CERTIFICATE, Set.of(CERTIFICATE_UNPARSEABLE)),
              Map.entry(Tampering.GARBLED_SSL_CERTIFICATE, Set.of(SSL_UNPARSEABLE)),
              Map.entry(Tampering.CORRUPT_SIGNATURE, Set.of(SIGNATURE_INVALID)),
              Map.entry(Tampering.SIGNED_BY_OTHER_KEY, Set.of(SIGNATURE_INVALID)),
              Map.entry(Tampering.DIGEST_MISMATCH, Set.of(DIGEST_MISMATCH)),
              Map.entry(Tampering.HEADERS_WITHOUT_DIGEST, Set.of(DIGEST_NOT_SIGNED)),
              Map.entry(Tampering.KEYID_WRONG_SERIAL, Set.of(KEYID_SERIAL)),
              Map.entry(Tampering.KEYID_WRONG_ISSUER, Set.of(KEYID_ISSUER)),
              Map.entry(Tampering.UNKNOWN_ALGORITHM_LABEL, Set.of(UNKNOWN_ALGORITHM)),
              Map.entry(Tampering.SIGNED_REQUEST_ID_CHANGED, Set.of(SIGNATURE_INVALID)),
              Map.entry(Tampering.SIGNATURE_COVERS_FEWER_HEADERS, Set.of(SIGNATURE_INVALID))));

  private static Map<String, String> apply(Tampering tampering, SigningProfile profile) {
    TamperingContext context =
        new TamperingContext(CREDS, profile, Optional.of(CREDS), OTHER::privateKey);
    return tampering.signedRequestHeaders(context, BODY, REQUEST_ID, Map.of());
  }

  @Test
  void everyTamperingHasAnExpectation() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Tampering.values());
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void breaksExactlyTheIntendedThing(Tampering tampering) {
    Map<String, String> headers = apply(tampering, SigningProfile.DEFAULT);
    assertThat(TestVerifier.problems(headers, BODY, true))
        .as(tampering.name())
        .isEqualTo(EXPECTED.get(tampering));
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void breaksExactlyTheIntendedThingWithTheOtherProfileToo(Tampering tampering) {
    SigningProfile other =
        new SigningProfile("rsa-sha256", List.of("digest"), DigestAlgorithm.SHA_512);
    Map<String, String> headers = apply(tampering, other);
    assertThat(TestVerifier.problems(headers, BODY, true))
        .as(tampering.name())
        .isEqualTo(EXPECTED.get(tampering));
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void documentsItsRule(Tampering tampering) {
    assertThat(tampering.rule()).matches(tampering == Tampering.NONE ? "-" : "(SIG|CERT)-\\d");
    assertThat(tampering.description()).isNotBlank();
    if (tampering != Tampering.NONE) {
      assertThat(EXPECTED.get(tampering))
          .allMatch(problem -> problem.startsWith(tampering.rule() + " "));
    }
  }

  @Test
  void headerOrderIsStable() {
    assertThat(apply(Tampering.NONE, SigningProfile.DEFAULT).keySet())
        .containsExactly(
            "X-Request-ID", "Digest", "Signature", "TPP-Signature-Certificate", "SSL-Certificate");
  }

  @Test
  void noSslCertificateWithoutOne() {
    TamperingContext context =
        new TamperingContext(CREDS, SigningProfile.DEFAULT, Optional.empty(), OTHER::privateKey);
    Map<String, String> headers =
        Tampering.NONE.signedRequestHeaders(context, BODY, REQUEST_ID, Map.of());
    assertThat(headers).doesNotContainKey("SSL-Certificate");
    assertThat(TestVerifier.problems(headers, BODY, false)).isEmpty();
  }

  @Test
  void omitSignatureKeepsDigest() {
    assertThat(apply(Tampering.OMIT_SIGNATURE, SigningProfile.DEFAULT))
        .doesNotContainKey("Signature")
        .containsKeys("Digest", "TPP-Signature-Certificate", "X-Request-ID");
  }

  @Test
  void digestMismatchSignatureStillVerifiesOverTheSentDigest() {
    Map<String, String> headers = apply(Tampering.DIGEST_MISMATCH, SigningProfile.DEFAULT);
    String signature = TestVerifier.params(headers.get("Signature")).get("signature");
    String signingString =
        "digest: " + headers.get("Digest") + "\nx-request-id: " + headers.get("X-Request-ID");
    assertThat(TestVerifier.verifies(CREDS.certificate().getPublicKey(), signingString, signature))
        .isTrue();
    assertThat(TestVerifier.digestMatches(headers.get("Digest"), BODY)).isFalse();
  }

  @Test
  void signedByOtherKeyVerifiesWithTheOtherPublicKey() {
    Map<String, String> headers = apply(Tampering.SIGNED_BY_OTHER_KEY, SigningProfile.DEFAULT);
    String signature = TestVerifier.params(headers.get("Signature")).get("signature");
    String signingString =
        "digest: " + headers.get("Digest") + "\nx-request-id: " + headers.get("X-Request-ID");
    assertThat(TestVerifier.verifies(OTHER.certificate().getPublicKey(), signingString, signature))
        .isTrue();
    assertThat(headers.get("TPP-Signature-Certificate")).isEqualTo(CREDS.certificateHeaderValue());
  }

  @Test
  void signedByOtherKeyRefusesTheSigningKeyItself() {
    TamperingContext context =
        new TamperingContext(CREDS, SigningProfile.DEFAULT, Optional.empty(), CREDS::privateKey);
    assertThatThrownBy(
            () ->
                Tampering.SIGNED_BY_OTHER_KEY.signedRequestHeaders(
                    context, BODY, REQUEST_ID, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signing key itself");
  }

  @Test
  void corruptSignatureDiffersInOneBit() {
    String good =
        TestVerifier.params(apply(Tampering.NONE, SigningProfile.DEFAULT).get("Signature"))
            .get("signature");
    String bad =
        TestVerifier.params(
                apply(Tampering.CORRUPT_SIGNATURE, SigningProfile.DEFAULT).get("Signature"))
            .get("signature");
    byte[] a = Base64.getDecoder().decode(good);
    byte[] b = Base64.getDecoder().decode(bad);
    assertThat(b).hasSameSizeAs(a);
    int differingBits = 0;
    for (int i = 0; i < a.length; i++) {
      differingBits += Integer.bitCount((a[i] ^ b[i]) & 0xff);
    }
    assertThat(differingBits).isEqualTo(1);
  }

  @Test
  void headersWithoutDigestSignsOnlyTheRequestId() {
    Map<String, String> headers = apply(Tampering.HEADERS_WITHOUT_DIGEST, SigningProfile.DEFAULT);
    Map<String, String> params = TestVerifier.params(headers.get("Signature"));
    assertThat(params).containsEntry("headers", "x-request-id");
    assertThat(
            TestVerifier.verifies(
                CREDS.certificate().getPublicKey(),
                "x-request-id: " + REQUEST_ID,
                params.get("signature")))
        .isTrue();
    assertThat(TestVerifier.digestMatches(headers.get("Digest"), BODY)).isTrue();
  }

  @Test
  void keyIdTamperings() {
    String serialKeyId =
        TestVerifier.params(
                apply(Tampering.KEYID_WRONG_SERIAL, SigningProfile.DEFAULT).get("Signature"))
            .get("keyId");
    assertThat(TestVerifier.serialOf(serialKeyId)).isEqualTo(BigInteger.TWO);
    assertThat(serialKeyId).endsWith(",CA=" + CREDS.keyId().issuer());

    String issuerKeyId =
        TestVerifier.params(
                apply(Tampering.KEYID_WRONG_ISSUER, SigningProfile.DEFAULT).get("Signature"))
            .get("keyId");
    assertThat(issuerKeyId).isEqualTo("SN=1,CA=CN=Some Other CA, C=NL");
  }

  @Test
  void unknownAlgorithmLabelIsHmacSha1ButRsaSigned() {
    Map<String, String> params =
        TestVerifier.params(
            apply(Tampering.UNKNOWN_ALGORITHM_LABEL, SigningProfile.DEFAULT).get("Signature"));
    assertThat(params).containsEntry("algorithm", "hmac-sha1");
  }

  @Test
  void requestIdChangedIsStillAUuidButNotTheSignedOne() {
    Map<String, String> headers =
        apply(Tampering.SIGNED_REQUEST_ID_CHANGED, SigningProfile.DEFAULT);
    assertThat(headers.get("X-Request-ID")).isNotEqualTo(REQUEST_ID).matches("[0-9a-f-]{36}");
    String signature = TestVerifier.params(headers.get("Signature")).get("signature");
    String signedString = "digest: " + headers.get("Digest") + "\nx-request-id: " + REQUEST_ID;
    assertThat(TestVerifier.verifies(CREDS.certificate().getPublicKey(), signedString, signature))
        .isTrue();
  }

  @Test
  void requestIdChangedAddsTheRequestIdToAProfileThatLacksIt() {
    Map<String, String> headers =
        apply(
            Tampering.SIGNED_REQUEST_ID_CHANGED,
            SigningProfile.DEFAULT.withSignedHeaders(List.of("digest")));
    assertThat(TestVerifier.params(headers.get("Signature")))
        .containsEntry("headers", "digest x-request-id");
    assertThat(TestVerifier.problems(headers, BODY, true)).containsExactly(SIGNATURE_INVALID);
  }

  @Test
  void garbledValuesAreValidBase64ButNoCertificate() {
    Map<String, String> headers =
        apply(Tampering.GARBLED_SIGNATURE_CERTIFICATE, SigningProfile.DEFAULT);
    byte[] decoded = Base64.getDecoder().decode(headers.get("TPP-Signature-Certificate"));
    assertThat(decoded).hasSizeGreaterThan(16);
    assertThat(decoded[0]).isNotEqualTo((byte) 0x30);
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void unsignedRequests(Tampering tampering) {
    if (!tampering.appliesToUnsignedRequests()) {
      assertThatThrownBy(() -> tampering.unsignedRequestHeaders(CREDS, Optional.of(CREDS)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(tampering.name());
      return;
    }
    Map<String, String> headers = tampering.unsignedRequestHeaders(CREDS, Optional.of(CREDS));
    assertThat(headers).doesNotContainKeys("Signature", "Digest", "X-Request-ID");
    Set<String> problems = TestVerifier.problems(headers, BODY, true);
    // Without a signature the verifier always reports the missing Signature and Digest; the rest is
    // the tampering.
    assertThat(problems).containsAll(List.of(SIGNATURE_MISSING, DIGEST_MISMATCH));
    problems.removeAll(List.of(SIGNATURE_MISSING, DIGEST_MISMATCH));
    assertThat(problems).as(tampering.name()).isEqualTo(EXPECTED.get(tampering));
  }

  @Test
  void unsignedAppliesOnlyToCertificateTamperings() {
    assertThat(Arrays.stream(Tampering.values()).filter(Tampering::appliesToUnsignedRequests))
        .containsExactlyInAnyOrder(
            Tampering.NONE,
            Tampering.OMIT_SIGNATURE_CERTIFICATE,
            Tampering.OMIT_SSL_CERTIFICATE,
            Tampering.GARBLED_SIGNATURE_CERTIFICATE,
            Tampering.GARBLED_SSL_CERTIFICATE);
  }
}
