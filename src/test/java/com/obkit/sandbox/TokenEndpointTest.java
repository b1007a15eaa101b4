package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section 12: the token endpoint, TKN-1..TKN-8, and the access token's lifetime. */
class TokenEndpointTest {

  private static final String R = "https://tpp.example/token/cb";
  private static final String R2 = "https://tpp.example/token/other";

  private static MutableClock clock;
  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static Journey tpp;
  private static Journey other;
  private static JsonNode account;
  private static String iban;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now());
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withClock(clock));
    http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-TKN001", TestPki.Keys.TPP_A, "nl", R, R2);
    other = Journey.register(sandbox, http, "PSDNL-DNB-TKN002", TestPki.Keys.TPP_B, "nl", R);
    account = tpp.testAccount();
    iban = account.get("iban").asText();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static void oauth(HttpResponse<String> r, int status, String error) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Flow.oauthError(r)).isEqualTo(error);
    assertThat(r.body()).doesNotContain("access_token");
  }

  /** A fresh code of a new consent. */
  private static String code() {
    return tpp.codeOk(tpp.consentOk(iban).scaRedirect(), account);
  }

  private static String[] exchangeForm(String code) {
    return new String[] {
      "grant_type",
      "authorization_code",
      "code",
      code,
      "redirect_uri",
      R,
      "code_verifier",
      Journey.VERIFIER
    };
  }

  // ---------------------------------------------------------------- TKN-1

  @Test
  void tkn1WithoutOfflineAccessNoRefreshTokenAndWithoutOpenidNoIdToken() {
    Journey.Created c = tpp.consentOk(iban);
    String scaRedirect = c.scaRedirect().replace("openid+offline_access+", "");
    String code = tpp.codeOk(scaRedirect, account);
    JsonNode t = SandboxHttp.json(tpp.exchange(code));
    assertThat(t.properties().stream().map(Map.Entry::getKey))
        .containsExactly("access_token", "token_type", "expires_in", "scope");
    assertThat(t.get("scope").asText()).isEqualTo("AIS:" + c.id());
  }

  // ---------------------------------------------------------------- TKN-2, TKN-3

  @Test
  void tkn2AWrongOrMissingVerifierIsInvalidGrant() {
    oauth(
        tpp.token(
            "grant_type",
            "authorization_code",
            "code",
            code(),
            "redirect_uri",
            R,
            "code_verifier",
            Journey.VERIFIER.replace('d', 'e')),
        400,
        "invalid_grant");
    oauth(
        tpp.token("grant_type", "authorization_code", "code", code(), "redirect_uri", R),
        400,
        "invalid_grant");
    oauth(
        tpp.token(
            "grant_type",
            "authorization_code",
            "code",
            code(),
            "redirect_uri",
            R,
            "code_verifier",
            Journey.CHALLENGE), // the challenge itself (plain) is not the verifier
        400,
        "invalid_grant");
  }

  @Test
  void tkn3AnotherRedirectUriEvenARegisteredOneIsInvalidGrant() {
    for (String uri : List.of(R2, R + "/", "")) {
      oauth(
          tpp.token(
              "grant_type",
              "authorization_code",
              "code",
              code(),
              "redirect_uri",
              uri,
              "code_verifier",
              Journey.VERIFIER),
          400,
          "invalid_grant");
    }
  }

  // ---------------------------------------------------------------- TKN-4

  @Test
  void tkn4ASecondUseIsRefusedAndRevokesTheFirstUsesTokens() {
    Journey.Created c = tpp.consentOk(iban);
    String code = tpp.codeOk(c.scaRedirect(), account);
    JsonNode first = SandboxHttp.json(tpp.exchange(code));
    HttpResponse<String> again = tpp.exchange(code);
    oauth(again, 400, "invalid_grant");
    assertThat(Flow.oauthError(again)).isEqualTo("invalid_grant");
    // The first use's tokens stopped working.
    HttpResponse<String> confirm = tpp.confirmConsent(c, first.get("access_token").asText());
    assertThat(confirm.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(confirm)).isEqualTo("TOKEN_INVALID");
    oauth(tpp.refresh(first.get("refresh_token").asText()), 400, "invalid_grant");
    assertThat(tpp.consentStatus(c.id())).isEqualTo("received");
  }

  @Test
  void tkn4AFailedExchangeUsesTheCodeUpToo() {
    String code = code();
    oauth(
        tpp.token("grant_type", "authorization_code", "code", code, "redirect_uri", R2),
        400,
        "invalid_grant");
    oauth(tpp.exchange(code), 400, "invalid_grant");
  }

  // ---------------------------------------------------------------- TKN-5

  @Test
  void tkn5AnotherClientsCodeIsInvalidGrant() {
    HttpResponse<String> r =
        Flow.tokenRequest(http, other.clientId(), other.clientSecret(), exchangeForm(code()));
    oauth(r, 400, "invalid_grant");
    assertThat(SandboxHttp.json(r).get("error_description").asText())
        .isEqualTo("Authorization code not issued to client");
  }

  // ---------------------------------------------------------------- TKN-6

  @Test
  void tkn6MissingOrWrongClientCredentialsAre401InvalidClient() {
    String code = code();
    String[] form = exchangeForm(code);
    for (HttpResponse<String> r :
        List.of(
            Flow.tokenRequest(http, null, null, form),
            Flow.tokenRequest(http, tpp.clientId(), "wrong", form),
            Flow.tokenRequest(http, "no-such-client", tpp.clientSecret(), form),
            Flow.tokenRequest(http, tpp.clientId(), other.clientSecret(), form),
            http.post(
                "/auth/nl/v1/token",
                Map.of(
                    "Content-Type",
                    "application/x-www-form-urlencoded",
                    "Authorization",
                    "Bearer " + tpp.clientSecret()),
                SandboxHttp.form(form)))) {
      oauth(r, 401, "invalid_client");
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"reference-sandbox\"");
    }
    // Refused client authentication does not spend the code.
    assertThat(tpp.exchange(code).statusCode()).isEqualTo(200);
  }

  @Test
  void tkn6OnlyTheLatestRegistrationsSecretWorks() {
    Journey first =
        Journey.register(sandbox, http, "PSDNL-DNB-TKN003", TestPki.Keys.TPP_C, "nl", R);
    JsonNode replay = Flow.registered(http, "nl", first.signer, List.of(R));
    assertThat(replay.get("client_id").asText()).isEqualTo(first.clientId());
    JsonNode acc = first.testAccount();
    String code = first.codeOk(first.consentOk(acc.get("iban").asText()).scaRedirect(), acc);
    String[] form = exchangeForm(code);
    oauth(
        Flow.tokenRequest(http, first.clientId(), first.clientSecret(), form),
        401,
        "invalid_client");
    assertThat(
            Flow.tokenRequest(http, first.clientId(), replay.get("client_secret").asText(), form)
                .statusCode())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- TKN-7

  @Test
  void tkn7ARefreshRotatesAndTheNewAccessTokenReads() {
    Journey.Authorised a = tpp.validConsentOk(account);
    HttpResponse<String> r = tpp.refresh(a.refreshToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode t = SandboxHttp.json(r);
    assertThat(t.properties().stream().map(Map.Entry::getKey))
        .containsExactly("access_token", "token_type", "expires_in", "refresh_token", "scope");
    assertThat(t.get("scope").asText()).isEqualTo("openid offline_access AIS:" + a.created().id());
    assertThat(t.get("access_token").asText()).isNotEqualTo(a.accessToken());
    assertThat(t.get("refresh_token").asText()).isNotEqualTo(a.refreshToken());
    // The old refresh token is retired; the new one works once.
    oauth(tpp.refresh(a.refreshToken()), 400, "invalid_grant");
    Journey.Authorised renewed =
        new Journey.Authorised(
            a.created(), t.get("access_token").asText(), t.get("refresh_token").asText(), t);
    assertThat(tpp.read("accounts", renewed).statusCode()).isEqualTo(200);
    // The earlier access token lives out its 600 s.
    assertThat(tpp.read("accounts", a).statusCode()).isEqualTo(200);
    assertThat(tpp.refresh(renewed.refreshToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void tkn7AnUnknownOrForeignRefreshTokenIsInvalidGrant() {
    oauth(tpp.refresh("no-such-refresh-token"), 400, "invalid_grant");
    Journey.Authorised a = tpp.validConsentOk(account);
    oauth(
        Flow.tokenRequest(
            http,
            other.clientId(),
            other.clientSecret(),
            "grant_type",
            "refresh_token",
            "refresh_token",
            a.refreshToken()),
        400,
        "invalid_grant");
    // The owner's refresh still works (the foreign attempt did not retire it).
    assertThat(tpp.refresh(a.refreshToken()).statusCode()).isEqualTo(200);
    // An access token is no refresh token.
    oauth(tpp.refresh(a.accessToken()), 400, "invalid_grant");
    oauth(tpp.token("grant_type", "refresh_token"), 400, "invalid_request");
  }

  // ---------------------------------------------------------------- TKN-8

  @Test
  void tkn8OtherGrantTypesAreUnsupported() {
    for (String grant :
        List.of("client_credentials", "password", "implicit", "Authorization_Code")) {
      String[] form = exchangeForm(code());
      form[1] = grant;
      oauth(tpp.token(form), 400, "unsupported_grant_type");
    }
    oauth(tpp.token("code", code()), 400, "invalid_request");
  }

  // ---------------------------------------------------------------- lifetime

  @Test
  void accessTokensLive600SecondsByTheSandboxClock() {
    Journey.Authorised a = tpp.validConsentOk(account);
    clock.advance(Duration.ofSeconds(599));
    try {
      assertThat(tpp.read("accounts", a).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
      HttpResponse<String> r = tpp.read("accounts", a);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(Flow.bgCode(r)).isEqualTo("TOKEN_INVALID");
      // A refresh gives a working one.
      JsonNode t = SandboxHttp.json(tpp.refresh(a.refreshToken()));
      assertThat(
              tpp.read("accounts", a.created().id(), t.get("access_token").asText(), true)
                  .statusCode())
          .isEqualTo(200);
    } finally {
      clock.advance(Duration.ofSeconds(-600));
    }
  }

  @Test
  void expireAccessTokensEndsTheTokensOfOneClient() {
    Journey third =
        Journey.register(sandbox, http, "PSDNL-DNB-TKN004", TestPki.Keys.TPP_C, "nl", R);
    JsonNode acc = third.testAccount();
    Journey.Authorised theirs = third.validConsentOk(acc);
    Journey.Authorised mine = tpp.validConsentOk(account);
    assertThat(sandbox.expireAccessTokens(third.clientId())).isEqualTo(1);
    HttpResponse<String> r = third.read("accounts", theirs);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(r)).isEqualTo("TOKEN_INVALID");
    assertThat(tpp.read("accounts", mine).statusCode()).isEqualTo(200);
    assertThat(sandbox.expireAccessTokens(third.clientId())).isEqualTo(0);
    assertThat(sandbox.expireAccessTokens("no-such-client")).isEqualTo(0);
    // The refresh token still works.
    assertThat(third.refresh(theirs.refreshToken()).statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- discovery, form

  @Test
  void discoveryNamesTheRefreshGrantAndTheRevocationEndpoint() {
    JsonNode d = SandboxHttp.json(http.get("/auth/nl/.well-known/openid-configuration"));
    String base = sandbox.baseUrl() + "/auth/nl";
    assertThat(d.get("grant_types_supported"))
        .isEqualTo(Journey.json("['authorization_code','refresh_token']"));
    assertThat(d.get("revocation_endpoint").asText()).isEqualTo(base + "/v1/token/revoke");
    assertThat(d.get("revocation_endpoint_auth_methods_supported"))
        .isEqualTo(Journey.json("['client_secret_basic']"));
  }

  @Test
  void theIdTokenIsThreeBase64UrlPartsNamingTheClient() throws Exception {
    JsonNode t = SandboxHttp.json(tpp.exchange(code()));
    String[] parts = t.get("id_token").asText().split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = SandboxHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = SandboxHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header)
        .isEqualTo(Journey.json("{'alg':'RS256','typ':'JWT','kid':'reference-sandbox'}"));
    assertThat(claims.get("aud").asText()).isEqualTo(tpp.clientId());
    assertThat(claims.get("iss").asText()).isEqualTo(sandbox.baseUrl() + "/auth/nl");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
  }
}
