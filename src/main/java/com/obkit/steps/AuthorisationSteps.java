package com.obkit.steps;

import com.obkit.checks.RedirectChecks;
import com.obkit.client.BrowserVisit;
import com.obkit.client.RedirectUriVariant;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Optional;

/** Stage 4: the authorisation endpoint and exact matching of redirect URIs. */
public final class AuthorisationSteps {
  private static final Rule AUTH_1 = Rule.must("AUTH-1");

  private final ScenarioContext ctx;
  private final RegistrationJourney registration;
  private final AuthorisationJourney authorisation;
  private final Conformance conformance;
  private final ScenarioRules rules;

  public AuthorisationSteps(
      ScenarioContext ctx,
      RegistrationJourney registration,
      AuthorisationJourney authorisation,
      ScenarioKit kit,
      ScenarioRules rules) {
    this.ctx = ctx;
    this.registration = registration;
    this.authorisation = authorisation;
    this.conformance = kit.conformance();
    this.rules = rules;
  }

  @When("the PSU is sent to the authorisation endpoint with the redirect URI {string}")
  public void thePsuIsSentWithRedirectUri(String uri) {
    authorisation.authorizeWith(uri);
  }

  @When("the PSU is sent to the authorisation endpoint with a registered redirect URI, {variant}")
  public void thePsuIsSentWithAVariant(RedirectUriVariant variant) {
    authorisation.authorizeWithVariant(variant);
  }

  @When("the PSU is sent to the authorisation endpoint with an unknown client_id")
  public void thePsuIsSentWithAnUnknownClientId() {
    authorisation.authorize(
        authorisation
            .authorizationFor(registration.firstRegisteredUri())
            .withClientId(AuthorisationJourney.unknownClientId()));
  }

  @When("the PSU is sent to the authorisation endpoint with {pkceDefect}")
  public void thePsuIsSentWithPkceDefect(Optional<String> challengeMethod) {
    authorisation.authorize(
        authorisation
            .authorizationFor(registration.firstRegisteredUri())
            .withChallengeMethod(challengeMethod));
  }

  @Then("the browser goes on to the bank's login page, not back to the TPP")
  public void theBrowserGoesOnToTheLoginPage() {
    loginPageShown(AUTH_1, authorisation.lastVisit());
  }

  @Then("the authorisation endpoint accepts {string}")
  public void theAuthorisationEndpointAccepts(String uri) {
    loginPageShown(Rule.must("REG-2"), authorisation.visitWith(uri));
  }

  @Then("the authorisation endpoint refuses {string}")
  public void theAuthorisationEndpointRefuses(String uri) {
    BrowserVisit visit = authorisation.visitWith(uri);
    conformance.expectAll(
        Rule.must("AUTH-3"),
        visit.answer(),
        RedirectChecks.errorPage(),
        RedirectChecks.notRedirectedTo(visit.redirectUri()));
  }

  @Then("the bank shows an error page and does not redirect to that redirect URI")
  public void theBankShowsAnErrorPage() {
    BrowserVisit visit = authorisation.lastVisit();
    conformance.expectAll(
        rules.forStatusOf(visit.answer()),
        visit.answer(),
        RedirectChecks.notRedirectedTo(visit.redirectUri()),
        RedirectChecks.errorPage());
    if (visit.answer().status() >= 400) {
      conformance.expect(rules.shapeRules(), RedirectChecks.htmlErrorPage(), visit.answer());
    }
  }

  @Then("the bank refuses the authorisation request")
  public void theBankRefusesTheAuthorisationRequest() {
    conformance.expect(
        rules.forStatusOf(ctx.last()),
        RedirectChecks.refusedOrErrorRedirect(registration.firstRegisteredUri()),
        ctx.last());
  }

  private void loginPageShown(Rule rule, BrowserVisit visit) {
    conformance.expectAll(
        rule,
        visit,
        RedirectChecks.sentToBankAuthorisationHost(authorisation.authorisationHost()),
        RedirectChecks.loginPageShown());
  }
}
