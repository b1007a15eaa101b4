package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.html;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token endpoint's answers (TKN-*, section 12): the bank's 200 next to each way it breaks. */
class GrantChecksTest {
  /** The 200 of section 12 (PROD). */
  private static final HttpExchange TOKEN =
      json(
          200,
          "{\"access_token\":\"at-0123456789abcdef\",\"token_type\":\"bearer\",\"expires_in\":600,"
              + "\"refresh_token\":\"rt-0123456789abcdef\",\"scope\":\"openid offline_access AIS:c-123\","
              + "\"id_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.sig\"}");

  private static final HttpExchange INVALID_GRANT =
      json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}");
  private static final String INVALID_GRANT_HINT =
      " -> 400 (body: { \"error\" : \"invalid_grant\", \"error_description\" : \"code expired\" })";

  private static Optional<String> wrong(String message) {
    return Optional.of(message);
  }

  @Test
  void accessTokenIssued() {
    Check<HttpExchange> check = GrantChecks.accessTokenIssued();
    assertThat(check.name()).isEqualTo("EnsureAccessTokenIssued");
    assertThat(check.name()).isEqualTo(GrantChecks.ACCESS_TOKEN_ISSUED);
    assertThat(check.evaluate(TOKEN)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(INVALID_GRANT))
        .isEqualTo(wrong("no access_token in " + DESCRIBED + INVALID_GRANT_HINT));
    assertThat(check.evaluate(json(200, "{\"access_token\":\"\"}")))
        .isEqualTo(
            wrong(
                "no access_token in " + DESCRIBED + " -> 200 (body: { \"access_token\" : \"\" })"));
    assertThat(check.evaluate(bare(200)))
        .isEqualTo(wrong("no access_token in " + DESCRIBED + " -> 200"));
  }

  @Test
  void tokenTypeBearer() {
    Check<HttpExchange> check = GrantChecks.tokenTypeBearer();
    assertThat(check.name()).isEqualTo("CheckTokenTypeIsBearer");
    assertThat(check.name()).isEqualTo(GrantChecks.TOKEN_TYPE_BEARER);
    assertThat(check.evaluate(TOKEN)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"token_type\":\"Bearer\"}")))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"token_type\":\"BEARER\"}")))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"token_type\":\"mac\"}")))
        .isEqualTo(wrong("token_type is 'mac', expected Bearer (any case)"));
    assertThat(check.evaluate(json(200, "{}")))
        .isEqualTo(wrong("token_type is '', expected Bearer (any case)"));
  }

  @Test
  void positiveExpiresIn() {
    Check<HttpExchange> check = GrantChecks.positiveExpiresIn();
    assertThat(check.name()).isEqualTo("EnsurePositiveExpiresIn");
    assertThat(check.name()).isEqualTo(GrantChecks.POSITIVE_EXPIRES_IN);
    assertThat(check.evaluate(TOKEN)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"expires_in\":1}"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"expires_in\":0.5}"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"expires_in\":0}")))
        .isEqualTo(wrong("expires_in is 0, expected a positive number"));
    assertThat(check.evaluate(json(200, "{\"expires_in\":-600}")))
        .isEqualTo(wrong("expires_in is -600, expected a positive number"));
    assertThat(check.evaluate(json(200, "{\"expires_in\":\"600\"}")))
        .isEqualTo(wrong("expires_in is \"600\", expected a positive number"));
    assertThat(check.evaluate(json(200, "{\"expires_in\":null}")))
        .isEqualTo(wrong("expires_in is null, expected a positive number"));
    assertThat(check.evaluate(json(200, "{}")))
        .isEqualTo(wrong("no expires_in in the answer, expected a positive number"));
    assertThat(check.evaluate(bare(200)))
        .isEqualTo(wrong("no expires_in in the answer, expected a positive number"));
  }

  @Test
  void scopeHolds() {
    Check<HttpExchange> check = GrantChecks.scopeHolds("AIS:c-123");
    assertThat(check.name()).isEqualTo("EnsureScopeHolds");
    assertThat(check.name()).isEqualTo(GrantChecks.SCOPE_HOLDS);
    assertThat(check.evaluate(TOKEN)).isEqualTo(Optional.empty());
    assertThat(GrantChecks.scopeHolds("offline_access").evaluate(TOKEN))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"scope\":\"AIS:c-123\"}"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"scope\":\"openid AIS:c-1234\"}")))
        .isEqualTo(wrong("scope 'openid AIS:c-1234' does not hold 'AIS:c-123'"));
    assertThat(check.evaluate(json(200, "{\"scope\":\"openid,AIS:c-123\"}")))
        .isEqualTo(wrong("scope 'openid,AIS:c-123' does not hold 'AIS:c-123'"));
    assertThat(check.evaluate(json(200, "{}")))
        .isEqualTo(wrong("no scope in the answer, expected one holding 'AIS:c-123'"));
    assertThat(check.evaluate(bare(200)))
        .isEqualTo(wrong("no scope in the answer, expected one holding 'AIS:c-123'"));
  }

  @Test
  void refreshTokenIssued() {
    Check<HttpExchange> check = GrantChecks.refreshTokenIssued();
    assertThat(check.name()).isEqualTo("EnsureRefreshTokenIssued");
    assertThat(check.name()).isEqualTo(GrantChecks.REFRESH_TOKEN_ISSUED);
    assertThat(check.evaluate(TOKEN)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"access_token\":\"at-0123456789abcdef\"}")))
        .isEqualTo(
            wrong(
                "no refresh_token in "
                    + DESCRIBED
                    + " -> 200 (body: { \"access_token\" : \"at-0****(19 chars)\" })"));
  }

  @Test
  void newAccessToken() {
    Check<HttpExchange> check = GrantChecks.newAccessToken("at-previous-token");
    assertThat(check.name()).isEqualTo("EnsureNewAccessToken");
    assertThat(check.name()).isEqualTo(GrantChecks.NEW_ACCESS_TOKEN);
    assertThat(check.evaluate(TOKEN)).isEqualTo(Optional.empty());
    assertThat(GrantChecks.newAccessToken("at-0123456789abcdef").evaluate(TOKEN))
        .isEqualTo(wrong("the refresh gave the same access token as before"));
    assertThat(check.evaluate(INVALID_GRANT))
        .isEqualTo(wrong("no access_token in " + DESCRIBED + INVALID_GRANT_HINT));
  }

  @Test
  void noTokenIssued() {
    Check<HttpExchange> check = GrantChecks.noTokenIssued();
    assertThat(check.name()).isEqualTo("EnsureNoTokenIssued");
    assertThat(check.name()).isEqualTo(GrantChecks.NO_TOKEN_ISSUED);
    assertThat(check.evaluate(INVALID_GRANT)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(401, "{\"error\":\"invalid_client\",\"access_token\":null}")))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(html(400, "<p>access_token</p>"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(bare(400))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(TOKEN))
        .isEqualTo(
            wrong(
                "the answer carries [access_token, refresh_token, id_token] ("
                    + DESCRIBED
                    + " -> 200)"));
    assertThat(
            check.evaluate(
                json(
                    400, "{\"error\":\"invalid_grant\",\"details\":{\"id_token\":\"eyJ.e30.s\"}}")))
        .isEqualTo(wrong("the answer carries [id_token] (" + DESCRIBED + " -> 400)"));
    assertThat(check.evaluate(json(400, "{\"tokens\":[{\"refresh_token\":\"rt\"}]}")))
        .isEqualTo(wrong("the answer carries [refresh_token] (" + DESCRIBED + " -> 400)"));
    assertThat(check.evaluate(json(400, "{\"access_token\":\"\"}")))
        .isEqualTo(wrong("the answer carries [access_token] (" + DESCRIBED + " -> 400)"));
  }
}
