package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.json;
import static com.obkit.checks.Exchanges.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import org.junit.jupiter.api.Test;

/** The onboarding answer's checks (TOK-1): a passing answer next to each way it fails. */
class TokenChecksTest {
  private static final HttpExchange TOKEN =
      json(
          200,
          "{\"access_token\":\"0123456789abcdef\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
              + "\"scope\":\"client-reg\","
              + "\"_links\":{\"registration\":\"https://api.bank.example/xs2a-bg/nl/register/v1\"}}");

  @Test
  void jsonBody() {
    Check<HttpExchange> check = TokenChecks.jsonBody();
    assertThat(check.name()).isEqualTo("EnsureJsonBody");
    assertThat(check.evaluate(TOKEN)).isEmpty();
    assertThat(check.evaluate(of(200, "text/plain", "{}")))
        .contains("expected a JSON object with Content-Type application/json, got 'text/plain'");
    assertThat(check.evaluate(json(200, "[1]")))
        .contains(
            "expected a JSON object with Content-Type application/json, got 'application/json'");
    assertThat(check.evaluate(json(200, "not json"))).isPresent();
    assertThat(check.evaluate(bare(200)))
        .contains("expected a JSON object with Content-Type application/json, got ''");
  }

  @Test
  void scopeIs() {
    Check<HttpExchange> check = TokenChecks.scopeIs("client-reg");
    assertThat(check.name()).isEqualTo("CheckScopeIs");
    assertThat(check.evaluate(TOKEN)).isEmpty();
    assertThat(check.evaluate(json(200, "{\"scope\":\"accounts\"}")))
        .contains("scope is 'accounts', expected 'client-reg'");
    assertThat(check.evaluate(json(200, "{}"))).contains("scope is '', expected 'client-reg'");
  }

  @Test
  void tokenTypeIsComparedWithoutCase() {
    Check<HttpExchange> check = TokenChecks.tokenTypeIs("Bearer");
    assertThat(check.name()).isEqualTo("CheckTokenTypeIs");
    assertThat(check.evaluate(TOKEN)).isEmpty();
    assertThat(check.evaluate(json(200, "{\"token_type\":\"bearer\"}"))).isEmpty();
    assertThat(check.evaluate(json(200, "{\"token_type\":\"mac\"}")))
        .contains("token_type is 'mac', expected Bearer (any case)");
  }

  @Test
  void expiresIn() {
    Check<HttpExchange> check = TokenChecks.expiresIn(3600);
    assertThat(check.name()).isEqualTo("CheckExpiresIn3600");
    assertThat(check.evaluate(TOKEN)).isEmpty();
    assertThat(check.evaluate(json(200, "{\"expires_in\":3599}")))
        .contains("expires_in is 3599, expected the number 3600");
    assertThat(check.evaluate(json(200, "{\"expires_in\":\"3600\"}")))
        .contains("expires_in is \"3600\", expected the number 3600");
    assertThat(check.evaluate(json(200, "{\"expires_in\":3600.0}")))
        .contains("expires_in is 3600.0, expected the number 3600");
    assertThat(check.evaluate(json(200, "{}")))
        .contains("expires_in is , expected the number 3600");
    assertThat(check.evaluate(bare(200))).contains("expires_in is null, expected the number 3600");
  }

  @Test
  void accessTokenPresent() {
    Check<HttpExchange> check = TokenChecks.accessTokenPresent();
    assertThat(check.name()).isEqualTo("CheckAccessTokenPresent");
    assertThat(check.evaluate(TOKEN)).isEmpty();
    assertThat(check.evaluate(json(200, "{\"access_token\":\"0123456789abcde\"}")))
        .contains("access_token is missing or shorter than 16 characters");
    assertThat(check.evaluate(json(200, "{}"))).isPresent();
  }

  @Test
  void noAccessToken() {
    Check<HttpExchange> check = TokenChecks.noAccessToken();
    assertThat(check.name()).isEqualTo("EnsureNoTokenIssued");
    assertThat(check.evaluate(json(401, "{\"tppMessages\":[]}"))).isEmpty();
    assertThat(check.evaluate(TOKEN))
        .contains("an access token was issued with " + DESCRIBED + " -> 200");
    assertThat(check.evaluate(json(200, "{}")))
        .contains("an access token was issued with " + DESCRIBED + " -> 200");
    assertThat(check.evaluate(json(401, "{\"access_token\":\"x\"}")))
        .contains("an access token was issued with " + DESCRIBED + " -> 401");
  }

  @Test
  void registrationLinkAbsolute() {
    Check<HttpExchange> check = TokenChecks.registrationLinkAbsolute();
    assertThat(check.name()).isEqualTo("CheckRegistrationLinkIsAbsoluteUrl");
    assertThat(check.evaluate(TOKEN)).isEmpty();
    assertThat(check.evaluate(json(200, "{\"_links\":{\"registration\":\"http://h.example/r\"}}")))
        .isEmpty();
    assertThat(
            check.evaluate(json(200, "{\"_links\":{\"registration\":{\"href\":\"https://h/r\"}}}")))
        .contains("_links.registration is not a string: {\"href\":\"https://h/r\"}");
    assertThat(check.evaluate(json(200, "{}"))).contains("_links.registration is not a string: ");
    assertThat(check.evaluate(bare(200))).contains("_links.registration is not a string: null");
    assertThat(check.evaluate(json(200, "{\"_links\":{\"registration\":\"/register/v1\"}}")))
        .contains("_links.registration '/register/v1' is not an absolute http(s) URL");
    assertThat(check.evaluate(json(200, "{\"_links\":{\"registration\":\"ftp://h.example/r\"}}")))
        .contains("_links.registration 'ftp://h.example/r' is not an absolute http(s) URL");
    assertThat(check.evaluate(json(200, "{\"_links\":{\"registration\":\"mailto:a@b.example\"}}")))
        .contains("_links.registration 'mailto:a@b.example' is not an absolute http(s) URL");
    assertThat(
            check.evaluate(json(200, "{\"_links\":{\"registration\":\"https://h.example/a b\"}}")))
        .contains("_links.registration 'https://h.example/a b' is not a URI");
  }
}
