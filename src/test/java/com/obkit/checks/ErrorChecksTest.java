package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.html;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each error check with a passing exchange next to each way it fails. */
class ErrorChecksTest {
  private static final String BG_SIGNATURE_INVALID =
      "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"SIGNATURE_INVALID\",\"text\":\"bad\"}]}";

  private static final String PRETTY_WARNING =
      "{ \"tppMessages\" : [ { \"category\" : \"WARNING\", \"code\" : \"SIGNATURE_INVALID\", \"text\" : \"w\" } ] }";
  private static final String PRETTY_OTHER_CODE =
      "{ \"tppMessages\" : [ { \"category\" : \"ERROR\", \"code\" : \"FORMAT_ERROR\", \"text\" : \"w\" } ] }";
  private static final String PRETTY_BLANK_TEXT =
      "{ \"tppMessages\" : [ { \"category\" : \"ERROR\", \"code\" : \"SIGNATURE_INVALID\", \"text\" : \" \" } ] }";

  @Test
  void status() {
    Check<com.obkit.client.HttpExchange> check = ErrorChecks.status(401);
    assertThat(check.name()).isEqualTo("EnsureHttpStatus401");
    assertThat(check.evaluate(bare(401))).isEmpty();
    assertThat(check.evaluate(bare(200)))
        .contains("expected HTTP 401 but " + DESCRIBED + " -> 200");
    assertThat(check.evaluate(json(400, "{\"a\": 1}")))
        .contains("expected HTTP 401 but " + DESCRIBED + " -> 400 (body: { \"a\" : 1 })");
  }

  @Test
  void statusIn() {
    Check<com.obkit.client.HttpExchange> check = ErrorChecks.statusIn(400, 401);
    assertThat(check.name()).isEqualTo("EnsureHttpStatusIn[400,401]");
    assertThat(check.evaluate(bare(400))).isEmpty();
    assertThat(check.evaluate(bare(401))).isEmpty();
    assertThat(check.evaluate(bare(500)))
        .contains("expected HTTP [400, 401] but " + DESCRIBED + " -> 500");
  }

  @Test
  void clientError() {
    Check<com.obkit.client.HttpExchange> check = ErrorChecks.clientError();
    assertThat(check.name()).isEqualTo("EnsureClientError");
    assertThat(check.evaluate(bare(400))).isEmpty();
    assertThat(check.evaluate(bare(499))).isEmpty();
    assertThat(check.evaluate(bare(500)))
        .contains("expected a 4xx client error but " + DESCRIBED + " -> 500");
    assertThat(check.evaluate(bare(399))).isPresent();
    assertThat(check.evaluate(html(200, "<p>ok</p>")))
        .contains("expected a 4xx client error but " + DESCRIBED + " -> 200 (body: <p>ok</p>)");
  }

  @Test
  void berlinGroupError() {
    Check<com.obkit.client.HttpExchange> check =
        ErrorChecks.berlinGroupError("SIGNATURE_INVALID", "CERTIFICATE_INVALID");
    assertThat(check.name())
        .isEqualTo("EnsureBerlinGroupError[SIGNATURE_INVALID, CERTIFICATE_INVALID]");
    assertThat(check.evaluate(json(401, BG_SIGNATURE_INVALID))).isEmpty();
    assertThat(
            check.evaluate(
                json(
                    401,
                    "{\"tppMessages\":[{\"category\":\"WARNING\",\"code\":\"SIGNATURE_INVALID\",\"text\":\"w\"},"
                        + "{\"category\":\"ERROR\",\"code\":\"CERTIFICATE_INVALID\",\"text\":\"c\"}]}")))
        .isEmpty();

    assertThat(check.evaluate(html(401, "<p>no</p>")))
        .contains("expected application/json error body but Content-Type is 'text/html'");
    assertThat(check.evaluate(json(401, "{\"error\":\"x\"}")))
        .contains("body has no tppMessages array: { \"error\" : \"x\" }");
    assertThat(check.evaluate(json(401, "{\"tppMessages\":[]}")))
        .contains("body has no tppMessages array: { \"tppMessages\" : [ ] }");
    assertThat(check.evaluate(json(401, "{\"tppMessages\":{}}"))).isPresent();
    assertThat(check.evaluate(json(401, "not json"))).isPresent();
    String noMatch =
        "no tppMessage {category: ERROR, code: one of [SIGNATURE_INVALID, CERTIFICATE_INVALID], text} in ";
    String warning =
        "{\"tppMessages\":[{\"category\":\"WARNING\",\"code\":\"SIGNATURE_INVALID\",\"text\":\"w\"}]}";
    assertThat(check.evaluate(json(401, warning))).contains(noMatch + PRETTY_WARNING);
    String otherCode =
        "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"FORMAT_ERROR\",\"text\":\"w\"}]}";
    assertThat(check.evaluate(json(401, otherCode))).contains(noMatch + PRETTY_OTHER_CODE);
    String blankText =
        "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"SIGNATURE_INVALID\",\"text\":\" \"}]}";
    assertThat(check.evaluate(json(401, blankText))).contains(noMatch + PRETTY_BLANK_TEXT);
  }

  @Test
  void berlinGroupShape() {
    Check<com.obkit.client.HttpExchange> check = ErrorChecks.berlinGroupShape();
    assertThat(check.name()).isEqualTo("EnsureBerlinGroupErrorShape");
    assertThat(check.evaluate(json(400, BG_SIGNATURE_INVALID))).isEmpty();
    assertThat(check.evaluate(html(400, "<p>x</p>")))
        .contains("expected an application/json error body but Content-Type is 'text/html'");
    assertThat(check.evaluate(json(400, "{}"))).contains("body has no tppMessages array: { }");
    assertThat(check.evaluate(json(400, "{\"tppMessages\":[]}"))).isPresent();
    assertThat(check.evaluate(json(400, "{\"tppMessages\":\"x\"}"))).isPresent();
    assertThat(check.evaluate(json(400, ""))).contains("body has no tppMessages array: ");
    assertThat(
            check.evaluate(
                json(
                    400,
                    "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"X\",\"text\":\"t\"},"
                        + "{\"category\":\"ERROR\",\"code\":\"X\"}]}")))
        .contains(
            "a tppMessage lacks category, code or text: { \"category\" : \"ERROR\", \"code\" : \"X\" }");
    assertThat(
            check.evaluate(
                json(
                    400, "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":1,\"text\":\"t\"}]}")))
        .contains(
            "a tppMessage lacks category, code or text: { \"category\" : \"ERROR\", \"code\" : 1, \"text\" : \"t\" }");
    assertThat(check.evaluate(json(400, "{\"tppMessages\":[{\"code\":\"X\",\"text\":\"t\"}]}")))
        .isPresent();
  }

  @Test
  void oauthShape() {
    Check<com.obkit.client.HttpExchange> check = ErrorChecks.oauthShape();
    assertThat(check.name()).isEqualTo("EnsureOAuthErrorShape");
    assertThat(check.evaluate(json(400, "{\"error\":\"invalid_request\"}"))).isEmpty();
    assertThat(check.evaluate(json(400, BG_SIGNATURE_INVALID))).isEmpty();
    assertThat(check.evaluate(html(400, "<p>x</p>")))
        .contains("expected an application/json error body but Content-Type is 'text/html'");
    assertThat(check.evaluate(json(400, "{\"error\":1}")))
        .contains("body has no OAuth 'error' field: { \"error\" : 1 }");
    assertThat(check.evaluate(json(400, "{\"message\":\"x\"}")))
        .contains("body has no OAuth 'error' field: { \"message\" : \"x\" }");
  }

  @Test
  void oauthError() {
    Check<com.obkit.client.HttpExchange> check =
        ErrorChecks.oauthError("invalid_token", "invalid_request");
    assertThat(check.name()).isEqualTo("EnsureOAuthError[invalid_token, invalid_request]");
    assertThat(check.evaluate(json(401, "{\"error\":\"invalid_token\"}"))).isEmpty();
    assertThat(
            check.evaluate(
                json(401, "{\"error\":\"invalid_request\",\"error_description\":\"d\"}")))
        .isEmpty();
    assertThat(check.evaluate(html(401, "x")))
        .contains("expected application/json error body but Content-Type is 'text/html'");
    assertThat(check.evaluate(json(401, "{\"error\":\"invalid_client\"}")))
        .contains(
            "expected OAuth error [invalid_token, invalid_request] but body is { \"error\" : \"invalid_client\" }");
    assertThat(check.evaluate(json(401, "")))
        .contains("expected OAuth error [invalid_token, invalid_request] but body is ");
  }

  @Test
  void authEndpointCode() {
    Check<com.obkit.client.HttpExchange> check = ErrorChecks.authEndpointCode("SIGNATURE_INVALID");
    assertThat(check.name()).isEqualTo("EnsureAuthEndpointError[SIGNATURE_INVALID]");
    assertThat(check.evaluate(json(401, "{\"error\":\"SIGNATURE_INVALID\"}"))).isEmpty();
    assertThat(check.evaluate(json(401, BG_SIGNATURE_INVALID))).isEmpty();
    assertThat(check.evaluate(json(401, "{\"error\":\"invalid_client\"}")))
        .contains(
            "expected OAuth error [SIGNATURE_INVALID] but body is { \"error\" : \"invalid_client\" }");
  }

  @Test
  void failureMessagesAreOneLineAbbreviatedAndMasked() {
    String longBody = "word\n\t".repeat(100);
    assertThat(ErrorChecks.abbreviate(longBody))
        .hasSize(301)
        .startsWith("word word ")
        .endsWith("…")
        .doesNotContain("\n");
    assertThat(ErrorChecks.abbreviate("x".repeat(300))).isEqualTo("x".repeat(300));
    assertThat(ErrorChecks.abbreviate("  a \n b  ")).isEqualTo("a b");
    assertThat(ErrorChecks.bodyHint(json(400, "{\"client_secret\":\"Zx9-secret-value-1234\"}")))
        .doesNotContain("secret-value")
        .isEqualTo(" (body: { \"client_secret\" : \"Zx9-****(21 chars)\" })");
    assertThat(ErrorChecks.bodyHint(bare(400))).isEmpty();
    assertThat(ErrorChecks.bodyHint(html(400, "  "))).isEmpty();
  }
}
