package com.obkit.checks;

import com.obkit.client.Callback;
import com.obkit.client.HttpExchange;
import com.obkit.client.ScaOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Checks of what came of the PSU's part of SCA (contract section 11, SCA-*): where the bank sent
 * the browser back and with what. Messages never show a code; the state is the TPP's own value.
 */
public final class ScaChecks {
  /** Check name of {@link #callbackTo}. */
  public static final String CALLBACK_TO_REDIRECT_URI = "EnsureCallbackToRedirectUri";

  /** Check name of {@link #codeIssued}. */
  public static final String CODE_IN_CALLBACK = "EnsureCodeInCallback";

  /** Check name of {@link #stateUnchanged}. */
  public static final String STATE_UNCHANGED = "EnsureStateUnchanged";

  /** Check name of {@link #noCodeIssued}. */
  public static final String NO_CODE_ISSUED = "EnsureNoCodeIssued";

  /** Check name of {@link #errorReturned}. */
  public static final String CALLBACK_ERROR = "EnsureCallbackError";

  /** Check name of {@link #linkNotReusable}. */
  public static final String SCA_REDIRECT_NOT_REUSED = "EnsureScaRedirectNotReused";

  /** Check name of {@link #wrongDigipassRefused}. */
  public static final String WRONG_DIGIPASS_REFUSED = "EnsureWrongDigipassRefused";

  private ScaChecks() {}

  /**
   * EnsureWrongDigipassRefused (SCA-2, section 11): the answer to the first login the PSU posted
   * (with a wrong digipass) carries no code: the login page again, or an error, never a redirect
   * with a {@code code}. Judged on the exchanges the kit saw, so a person at a browser cannot give
   * it.
   */
  public static Check<ScaOutcome> wrongDigipassRefused() {
    return new Check<>(
        WRONG_DIGIPASS_REFUSED,
        o -> {
          Optional<HttpExchange> firstLogin =
              o.exchanges().stream().filter(x -> x.method().equals("POST")).findFirst();
          if (firstLogin.isEmpty()) {
            return Optional.of("no login form was posted, so no wrong digipass was tried");
          }
          HttpExchange x = firstLogin.get();
          boolean code =
              x.isRedirect()
                  && x.header("location").flatMap(l -> Callback.parse(l).code()).isPresent();
          return code
              ? Optional.of(
                  "the bank answered a wrong digipass with a redirect carrying a code: "
                      + x.describe())
              : Optional.empty();
        });
  }

  /**
   * EnsureCallbackToRedirectUri (SCA-1, section 11): the bank sent the browser back to exactly the
   * authorisation request's {@code redirect_uri} (simple string comparison, section 6).
   */
  public static Check<ScaOutcome> callbackTo(String redirectUri) {
    return new Check<>(
        CALLBACK_TO_REDIRECT_URI,
        o -> {
          if (o.callback().isEmpty()) {
            return Optional.of(noCallback(o) + ", expected a callback to " + redirectUri);
          }
          // RFC 6749 3.1.2: the bank adds its parameters to the redirect URI and keeps the query
          // the URI already has; so the callback is the URI itself, then '?' (or '&') and more.
          String landed = o.callback().get().uri().toString();
          char joint = redirectUri.indexOf('?') >= 0 ? '&' : '?';
          boolean exact =
              landed.startsWith(redirectUri)
                  && (landed.length() == redirectUri.length()
                      || landed.charAt(redirectUri.length()) == joint);
          return exact
              ? Optional.empty()
              : Optional.of(
                  "the browser was sent back to "
                      + o.callback().get().target()
                      + ", expected exactly "
                      + redirectUri);
        });
  }

  /** EnsureCodeInCallback (SCA-1, section 11): the callback carries a {@code code}. */
  public static Check<ScaOutcome> codeIssued() {
    return new Check<>(
        CODE_IN_CALLBACK,
        o -> {
          if (o.callback().isEmpty()) {
            return Optional.of(noCallback(o) + ", expected one with a code");
          }
          Callback c = o.callback().get();
          return c.code().filter(code -> !code.isEmpty()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  "the callback to "
                      + c.target()
                      + " carries no code"
                      + c.error().map(e -> " but error=" + e).orElse(""));
        });
  }

  /**
   * EnsureStateUnchanged (SCA-1, SCA-2; section 11, RFC 6749 4.1.2): the callback carries the
   * {@code state} the TPP sent, unchanged; a callback without a state fails (the TPP could not tie
   * it to its request).
   */
  public static Check<ScaOutcome> stateUnchanged(String state) {
    return new Check<>(
        STATE_UNCHANGED,
        o -> {
          if (o.callback().isEmpty()) {
            return Optional.of(noCallback(o) + ", expected one with state '" + state + "'");
          }
          Optional<String> returned = o.callback().get().state();
          if (returned.isEmpty()) {
            return Optional.of("the callback carries no state, expected '" + state + "'");
          }
          return returned.get().equals(state)
              ? Optional.empty()
              : Optional.of(
                  "the callback's state is '" + returned.get() + "', expected '" + state + "'");
        });
  }

  /**
   * EnsureNoCodeIssued (SCA-2, section 11): a wrong digipass, an account the consent does not cover
   * or a cancellation gives no code: no callback at all, or a callback without {@code code}.
   */
  public static Check<ScaOutcome> noCodeIssued() {
    return new Check<>(
        NO_CODE_ISSUED,
        o ->
            o.callback()
                .filter(c -> c.code().isPresent())
                .map(
                    c ->
                        "a code was issued: the browser was sent back to "
                            + c.target()
                            + " with one"));
  }

  /**
   * EnsureCallbackError (SCA-2, section 11): the bank sent the browser back with an {@code error}
   * that is one of {@code errors} ({@code consent_required}, {@code access_denied}).
   */
  public static Check<ScaOutcome> errorReturned(String... errors) {
    List<String> allowed = List.of(errors);
    return new Check<>(
        CALLBACK_ERROR,
        o -> {
          if (o.callback().isEmpty()) {
            return Optional.of(noCallback(o) + ", expected one with error one of " + allowed);
          }
          Optional<String> error = o.callback().get().error();
          if (error.isEmpty()) {
            return Optional.of("the callback carries no error, expected one of " + allowed);
          }
          return allowed.contains(error.get())
              ? Optional.empty()
              : Optional.of(
                  "the callback's error is '" + error.get() + "', expected one of " + allowed);
        });
  }

  /**
   * EnsureScaRedirectNotReused (SCA-3, section 11): a second use of the same {@code scaRedirect} is
   * refused, either with a 4xx page and no callback, or with a callback carrying an {@code error}
   * and the {@code state}; never a second code. A login page shown again (a 200, a redirect)
   * without an error callback fails: the link could be used again.
   */
  public static Check<ScaOutcome> linkNotReusable() {
    return new Check<>(
        SCA_REDIRECT_NOT_REUSED,
        o -> {
          if (o.callback().isPresent()) {
            Callback c = o.callback().get();
            if (c.code().isPresent()) {
              return Optional.of("a second code was issued for the same scaRedirect");
            }
            if (c.error().isEmpty()) {
              return Optional.of(
                  "the browser was sent back to " + c.target() + " without an error or a code");
            }
            return c.state().isPresent()
                ? Optional.empty()
                : Optional.of(
                    "the error callback (error=" + c.error().get() + ") carries no state");
          }
          if (o.lastPage().isEmpty()) {
            return Optional.of("neither a page of the bank nor a callback was seen");
          }
          int status = o.lastPage().get().status();
          return status >= 400 && status < 500
              ? Optional.empty()
              : Optional.of(
                  "the scaRedirect was not refused: the last page was "
                      + o.lastPage().get().describe()
                      + " and no error came back");
        });
  }

  /** Why there is no callback to look at. */
  private static String noCallback(ScaOutcome o) {
    return "the bank did not send the browser back to the TPP"
        + o.lastPage().map(p -> " (last page: " + p.describe() + ")").orElse("");
  }
}
