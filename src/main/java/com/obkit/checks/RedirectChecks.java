package com.obkit.checks;

import com.obkit.client.BrowserVisit;
import com.obkit.client.HttpExchange;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Checks of the authorisation endpoint's answer (contract section 6). */
public final class RedirectChecks {
  private RedirectChecks() {}

  /** Check name of {@link #sentToBankAuthorisationHost}. */
  public static final String SENT_TO_BANK_HOST = "EnsureSentToBankAuthorisationHost";

  /** Check name of {@link #loginPageShown}. */
  public static final String LOGIN_PAGE_SHOWN = "EnsureLoginPageShown";

  /**
   * EnsureSentToBankAuthorisationHost (AUTH-1): the browser goes on to the bank: a 302 or 303 whose
   * {@code Location} is on the bank's authorisation host ({@code authBase}: same scheme, host and
   * port; a relative {@code Location} stays there), or a 200 page. Never back to the TPP's redirect
   * URI, never to any other host.
   */
  public static Check<BrowserVisit> sentToBankAuthorisationHost(URI authBase) {
    return new Check<>(
        SENT_TO_BANK_HOST,
        v -> {
          HttpExchange x = v.answer();
          if (x.status() == 200) {
            return Optional.empty();
          }
          if (x.status() != 302 && x.status() != 303) {
            return Optional.of(
                "expected the bank's login page (302/303 to it, or 200) but "
                    + x.describe()
                    + ErrorChecks.bodyHint(x));
          }
          String location = x.header("location").orElse("");
          if (location.isEmpty()) {
            return Optional.of("redirect without Location");
          }
          if (location.startsWith(v.redirectUri())) {
            return Optional.of(
                "sent straight back to the TPP ("
                    + location.split("\\?")[0]
                    + ") instead of the bank's login page");
          }
          URI target = x.uri().resolve(location);
          return BrowserVisit.sameOrigin(target, authBase)
              ? Optional.empty()
              : Optional.of(
                  "redirected to "
                      + target.getScheme()
                      + "://"
                      + target.getRawAuthority()
                      + ", not to the bank's authorisation host "
                      + authBase.getScheme()
                      + "://"
                      + authBase.getRawAuthority());
        });
  }

  /**
   * EnsureLoginPageShown (AUTH-1): the page the browser lands on (the redirect followed once) is a
   * login page: 200, HTML, with a form for the PSU.
   */
  public static Check<BrowserVisit> loginPageShown() {
    return Check.that(
        LOGIN_PAGE_SHOWN,
        v -> {
          HttpExchange page = v.page();
          return page.status() == 200
              && page.mediaType().equals("text/html")
              && page.body().toLowerCase(Locale.ROOT).contains("<form");
        },
        v ->
            "expected a login page (200, text/html, a form) but "
                + v.page().describe()
                + " with Content-Type '"
                + v.page().mediaType()
                + "'"
                + (v.followed().isEmpty() && v.answer().isRedirect()
                    ? " (the redirect was not to the bank's authorisation host, so not followed)"
                    : ""));
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
