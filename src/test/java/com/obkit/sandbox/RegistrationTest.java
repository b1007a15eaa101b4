package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Section 5: REG-1 .. REG-8. */
class RegistrationTest {

  private static final String REDIRECT = "https://tpp.example/callback";
  private static final Map<URI, String> SECTOR_DOCUMENTS = new ConcurrentHashMap<>();

  private static MutableClock clock;
  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static X509Certificate certA;
  private static X509Certificate certB;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now());
    SectorIdentifierFetcher fake =
        uri -> {
          String doc = SECTOR_DOCUMENTS.get(uri);
          if (doc == null) {
            throw new IOException("GET answered 404, not 200");
          }
          return doc;
        };
    sandbox =
        ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withClock(clock), fake);
    http = new SandboxHttp(sandbox);
    certA = TestPki.tpp("PSDNL-DNB-REG000A").issue(TestPki.Keys.TPP_A);
    certB = TestPki.tpp("PSDBE-NBB-REG000B").issue(TestPki.Keys.TPP_B);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static TestSigner a() {
    return new TestSigner(certA, TestPki.Keys.TPP_A.getPrivate());
  }

  private static TestSigner b() {
    return new TestSigner(certB, TestPki.Keys.TPP_B.getPrivate());
  }

  /**
   * A request as the bank's page shows it: token in the form, certificate headers, no signature.
   */
  private static HttpResponse<String> pageStyle(TestSigner signer, String body) {
    Map<String, String> h = new LinkedHashMap<>(signer.certificatesOnly());
    h.put("Content-Type", "application/x-www-form-urlencoded");
    h.put("Accept", "application/json");
    return http.post("/auth/nl/v1/registration", h, body);
  }

  private static void assertOAuthError(
      HttpResponse<String> r, int status, String error, String mentions) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = SandboxHttp.json(r);
    assertThat(body.get("error").asText()).as(r.body()).isEqualTo(error);
    assertThat(body.get("error_description").asText()).isNotBlank();
    if (mentions != null) {
      assertThat(body.get("error_description").asText()).containsIgnoringCase(mentions);
    }
  }

  @Test
  void reg1PageStyleRequest() {
    String token = Flow.token(http, "nl", a());
    HttpResponse<String> r =
        pageStyle(a(), SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = SandboxHttp.json(r);
    assertThat(body.get("client_id").asText()).isNotBlank();
    assertThat(body.get("client_secret").asText()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(body.get("redirect_uris").toString()).isEqualTo("[\"" + REDIRECT + "\"]");
    assertThat(body.get("grant_types").toString()).isEqualTo("[\"authorization_code\"]");
    assertThat(body.get("response_types").toString()).isEqualTo("[\"code\"]");
    assertThat(body.get("token_endpoint_auth_method").asText()).isEqualTo("client_secret_basic");
    assertThat(body.get("client_id_issued_at").asLong())
        .isBetween(clock.instant().getEpochSecond() - 86400 * 3, clock.instant().getEpochSecond());
    assertThat(body.get("client_secret_expires_at").asLong()).isZero();
    assertThat(body.has("sector_identifier_uri")).isFalse();
  }

  @Test
  void reg1ProductionStyleRequestSignedWithBearerAndSeveralUris() {
    List<String> uris =
        List.of("https://tpp.example/b", "https://tpp.example/a", "http://localhost:8080/cb");
    JsonNode body = Flow.registered(http, "nl", a(), uris);
    assertThat(body.get("redirect_uris").toString())
        .isEqualTo(
            "[\"https://tpp.example/b\",\"https://tpp.example/a\",\"http://localhost:8080/cb\"]");
  }

  @Test
  void bearerHeaderAlone() {
    String token = Flow.token(http, "nl", a());
    Map<String, String> h = new LinkedHashMap<>(a().certificatesOnly());
    h.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    h.put("Authorization", "Bearer " + token);
    assertThat(
            http.post("/auth/nl/v1/registration", h, SandboxHttp.form("redirect_uris", REDIRECT))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void reg3TokenProblems() {
    String token = Flow.token(http, "nl", a());
    String other = Flow.token(http, "nl", a());
    assertOAuthError(
        pageStyle(a(), SandboxHttp.form("redirect_uris", REDIRECT)),
        401,
        "invalid_token",
        "initial access token");
    assertOAuthError(
        pageStyle(
            a(), SandboxHttp.form("initial_access_token", "made-up", "redirect_uris", REDIRECT)),
        401,
        "invalid_token",
        null);

    Map<String, String> h = new LinkedHashMap<>(a().certificatesOnly());
    h.put("Content-Type", "application/x-www-form-urlencoded");
    h.put("Authorization", "Bearer " + other);
    HttpResponse<String> differ =
        http.post(
            "/auth/nl/v1/registration",
            h,
            SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT));
    assertOAuthError(differ, 401, "invalid_token", "differ");
    assertThat(differ.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

    h.put("Authorization", "Bearer ");
    HttpResponse<String> empty =
        http.post("/auth/nl/v1/registration", h, SandboxHttp.form("redirect_uris", REDIRECT));
    assertThat(empty.statusCode()).isIn(400, 401);
    assertThat(Flow.oauthError(empty)).isIn("invalid_token", "invalid_request");

    h.put("Authorization", "Basic " + token);
    assertOAuthError(
        http.post("/auth/nl/v1/registration", h, SandboxHttp.form("redirect_uris", REDIRECT)),
        401,
        "invalid_token",
        "Bearer");
  }

  @Test
  void reg3ExpiredTokenByTheClock() {
    String token = Flow.token(http, "nl", a());
    clock.advance(Duration.ofSeconds(86399));
    try {
      assertThat(
              pageStyle(
                      a(),
                      SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT))
                  .statusCode())
          .isEqualTo(201);
      clock.advance(Duration.ofSeconds(1));
      assertOAuthError(
          pageStyle(
              a(), SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT)),
          401,
          "invalid_token",
          "expired");
    } finally {
      clock.advance(Duration.ofSeconds(-86400));
    }
  }

  @Test
  void reg3ExpiryHookForTheKit() {
    String token = Flow.token(http, "nl", b());
    String tokenOfA = Flow.token(http, "nl", a());
    assertThat(sandbox.expireInitialAccessTokens("PSDBE-NBB-REG000B")).isGreaterThanOrEqualTo(1);
    assertOAuthError(
        pageStyle(b(), SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT)),
        401,
        "invalid_token",
        null);
    // Another organization's tokens live on.
    assertThat(
            pageStyle(
                    a(),
                    SandboxHttp.form("initial_access_token", tokenOfA, "redirect_uris", REDIRECT))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void reg6TokenOfAnotherOrganization() {
    String tokenOfB = Flow.token(http, "nl", b());
    assertOAuthError(
        Flow.register(http, "nl", a(), tokenOfB, List.of(REDIRECT)),
        401,
        "invalid_token",
        "PSDBE-NBB-REG000B");
  }

  @Test
  void reg4NoRedirectUris() {
    String token = Flow.token(http, "nl", a());
    assertOAuthError(
        pageStyle(a(), SandboxHttp.form("initial_access_token", token)),
        400,
        "invalid_request",
        "There should be at least one redirect URI");
    assertOAuthError(
        pageStyle(a(), SandboxHttp.form("initial_access_token", token, "redirect_uris", "")),
        400,
        "invalid_request",
        "at least one");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/callback",
        "tpp.example/callback",
        "https://tpp.example/cb#frag",
        "https://tpp.example/cb#",
        "https:///cb",
        "https://tp p.example/",
        "urn:ietf:wg:oauth:2.0:oob",
        "mailto:x@tpp.example"
      })
  void reg5NotAbsoluteOrWithFragment(String uri) {
    String token = Flow.token(http, "nl", a());
    assertOAuthError(
        Flow.register(http, "nl", a(), token, List.of(REDIRECT, uri)),
        400,
        "invalid_redirect_uri",
        uri);
  }

  @Test
  void reg8PlainHttpOnlyInTheSandbox() {
    assertThat(
            Flow.register(
                    http, "nl", a(), Flow.token(http, "nl", a()), List.of("http://tpp.example/cb"))
                .statusCode())
        .isEqualTo(201);
    try (ReferenceSandbox production =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withMode(SandboxOptions.Mode.PRODUCTION))) {
      SandboxHttp p = new SandboxHttp(production);
      TestSigner s = a().withoutSslCertificate();
      String token = Flow.token(p, "nl", s);
      assertOAuthError(
          Flow.register(p, "nl", s, token, List.of(REDIRECT, "http://tpp.example/cb")),
          400,
          "invalid_redirect_uri",
          "http://tpp.example/cb");
      assertThat(Flow.register(p, "nl", s, token, List.of(REDIRECT)).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void reg7SectorIdentifier() {
    String token = Flow.token(http, "nl", a());
    String good = "https://tpp.example/sector.json";
    SECTOR_DOCUMENTS.put(URI.create(good), "[\"" + REDIRECT + "\", \"https://tpp.example/other\"]");
    SECTOR_DOCUMENTS.put(
        URI.create("https://tpp.example/partial.json"), "[\"https://tpp.example/other\"]");
    SECTOR_DOCUMENTS.put(
        URI.create("https://tpp.example/object.json"),
        "{\"redirect_uris\":[\"" + REDIRECT + "\"]}");
    SECTOR_DOCUMENTS.put(URI.create("https://tpp.example/garbage.json"), "<html>");

    HttpResponse<String> ok =
        pageStyle(
            a(),
            SandboxHttp.form(
                "initial_access_token",
                token,
                "redirect_uris",
                REDIRECT,
                "sector_identifier_uri",
                good));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(SandboxHttp.json(ok).get("sector_identifier_uri").asText()).isEqualTo(good);

    HttpResponse<String> empty =
        pageStyle(
            a(),
            SandboxHttp.form(
                "initial_access_token",
                token,
                "redirect_uris",
                REDIRECT,
                "sector_identifier_uri",
                ""));
    assertThat(empty.statusCode()).isEqualTo(201);
    assertThat(SandboxHttp.json(empty).has("sector_identifier_uri")).isFalse();

    for (String bad :
        new String[] {
          "http://tpp.example/sector.json",
          "https://tpp.example/missing.json",
          "https://tpp.example/partial.json",
          "https://tpp.example/object.json",
          "https://tpp.example/garbage.json",
          "not a uri"
        }) {
      HttpResponse<String> r =
          pageStyle(
              a(),
              SandboxHttp.form(
                  "initial_access_token",
                  token,
                  "redirect_uris",
                  REDIRECT,
                  "sector_identifier_uri",
                  bad));
      assertOAuthError(r, 400, "invalid_client_metadata", "sector_identifier_uri");
    }
  }

  @Test
  void reg2SameClientIdAcrossReplaysTenantsAndCertificatesUrisReplaced() {
    String org = "PSDDE-BAFIN-REG2";
    X509Certificate first = TestPki.tpp(org).issue(TestPki.Keys.TPP_A);
    X509Certificate renewed = TestPki.tpp(org).commonName("Renewed").issue(TestPki.Keys.TPP_C);
    TestSigner s1 = new TestSigner(first, TestPki.Keys.TPP_A.getPrivate());
    TestSigner s2 = new TestSigner(renewed, TestPki.Keys.TPP_C.getPrivate());

    JsonNode r1 = Flow.registered(http, "nl", s1, List.of("https://tpp.example/one"));
    JsonNode r2 =
        Flow.registered(
            http, "uk", s1, List.of("https://tpp.example/two", "https://tpp.example/three"));
    JsonNode r3 = Flow.registered(http, "be_fr", s2, List.of("https://tpp.example/four"));

    String clientId = r1.get("client_id").asText();
    assertThat(r2.get("client_id").asText()).isEqualTo(clientId);
    assertThat(r3.get("client_id").asText()).isEqualTo(clientId);
    assertThat(r2.get("client_id_issued_at").asLong())
        .isEqualTo(r1.get("client_id_issued_at").asLong());
    assertThat(r2.get("redirect_uris").toString())
        .isEqualTo("[\"https://tpp.example/two\",\"https://tpp.example/three\"]");
    assertThat(sandbox.state().redirectUris(org)).containsExactly("https://tpp.example/four");
    assertThat(sandbox.state().clientId(org)).contains(clientId);
    // A new secret on every registration (documented choice).
    Set<String> secrets =
        Set.of(
            r1.get("client_secret").asText(),
            r2.get("client_secret").asText(),
            r3.get("client_secret").asText());
    assertThat(secrets).hasSize(3);
    // Another organization gets another client.
    JsonNode otherOrg = Flow.registered(http, "nl", b(), List.of(REDIRECT));
    assertThat(otherOrg.get("client_id").asText()).isNotEqualTo(clientId);
  }

  @Test
  void concurrentRegistrationsOfOneOrganizationYieldOneClientId() throws Exception {
    String org = "PSDNL-DNB-CONC32";
    X509Certificate c = TestPki.tpp(org).issue(TestPki.Keys.TPP_C);
    TestSigner s = new TestSigner(c, TestPki.Keys.TPP_C.getPrivate());
    String token = Flow.token(http, "nl", s);
    int before = sandbox.state().clientCount();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String uri = "https://tpp.example/cb" + i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return Flow.register(http, "nl", s, token, List.of(uri));
                }));
      }
      go.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<HttpResponse<String>> f : futures) {
        HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ids.add(SandboxHttp.json(r).get("client_id").asText());
      }
      assertThat(ids).hasSize(1);
      assertThat(sandbox.state().clientCount()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void contentTypeMustBeAForm() {
    String token = Flow.token(http, "nl", a());
    Map<String, String> h = new LinkedHashMap<>(a().certificatesOnly());
    h.put("Content-Type", "application/json");
    HttpResponse<String> r =
        http.post(
            "/auth/nl/v1/registration",
            h,
            "{\"initial_access_token\":\""
                + token
                + "\",\"redirect_uris\":[\""
                + REDIRECT
                + "\"]}");
    assertOAuthError(r, 400, "invalid_request", "application/json");
    h.remove("Content-Type");
    assertOAuthError(
        http.post(
            "/auth/nl/v1/registration",
            h,
            SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT)),
        400,
        "invalid_request",
        "Content-Type");
  }

  @Test
  void malformedPercentEncodingIsInvalidRequest() {
    assertOAuthError(
        pageStyle(a(), "initial_access_token=x&redirect_uris=%zz"),
        400,
        "invalid_request",
        "percent");
    assertOAuthError(pageStyle(a(), "redirect_uris=%E9"), 400, "invalid_request", "UTF-8");
    assertOAuthError(pageStyle(a(), "redirect_uris=abc%4"), 400, "invalid_request", "percent");
  }

  @Test
  void formDecodingOfRedirectUris() {
    String token = Flow.token(http, "nl", a());
    // Encoded query characters are decoded once: the registered URI is the decoded value.
    HttpResponse<String> r =
        pageStyle(
            a(),
            "initial_access_token="
                + token
                + "&redirect_uris=https%3A%2F%2Ftpp.example%2Fcb%3Fa%3D1%26b%3D2&redirect_uris=https://tpp.example/x");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(SandboxHttp.json(r).get("redirect_uris").toString())
        .isEqualTo("[\"https://tpp.example/cb?a=1&b=2\",\"https://tpp.example/x\"]");
  }

  @Test
  void certificateHeadersAreRequiredWithBgCodesAsOAuthErrors() {
    String token = Flow.token(http, "nl", a());
    String body = SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/x-www-form-urlencoded");
    assertOAuthError(
        http.post("/auth/nl/v1/registration", h, body),
        401,
        "CERTIFICATE_MISSING",
        "SSL-Certificate");
    h.put("SSL-Certificate", TestPki.header(certA));
    assertOAuthError(
        http.post("/auth/nl/v1/registration", h, body),
        401,
        "CERTIFICATE_MISSING",
        "TPP-Signature-Certificate");
    h.put("TPP-Signature-Certificate", "garbage");
    assertOAuthError(
        http.post("/auth/nl/v1/registration", h, body),
        401,
        "CERTIFICATE_INVALID",
        "TPP-Signature-Certificate");
    X509Certificate noRole =
        TestPki.tpp("PSDNL-DNB-REG000A").roles(TestPki.PSP_AS).issue(TestPki.Keys.TPP_A);
    h.put("TPP-Signature-Certificate", TestPki.header(noRole));
    assertOAuthError(http.post("/auth/nl/v1/registration", h, body), 401, "ROLE_INVALID", null);
  }

  @Test
  void aSignatureWhenPresentIsVerified() {
    String token = Flow.token(http, "nl", a());
    String body = SandboxHttp.form("initial_access_token", token, "redirect_uris", REDIRECT);
    Map<String, String> h = new LinkedHashMap<>(a().sign(body));
    h.put("Content-Type", "application/x-www-form-urlencoded");
    // Body changed after signing: the digest no longer matches the exact bytes.
    assertOAuthError(
        http.post("/auth/nl/v1/registration", h, body + "&redirect_uris=https://evil.example/"),
        401,
        "SIGNATURE_INVALID",
        "Digest");
    Map<String, String> wrongKey =
        new LinkedHashMap<>(new TestSigner(certA, TestPki.Keys.TPP_B.getPrivate()).sign(body));
    wrongKey.put("Content-Type", "application/x-www-form-urlencoded");
    assertOAuthError(
        http.post("/auth/nl/v1/registration", wrongKey, body), 401, "SIGNATURE_INVALID", null);
    assertThat(http.post("/auth/nl/v1/registration", h, body).statusCode()).isEqualTo(201);
  }

  @Test
  void unknownTenantIs404InOAuthShape() {
    String token = Flow.token(http, "nl", a());
    assertOAuthError(
        Flow.register(http, "fr", a(), token, List.of(REDIRECT)), 404, "invalid_request", "tenant");
  }
}
