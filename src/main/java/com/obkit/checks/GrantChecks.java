package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.client.HttpExchange;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of the token endpoint's answers after SCA (contract section 12, TKN-*; ERR-2). Messages
 * never show a token: only whether it is there.
 */
public final class GrantChecks {
  /** Check name of {@link #accessTokenIssued}. */
  public static final String ACCESS_TOKEN_ISSUED = "EnsureAccessTokenIssued";

  /** Check name of {@link #tokenTypeBearer}. */
  public static final String TOKEN_TYPE_BEARER = "CheckTokenTypeIsBearer";

  /** Check name of {@link #positiveExpiresIn}. */
  public static final String POSITIVE_EXPIRES_IN = "EnsurePositiveExpiresIn";

  /** Check name of {@link #scopeHolds}. */
  public static final String SCOPE_HOLDS = "EnsureScopeHolds";

  /** Check name of {@link #refreshTokenIssued}. */
  public static final String REFRESH_TOKEN_ISSUED = "EnsureRefreshTokenIssued";

  /** Check name of {@link #newAccessToken}. */
  public static final String NEW_ACCESS_TOKEN = "EnsureNewAccessToken";

  /** Check name of {@link #noTokenIssued}. */
  public static final String NO_TOKEN_ISSUED = "EnsureNoTokenIssued";

  /** The fields that carry a token; none belongs in an error (ERR-2). */
  private static final Set<String> TOKEN_FIELDS =
      Set.of("access_token", "refresh_token", "id_token");

  private GrantChecks() {}

  /** EnsureAccessTokenIssued (TKN-1, TKN-7; section 12): the answer carries an access token. */
  public static Check<HttpExchange> accessTokenIssued() {
    return new Check<>(ACCESS_TOKEN_ISSUED, x -> tokenIn(x, "access_token"));
  }

  /**
   * CheckTokenTypeIsBearer (TKN-1, section 12): {@code token_type} is bearer in any case ({@code
   * bearer} in production, {@code Bearer} elsewhere; RFC 6749 5.1).
   */
  public static Check<HttpExchange> tokenTypeBearer() {
    Check<HttpExchange> bearer = TokenChecks.tokenTypeIs("Bearer");
    return new Check<>(TOKEN_TYPE_BEARER, bearer::evaluate);
  }

  /** EnsurePositiveExpiresIn (TKN-1, section 12): {@code expires_in} is a JSON number above 0. */
  public static Check<HttpExchange> positiveExpiresIn() {
    return new Check<>(
        POSITIVE_EXPIRES_IN,
        x -> {
          JsonNode v = x.json().map(j -> j.get("expires_in")).orElse(null);
          if (v == null) {
            return Optional.of("no expires_in in the answer, expected a positive number");
          }
          return v.isNumber() && v.decimalValue().compareTo(BigDecimal.ZERO) > 0
              ? Optional.empty()
              : Optional.of("expires_in is " + v + ", expected a positive number");
        });
  }

  /**
   * EnsureScopeHolds (TKN-1, section 12): the space-separated {@code scope} holds {@code item} (the
   * consent's {@code AIS:<consentId>}, the payment's {@code PIS:<paymentId>}, {@code
   * offline_access}).
   */
  public static Check<HttpExchange> scopeHolds(String item) {
    return new Check<>(
        SCOPE_HOLDS,
        x -> {
          Optional<String> scope = Json.text(x.json().map(j -> j.get("scope")).orElse(null));
          if (scope.isEmpty()) {
            return Optional.of("no scope in the answer, expected one holding '" + item + "'");
          }
          return Arrays.asList(scope.get().split(" ")).contains(item)
              ? Optional.empty()
              : Optional.of("scope '" + scope.get() + "' does not hold '" + item + "'");
        });
  }

  /**
   * EnsureRefreshTokenIssued (TKN-1, TKN-7; section 12): with {@code offline_access} the answer
   * carries a refresh token.
   */
  public static Check<HttpExchange> refreshTokenIssued() {
    return new Check<>(REFRESH_TOKEN_ISSUED, x -> tokenIn(x, "refresh_token"));
  }

  /**
   * EnsureNewAccessToken (TKN-7, section 12): a refresh gives an access token other than {@code
   * previous}. The message shows neither token.
   */
  public static Check<HttpExchange> newAccessToken(String previous) {
    return new Check<>(
        NEW_ACCESS_TOKEN,
        x ->
            tokenIn(x, "access_token")
                .or(
                    () ->
                        x.jsonText("access_token").equals(previous)
                            ? Optional.of("the refresh gave the same access token as before")
                            : Optional.empty()));
  }

  /**
   * EnsureNoTokenIssued (ERR-2 section 15; TKN-2 to TKN-8): a refusal carries no {@code
   * access_token}, {@code refresh_token} or {@code id_token}, at any depth of its JSON.
   */
  public static Check<HttpExchange> noTokenIssued() {
    return new Check<>(
        NO_TOKEN_ISSUED,
        x -> {
          Set<String> found = x.json().map(j -> Json.fieldsNamed(j, TOKEN_FIELDS)).orElse(Set.of());
          return found.isEmpty()
              ? Optional.empty()
              : Optional.of("the answer carries " + found + " (" + x.describe() + ")");
        });
  }

  /** What is wrong when the top-level string {@code field} is absent; the value is never shown. */
  private static Optional<String> tokenIn(HttpExchange x, String field) {
    return Json.text(x.json().map(j -> j.get(field)).orElse(null)).isPresent()
        ? Optional.empty()
        : Optional.of("no " + field + " in " + x.describe() + ErrorChecks.bodyHint(x));
  }
}
