package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CERT-4: "Registering a new certificate will revoke the previous certificate". */
class CertificateRevocationTest {

  private static final String ORG = "PSDNL-DNB-REV0001";
  private ReferenceSandbox sandbox;
  private SandboxHttp http;

  @BeforeEach
  void start() {
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
    http = new SandboxHttp(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void onboardingWithANewCertificateRevokesThePreviousOne() {
    X509Certificate oldCert = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_A);
    X509Certificate newCert = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_B);
    TestSigner old = new TestSigner(oldCert, TestPki.Keys.TPP_A.getPrivate());
    TestSigner renewed = new TestSigner(newCert, TestPki.Keys.TPP_B.getPrivate());

    String oldToken = Flow.token(http, "nl", old);
    assertThat(sandbox.state().activeCertificateFingerprint(ORG))
        .contains(CertificateVerifier.fingerprint(oldCert));
    assertThat(Flow.token(http, "nl", old))
        .isNotBlank(); // the active certificate may onboard again

    // Not yet active, not revoked: accepted for registration, with a token of its organization id.
    assertThat(
            Flow.register(http, "nl", renewed, oldToken, List.of("https://tpp.example/cb"))
                .statusCode())
        .isEqualTo(201);
    assertThat(sandbox.state().isRevoked(oldCert)).isFalse();

    String newToken = Flow.token(http, "be_nl", renewed);
    assertThat(sandbox.state().isRevoked(oldCert)).isTrue();
    assertThat(sandbox.state().isRevoked(newCert)).isFalse();
    assertThat(sandbox.state().activeCertificateFingerprint(ORG))
        .contains(CertificateVerifier.fingerprint(newCert));

    HttpResponse<String> onboarding = Flow.onboard(http, "uk", old);
    assertThat(onboarding.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(onboarding)).isEqualTo("CERTIFICATE_REVOKED");

    HttpResponse<String> registration =
        Flow.register(http, "nl", old, newToken, List.of("https://tpp.example/cb"));
    assertThat(registration.statusCode()).isEqualTo(401);
    assertThat(Flow.oauthError(registration)).isEqualTo("CERTIFICATE_REVOKED");

    Map<String, String> h = new LinkedHashMap<>(old.sign(""));
    HttpResponse<String> account = http.post("/xs2a-bg/nl/sandbox/v1/test-accounts", h, "");
    assertThat(account.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(account)).isEqualTo("CERTIFICATE_REVOKED");

    // The new one keeps working everywhere.
    assertThat(
            Flow.register(http, "nl", renewed, newToken, List.of("https://tpp.example/cb"))
                .statusCode())
        .isEqualTo(201);
    assertThat(http.post("/xs2a-bg/nl/sandbox/v1/test-accounts", renewed.sign(""), "").statusCode())
        .isEqualTo(201);
  }

  @Test
  void revocationIsPerOrganizationId() {
    X509Certificate a1 = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_A);
    X509Certificate other = TestPki.tpp("PSDNL-DNB-REV0002").issue(TestPki.Keys.TPP_C);
    X509Certificate a2 = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_B);
    Flow.token(http, "nl", new TestSigner(a1, TestPki.Keys.TPP_A.getPrivate()));
    Flow.token(http, "nl", new TestSigner(other, TestPki.Keys.TPP_C.getPrivate()));
    Flow.token(http, "nl", new TestSigner(a2, TestPki.Keys.TPP_B.getPrivate()));
    assertThat(sandbox.state().isRevoked(a1)).isTrue();
    assertThat(sandbox.state().isRevoked(other)).isFalse();
    assertThat(
            Flow.onboard(http, "nl", new TestSigner(other, TestPki.Keys.TPP_C.getPrivate()))
                .statusCode())
        .isEqualTo(200);
    assertThat(sandbox.state().revokedCertificateCount()).isEqualTo(1);
  }

  @Test
  void aFailedOnboardingDoesNotRevoke() {
    X509Certificate a1 = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_A);
    X509Certificate a2 = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_B);
    Flow.token(http, "nl", new TestSigner(a1, TestPki.Keys.TPP_A.getPrivate()));
    // a2 signs with the wrong key: the call fails, a1 stays active.
    HttpResponse<String> r =
        Flow.onboard(http, "nl", new TestSigner(a2, TestPki.Keys.TPP_A.getPrivate()));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(sandbox.state().isRevoked(a1)).isFalse();
    assertThat(
            Flow.onboard(http, "nl", new TestSigner(a1, TestPki.Keys.TPP_A.getPrivate()))
                .statusCode())
        .isEqualTo(200);
  }
}
