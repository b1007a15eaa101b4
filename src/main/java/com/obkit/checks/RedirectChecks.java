package com.obkit.checks;

import com.obkit.client.HttpExchange;
import java.util.Optional;

/** Checks of the authorisation endpoint's answer (contract section 6). */
public final class RedirectChecks {
  private RedirectChecks() {}

  /**
   * EnsureSentToBankLogin (AUTH-1): a 302 to a page that is not the TPP's redirect URI, or a 200
   * page.
   */
  public static Check<HttpExchange> sentToBankLogin(String redirectUri) {
    return new Check<>(
        "EnsureSentToBankLoginPage",
        x -> {
          if (x.status() == 200) {
            return Optional.empty();
          }
          if (x.status() == 302 || x.status() == 303) {
            String location = x.header("location").orElse("");
            if (location.isEmpty()) {
              return Optional.of("redirect without Location");
            }
            return location.startsWith(redirectUri)
                ? Optional.of(
                    "sent straight back to the TPP ("
                        + location.split("\\?")[0]
                        + ") instead of the bank's login page")
                : Optional.empty();
          }
          return Optional.of(
              "expected the bank's login page (302 or 200) but "
                  + x.describe()
                  + ErrorChecks.bodyHint(x));
        });
  }

  /** EnsureRedirectUriRejected (AUTH-2/3/4): a 4xx error page. */
  public static Check<HttpExchange> errorPage() {
    return Check.that(
        "EnsureRedirectUriRejected",
        x -> x.status() >= 400 && x.status() < 500,
        x ->
            "expected a 4xx error page but "
                + x.describe()
                + x.header("location").map(l -> " Location: " + l.split("\\?")[0]).orElse(""));
  }

  /**
   * EnsureHtmlErrorPage (ERR-1): the authorisation endpoint's refusal is a page for the PSU's
   * browser.
   */
  public static Check<HttpExchange> htmlErrorPage() {
    return Check.that(
        "EnsureHtmlErrorPage",
        x -> x.mediaType().equals("text/html") && !x.body().isBlank(),
        x ->
            "expected a text/html error page but Content-Type is '"
                + x.mediaType()
                + "'"
                + (x.body().isBlank() ? " and the body is empty" : ""));
  }

  /** EnsureNoRedirectToSuppliedUri: no 3xx whose Location starts with the supplied URI. */
  public static Check<HttpExchange> notRedirectedTo(String suppliedUri) {
    return Check.that(
        "EnsureNoRedirectToUnregisteredUri",
        x -> !(x.isRedirect() && x.header("location").orElse("").startsWith(suppliedUri)),
        x ->
            "redirected to the unregistered URI "
                + x.header("location").orElse("").split("\\?")[0]);
  }

  /**
   * EnsureAuthorisationRequestRefused (AUTH-5): a 4xx error page, or a redirect to the registered
   * URI that carries {@code error=}; never the login page.
   */
  public static Check<HttpExchange> refusedOrErrorRedirect(String registeredUri) {
    return Check.that(
        "EnsureAuthorisationRequestRefused",
        x ->
            (x.status() >= 400 && x.status() < 500)
                || (x.isRedirect()
                    && x.header("location").orElse("").startsWith(registeredUri)
                    && x.header("location").orElse("").contains("error=")),
        x ->
            "the request was not refused: "
                + x.describe()
                + x.header("location").map(l -> " Location: " + l.split("\\?")[0]).orElse(""));
  }
}
