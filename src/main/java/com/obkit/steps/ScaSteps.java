package com.obkit.steps;

import com.obkit.checks.ScaChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import com.obkit.psu.PsuAction;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Stage 7: the PSU's part of strong customer authentication (contract section 11). */
public final class ScaSteps {
  private static final Rule SCA_1 = Rule.must("SCA-1");

  private final ResourceJourney resources;
  private final AccountJourney accounts;
  private final ScaJourney sca;
  private final Conformance conformance;
  private final ScenarioRules rules;

  public ScaSteps(
      ResourceJourney resources,
      AccountJourney accounts,
      ScaJourney sca,
      ScenarioKit kit,
      ScenarioRules rules) {
    this.resources = resources;
    this.accounts = accounts;
    this.sca = sca;
    this.conformance = kit.conformance();
    this.rules = rules;
  }

  @When("the PSU authorises the consent with the test account's IBAN and digipass")
  public void thePsuAuthorisesTheConsent() {
    sca.authorise(resources.consent(), PsuAction.LOGIN);
  }

  @When("the PSU authorises the payment with the test account's IBAN and digipass")
  public void thePsuAuthorisesThePayment() {
    sca.authorise(resources.payment(), PsuAction.LOGIN);
  }

  @Given("the PSU has authorised the consent")
  public void thePsuHasAuthorisedTheConsent() {
    sca.authorised(resources.consent());
  }

  @When("the PSU logs in with a wrong digipass once, then with the right one")
  public void thePsuLogsInWithAWrongDigipass() {
    sca.authorise(resources.consent(), PsuAction.WRONG_DIGIPASS_ONCE);
  }

  @Then("the bank answers the wrong digipass without a code")
  public void theBankAnswersTheWrongDigipassWithoutACode() {
    conformance.expect(rules.subject(), ScaChecks.wrongDigipassRefused(), sca.outcome());
  }

  @When("the PSU logs in with a wrong digipass three times")
  public void thePsuLogsInWithAWrongDigipassThreeTimes() {
    sca.authorise(resources.consent(), PsuAction.WRONG_DIGIPASS_THRICE);
  }

  @When("the PSU cancels the authorisation")
  public void thePsuCancels() {
    sca.authorise(resources.consent(), PsuAction.CANCEL);
  }

  @When("the PSU logs in with the second test account's IBAN and digipass")
  public void thePsuLogsInWithTheSecondAccount() {
    sca.authorise(
        resources.consent(), PsuAction.LOGIN, ScaJourney.credentialsOf(accounts.second()));
  }

  @When("the PSU opens the consent's scaRedirect a second time")
  public void thePsuOpensTheScaRedirectAgain() {
    sca.reopen();
  }

  @Then("the bank sends the browser back to the redirect URI with a code and the unchanged state")
  public void theBankSendsTheBrowserBackWithACode() {
    ScaJourney.Attempt attempt = sca.attempt();
    conformance.expectAll(
        SCA_1,
        attempt.outcome(),
        ScaChecks.callbackTo(attempt.subject().redirectUri()),
        ScaChecks.codeIssued(),
        ScaChecks.stateUnchanged(attempt.state()));
  }

  @Then("the bank issues no code")
  public void theBankIssuesNoCode() {
    conformance.expect(rules.subject(), ScaChecks.noCodeIssued(), sca.outcome());
  }

  @Then(
      "the bank sends the browser back with the error {string} or {string} and the unchanged state")
  public void theBankSendsTheBrowserBackWithAnError(String error, String otherError) {
    conformance.expectAll(
        rules.subject(),
        sca.outcome(),
        ScaChecks.errorReturned(error, otherError),
        ScaChecks.stateUnchanged(sca.attempt().state()));
  }

  @Then("the bank refuses the second use without issuing a code")
  public void theBankRefusesTheSecondUse() {
    conformance.expect(rules.subject(), ScaChecks.linkNotReusable(), sca.outcome());
  }
}
