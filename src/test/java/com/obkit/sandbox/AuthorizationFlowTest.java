package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Section 6: the authorisation endpoint (AUTH-1..5), the sandbox login, the token endpoint. */
class AuthorizationFlowTest {

  private static final String R = "https://tpp.example/callback";
  private static final String R_QUERY = "https://tpp.example/cb?mode=a";
  private static final String R_SLASH = "https://tpp.example/slash/";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = s256(VERIFIER);

  private static MutableClock clock;
  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static TestSigner signer;
  private static String clientId;
  private static String clientSecret;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now());
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withClock(clock));
    http = new SandboxHttp(sandbox);
    X509Certificate c = TestPki.tpp("PSDNL-DNB-AUTH001").issue(TestPki.Keys.TPP_A);
    signer = new TestSigner(c, TestPki.Keys.TPP_A.getPrivate());
    JsonNode client = Flow.registered(http, "nl", signer, List.of(R, R_QUERY, R_SLASH));
    clientId = client.get("client_id").asText();
    clientSecret = client.get("client_secret").asText();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> params(String redirectUri) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("scope", "openid offline_access");
    p.put("state", "st-42 &x");
    p.put("code_challenge", CHALLENGE);
    p.put("code_challenge_method", "S256");
    return p;
  }

  private static HttpResponse<String> authorize(Map<String, String> params) {
    return http.get("/auth/nl/v1/auth?" + SandboxHttp.query(params));
  }

  private static JsonNode account(String tenant) {
    HttpResponse<String> r =
        http.post("/xs2a-bg/" + tenant + "/sandbox/v1/test-accounts", signer.sign(""), "");
    assertThat(r.statusCode()).isEqualTo(201);
    return SandboxHttp.json(r);
  }

  private static HttpResponse<String> login(String session, String iban, String digipass) {
    return http.post(
        "/auth/nl/v1/login",
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        SandboxHttp.form(
            "session", session, "iban", iban, "digipass", digipass, "action", "login"));
  }

  /** Authorises with a fresh test account and returns the code. */
  private static String code(String redirectUri) {
    HttpResponse<String> auth = authorize(params(redirectUri));
    assertThat(auth.statusCode()).as(auth.body()).isEqualTo(302);
    String session = SandboxHttp.queryOf(SandboxHttp.location(auth).get(0)).get("session");
    JsonNode acc = account("nl");
    HttpResponse<String> done =
        login(session, acc.get("iban").asText(), acc.get("digipass").asText());
    assertThat(done.statusCode()).isEqualTo(302);
    return SandboxHttp.queryOf(SandboxHttp.location(done).get(0)).get("code");
  }

  private static HttpResponse<String> token(String basicUser, String basicSecret, String... form) {
    return Flow.tokenRequest(http, basicUser, basicSecret, form);
  }

  private static void assertErrorPageWithoutRedirect(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Location")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.body()).contains("<html");
  }

  @Test
  void happyFlowFromAuthorisationToTokens() {
    HttpResponse<String> auth = authorize(params(R));
    // AUTH-1: on to the bank's login page on the same host, not back to the TPP.
    assertThat(auth.statusCode()).isEqualTo(302);
    String loginUrl = SandboxHttp.location(auth).get(0);
    assertThat(loginUrl).startsWith(sandbox.baseUrl() + "/auth/nl/v1/login?session=");
    assertThat(loginUrl).doesNotStartWith(R);

    HttpResponse<String> page = http.get(loginUrl.substring(sandbox.baseUrl().toString().length()));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.body()).contains("<form", "name=\"iban\"", "name=\"digipass\"");

    JsonNode acc = account("nl");
    String session = SandboxHttp.queryOf(loginUrl).get("session");
    HttpResponse<String> done =
        login(session, acc.get("iban").asText(), acc.get("digipass").asText());
    assertThat(done.statusCode()).isEqualTo(302);
    String back = SandboxHttp.location(done).get(0);
    assertThat(back).startsWith(R + "?code=");
    Map<String, String> q = SandboxHttp.queryOf(back);
    assertThat(q.get("state")).isEqualTo("st-42 &x");
    String code = q.get("code");
    assertThat(code).hasSizeGreaterThanOrEqualTo(22);

    HttpResponse<String> tokens =
        token(
            clientId,
            clientSecret,
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            R,
            "code_verifier",
            VERIFIER);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode t = SandboxHttp.json(tokens);
    assertThat(t.get("access_token").asText()).isNotBlank();
    assertThat(t.get("refresh_token").asText()).isNotBlank();
    assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.get("expires_in").asInt()).isEqualTo(600);
    assertThat(t.get("scope").asText()).isEqualTo("openid offline_access");
    assertThat(t.get("id_token").asText().split("\\.")).hasSize(3);
    assertThat(tokens.headers().firstValue("Cache-Control")).contains("no-store");

    // Single use.
    HttpResponse<String> again =
        token(
            clientId,
            clientSecret,
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            R,
            "code_verifier",
            VERIFIER);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Flow.oauthError(again)).isEqualTo("invalid_grant");
    // The session is used up too.
    assertThat(login(session, acc.get("iban").asText(), acc.get("digipass").asText()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void redirectUriWithAQueryGetsCodeAppended() {
    HttpResponse<String> auth = authorize(params(R_QUERY));
    String session = SandboxHttp.queryOf(SandboxHttp.location(auth).get(0)).get("session");
    JsonNode acc = account("nl");
    String back =
        SandboxHttp.location(login(session, acc.get("iban").asText(), acc.get("digipass").asText()))
            .get(0);
    assertThat(back).startsWith(R_QUERY + "&code=");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        R + "/", // trailing slash added
        "https://tpp.example/slash", // trailing slash removed
        R + "/x7Qa", // prefix + path segment
        R + "?extra=1", // query added
        "https://tpp.example/cb?mode=b", // query changed
        R + "#frag", // fragment added
        "http://tpp.example/callback", // http for https
        "https://TPP.example/callback", // host case
        "https://tpp.example:443/callback", // explicit default port
        "https://tpp.example:8443/callback", // other port
        "https://evil.tpp.example/callback", // extra subdomain
        "https://tpp.example@evil.example/callback", // userinfo trick
        "https://tpp.example/c%61llback", // percent-encoded path character
        "https://tpp.example/callbac", // last character removed
        " https://tpp.example/callback", // leading space
        "https://tpp.example/Callback" // path case
      })
  void auth2VariantsAreRefusedWithAPageAndNoRedirect(String variant) {
    assertErrorPageWithoutRedirect(authorize(params(variant)));
  }

  @Test
  void auth2MissingRedirectUri() {
    Map<String, String> p = params(R);
    p.remove("redirect_uri");
    assertErrorPageWithoutRedirect(authorize(p));
  }

  @Test
  void repeatedParametersAreRefused() {
    HttpResponse<String> r =
        http.get(
            "/auth/nl/v1/auth?"
                + SandboxHttp.query(params(R))
                + "&redirect_uri="
                + SandboxHttp.enc("https://evil.example/"));
    assertErrorPageWithoutRedirect(r);
  }

  @Test
  void auth3ReplayedRegistrationDropsOldUris() {
    X509Certificate c = TestPki.tpp("PSDNL-DNB-AUTH003").issue(TestPki.Keys.TPP_B);
    TestSigner s = new TestSigner(c, TestPki.Keys.TPP_B.getPrivate());
    String id =
        Flow.registered(http, "nl", s, List.of("https://old.example/cb")).get("client_id").asText();
    Map<String, String> p = params("https://old.example/cb");
    p.put("client_id", id);
    assertThat(authorize(p).statusCode()).isEqualTo(302);
    Flow.registered(http, "uk", s, List.of("https://new.example/cb"));
    assertErrorPageWithoutRedirect(authorize(p));
    p.put("redirect_uri", "https://new.example/cb");
    assertThat(authorize(p).statusCode()).isEqualTo(302);
  }

  @Test
  void auth4UnknownOrMissingClientId() {
    Map<String, String> p = params(R);
    p.put("client_id", "no-such-client");
    assertErrorPageWithoutRedirect(authorize(p));
    p.remove("client_id");
    assertErrorPageWithoutRedirect(authorize(p));
  }

  @Test
  void auth5PkceRequiredWithS256() {
    Map<String, String> p = params(R);
    p.remove("code_challenge");
    assertErrorRedirect(authorize(p), "invalid_request");
    p = params(R);
    p.put("code_challenge_method", "plain");
    assertErrorRedirect(authorize(p), "invalid_request");
    p = params(R);
    p.remove("code_challenge_method");
    assertErrorRedirect(authorize(p), "invalid_request");
    p = params(R);
    p.put("code_challenge", "short");
    assertErrorRedirect(authorize(p), "invalid_request");
  }

  @Test
  void responseTypeMustBeCode() {
    Map<String, String> p = params(R);
    p.put("response_type", "token");
    assertErrorRedirect(authorize(p), "unsupported_response_type");
    p.remove("response_type");
    assertErrorRedirect(authorize(p), "invalid_request");
  }

  private static void assertErrorRedirect(HttpResponse<String> r, String error) {
    assertThat(r.statusCode()).isEqualTo(302);
    String location = SandboxHttp.location(r).get(0);
    assertThat(location).startsWith(R + "?");
    Map<String, String> q = SandboxHttp.queryOf(location);
    assertThat(q.get("error")).isEqualTo(error);
    assertThat(q.get("state")).isEqualTo("st-42 &x");
    assertThat(q).doesNotContainKey("code");
  }

  @Test
  void wrongCredentialsShowTheFormAgain() {
    JsonNode acc = account("nl");
    JsonNode ukAccount = account("uk");
    for (String[] pair :
        new String[][] {
          {
            acc.get("iban").asText(),
            "0000000000".equals(acc.get("digipass").asText()) ? "1111111111" : "0000000000"
          },
          {"NL00TRIO0000000000", acc.get("digipass").asText()},
          {
            ukAccount.get("iban").asText(), ukAccount.get("digipass").asText()
          }, // another country's account
          {"", ""}
        }) {
      // One session per wrong pair: the third wrong try ends a session (SCA-2).
      HttpResponse<String> auth = authorize(params(R));
      String session = SandboxHttp.queryOf(SandboxHttp.location(auth).get(0)).get("session");
      HttpResponse<String> r = login(session, pair[0], pair[1]);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Location")).isEmpty();
      assertThat(r.body()).contains("do not match", "<form");
      // The session survives a failed attempt.
      assertThat(
              login(session, acc.get("iban").asText(), acc.get("digipass").asText()).statusCode())
          .isEqualTo(302);
    }
  }

  @Test
  void unknownOrForeignSessionIsAnErrorPage() {
    assertErrorPageWithoutRedirect(http.get("/auth/nl/v1/login?session=nope"));
    assertErrorPageWithoutRedirect(login("nope", "x", "y"));
    HttpResponse<String> auth = authorize(params(R));
    String session = SandboxHttp.queryOf(SandboxHttp.location(auth).get(0)).get("session");
    assertErrorPageWithoutRedirect(
        http.get("/auth/uk/v1/login?session=" + session)); // bound to its tenant
  }

  @Test
  void tokenEndpointClientAuthentication() {
    String code = code(R);
    String[] form = {
      "grant_type", "authorization_code", "code", code, "redirect_uri", R, "code_verifier", VERIFIER
    };
    for (HttpResponse<String> r :
        List.of(
            token(null, null, form),
            token(clientId, "wrong", form),
            token("nobody", clientSecret, form))) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(Flow.oauthError(r)).isEqualTo("invalid_client");
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }
    // Client authentication failures do not burn the code.
    assertThat(token(clientId, clientSecret, form).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenEndpointGrantChecks() {
    String[] base = {
      "grant_type", "authorization_code", "redirect_uri", R, "code_verifier", VERIFIER
    };
    HttpResponse<String> wrongRedirect =
        token(
            clientId,
            clientSecret,
            "grant_type",
            "authorization_code",
            "code",
            code(R),
            "redirect_uri",
            R + "/",
            "code_verifier",
            VERIFIER);
    assertThat(wrongRedirect.statusCode()).isEqualTo(400);
    assertThat(Flow.oauthError(wrongRedirect)).isEqualTo("invalid_grant");

    HttpResponse<String> wrongVerifier =
        token(
            clientId,
            clientSecret,
            "grant_type",
            "authorization_code",
            "code",
            code(R),
            "redirect_uri",
            R,
            "code_verifier",
            VERIFIER.replace('d', 'e'));
    assertThat(Flow.oauthError(wrongVerifier)).isEqualTo("invalid_grant");

    HttpResponse<String> noVerifier =
        token(
            clientId,
            clientSecret,
            "grant_type",
            "authorization_code",
            "code",
            code(R),
            "redirect_uri",
            R);
    assertThat(Flow.oauthError(noVerifier)).isEqualTo("invalid_grant");

    HttpResponse<String> unknownCode = token(clientId, clientSecret, concat(base, "code", "nope"));
    assertThat(Flow.oauthError(unknownCode)).isEqualTo("invalid_grant");

    HttpResponse<String> grantType =
        token(clientId, clientSecret, "grant_type", "password", "code", "x");
    assertThat(grantType.statusCode()).isEqualTo(400);
    assertThat(Flow.oauthError(grantType)).isEqualTo("unsupported_grant_type");

    HttpResponse<String> noCode = token(clientId, clientSecret, base);
    assertThat(Flow.oauthError(noCode)).isEqualTo("invalid_request");

    String late = code(R);
    clock.advance(Duration.ofMinutes(10));
    try {
      HttpResponse<String> expired = token(clientId, clientSecret, concat(base, "code", late));
      assertThat(Flow.oauthError(expired)).isEqualTo("invalid_grant");
    } finally {
      clock.advance(Duration.ofMinutes(-10));
    }
  }

  @Test
  void aReplayedRegistrationRotatesTheSecret() {
    X509Certificate c = TestPki.tpp("PSDNL-DNB-AUTH004").issue(TestPki.Keys.TPP_C);
    TestSigner s = new TestSigner(c, TestPki.Keys.TPP_C.getPrivate());
    JsonNode first = Flow.registered(http, "nl", s, List.of(R));
    JsonNode second = Flow.registered(http, "nl", s, List.of(R));
    String id = second.get("client_id").asText();
    Map<String, String> p = params(R);
    p.put("client_id", id);
    String session = SandboxHttp.queryOf(SandboxHttp.location(authorize(p)).get(0)).get("session");
    JsonNode acc = account("nl");
    String code =
        SandboxHttp.queryOf(
                SandboxHttp.location(
                        login(session, acc.get("iban").asText(), acc.get("digipass").asText()))
                    .get(0))
            .get("code");
    String[] form = {
      "grant_type", "authorization_code", "code", code, "redirect_uri", R, "code_verifier", VERIFIER
    };
    assertThat(token(id, first.get("client_secret").asText(), form).statusCode()).isEqualTo(401);
    assertThat(token(id, second.get("client_secret").asText(), form).statusCode()).isEqualTo(200);
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
