package com.obkit.steps;

import com.obkit.checks.AccountChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Stage 5: sandbox test accounts (IBAN and digipass). */
public final class AccountSteps {
  private final ScenarioContext ctx;
  private final AccountJourney accounts;
  private final Conformance conformance;
  private final Refusals refusals;

  public AccountSteps(
      ScenarioContext ctx, AccountJourney accounts, ScenarioKit kit, Refusals refusals) {
    this.ctx = ctx;
    this.accounts = accounts;
    this.conformance = kit.conformance();
    this.refusals = refusals;
  }

  @When("the TPP creates a test account in the tenant {string}")
  public void theTppCreatesATestAccountIn(String tenant) {
    ctx.switchTenant(tenant);
    accounts.createAccount(tenant, Tampering.NONE);
  }

  @When("the TPP creates two test accounts in the tenant {string}")
  public void theTppCreatesTwoTestAccounts(String tenant) {
    ctx.switchTenant(tenant);
    accounts.createAccounts(tenant, 2);
  }

  @When("the TPP creates a test account in the tenant {string} with {breakage}")
  public void theTppCreatesATestAccountWith(String tenant, Tampering breakage) {
    ctx.switchTenant(tenant);
    accounts.createAccount(tenant, breakage);
  }

  @When("the TPP asks a production environment for a test account")
  public void theTppAsksProductionForATestAccount() {
    accounts.requestTestAccountInProduction();
  }

  @Then("the bank refuses it without creating an account")
  public void theBankRefusesWithoutCreatingAnAccount() {
    refusals.berlinGroup(ErrorChecks.clientError());
    conformance.expect(Rule.must("ACC-3"), AccountChecks.noAccountCreated(), ctx.last());
  }

  @Then("the account has a valid IBAN of the tenant's country with the bank's code")
  public void theAccountHasAValidIban() {
    conformance.expect(Rule.must("ACC-1"), AccountChecks.ibanValidFor(ctx.tenant()), lastAccount());
  }

  @Then("the account has a digipass number")
  public void theAccountHasADigipassNumber() {
    conformance.expect(Rule.must("ACC-2"), AccountChecks.digipassPresent(), lastAccount());
  }

  @Then("the two accounts have different IBANs")
  public void theTwoAccountsHaveDifferentIbans() {
    List<AccountChecks.TestAccount> made = accounts.accounts();
    conformance.expect(
        Rule.must("ACC-2"), AccountChecks.differentIbanFrom(made.get(0)), made.get(1));
  }

  private AccountChecks.TestAccount lastAccount() {
    List<AccountChecks.TestAccount> made = accounts.accounts();
    return made.get(made.size() - 1);
  }
}
