package com.obkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.BrowserVisit;
import com.obkit.client.HttpExchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AUTH-1's positive control: a passing exchange next to each way it can fail. */
class RedirectChecksTest {
  private static final URI AUTH = URI.create("https://api.bank.example/auth/nl/v1/auth");
  private static final String REDIRECT = "https://tpp.example/cb";
  private static final HttpExchange LOGIN_PAGE =
      new HttpExchange(
          "GET",
          URI.create("https://api.bank.example/auth/nl/v1/login?session=x"),
          200,
          Map.of("content-type", List.of("text/html; charset=utf-8")),
          "<html><form method=\"post\"><input name=\"iban\"></form></html>");

  private static HttpExchange redirect(String location) {
    return new HttpExchange("GET", AUTH, 302, Map.of("location", List.of(location)), "");
  }

  private static Optional<String> host(BrowserVisit v) {
    return RedirectChecks.sentToBankAuthorisationHost(AUTH).evaluate(v);
  }

  private static Optional<String> login(BrowserVisit v) {
    return RedirectChecks.loginPageShown().evaluate(v);
  }

  @Test
  void aRedirectToTheBanksLoginFormPasses() {
    BrowserVisit ok =
        new BrowserVisit(
            REDIRECT, redirect("/auth/nl/v1/login?session=x"), Optional.of(LOGIN_PAGE));
    assertThat(host(ok)).isEmpty();
    assertThat(login(ok)).isEmpty();
  }

  @Test
  void aRedirectStraightBackToTheTppFails() {
    BrowserVisit back =
        new BrowserVisit(REDIRECT, redirect(REDIRECT + "?code=abc"), Optional.empty());
    assertThat(host(back))
        .contains(
            "sent straight back to the TPP (https://tpp.example/cb) instead of the bank's login page");
  }

  @Test
  void aRedirectToAnotherHostFails() {
    BrowserVisit elsewhere =
        new BrowserVisit(REDIRECT, redirect("https://evil.example/login"), Optional.empty());
    assertThat(host(elsewhere))
        .contains(
            "redirected to https://evil.example, not to the bank's authorisation host https://api.bank.example");
    assertThat(login(elsewhere)).isPresent();
  }

  @Test
  void aPageWithoutAFormIsNoLoginPage() {
    HttpExchange blank =
        new HttpExchange(
            "GET", AUTH, 200, Map.of("content-type", List.of("text/html")), "<p>hi</p>");
    BrowserVisit v = new BrowserVisit(REDIRECT, blank, Optional.empty());
    assertThat(host(v)).isEmpty();
    assertThat(login(v)).isPresent();
  }

  @Test
  void anErrorIsNoLoginPage() {
    HttpExchange error = new HttpExchange("GET", AUTH, 400, Map.of(), "");
    assertThat(host(new BrowserVisit(REDIRECT, error, Optional.empty()))).isPresent();
  }

  @Test
  void theNamesAreTheConstants() {
    assertThat(RedirectChecks.sentToBankAuthorisationHost(AUTH).name())
        .isEqualTo(RedirectChecks.SENT_TO_BANK_HOST)
        .isEqualTo("EnsureSentToBankAuthorisationHost");
    assertThat(RedirectChecks.loginPageShown().name())
        .isEqualTo(RedirectChecks.LOGIN_PAGE_SHOWN)
        .isEqualTo("EnsureLoginPageShown");
  }

  @Test
  void exactMessagesOfTheHostCheck() {
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT, new HttpExchange("GET", AUTH, 400, Map.of(), ""), Optional.empty())))
        .contains(
            "expected the bank's login page (302/303 to it, or 200) but GET"
                + " https://api.bank.example/auth/nl/v1/auth -> 400");
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT,
                    new HttpExchange(
                        "GET", AUTH, 500, Map.of("content-type", List.of("text/plain")), "down"),
                    Optional.empty())))
        .contains(
            "expected the bank's login page (302/303 to it, or 200) but GET"
                + " https://api.bank.example/auth/nl/v1/auth -> 500 (body: down)");
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT, new HttpExchange("GET", AUTH, 302, Map.of(), ""), Optional.empty())))
        .contains("redirect without Location");
    BrowserVisit see303 =
        new BrowserVisit(
            REDIRECT,
            new HttpExchange(
                "GET",
                AUTH,
                303,
                Map.of("location", List.of("https://API.bank.example:443/login")),
                ""),
            Optional.empty());
    assertThat(host(see303)).isEmpty();
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT,
                    new HttpExchange("GET", AUTH, 301, Map.of("location", List.of("/login")), ""),
                    Optional.empty())))
        .isPresent();
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT, redirect("http://api.bank.example/login"), Optional.empty())))
        .contains(
            "redirected to http://api.bank.example, not to the bank's authorisation host"
                + " https://api.bank.example");
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT, redirect("https://api.bank.example:8443/login"), Optional.empty())))
        .contains(
            "redirected to https://api.bank.example:8443, not to the bank's authorisation host"
                + " https://api.bank.example");
    assertThat(host(new BrowserVisit(REDIRECT, redirect("urn:x"), Optional.empty()))).isPresent();
    URI plain = URI.create("http://bank.example/auth");
    HttpExchange plainRedirect =
        new HttpExchange(
            "GET", plain, 302, Map.of("location", List.of("http://bank.example:80/login")), "");
    assertThat(
            RedirectChecks.sentToBankAuthorisationHost(plain)
                .evaluate(new BrowserVisit(REDIRECT, plainRedirect, Optional.empty())))
        .isEmpty();
  }

  @Test
  void exactMessagesOfTheLoginPageCheck() {
    HttpExchange json =
        new HttpExchange(
            "GET", AUTH, 200, Map.of("content-type", List.of("application/json")), "<form>");
    assertThat(login(new BrowserVisit(REDIRECT, json, Optional.empty())))
        .contains(
            "expected a login page (200, text/html, a form) but GET"
                + " https://api.bank.example/auth/nl/v1/auth -> 200 with Content-Type 'application/json'");
    assertThat(
            login(new BrowserVisit(REDIRECT, redirect("https://evil.example/x"), Optional.empty())))
        .contains(
            "expected a login page (200, text/html, a form) but GET"
                + " https://api.bank.example/auth/nl/v1/auth -> 302 with Content-Type '' (the redirect"
                + " was not to the bank's authorisation host, so not followed)");
    HttpExchange upper =
        new HttpExchange(
            "GET", AUTH, 200, Map.of("content-type", List.of("text/html")), "<FORM action=x>");
    assertThat(login(new BrowserVisit(REDIRECT, upper, Optional.empty()))).isEmpty();
    HttpExchange notFound =
        new HttpExchange("GET", AUTH, 404, Map.of("content-type", List.of("text/html")), "<form>");
    assertThat(login(new BrowserVisit(REDIRECT, redirect("/login"), Optional.of(notFound))))
        .contains(
            "expected a login page (200, text/html, a form) but GET"
                + " https://api.bank.example/auth/nl/v1/auth -> 404 with Content-Type 'text/html'");
  }

  @Test
  void errorPage() {
    Check<HttpExchange> check = RedirectChecks.errorPage();
    assertThat(check.name()).isEqualTo("EnsureRedirectUriRejected");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 400, Map.of(), ""))).isEmpty();
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 499, Map.of(), ""))).isEmpty();
    assertThat(check.evaluate(redirect(REDIRECT + "?code=abc")))
        .contains(
            "expected a 4xx error page but GET https://api.bank.example/auth/nl/v1/auth -> 302"
                + " Location: https://tpp.example/cb");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 500, Map.of(), "")))
        .contains(
            "expected a 4xx error page but GET https://api.bank.example/auth/nl/v1/auth -> 500");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 399, Map.of(), ""))).isPresent();
  }

  @Test
  void htmlErrorPage() {
    Check<HttpExchange> check = RedirectChecks.htmlErrorPage();
    assertThat(check.name()).isEqualTo("EnsureHtmlErrorPage");
    assertThat(
            check.evaluate(
                new HttpExchange(
                    "GET", AUTH, 400, Map.of("content-type", List.of("text/html")), "<p>no</p>")))
        .isEmpty();
    assertThat(
            check.evaluate(
                new HttpExchange(
                    "GET", AUTH, 400, Map.of("content-type", List.of("application/json")), "{}")))
        .contains("expected a text/html error page but Content-Type is 'application/json'");
    assertThat(
            check.evaluate(
                new HttpExchange(
                    "GET", AUTH, 400, Map.of("content-type", List.of("text/html")), " ")))
        .contains(
            "expected a text/html error page but Content-Type is 'text/html' and the body is empty");
  }

  @Test
  void notRedirectedTo() {
    Check<HttpExchange> check = RedirectChecks.notRedirectedTo("https://evil.example/cb");
    assertThat(check.name()).isEqualTo("EnsureNoRedirectToUnregisteredUri");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 400, Map.of(), ""))).isEmpty();
    assertThat(check.evaluate(redirect(REDIRECT + "?error=x"))).isEmpty();
    assertThat(
            check.evaluate(
                new HttpExchange(
                    "GET", AUTH, 200, Map.of("location", List.of("https://evil.example/cb")), "")))
        .isEmpty();
    assertThat(check.evaluate(redirect("https://evil.example/cb?code=abc")))
        .contains("redirected to the unregistered URI https://evil.example/cb");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 302, Map.of(), ""))).isEmpty();
  }

  @Test
  void refusedOrErrorRedirect() {
    Check<HttpExchange> check = RedirectChecks.refusedOrErrorRedirect(REDIRECT);
    assertThat(check.name()).isEqualTo("EnsureAuthorisationRequestRefused");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 400, Map.of(), ""))).isEmpty();
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 499, Map.of(), ""))).isEmpty();
    assertThat(check.evaluate(redirect(REDIRECT + "?error=invalid_request&state=s"))).isEmpty();
    assertThat(check.evaluate(redirect(REDIRECT + "?code=abc")))
        .contains(
            "the request was not refused: GET https://api.bank.example/auth/nl/v1/auth -> 302"
                + " Location: https://tpp.example/cb");
    assertThat(check.evaluate(redirect("https://evil.example/cb?error=x")))
        .contains(
            "the request was not refused: GET https://api.bank.example/auth/nl/v1/auth -> 302"
                + " Location: https://evil.example/cb");
    assertThat(check.evaluate(LOGIN_PAGE))
        .contains(
            "the request was not refused: GET https://api.bank.example/auth/nl/v1/login -> 200");
    assertThat(check.evaluate(new HttpExchange("GET", AUTH, 500, Map.of(), ""))).isPresent();
    assertThat(
            check.evaluate(
                new HttpExchange(
                    "GET", AUTH, 200, Map.of("location", List.of(REDIRECT + "?error=x")), "")))
        .isPresent();
  }

  @Test
  void schemeAndHostCompareWithoutCase() {
    assertThat(
            host(
                new BrowserVisit(
                    REDIRECT, redirect("HTTPS://API.BANK.EXAMPLE/login"), Optional.empty())))
        .isEmpty();
  }
}
