package com.obkit.steps;

import com.obkit.checks.AccountChecks.TestAccount;
import com.obkit.checks.ErrorChecks;
import com.obkit.client.HttpExchange;
import com.obkit.config.AccountSettings;
import com.obkit.config.BankMode;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import java.util.ArrayList;
import java.util.List;

/**
 * Contract section 7 for one scenario: sandbox test accounts, created through the sandbox API or
 * taken from the configuration (the bank publishes no API for them).
 */
public final class AccountJourney {
  private final ScenarioContext ctx;
  private final List<TestAccount> accounts = new ArrayList<>();

  public AccountJourney(ScenarioContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A test account: created through the sandbox API, or taken from the configuration (the bank has
   * no API): the tenant's configured accounts in order, one per call.
   */
  public TestAccount createAccount(String inTenant, Tampering tampering) {
    AccountSettings settings = ctx.config().accounts();
    if (settings.source() == AccountSettings.Source.CONFIG) {
      return configuredAccount(settings, inTenant, tampering);
    }
    ctx.requireBankMode(BankMode.SANDBOX);
    HttpExchange last =
        ctx.record(
            ctx.client().createTestAccount(ctx.tpps().current(), inTenant, "EUR", tampering));
    if (tampering == Tampering.NONE) {
      ctx.conformance().require(Rule.must("ACC-1"), ErrorChecks.status(201), last);
    }
    TestAccount account = TestAccount.from(last);
    accounts.add(account);
    return account;
  }

  private TestAccount configuredAccount(
      AccountSettings settings, String inTenant, Tampering tampering) {
    ctx.requireBankMode(BankMode.SANDBOX);
    if (tampering != Tampering.NONE) {
      throw new NotApplicable(
          "test accounts come from the configuration: the bank publishes no API to send a broken request to");
    }
    List<AccountSettings.ConfiguredAccount> mine = settings.forTenant(inTenant);
    long taken = accounts.size();
    if (taken >= mine.size()) {
      throw new NotApplicable(
          mine.isEmpty()
              ? "kit.accounts has no account of the tenant " + inTenant
              : "kit.accounts has " + mine.size() + " account(s) of the tenant " + inTenant);
    }
    AccountSettings.ConfiguredAccount a = mine.get((int) taken);
    TestAccount account = new TestAccount(a.iban(), a.digipass(), "EUR");
    accounts.add(account);
    return account;
  }

  /** Several new test accounts in one tenant (ACC-2: every one new). */
  public void createAccounts(String inTenant, int count) {
    if (ctx.config().accounts().source() == AccountSettings.Source.CONFIG) {
      throw new NotApplicable(
          "ACC-2's new account for every request needs accounts the kit creates; configured"
              + " accounts were made by hand in the bank's API Test Client");
    }
    for (int i = 0; i < count; i++) {
      createAccount(inTenant, Tampering.NONE);
    }
  }

  /** Asks a production environment for a test account, which it must refuse (ACC-3). */
  public HttpExchange requestTestAccountInProduction() {
    HttpExchange last =
        ctx.record(
            ctx.client()
                .createTestAccount(ctx.tpps().current(), ctx.tenant(), "EUR", Tampering.NONE));
    return last;
  }

  /** The scenario's test account: the first it created or took (the journey's PSU). */
  public TestAccount current() {
    if (accounts.isEmpty()) {
      throw new IllegalStateException("the scenario has no test account yet");
    }
    return accounts.get(0);
  }

  /** The scenario's second test account (an account the first one's consent does not cover). */
  public TestAccount second() {
    if (accounts.size() < 2) {
      throw new IllegalStateException("the scenario has no second test account");
    }
    return accounts.get(1);
  }

  public List<TestAccount> accounts() {
    return List.copyOf(accounts);
  }
}
