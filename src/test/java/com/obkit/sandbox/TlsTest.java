package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS with the in-memory certificate generated at start. */
class TlsTest {

  private static ReferenceSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void servesHttpsWithTheGeneratedCertificate() throws Exception {
    assertThat(sandbox.baseUrl().getScheme()).isEqualTo("https");
    assertThat(sandbox.baseUrl().getPort()).isEqualTo(sandbox.port()).isPositive();
    X509Certificate cert = sandbox.serverCertificate().orElseThrow();
    cert.checkValidity();
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(
            ((java.security.interfaces.RSAPublicKey) cert.getPublicKey()).getModulus().bitLength())
        .isGreaterThanOrEqualTo(2048);
    assertThat(cert.getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
    assertThat(
            cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
        .contains("127.0.0.1", "localhost");

    SandboxHttp http = new SandboxHttp(sandbox);
    assertThat(http.get("/xs2a-bg/version").statusCode()).isEqualTo(200);
    HttpResponse<String> d = http.get("/auth/uk/.well-known/openid-configuration");
    assertThat(SandboxHttp.json(d).get("token_endpoint").asText())
        .isEqualTo(sandbox.baseUrl() + "/auth/uk/v1/token");
  }

  @Test
  void onboardingLinkIsHttpsAndFollowsTheHostTheClientUsed() {
    X509Certificate c = TestPki.tpp("PSDNL-DNB-TLS0001").issue(TestPki.Keys.TPP_A);
    TestSigner s = new TestSigner(c, TestPki.Keys.TPP_A.getPrivate());
    SandboxHttp http = new SandboxHttp(sandbox);
    HttpRequest.Builder viaLocalhost =
        HttpRequest.newBuilder(
                URI.create("https://localhost:" + sandbox.port() + "/xs2a-bg/nl/onboarding/v1"))
            .GET();
    HttpResponse<String> r = http.send(viaLocalhost, s.sign(new byte[0]));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(SandboxHttp.json(r).get("_links").get("registration").asText())
        .isEqualTo("https://localhost:" + sandbox.port() + "/auth/nl/v1/registration");
    // The link works for registration.
    String token = SandboxHttp.json(r).get("access_token").asText();
    assertThat(Flow.register(http, "nl", s, token, List.of("https://tpp.example/cb")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void anUntrustingClientCannotConnect() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(
            () ->
                plain.send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/xs2a-bg/version"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }

  @Test
  void eachSandboxHasItsOwnCertificateAndCloseStopsIt() {
    ReferenceSandbox other = ReferenceSandbox.start(SandboxOptions.defaults());
    URI base = other.baseUrl();
    try {
      assertThat(other.serverCertificate().orElseThrow())
          .isNotEqualTo(sandbox.serverCertificate().orElseThrow());
      assertThat(other.port()).isNotEqualTo(sandbox.port());
    } finally {
      other.close();
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(
                            URI.create("http://" + base.getHost() + ":" + base.getPort() + "/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void plainHttpHasNoCertificate() {
    try (ReferenceSandbox plain =
        ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      assertThat(plain.serverCertificate()).isEmpty();
      assertThat(plain.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + plain.port());
    }
  }
}
