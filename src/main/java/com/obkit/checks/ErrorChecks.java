package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.client.HttpExchange;
import com.obkit.client.Redactor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Status and error-body checks (contract section 8, ERR-1). */
public final class ErrorChecks {
  private ErrorChecks() {}

  /** EnsureHttpStatus: the status is exactly {@code expected}. */
  public static Check<HttpExchange> status(int expected) {
    return Check.that(
        "EnsureHttpStatus" + expected,
        x -> x.status() == expected,
        x -> "expected HTTP " + expected + " but " + x.describe() + bodyHint(x));
  }

  /** EnsureHttpStatusIn: the status is one of {@code allowed}. */
  public static Check<HttpExchange> statusIn(Integer... allowed) {
    Set<Integer> set = Set.of(allowed);
    return Check.that(
        "EnsureHttpStatusIn" + Arrays.toString(allowed).replace(" ", ""),
        x -> set.contains(x.status()),
        x -> "expected HTTP " + Arrays.toString(allowed) + " but " + x.describe() + bodyHint(x));
  }

  /** EnsureClientError: a 4xx, never a 5xx or a 2xx/3xx (ERR-1). */
  public static Check<HttpExchange> clientError() {
    return Check.that(
        "EnsureClientError",
        x -> x.status() >= 400 && x.status() < 500,
        x -> "expected a 4xx client error but " + x.describe() + bodyHint(x));
  }

  /**
   * EnsureBerlinGroupErrorBody: JSON {@code tppMessages[]} with category ERROR, a code in {@code
   * codes} and a text.
   */
  public static Check<HttpExchange> berlinGroupError(String... codes) {
    List<String> allowed = List.of(codes);
    return new Check<>(
        "EnsureBerlinGroupError" + allowed,
        x -> {
          if (!x.mediaType().equals("application/json")) {
            return Optional.of(
                "expected application/json error body but Content-Type is '" + x.mediaType() + "'");
          }
          Optional<JsonNode> json = x.json();
          JsonNode messages = json.map(j -> j.path("tppMessages")).orElse(null);
          if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return Optional.of("body has no tppMessages array: " + abbreviate(x.body()));
          }
          for (JsonNode m : messages) {
            if (m.path("category").asText().equals("ERROR")
                && allowed.contains(m.path("code").asText())
                && !m.path("text").asText().isBlank()) {
              return Optional.empty();
            }
          }
          return Optional.of(
              "no tppMessage {category: ERROR, code: one of "
                  + allowed
                  + ", text} in "
                  + abbreviate(x.body()));
        });
  }

  /**
   * EnsureBerlinGroupErrorShape (ERR-1): JSON with a non-empty {@code tppMessages} of {category,
   * code, text}.
   */
  public static Check<HttpExchange> berlinGroupShape() {
    return new Check<>(
        "EnsureBerlinGroupErrorShape",
        x -> {
          if (!x.mediaType().equals("application/json")) {
            return Optional.of(
                "expected an application/json error body but Content-Type is '"
                    + x.mediaType()
                    + "'");
          }
          JsonNode messages = x.json().map(j -> j.path("tppMessages")).orElse(null);
          if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return Optional.of("body has no tppMessages array: " + abbreviate(x.body()));
          }
          for (JsonNode m : messages) {
            if (!m.path("category").isTextual()
                || !m.path("code").isTextual()
                || !m.path("text").isTextual()) {
              return Optional.of(
                  "a tppMessage lacks category, code or text: " + abbreviate(m.toString()));
            }
          }
          return Optional.empty();
        });
  }

  /**
   * EnsureOAuthErrorShape (ERR-1): JSON with a string {@code error}, or a Berlin Group body
   * (section 5).
   */
  public static Check<HttpExchange> oauthShape() {
    Check<HttpExchange> bg = berlinGroupShape();
    return new Check<>(
        "EnsureOAuthErrorShape",
        x -> {
          if (!x.mediaType().equals("application/json")) {
            return Optional.of(
                "expected an application/json error body but Content-Type is '"
                    + x.mediaType()
                    + "'");
          }
          boolean oauth = x.json().map(j -> j.path("error").isTextual()).orElse(false);
          return oauth || bg.evaluate(x).isEmpty()
              ? Optional.empty()
              : Optional.of("body has no OAuth 'error' field: " + abbreviate(x.body()));
        });
  }

  /** EnsureOAuthErrorBody: JSON {@code {"error": one of codes, "error_description"?}}. */
  public static Check<HttpExchange> oauthError(String... codes) {
    List<String> allowed = List.of(codes);
    return new Check<>(
        "EnsureOAuthError" + allowed,
        x -> {
          if (!x.mediaType().equals("application/json")) {
            return Optional.of(
                "expected application/json error body but Content-Type is '" + x.mediaType() + "'");
          }
          String error = x.json().map(j -> j.path("error").asText("")).orElse("");
          return allowed.contains(error)
              ? Optional.empty()
              : Optional.of(
                  "expected OAuth error " + allowed + " but body is " + abbreviate(x.body()));
        });
  }

  /**
   * EnsureCertificateOrSignatureError on an auth endpoint: the Berlin Group code either as the
   * OAuth {@code error} or in {@code tppMessages} (contract section 5).
   */
  public static Check<HttpExchange> authEndpointCode(String... codes) {
    Check<HttpExchange> oauth = oauthError(codes);
    Check<HttpExchange> bg = berlinGroupError(codes);
    return new Check<>(
        "EnsureAuthEndpointError" + List.of(codes),
        x ->
            oauth.evaluate(x).isEmpty() || bg.evaluate(x).isEmpty()
                ? Optional.empty()
                : oauth.evaluate(x));
  }

  /** The body for a failure message: secrets masked, one line, abbreviated. */
  static String bodyHint(HttpExchange x) {
    return x.body().isBlank() ? "" : " (body: " + abbreviate(x.mediaType(), x.body()) + ")";
  }

  static String abbreviate(String body) {
    return abbreviate("", body);
  }

  /**
   * One line, at most 300 characters, secrets masked (failure messages reach reports and the
   * console).
   */
  static String abbreviate(String mediaType, String body) {
    String oneLine = Redactor.body(mediaType, body).replaceAll("\\s+", " ").trim();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }
}
