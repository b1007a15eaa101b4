package com.obkit.steps;

import io.cucumber.java.Scenario;

/** Notes a scenario writes into its report (Cucumber JSON and Allure); never secrets. */
public final class ScenarioLog {
  private Scenario scenario;

  void bind(Scenario scenario) {
    this.scenario = scenario;
  }

  public void note(String text) {
    if (scenario != null) {
      scenario.log(text);
    }
  }
}
