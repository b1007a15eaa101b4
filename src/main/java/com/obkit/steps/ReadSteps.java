package com.obkit.steps;

import com.obkit.checks.AccountReadChecks;
import com.obkit.checks.ConfirmationChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stage 9: confirming the authorisation and reading the test account (contract section 13). */
public final class ReadSteps {
  private static final Rule AIS_1 = Rule.must("AIS-1");
  private static final Rule REV_1 = Rule.must("REV-1");

  private final ScenarioContext ctx;
  private final ResourceJourney resources;
  private final AccountJourney accounts;
  private final GrantJourney grants;
  private final ReadJourney reads;
  private final ReadCases cases;
  private final Conformance conformance;
  private final ScenarioRules rules;
  private final Refusals refusals;

  public ReadSteps(
      ScenarioContext ctx,
      ResourceJourney resources,
      AccountJourney accounts,
      GrantJourney grants,
      ReadJourney reads,
      ReadCases cases,
      ScenarioKit kit,
      ScenarioRules rules,
      Refusals refusals) {
    this.ctx = ctx;
    this.resources = resources;
    this.accounts = accounts;
    this.grants = grants;
    this.reads = reads;
    this.cases = cases;
    this.conformance = kit.conformance();
    this.rules = rules;
    this.refusals = refusals;
  }

  @When("the TPP confirms the consent with its access token")
  public void theTppConfirmsTheConsent() {
    reads.confirm(
        resources.consent(), Optional.of(grants.grantFor(resources.consent()).accessToken()));
  }

  @When("the TPP confirms the consent {confirmationDefect}")
  public void theTppConfirmsTheConsentWith(ReadDefect defect) {
    cases.confirmConsent(defect);
  }

  @When("the TPP confirms the consent with the access token issued for the reused code")
  public void theTppConfirmsWithTheReusedCodesToken() {
    reads.confirm(resources.consent(), Optional.of(grants.firstOfReusedCode().accessToken()));
  }

  @Then("the bank should refuse the access token issued for the reused code")
  public void theBankShouldRefuseTheReusedCodesToken() {
    conformance.expect(Rule.should("TKN-4"), ErrorChecks.status(401), ctx.last());
  }

  @Given("the TPP has confirmed the consent")
  public void theTppHasConfirmedTheConsent() {
    reads.confirmed(resources.consent());
  }

  @When("the TPP confirms the payment with its access token")
  public void theTppConfirmsThePayment() {
    reads.confirm(
        resources.payment(), Optional.of(grants.grantFor(resources.payment()).accessToken()));
  }

  @Given("the TPP has confirmed the payment")
  public void theTppHasConfirmedThePayment() {
    reads.confirmed(resources.payment());
  }

  @When("the TPP confirms the payment with the consent's access token")
  public void theTppConfirmsThePaymentWithTheConsentsToken() {
    reads.confirm(
        resources.payment(), Optional.of(grants.grantFor(resources.consent()).accessToken()));
  }

  @Given("the TPP holds an access token for another payment")
  public void theTppHoldsAnAccessTokenForAnotherPayment() {
    cases.holdAnotherPaymentsToken();
  }

  @When("the TPP confirms the payment with the other payment's access token")
  public void theTppConfirmsThePaymentWithTheOtherPaymentsToken() {
    cases.confirmPaymentWithTheOtherPaymentsToken();
  }

  @When("the TPP reads the account list")
  public void theTppReadsTheAccountList() {
    reads.accountList(cases.consentAccess());
  }

  @When("the TPP reads the account list {readDefect}")
  public void theTppReadsTheAccountListWith(ReadDefect defect) {
    cases.readAccountList(defect);
  }

  @When("the TPP reads the test account's balances")
  public void theTppReadsTheBalances() {
    reads.balances(reads.access(resources.consent()));
  }

  @Given("the TPP has read the test account's balances")
  public void theTppHasReadTheBalances() {
    cases.balancesBeforePayment();
  }

  @When("the TPP reads the test account's transactions")
  public void theTppReadsTheTransactions() {
    reads.transactions(reads.access(resources.consent()));
  }

  @Given("the TPP holds a confirmed consent on a second test account")
  public void theTppHoldsAConsentOnASecondAccount() {
    cases.confirmedConsentOnASecondAccount();
  }

  @When("the TPP reads the second account's balances with the first consent")
  public void theTppReadsTheSecondAccountsBalances() {
    cases.readSecondAccountsBalances();
  }

  @When("the TPP reads the test account's balances {int} times without the PSU")
  public void theTppReadsUnattended(int times) {
    reads.balancesRepeatedly(reads.access(resources.consent()).unattended(), times);
  }

  @When("the TPP reads the test account's balances {int} times with the PSU present")
  public void theTppReadsAttended(int times) {
    reads.balancesRepeatedly(reads.access(resources.consent()), times);
  }

  @Given("the bank's clock has passed the consent's validity")
  public void theConsentHasExpired() {
    cases.expireConsent();
  }

  @Then("the bank finalises the authorisation")
  public void theBankFinalisesTheAuthorisation() {
    conformance.expectAll(
        reads.confirmationRule(),
        ctx.last(),
        ErrorChecks.statusIn(200, 201),
        ConfirmationChecks.scaFinalised());
  }

  @Then("the account list shows exactly the test account")
  public void theAccountListShowsExactlyTheTestAccount() {
    conformance.expectAll(
        AIS_1,
        ctx.last(),
        ErrorChecks.status(200),
        AccountReadChecks.exactlyAccount(accounts.current().iban(), "EUR"));
  }

  @Then("the balances are the test account's")
  public void theBalancesAreTheTestAccounts() {
    conformance.expectAll(
        AIS_1,
        ctx.last(),
        ErrorChecks.status(200),
        AccountReadChecks.balancesOf(accounts.current().iban()));
  }

  @Then("the transactions are the test account's")
  public void theTransactionsAreTheTestAccounts() {
    cases.judgeTransactions(AIS_1);
  }

  @Then("the answer discloses no account data")
  public void theAnswerDisclosesNoAccountData() {
    conformance.expect(rules.subject(), AccountReadChecks.noAccountData(), ctx.last());
  }

  @Then("the answer does not repeat the access token the TPP sent")
  public void theAnswerDoesNotRepeatTheAccessToken() {
    conformance.expect(
        Rule.must("ERR-2"), AccountReadChecks.tokenNotEchoed(reads.lastAccessToken()), ctx.last());
  }

  @Then("the bank refuses it with {int}")
  public void theBankRefusesItWithStatus(int status) {
    refusals.berlinGroup(ErrorChecks.status(status));
  }

  @Then("the bank refuses it with a client error")
  public void theBankRefusesItWithAClientError() {
    refusals.berlinGroup(ErrorChecks.clientError());
  }

  @Then("the bank refuses it with {int} and one of the Berlin Group codes {string}")
  public void theBankRefusesItWithOneOf(int status, String codes) {
    refusals.berlinGroup(ErrorChecks.status(status), list(codes));
  }

  @Then(
      "the bank refuses it with one of the statuses {string} and one of the Berlin Group codes"
          + " {string}")
  public void theBankRefusesItWithOneOfTheStatuses(String statuses, String codes) {
    refusals.berlinGroup(ErrorChecks.statusIn(statuses(statuses)), list(codes));
  }

  @Then(
      "the first {int} reads are answered and the fifth is refused with 429 and the Berlin Group"
          + " code {string}")
  public void theFifthUnattendedReadIsRefused(int answered, String code) {
    cases.judgeBudget(answered, code);
  }

  @Then("every read is answered")
  public void everyReadIsAnswered() {
    cases.judgeAllAnswered(rules.subject());
  }

  @Then("reads with the deleted consent are refused with 401 and the Berlin Group code {string}")
  public void readsWithTheDeletedConsentAreRefused(String code) {
    refusals.berlinGroup(List.of(REV_1), ErrorChecks.status(401), code);
  }

  private static String[] list(String commaSeparated) {
    return commaSeparated.split("\\s*,\\s*");
  }

  private static Integer[] statuses(String commaSeparated) {
    return Arrays.stream(list(commaSeparated)).map(Integer::valueOf).toArray(Integer[]::new);
  }
}
