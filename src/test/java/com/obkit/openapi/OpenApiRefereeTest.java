package com.obkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenApiRefereeTest {

  static final URI BANK = URI.create("https://127.0.0.1:8443");

  static String resource(String name) {
    try (InputStream in = OpenApiRefereeTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final OpenApiReferee REFEREE =
      OpenApiReferee.of(
          List.of(BANK),
          OpenApiReferee.Document.of(resource("/sandbox/xs2a-openapi.json")),
          OpenApiReferee.Document.of(resource("/sandbox/auth-openapi.json")));

  private static Optional<String> judge(
      String method, String path, int status, String type, String body) {
    return REFEREE.judge(
        method,
        BANK.resolve(path),
        status,
        type == null ? Map.of() : Map.of("content-type", List.of(type)),
        body);
  }

  private static final String BALANCES =
      "{\"account\":{\"iban\":\"NL91TRIO0212345678\"},\"balances\":[{\"balanceType\":\"closingBooked\","
          + "\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":%s},\"referenceDate\":\"2026-01-02\"}]}";

  @Test
  void aMatchingAnswerHasNoFinding() {
    assertThat(REFEREE.off()).isEmpty();
    assertThat(
            judge(
                "GET",
                "/xs2a-bg/nl/v1/accounts/r1/balances",
                200,
                "application/json",
                String.format(BALANCES, "\"100.00\"")))
        .isEmpty();
  }

  @Test
  void anAmountAsANumberIsAMismatchNamingTheOperationAndTheSchemaPath() {
    assertThat(
            judge(
                "GET",
                "/xs2a-bg/nl/v1/accounts/r1/balances",
                200,
                "application/json",
                String.format(BALANCES, "100.00")))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .startsWith(
                        "GET /xs2a-bg/{tenant}/v1/accounts/{resourceId}/balances (getBalances)"
                            + " answered 200 but $.balances[0].balanceAmount.amount: ")
                    .contains("schema"));
    assertThat(
            judge(
                "GET",
                "/xs2a-bg/nl/v1/accounts/r1/balances",
                200,
                "application/json",
                String.format(BALANCES, "100.00")))
        .hasValue(
            "GET /xs2a-bg/{tenant}/v1/accounts/{resourceId}/balances (getBalances) answered 200 but"
                + " $.balances[0].balanceAmount.amount: Instance type (number) does not match any"
                + " allowed primitive type (allowed: [\"string\"]) (schema"
                + " #/components/schemas/BalanceReport, at"
                + " /properties/balances/items/properties/balanceAmount/properties/amount)");
  }

  @Test
  void fieldsTheDocumentDoesNotNameAreAllowed() {
    assertThat(
            judge(
                "GET",
                "/xs2a-bg/nl/v1/accounts/r1/balances",
                200,
                "application/json",
                String.format(BALANCES, "\"100.00\"")
                    .replace("{\"account\"", "{\"extra\":1,\"account\"")))
        .isEmpty();
    assertThat(
            judge(
                "GET",
                "/xs2a-bg/openapi.json",
                200,
                "application/json",
                "{\"openapi\":\"3.0.3\",\"paths\":{},\"components\":{}}"))
        .isEmpty();
  }

  @Test
  void anUndocumentedStatusIsAMismatch() {
    assertThat(judge("GET", "/xs2a-bg/version", 500, "application/json", "{\"tppMessages\":[]}"))
        .hasValueSatisfying(
            p -> assertThat(p).startsWith("GET /xs2a-bg/version (getVersion) answered 500 but "));
  }

  @Test
  void aPlainTextErrorIsAMismatch() {
    assertThat(judge("GET", "/xs2a-bg/nl/onboarding/v1", 401, "text/plain", "error"))
        .hasValueSatisfying(p -> assertThat(p).contains("text/plain"));
  }

  @Test
  void anHtmlPageIsJudgedByStatusAndContentTypeOnly() {
    assertThat(
            judge(
                "GET",
                "/auth/nl/v1/login?session=x",
                200,
                "text/html; charset=utf-8",
                "<html>hi</html>"))
        .isEmpty();
    assertThat(judge("GET", "/auth/nl/v1/auth", 400, "text/html; charset=utf-8", "<html>no</html>"))
        .isEmpty();
    assertThat(
            REFEREE.judge(
                "GET",
                BANK.resolve("/auth/nl/v1/auth"),
                302,
                Map.of("location", List.of("https://127.0.0.1:8443/auth/nl/v1/login?session=s")),
                ""))
        .isEmpty();
    assertThat(judge("GET", "/auth/nl/v1/auth", 302, null, ""))
        .hasValue(
            "GET /auth/{tenant}/v1/auth (authorize) answered 302 but Header 'Location' is expected"
                + " on path '/auth/{tenant}/v1/auth' but not found in response.");
    assertThat(judge("GET", "/auth/nl/v1/login", 200, "application/json", "{}")).isPresent();
  }

  @Test
  void undocumentedPathsAndOtherHostsAreNotJudged() {
    assertThat(judge("GET", "/xs2a-bg/nl/v1/nothing", 404, "text/plain", "x")).isEmpty();
    assertThat(judge("PATCH", "/xs2a-bg/version", 405, "text/plain", "x")).isEmpty();
    assertThat(
            REFEREE.judge(
                "GET", URI.create("https://tpp.example/xs2a-bg/version"), 500, Map.of(), ""))
        .isEmpty();
  }

  @Test
  void aDocumentThatDoesNotParseTurnsTheRefereeOffForItsHost() {
    OpenApiReferee referee =
        OpenApiReferee.of(
            List.of(BANK),
            OpenApiReferee.Document.of("{ not json"),
            OpenApiReferee.Document.missing("HTTP 404"));
    assertThat(referee.off())
        .hasSize(2)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "the OpenAPI referee is off for /xs2a-bg/openapi.json: the document does not parse"))
        .contains("the OpenAPI referee is off for /auth/openapi.json: HTTP 404");
    assertThat(referee.judges("xs2a-bg")).isFalse();
    assertThat(referee.judge("GET", BANK.resolve("/xs2a-bg/version"), 500, Map.of(), "")).isEmpty();
  }

  @Test
  void jsonPaths() {
    assertThat(OpenApiReferee.jsonPath("/accounts/0/iban")).isEqualTo("$.accounts[0].iban");
    assertThat(OpenApiReferee.jsonPath("")).isEqualTo("$");
  }
}
