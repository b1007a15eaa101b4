package com.obkit.steps;

import com.obkit.checks.ConsentChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.client.ConsentRequest;
import com.obkit.client.RedirectUriVariant;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.function.UnaryOperator;

/** Stage 6: the account information consent (contract section 10). */
public final class ConsentSteps {
  private static final Rule CON_1 = Rule.must("CON-1");

  private final ScenarioContext ctx;
  private final ResourceJourney resources;
  private final AccountJourney accounts;
  private final OtherTppJourney other;
  private final RegistrationJourney registration;
  private final Conformance conformance;
  private final ScenarioRules rules;

  public ConsentSteps(
      ScenarioContext ctx,
      ResourceJourney resources,
      AccountJourney accounts,
      OtherTppJourney other,
      RegistrationJourney registration,
      ScenarioKit kit,
      ScenarioRules rules) {
    this.ctx = ctx;
    this.resources = resources;
    this.accounts = accounts;
    this.other = other;
    this.registration = registration;
    this.conformance = kit.conformance();
    this.rules = rules;
  }

  @Given("the TPP has a test account")
  public void theTppHasATestAccount() {
    resources.journeyAccount();
  }

  @Given("the TPP has a test account in the tenant {string}")
  public void theTppHasATestAccountIn(String tenant) {
    ctx.switchTenant(tenant);
    resources.journeyAccount();
  }

  @Given("the TPP has a test account in a tenant with SEPA credit transfers")
  public void theTppHasATestAccountInASepaTenant() {
    resources.requireSepaTenant();
    resources.journeyAccount();
  }

  @Given("the TPP has a second test account")
  public void theTppHasASecondTestAccount() {
    accounts.createAccount(ctx.tenant(), Tampering.NONE);
  }

  @Given("the TPP has asked for a consent on its test account")
  public void theTppHasAskedForAConsent() {
    resources.consentReceivedOn(accounts.current().iban());
  }

  @When("the TPP asks for a consent on its test account")
  public void theTppAsksForAConsent() {
    resources.askForConsent(UnaryOperator.identity(), Tampering.NONE);
  }

  @When("the TPP asks for a consent on its test account {consentDefect}")
  public void theTppAsksForAConsentWithDefect(UnaryOperator<ConsentRequest> defect) {
    resources.askForConsent(defect, Tampering.NONE);
  }

  @When("the TPP asks for a consent on its test account with {breakage}")
  public void theTppAsksForAConsentWithBreakage(Tampering breakage) {
    resources.askForConsent(UnaryOperator.identity(), breakage);
  }

  @When("the TPP asks for a consent on its test account with its redirect URI, {variant}")
  public void theTppAsksForAConsentWithRedirectVariant(RedirectUriVariant variant) {
    resources.askForConsentWithRedirectUri(variant);
  }

  @When("the TPP asks for a consent on its test account with a body that is not JSON")
  public void theTppAsksForAConsentWithABodyNotJson() {
    resources.askForConsentWithBodyNotJson();
  }

  @When("the TPP follows the consent's status link")
  public void theTppFollowsTheStatusLink() {
    resources.followConsentStatusLink();
  }

  @When("the TPP reads the consent's status")
  public void theTppReadsTheConsentsStatus() {
    resources.readConsentStatus();
  }

  @When("the TPP reads its consent")
  public void theTppReadsItsConsent() {
    resources.readConsent(resources.consent().id());
  }

  @When("the TPP reads a consent id the bank never issued")
  public void theTppReadsAnUnknownConsent() {
    resources.readConsent(ResourceJourney.unknownId());
  }

  @Given("another TPP holds a consent of its own")
  public void anotherTppHoldsAConsent() {
    other.holdsConsentOn(accounts.current().iban(), "https://tpp.example/cb");
  }

  @When("the TPP reads the other TPP's consent")
  public void theTppReadsTheOtherTppsConsent() {
    resources.readConsent(other.consentId());
  }

  @Then("the bank creates the consent with status \"received\", a consentId and an authorisationId")
  public void theBankCreatesTheConsent() {
    conformance.expectAll(
        CON_1,
        ctx.last(),
        ErrorChecks.status(201),
        ConsentChecks.consentReceived(),
        ConsentChecks.consentIdAndAuthorisationId());
  }

  @Then("the consent's links are relative to the XS2A base and start with the tenant")
  public void theConsentsLinksAreRelative() {
    conformance.expect(
        CON_1,
        ConsentChecks.linksRelativeToTenant(
            ctx.tenant(), "self", "status", "scaStatus", "confirmation"),
        ctx.last());
  }

  @Then(
      "the consent's scaRedirect sends the PSU to the authorisation endpoint for the TPP's client,"
          + " redirect URI and the consent's scope")
  public void theConsentsScaRedirect() {
    conformance.expect(
        CON_1,
        ConsentChecks.scaRedirect(
            ctx.client().endpoints().authorization(ctx.tenant()),
            registration.clientId(),
            registration.journeyRedirectUri(),
            "AIS:" + ctx.last().jsonText("consentId")),
        ctx.last());
  }

  @Then("the consent's status is {string}")
  public void theConsentsStatusIs(String status) {
    conformance.expect(rules.subject(), ConsentChecks.consentStatusIs(status), ctx.last());
  }

  @Then("the answer discloses no consent")
  public void theAnswerDisclosesNoConsent() {
    conformance.expect(rules.subject(), ConsentChecks.noConsentDisclosed(), ctx.last());
  }
}
