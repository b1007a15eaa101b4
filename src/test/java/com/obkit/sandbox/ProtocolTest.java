package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Section 1 (version, OpenAPI, discovery) and section 8 (error shapes for 404, 405, 413; ERR-1).
 */
class ProtocolTest {

  private static final int LIMIT = 4096;
  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withMaxBodyBytes(LIMIT));
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void versionIsLive() {
    HttpResponse<String> r = http.get("/xs2a-bg/version");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = SandboxHttp.json(r);
    assertThat(body.get("service").asText()).isEqualTo("reference-sandbox");
    assertThat(body.get("version").asText()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/xs2a-bg/openapi.json", "/auth/openapi.json"})
  void openApiDocumentsAreOpenApi3ListingTheOperations(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode doc = SandboxHttp.json(r);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("info").get("title").asText()).isNotBlank();
    JsonNode paths = doc.get("paths");
    if (path.startsWith("/xs2a-bg")) {
      assertThat(paths.has("/xs2a-bg/{tenant}/onboarding/v1")).isTrue();
      assertThat(paths.has("/xs2a-bg/{tenant}/v1/onboarding")).isTrue();
      assertThat(paths.has("/xs2a-bg/{tenant}/sandbox/v1/test-accounts")).isTrue();
    } else {
      assertThat(paths.has("/auth/{tenant}/v1/registration")).isTrue();
      assertThat(paths.has("/auth/{tenant}/v1/auth")).isTrue();
      assertThat(paths.has("/auth/{tenant}/v1/token")).isTrue();
    }
  }

  @Test
  void discoveryHasAbsoluteEndpointsAndS256() {
    HttpResponse<String> r = http.get("/auth/be_nl/.well-known/openid-configuration");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode d = SandboxHttp.json(r);
    String base = sandbox.baseUrl() + "/auth/be_nl";
    assertThat(d.get("issuer").asText()).isEqualTo(base);
    assertThat(d.get("authorization_endpoint").asText()).isEqualTo(base + "/v1/auth");
    assertThat(d.get("token_endpoint").asText()).isEqualTo(base + "/v1/token");
    assertThat(d.get("registration_endpoint").asText()).isEqualTo(base + "/v1/registration");
    assertThat(d.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    assertThat(d.get("response_types_supported").toString()).isEqualTo("[\"code\"]");
    assertThat(d.get("token_endpoint_auth_methods_supported").toString())
        .isEqualTo("[\"client_secret_basic\"]");
    assertThat(d.get("grant_types_supported").toString()).contains("authorization_code");
  }

  @Test
  void discoveryOfUnknownTenantIs404InOAuthShape() {
    HttpResponse<String> r = http.get("/auth/fr/.well-known/openid-configuration");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Flow.oauthError(r)).isEqualTo("invalid_request");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/xs2a-bg/nl/accounts",
        "/xs2a-bg/nl/onboarding/v2",
        "/",
        "/favicon.ico",
        "/xs2a-bg"
      })
  void unknownXs2aPathsAre404ResourceUnknown(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Flow.bgCode(r)).isEqualTo("RESOURCE_UNKNOWN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/auth/nl/v1/introspect", "/auth/nl/v2/token", "/auth"})
  void unknownAuthPathsAre404InOAuthShape(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Flow.oauthError(r)).isEqualTo("invalid_request");
  }

  @Test
  void unknownTenantOnBrowserPagesIsAnHtml404() {
    HttpResponse<String> r = http.get("/auth/xx/v1/auth?client_id=a");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void wrongMethodIs405InTheRightShape() {
    HttpResponse<String> xs2a =
        http.send(
            HttpRequest.newBuilder(http.uri("/xs2a-bg/nl/onboarding/v1"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            Map.of());
    assertThat(xs2a.statusCode()).isEqualTo(405);
    assertThat(Flow.bgCode(xs2a)).isEqualTo("SERVICE_INVALID");
    HttpResponse<String> auth = http.get("/auth/nl/v1/token");
    assertThat(auth.statusCode()).isEqualTo(405);
    assertThat(Flow.oauthError(auth)).isEqualTo("invalid_request");
    HttpResponse<String> del =
        http.send(HttpRequest.newBuilder(http.uri("/auth/nl/v1/registration")).DELETE(), Map.of());
    assertThat(del.statusCode()).isEqualTo(405);
  }

  @Test
  void oversizedBodyIs413InTheRightShape() {
    byte[] big = new byte[LIMIT + 1];
    HttpResponse<String> xs2a =
        http.post(
            "/xs2a-bg/nl/sandbox/v1/test-accounts",
            Map.of("Content-Type", "application/json"),
            big);
    assertThat(xs2a.statusCode()).isEqualTo(413);
    assertThat(Flow.bgCode(xs2a)).isEqualTo("FORMAT_ERROR");
    HttpResponse<String> auth =
        http.post(
            "/auth/nl/v1/registration",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            big);
    assertThat(auth.statusCode()).isEqualTo(413);
    assertThat(Flow.oauthError(auth)).isEqualTo("invalid_request");
  }

  @Test
  void oversizedChunkedBodyWithoutContentLengthIs413() {
    byte[] big = new byte[LIMIT * 3];
    HttpRequest.Builder b =
        HttpRequest.newBuilder(http.uri("/auth/nl/v1/registration"))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big)));
    HttpResponse<String> r =
        http.send(b, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(Flow.oauthError(r)).isEqualTo("invalid_request");
  }

  @Test
  void bodyAtTheLimitIsStillRead() {
    // Exactly LIMIT bytes: not a 413 (the certificate check answers instead).
    HttpResponse<String> r =
        http.post(
            "/auth/nl/v1/registration",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            new byte[LIMIT]);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.oauthError(r)).isEqualTo("CERTIFICATE_MISSING");
  }

  @Test
  void garbageEverywhereIsNeverA5xx() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("TPP-Signature-Certificate", "%%%");
    h.put("SSL-Certificate", "%%%");
    h.put("Signature", "\"\"\"");
    h.put("Digest", "=");
    h.put("Authorization", "Bearer");
    h.put("Content-Type", "application/x-www-form-urlencoded");
    for (String path : new String[] {"/xs2a-bg/nl/onboarding/v1", "/xs2a-bg/nl/v1/onboarding"}) {
      assertThat(http.get(path, h).statusCode()).isBetween(400, 499);
    }
    for (String path :
        new String[] {
          "/auth/nl/v1/registration",
          "/auth/nl/v1/token",
          "/auth/nl/v1/login",
          "/xs2a-bg/nl/sandbox/v1/test-accounts"
        }) {
      assertThat(http.post(path, h, "%zz=%&a=%e9").statusCode()).as(path).isBetween(400, 499);
    }
    for (String target :
        new String[] {
          "/auth/nl/v1/auth?%zz",
          "/auth/nl/v1/login?session=%",
          "/auth/nl/v1/auth?client_id=%C3%28",
          "/auth/nl/v1/auth?redirect_uri=%"
        }) {
      String r = RawHttp.exchange(sandbox.baseUrl(), "GET", target, "", new byte[0]);
      assertThat(RawHttp.status(r)).as(target + "\n" + r).isBetween(400, 499);
      assertThat(r).as(target).doesNotContainIgnoringCase("\r\nLocation:");
    }
  }

  @Test
  void largeCertificateHeadersFit() {
    // ~20 KiB of headers: accepted by the server, then refused by the rules (not a 431).
    String big = "A".repeat(10_000);
    HttpResponse<String> r =
        http.get(
            "/xs2a-bg/nl/onboarding/v1",
            Map.of("SSL-Certificate", big, "TPP-Signature-Certificate", big));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(r)).isEqualTo("CERTIFICATE_INVALID");
  }

  @Test
  void malformedRequestTargetsAre4xx() {
    for (String target :
        new String[] {
          "/xs2a-bg/%zz/onboarding/v1", "/xs2a-bg/nl/../../etc/passwd", "/auth/nl/v1/%2e%2e/token"
        }) {
      String r = RawHttp.exchange(sandbox.baseUrl(), "GET", target, "", new byte[0]);
      assertThat(RawHttp.status(r)).as(target + "\n" + r).isBetween(400, 499);
    }
  }

  @Test
  void latencyDelaysAnswers() {
    try (ReferenceSandbox slow =
        ReferenceSandbox.start(
            SandboxOptions.defaults()
                .withTls(false)
                .withLatency(java.time.Duration.ofMillis(300)))) {
      long start = System.nanoTime();
      assertThat(new SandboxHttp(slow).get("/xs2a-bg/version").statusCode()).isEqualTo(200);
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
    }
  }
}
