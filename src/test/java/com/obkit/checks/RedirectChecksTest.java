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
}
