package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.client.HttpExchange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Checks of the onboarding answer (contract section 4, TOK-1). */
public final class TokenChecks {
  private TokenChecks() {}

  public static Check<HttpExchange> jsonBody() {
    return Check.that(
        "EnsureJsonBody",
        x ->
            x.mediaType().equals("application/json")
                && x.json().map(JsonNode::isObject).orElse(false),
        x ->
            "expected a JSON object with Content-Type application/json, got '"
                + x.mediaType()
                + "'");
  }

  /** CheckScopeIs: the token's {@code scope} is exactly {@code scope} ({@code client-reg}). */
  public static Check<HttpExchange> scopeIs(String scope) {
    return field("CheckScopeIs", "scope", scope);
  }

  /**
   * CheckTokenTypeIs: the token's {@code token_type} is {@code type}, compared without case (RFC
   * 6749 section 5.1: the type is case-insensitive).
   */
  public static Check<HttpExchange> tokenTypeIs(String type) {
    return new Check<>(
        "CheckTokenTypeIs",
        x -> {
          String v = text(x, "token_type");
          return v.equalsIgnoreCase(type)
              ? Optional.empty()
              : Optional.of("token_type is '" + v + "', expected " + type + " (any case)");
        });
  }

  public static Check<HttpExchange> expiresIn(long seconds) {
    return new Check<>(
        "CheckExpiresIn" + seconds,
        x -> {
          JsonNode v = x.json().map(j -> j.path("expires_in")).orElse(null);
          return v != null && v.isIntegralNumber() && v.asLong() == seconds
              ? Optional.empty()
              : Optional.of("expires_in is " + v + ", expected the number " + seconds);
        });
  }

  public static Check<HttpExchange> accessTokenPresent() {
    return Check.that(
        "CheckAccessTokenPresent",
        x -> text(x, "access_token").length() >= 16,
        x -> "access_token is missing or shorter than 16 characters");
  }

  /** EnsureNoTokenIssued: a refusal carries no access_token. */
  public static Check<HttpExchange> noAccessToken() {
    return Check.that(
        "EnsureNoTokenIssued",
        x -> x.status() != 200 && text(x, "access_token").isEmpty(),
        x -> "an access token was issued with " + x.describe());
  }

  /** The registration link is a plain string holding an absolute http(s) URL. */
  public static Check<HttpExchange> registrationLinkAbsolute() {
    return new Check<>(
        "CheckRegistrationLinkIsAbsoluteUrl",
        x -> {
          JsonNode link = x.json().map(j -> j.path("_links").path("registration")).orElse(null);
          if (link == null || !link.isTextual()) {
            return Optional.of("_links.registration is not a string: " + link);
          }
          try {
            URI uri = new URI(link.asText());
            boolean ok =
                uri.isAbsolute() && uri.getHost() != null && uri.getScheme().startsWith("http");
            return ok
                ? Optional.empty()
                : Optional.of(
                    "_links.registration '" + link.asText() + "' is not an absolute http(s) URL");
          } catch (URISyntaxException e) {
            return Optional.of("_links.registration '" + link.asText() + "' is not a URI");
          }
        });
  }

  private static Check<HttpExchange> field(String name, String field, String expected) {
    return new Check<>(
        name,
        x -> {
          String v = text(x, field);
          return v.equals(expected)
              ? Optional.empty()
              : Optional.of(field + " is '" + v + "', expected '" + expected + "'");
        });
  }

  static String text(HttpExchange x, String field) {
    return x.jsonText(field);
  }
}
