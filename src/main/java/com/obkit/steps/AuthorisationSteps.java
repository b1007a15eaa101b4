package com.obkit.steps;

import com.obkit.checks.Conformance;
import com.obkit.checks.RedirectChecks;
import com.obkit.checks.Rule;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Optional;

/** Stage 4: the authorisation endpoint and exact matching of redirect URIs. */
public final class AuthorisationSteps {
  private final Journey journey;
  private final Conformance conformance;
  private final ScenarioRules rules;

  public AuthorisationSteps(Journey journey, ScenarioKit kit, ScenarioRules rules) {
    this.journey = journey;
    this.conformance = kit.conformance();
    this.rules = rules;
  }

  @When("the PSU is sent to the authorisation endpoint with the redirect URI {string}")
  public void thePsuIsSentWithRedirectUri(String uri) {
    journey.authorize(journey.authorizationFor(uri));
  }

  @When("the PSU is sent to the authorisation endpoint with an unknown client_id")
  public void thePsuIsSentWithAnUnknownClientId() {
    journey.authorize(
        journey
            .authorizationFor(journey.registeredUris().get(0))
            .withClientId(Journey.unknownClientId()));
  }

  @When("the PSU is sent to the authorisation endpoint with {pkceDefect}")
  public void thePsuIsSentWithPkceDefect(Optional<String> challengeMethod) {
    journey.authorize(
        journey
            .authorizationFor(journey.registeredUris().get(0))
            .withChallengeMethod(challengeMethod));
  }

  @Then("the browser goes on to the bank's login page, not back to the TPP")
  public void theBrowserGoesOnToTheLoginPage() {
    conformance.require(
        Rule.must("AUTH-1"),
        RedirectChecks.sentToBankLogin(journey.lastRedirectUri()),
        journey.last());
  }

  @Then("the authorisation endpoint accepts {string}")
  public void theAuthorisationEndpointAccepts(String uri) {
    conformance.require(
        Rule.must("AUTH-1"),
        RedirectChecks.sentToBankLogin(uri),
        journey.authorize(journey.authorizationFor(uri)));
  }

  @Then("the authorisation endpoint refuses {string}")
  public void theAuthorisationEndpointRefuses(String uri) {
    conformance.requireAll(
        Rule.must("AUTH-3"),
        journey.authorize(journey.authorizationFor(uri)),
        RedirectChecks.errorPage(),
        RedirectChecks.notRedirectedTo(uri));
  }

  @Then("the bank shows an error page and does not redirect to {string}")
  public void theBankShowsAnErrorPage(String uri) {
    conformance.requireAll(
        rules.forStatusOf(journey.last()),
        journey.last(),
        RedirectChecks.notRedirectedTo(uri),
        RedirectChecks.errorPage());
    conformance.require(rules.shapeRules(), RedirectChecks.htmlErrorPage(), journey.last());
  }

  @Then("the bank refuses the authorisation request")
  public void theBankRefusesTheAuthorisationRequest() {
    conformance.require(
        rules.forStatusOf(journey.last()),
        RedirectChecks.refusedOrErrorRedirect(journey.registeredUris().get(0)),
        journey.last());
  }
}
