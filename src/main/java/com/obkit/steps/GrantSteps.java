package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.checks.GrantChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Stage 8: the token endpoint with the registration's credentials (contract section 12). */
public final class GrantSteps {
  private static final Rule TKN_1 = Rule.must("TKN-1");
  private static final Rule TKN_7 = Rule.must("TKN-7");

  private final ScenarioContext ctx;
  private final ResourceJourney resources;
  private final GrantJourney grants;
  private final OtherTppJourney other;
  private final RegistrationJourney registration;
  private final Conformance conformance;
  private final ScenarioRules rules;
  private final Refusals refusals;

  public GrantSteps(
      ScenarioContext ctx,
      ResourceJourney resources,
      GrantJourney grants,
      OtherTppJourney other,
      RegistrationJourney registration,
      ScenarioKit kit,
      ScenarioRules rules,
      Refusals refusals) {
    this.ctx = ctx;
    this.resources = resources;
    this.grants = grants;
    this.other = other;
    this.registration = registration;
    this.conformance = kit.conformance();
    this.rules = rules;
    this.refusals = refusals;
  }

  @When("the TPP exchanges the code at the token endpoint")
  public void theTppExchangesTheCode() {
    grants.exchange(UnaryOperator.identity());
  }

  @Given("the TPP has exchanged the code")
  public void theTppHasExchangedTheCode() {
    grants.exchanged();
  }

  @When("the TPP exchanges the code with {grantDefect}")
  public void theTppExchangesTheCodeWith(GrantDefect defect) {
    grants.exchangeWith(defect);
  }

  @When("the TPP exchanges the code with the grant type {string}")
  public void theTppExchangesTheCodeWithGrantType(String grantType) {
    grants.exchange(r -> r.withGrantType(grantType));
  }

  @When("the TPP exchanges the code with the replaced redirect URI {string}")
  public void theTppExchangesTheCodeWithTheReplacedUri(String sampleUri) {
    grants.exchange(r -> r.withRedirectUri(registration.mapped(sampleUri)));
  }

  @When("the TPP exchanges the code with the client_secret of the replaced registration")
  public void theTppExchangesTheCodeWithTheReplacedSecret() {
    grants.exchangeWithReplacedSecret();
  }

  @When("the TPP exchanges the same code again")
  public void theTppExchangesTheSameCodeAgain() {
    grants.exchangeAgain();
  }

  @Given("another TPP has registered the redirect URI {string}")
  public void anotherTppHasRegistered(String sampleUri) {
    other.registers(List.of(sampleUri));
  }

  @When("the other TPP exchanges the TPP's code with its own client credentials")
  public void theOtherTppExchangesTheCode() {
    grants.exchange(UnaryOperator.identity(), other.credentials());
  }

  @When("the TPP refreshes the access token")
  public void theTppRefreshesTheAccessToken() {
    grants.refresh(resources.consent());
  }

  @When("the TPP refreshes with a refresh token the bank never issued")
  public void theTppRefreshesWithAnUnknownToken() {
    grants.refreshWith(resources.consent(), "kit-unknown-refresh-" + UUID.randomUUID());
  }

  @Given("the TPP holds an access token for the consent")
  public void theTppHoldsAnAccessTokenForTheConsent() {
    grants.authorisedAndExchanged(resources.consent());
  }

  @Given("the TPP holds an access token for the payment")
  public void theTppHoldsAnAccessTokenForThePayment() {
    grants.authorisedAndExchanged(resources.payment());
  }

  @Then("the bank issues a bearer access token with a positive lifetime for the consent's scope")
  public void theBankIssuesAnAccessTokenForTheConsent() {
    accessTokenFor(resources.consent());
  }

  @Then("the bank issues a bearer access token with a positive lifetime for the payment's scope")
  public void theBankIssuesAnAccessTokenForThePayment() {
    accessTokenFor(resources.payment());
  }

  @Then("the bank issues a refresh token")
  public void theBankIssuesARefreshToken() {
    conformance.expect(TKN_1, GrantChecks.refreshTokenIssued(), ctx.last());
  }

  @Then("the bank issues a new access token")
  public void theBankIssuesANewAccessToken() {
    conformance.expectAll(
        TKN_7,
        ctx.last(),
        ErrorChecks.status(200),
        GrantChecks.newAccessToken(grants.accessTokenBeforeRefresh()));
  }

  @Then("the token endpoint refuses it with {int}")
  public void theTokenEndpointRefusesItWith(int status) {
    refusals.tokenEndpoint(ErrorChecks.status(status));
  }

  @Then("the token endpoint refuses it with {int} and the OAuth error {string}")
  public void theTokenEndpointRefusesItWithError(int status, String error) {
    refusals.tokenEndpoint(ErrorChecks.status(status), error);
  }

  @Then("the token endpoint refuses it with {int} and the OAuth error {string} or {string}")
  public void theTokenEndpointRefusesItWithEither(int status, String error, String other) {
    refusals.tokenEndpoint(ErrorChecks.status(status), error, other);
  }

  @Then("the token endpoint refuses it with {int} or {int} and the OAuth error {string}")
  public void theTokenEndpointRefusesItWithStatusEither(int status, int otherStatus, String error) {
    refusals.tokenEndpoint(ErrorChecks.statusIn(status, otherStatus), error);
  }

  @Then("the answer carries no token")
  public void theAnswerCarriesNoToken() {
    conformance.expect(rules.subject(), GrantChecks.noTokenIssued(), ctx.last());
  }

  private void accessTokenFor(Authorisable subject) {
    conformance.expectAll(
        TKN_1,
        ctx.last(),
        ErrorChecks.status(200),
        GrantChecks.accessTokenIssued(),
        GrantChecks.tokenTypeBearer(),
        GrantChecks.positiveExpiresIn(),
        GrantChecks.scopeHolds(subject.scopeItem()));
  }
}
