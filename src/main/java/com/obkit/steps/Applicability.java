package com.obkit.steps;

import com.obkit.config.PsuSettings;
import com.obkit.outcomes.NotApplicable;

/**
 * What a configuration cannot test, said before a scenario sends anything: the reason goes into the
 * report as NOT APPLICABLE, never as a pass or a failure.
 */
public final class Applicability {
  private final ScenarioKit kit;

  public Applicability(ScenarioKit kit) {
    this.kit = kit;
  }

  /** AIS-5 spends a shared bank's daily budget of 4 unattended reads per account. */
  public void requireBudgetMaySpend() {
    if (!kit.runtime().config().maySpendReadBudget()) {
      throw new NotApplicable(
          "spends the account's daily budget of 4 unattended reads at a shared bank; set"
              + " kit.budget.spend=true to run it (at most once a day)");
    }
  }

  /**
   * A page the bank shows instead of sending the browser back (the login page again, an error page)
   * reaches the kit only when it plays the PSU itself; a person's browser shows it to the person,
   * and no callback would ever come.
   */
  public void requireFormDriver() {
    if (kit.runtime().config().psu().driver() != PsuSettings.Driver.FORM) {
      throw new NotApplicable(
          "judges a page the bank shows instead of sending the browser back, which only"
              + " kit.psu.driver=form sees; with a person at a browser no callback would come");
    }
  }

  /** Expiry needs the bank's clock to pass a lifetime; only the embedded sandbox can age things. */
  public void requireSandboxClock() {
    if (kit.runtime().sandbox().isEmpty()) {
      throw new NotApplicable(
          "needs the bank's clock to pass a lifetime (an access token's expires_in, a consent's"
              + " validUntil); only the embedded sandbox can age them");
    }
  }
}
