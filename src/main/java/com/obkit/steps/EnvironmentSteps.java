package com.obkit.steps;

import com.obkit.config.BankMode;
import io.cucumber.java.en.Given;

/** Which environment a scenario is about; elsewhere it is reported as not applicable. */
public final class EnvironmentSteps {
  private final ScenarioContext ctx;

  public EnvironmentSteps(ScenarioContext ctx) {
    this.ctx = ctx;
  }

  @Given("the bank under test is a production environment")
  public void theBankUnderTestIsAProductionEnvironment() {
    ctx.requireBankMode(BankMode.PRODUCTION);
  }
}
