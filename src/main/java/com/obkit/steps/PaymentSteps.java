package com.obkit.steps;

import com.obkit.checks.ConsentChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.checks.PaymentChecks;
import com.obkit.client.PaymentRequest;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.function.UnaryOperator;

/** Stage 10: a SEPA credit transfer from the test account (contract section 14). */
public final class PaymentSteps {
  private static final Rule PIS_1 = Rule.must("PIS-1");
  private static final Rule PIS_2 = Rule.must("PIS-2");
  private static final Rule PIS_5 = Rule.should("PIS-5");

  private final ScenarioContext ctx;
  private final ResourceJourney resources;
  private final RegistrationJourney registration;
  private final ReadJourney reads;
  private final Conformance conformance;
  private final ScenarioRules rules;

  public PaymentSteps(
      ScenarioContext ctx,
      ResourceJourney resources,
      RegistrationJourney registration,
      ReadJourney reads,
      ScenarioKit kit,
      ScenarioRules rules) {
    this.ctx = ctx;
    this.resources = resources;
    this.registration = registration;
    this.reads = reads;
    this.conformance = kit.conformance();
    this.rules = rules;
  }

  @When("the TPP initiates a SEPA credit transfer of {string} EUR from its test account")
  public void theTppInitiatesAPayment(String amount) {
    resources.initiatePayment(amount, UnaryOperator.identity());
  }

  @Given("the TPP has initiated a SEPA credit transfer of {string} EUR from its test account")
  public void theTppHasInitiatedAPayment(String amount) {
    resources.paymentReceived(amount);
  }

  @When("the TPP initiates a SEPA credit transfer from its test account {paymentDefect}")
  public void theTppInitiatesAPaymentWith(UnaryOperator<PaymentRequest> defect) {
    resources.initiatePayment("12.34", defect);
  }

  @When("the TPP reads the payment's status")
  public void theTppReadsThePaymentsStatus() {
    resources.readPaymentStatus();
  }

  @Then("the bank receives the payment with status \"RCVD\", a paymentId and an authorisationId")
  public void theBankReceivesThePayment() {
    conformance.expectAll(
        PIS_1,
        ctx.last(),
        ErrorChecks.status(201),
        PaymentChecks.transactionStatusIs("RCVD"),
        PaymentChecks.paymentIdAndAuthorisationId());
  }

  @Then(
      "the payment's scaRedirect sends the PSU to the authorisation endpoint for the TPP's client,"
          + " redirect URI and the payment's scope")
  public void thePaymentsScaRedirect() {
    conformance.expect(
        PIS_1,
        ConsentChecks.scaRedirect(
            ctx.client().endpoints().authorization(ctx.tenant()),
            registration.clientId(),
            registration.journeyRedirectUri(),
            "PIS:" + ctx.last().jsonText("paymentId")),
        ctx.last());
  }

  @Then("the payment's status is still received")
  public void thePaymentsStatusIsStillReceived() {
    conformance.expect(
        rules.subject(), PaymentChecks.transactionStatusIs("RCVD", "PDNG"), ctx.last());
  }

  @Then("the payment's status is accepted or settled")
  public void thePaymentsStatusIsAccepted() {
    conformance.expect(
        PIS_2,
        PaymentChecks.transactionStatusIs("ACTC", "ACCP", "ACSP", "ACSC", "ACWC"),
        ctx.last());
  }

  @Then("a balance is lowered by the payment's amount")
  public void aBalanceIsLowered() {
    conformance.expect(
        PIS_5,
        PaymentChecks.balanceLoweredBy(reads.balancesBefore(), resources.paymentAmount()),
        reads.lastBalances());
  }

  @Then("the payment is booked to its creditor")
  public void thePaymentIsBooked() {
    conformance.expect(
        PIS_5,
        PaymentChecks.paymentBooked(resources.paymentAmount(), ResourceJourney.CREDITOR_IBAN),
        reads.lastTransactions());
  }
}
