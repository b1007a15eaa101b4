package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Section 4 (TOK-1..3) and the verification rules of sections 2 and 3 on the onboarding call. */
class OnboardingTest {

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static X509Certificate good;

  @BeforeAll
  static void start() {
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
    http = new SandboxHttp(sandbox);
    good = TestPki.tpp("PSDNL-DNB-ONB0001").issue(TestPki.Keys.TPP_A);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static TestSigner signer() {
    return new TestSigner(good, TestPki.Keys.TPP_A.getPrivate());
  }

  private static HttpResponse<String> onboard(Map<String, String> headers) {
    return http.get("/xs2a-bg/nl/onboarding/v1", headers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/xs2a-bg/%s/onboarding/v1", "/xs2a-bg/%s/v1/onboarding"})
  void tok1AnswersTheExactTokenBodyOnBothPaths(String pattern) {
    for (String tenant : new String[] {"uk", "nl", "be_fr", "be_nl"}) {
      HttpResponse<String> r = http.get(String.format(pattern, tenant), signer().sign(new byte[0]));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      JsonNode body = SandboxHttp.json(r);
      assertThat(body.get("scope").asText()).isEqualTo("client-reg");
      assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.get("expires_in").isIntegralNumber()).isTrue();
      assertThat(body.get("expires_in").asLong()).isEqualTo(86400);
      // >= 128 bits: 32 random bytes in base64url are 43 characters.
      assertThat(body.get("access_token").asText()).matches("[A-Za-z0-9_-]{43,}");
      assertThat(body.get("_links").get("registration").isTextual()).isTrue();
      assertThat(body.get("_links").get("registration").asText())
          .isEqualTo(sandbox.baseUrl() + "/auth/" + tenant + "/v1/registration");
      assertThat(body.size()).isEqualTo(5);
    }
  }

  @Test
  void tokensAreFreshEveryTime() {
    String a = Flow.token(http, "nl", signer());
    String b = Flow.token(http, "nl", signer());
    assertThat(a).isNotEqualTo(b);
  }

  @ParameterizedTest
  @CsvSource({
    "SHA256withRSA,digest,SHA-256",
    "rsa-sha256,digest x-request-id,SHA-256",
    "RSA-SHA256,digest,SHA-512",
    "sha256withrsa,x-request-id digest,SHA-512"
  })
  void sig5AcceptsBothLabelsBothHeaderListsAndSha512(String label, String headers, String digest) {
    TestSigner s = signer().algorithm(label).headers(headers.split(" ")).digestAlgorithm(digest);
    HttpResponse<String> r = onboard(s.sign(new byte[0]));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void signatureMayCoverTheRequestTarget() {
    TestSigner s = signer().headers("(request-target)", "digest");
    Map<String, String> h = new LinkedHashMap<>(s.sign(new byte[0]));
    h.put(
        "(request-target)",
        "get /xs2a-bg/nl/onboarding/v1"); // what the signer signs for the pseudo header
    h.put("Signature", s.signatureHeader(h));
    h.remove("(request-target)");
    assertThat(onboard(h).statusCode()).isEqualTo(200);
  }

  @Test
  void xRequestIdIsNotRequiredUnlessSigned() {
    Map<String, String> h = new LinkedHashMap<>(signer().headers("digest").sign(new byte[0]));
    h.remove("X-Request-ID");
    assertThat(onboard(h).statusCode()).isEqualTo(200);
  }

  @Test
  void tok3UnknownTenantIs404ResourceUnknown() {
    for (String tenant : new String[] {"de", "UK", "be", "nl2"}) {
      HttpResponse<String> r =
          http.get("/xs2a-bg/" + tenant + "/onboarding/v1", signer().sign(new byte[0]));
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(Flow.bgCode(r)).isEqualTo("RESOURCE_UNKNOWN");
      assertThat(Flow.bgText(r)).contains("unknown tenant '" + tenant + "'");
      assertThat(SandboxHttp.json(r).has("access_token")).isFalse();
    }
  }

  // ---- SIG-7: SSL-Certificate (sandbox mode)

  @Test
  void sig7MissingSslCertificate() {
    assertRejected(
        signer().withoutSslCertificate().sign(new byte[0]),
        "CERTIFICATE_MISSING",
        "SSL-Certificate");
  }

  @Test
  void sig7GarbageSslCertificate() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.put("SSL-Certificate", "bm90IGEgY2VydGlmaWNhdGU=");
    assertRejected(h, "CERTIFICATE_INVALID", "SSL-Certificate");
  }

  @Test
  void sig7ExpiredSslCertificate() {
    X509Certificate expired =
        TestPki.tpp("PSDNL-DNB-ONB0001")
            .validity(
                Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)))
            .issue(TestPki.Keys.TPP_A);
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.put("SSL-Certificate", TestPki.header(expired));
    assertRejected(h, "CERTIFICATE_EXPIRED", "SSL-Certificate");
  }

  // ---- certificate rules on TPP-Signature-Certificate

  @Test
  void sig1MissingSigningCertificate() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.remove("TPP-Signature-Certificate");
    assertRejected(h, "CERTIFICATE_MISSING", "TPP-Signature-Certificate");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not base64 !!",
        "bm90IGEgY2VydGlmaWNhdGU=",
        "-----BEGIN CERTIFICATE-----",
        "AAAA"
      })
  void cert3GarbageCertificateIs401NotA500(String garbage) {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.put("TPP-Signature-Certificate", garbage);
    assertRejected(h, "CERTIFICATE_INVALID", "TPP-Signature-Certificate");
  }

  @Test
  void cert3PemWithLineBreaksIsNotTheHeaderEncoding() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    String b64 = TestPki.header(good);
    h.put("TPP-Signature-Certificate", b64 + "AAAA"); // trailing bytes after the DER
    assertRejected(h, "CERTIFICATE_INVALID", "TPP-Signature-Certificate");
  }

  @Test
  void cert2ExpiredAndNotYetValid() {
    X509Certificate expired =
        TestPki.tpp("PSDNL-DNB-ONB0002")
            .validity(
                Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)))
            .issue(TestPki.Keys.TPP_B);
    assertRejected(
        new TestSigner(expired, TestPki.Keys.TPP_B.getPrivate()).sign(new byte[0]),
        "CERTIFICATE_EXPIRED",
        null);
    X509Certificate future =
        TestPki.tpp("PSDNL-DNB-ONB0002")
            .validity(
                Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)))
            .issue(TestPki.Keys.TPP_B);
    TestSigner s = new TestSigner(future, TestPki.Keys.TPP_B.getPrivate()).withoutSslCertificate();
    Map<String, String> h = new LinkedHashMap<>(s.sign(new byte[0]));
    h.put("SSL-Certificate", TestPki.header(good));
    assertRejected(h, "CERTIFICATE_EXPIRED", "TPP-Signature-Certificate");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "PSDNL-DNB",
        "PSD-DNB-1",
        "psdnl-dnb-1",
        "PSDNL-D-1",
        "PSDNL-ABCDEFGHI-1",
        "NL-DNB-R0001"
      })
  void cert1BadOrganizationIdentifier(String orgId) {
    X509Certificate c = TestPki.tpp(orgId.isEmpty() ? null : orgId).issue(TestPki.Keys.TPP_B);
    assertRejected(
        new TestSigner(c, TestPki.Keys.TPP_B.getPrivate()).sign(new byte[0]),
        "CERTIFICATE_INVALID",
        "organizationIdentifier");
  }

  @Test
  void cert5NoQcStatement() {
    X509Certificate c =
        TestPki.tpp("PSDNL-DNB-ONB0003").withoutQcStatement().issue(TestPki.Keys.TPP_B);
    assertRejected(
        new TestSigner(c, TestPki.Keys.TPP_B.getPrivate()).sign(new byte[0]),
        "ROLE_INVALID",
        "qcStatements");
  }

  @Test
  void cert5OnlyAccountServicingRole() {
    X509Certificate c =
        TestPki.tpp("PSDNL-DNB-ONB0003").roles(TestPki.PSP_AS).issue(TestPki.Keys.TPP_B);
    assertRejected(
        new TestSigner(c, TestPki.Keys.TPP_B.getPrivate()).sign(new byte[0]), "ROLE_INVALID", null);
  }

  @Test
  void cert5NoRolesAtAll() {
    X509Certificate c = TestPki.tpp("PSDNL-DNB-ONB0003").roles().issue(TestPki.Keys.TPP_B);
    assertRejected(
        new TestSigner(c, TestPki.Keys.TPP_B.getPrivate()).sign(new byte[0]), "ROLE_INVALID", null);
  }

  @Test
  void cert5RoleNameNotMatchingItsOid() {
    X509Certificate c =
        TestPki.tpp("PSDNL-DNB-ONB0003")
            .roles(new String[] {"0.4.0.19495.1.3", "PSP_PI"})
            .issue(TestPki.Keys.TPP_B);
    assertRejected(
        new TestSigner(c, TestPki.Keys.TPP_B.getPrivate()).sign(new byte[0]),
        "ROLE_INVALID",
        "PSP_PI");
  }

  @Test
  void cert5EachTppRoleAloneIsEnough() {
    for (String[] role : new String[][] {TestPki.PSP_PI, TestPki.PSP_AI, TestPki.PSP_IC}) {
      X509Certificate c =
          TestPki.tpp("PSDNL-DNB-ONB0004").roles(TestPki.PSP_AS, role).issue(TestPki.Keys.TPP_C);
      HttpResponse<String> r =
          onboard(new TestSigner(c, TestPki.Keys.TPP_C.getPrivate()).sign(new byte[0]));
      assertThat(r.statusCode()).as(role[1] + ": " + r.body()).isEqualTo(200);
    }
  }

  // ---- signature rules

  @Test
  void sig1MissingSignature() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.remove("Signature");
    assertRejected(h, "SIGNATURE_MISSING", "Signature");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "keyId=\"x\"",
        "keyId=\"SN=1,CA=x\",algorithm=\"SHA256withRSA\",headers=\"digest\"",
        "keyId=SN=1,algorithm=\"rsa-sha256\",headers=\"digest\",signature=\"AA==\""
      })
  void unparseableSignatureIsInvalid(String value) {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.put("Signature", value);
    assertRejected(h, "SIGNATURE_INVALID", "Signature");
  }

  @Test
  void sig4KeyIdSerialMismatch() {
    String issuer = good.getIssuerX500Principal().getName("RFC1779");
    assertRejected(
        signer()
            .keyId(
                "SN=" + good.getSerialNumber().add(BigInteger.ONE).toString(16) + ",CA=" + issuer)
            .sign(new byte[0]),
        "SIGNATURE_INVALID",
        "serial");
  }

  @Test
  void sig4KeyIdIssuerMismatch() {
    assertRejected(
        signer()
            .keyId("SN=" + good.getSerialNumber().toString(16) + ",CA=CN=Someone Else, C=NL")
            .sign(new byte[0]),
        "SIGNATURE_INVALID",
        "issuer");
  }

  @Test
  void sig4KeyIdInTheContractsFormIsAccepted() {
    String issuer = good.getIssuerX500Principal().getName("RFC1779");
    TestSigner s = signer().keyId("SN=" + good.getSerialNumber().toString(16) + ",CA=" + issuer);
    assertThat(onboard(s.sign(new byte[0])).statusCode()).isEqualTo(200);
  }

  /**
   * The contract's form is lower-case hex without leading zeros: the strict reference sandbox
   * refuses any other spelling, so a kit that sent one would be caught by code it does not share.
   */
  @Test
  void sig4SerialNotInTheContractsFormIsRefused() {
    String issuer = good.getIssuerX500Principal().getName("RFC1779");
    String hex = good.getSerialNumber().toString(16);
    assertRejected(
        signer().keyId("SN=000" + hex + ",CA=" + issuer).sign(new byte[0]),
        "SIGNATURE_INVALID",
        "keyId");
  }

  @Test
  void sig3HeadersWithoutDigest() {
    assertRejected(
        signer().headers("x-request-id").sign(new byte[0]), "SIGNATURE_INVALID", "digest");
  }

  @Test
  void sig3DigestMissing() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.remove("Digest");
    assertRejected(h, "SIGNATURE_INVALID", "Digest");
  }

  @Test
  void sig3DigestNotMatchingTheBodyEvenWhenSigned() {
    // The digest of another body, correctly signed: only the body comparison catches it.
    TestSigner s = signer();
    Map<String, String> h = new LinkedHashMap<>(s.sign(new byte[0]));
    h.put("Digest", TestSigner.digest("SHA-256", "x".getBytes()));
    h.put("Signature", s.signatureHeader(h));
    assertRejected(h, "SIGNATURE_INVALID", "Digest");
  }

  @Test
  void sig3DigestWithUnsupportedAlgorithm() {
    TestSigner s = signer();
    Map<String, String> h = new LinkedHashMap<>(s.sign(new byte[0]));
    h.put("Digest", TestSigner.digest("MD5", new byte[0]));
    h.put("Signature", s.signatureHeader(h));
    assertRejected(h, "SIGNATURE_INVALID", "Digest");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA1withRSA", "hmac-sha256", "rsa-sha512", "ecdsa-sha256", ""})
  void sig6UnknownAlgorithmLabel(String label) {
    assertRejected(signer().algorithm(label).sign(new byte[0]), "SIGNATURE_INVALID", "algorithm");
  }

  @Test
  void listedHeaderAbsent() {
    assertRejected(
        signer().headers("digest", "x-request-id", "date").sign(new byte[0]),
        "SIGNATURE_INVALID",
        "date");
  }

  @Test
  void sig2SignatureByAnotherKey() {
    TestSigner wrongKey = new TestSigner(good, TestPki.Keys.TPP_B.getPrivate());
    assertRejected(wrongKey.sign(new byte[0]), "SIGNATURE_INVALID", "verify");
  }

  @Test
  void sig2SignedHeaderChangedAfterSigning() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.put("X-Request-ID", java.util.UUID.randomUUID().toString());
    assertRejected(h, "SIGNATURE_INVALID", "verify");
  }

  @Test
  void sig2SignatureNotBase64() {
    Map<String, String> h = new LinkedHashMap<>(signer().sign(new byte[0]));
    h.put(
        "Signature", h.get("Signature").replaceFirst("signature=\"[^\"]*\"", "signature=\"***\""));
    assertRejected(h, "SIGNATURE_INVALID", "base64");
  }

  private static void assertRejected(
      Map<String, String> headers, String code, String textMentions) {
    HttpResponse<String> r = onboard(headers);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode message = SandboxHttp.json(r).get("tppMessages").get(0);
    assertThat(message.get("category").asText()).isEqualTo("ERROR");
    assertThat(message.get("code").asText()).as(r.body()).isEqualTo(code);
    if (textMentions != null) {
      assertThat(message.get("text").asText()).containsIgnoringCase(textMentions);
    }
  }
}
