package com.obkit.steps;

import com.obkit.runtime.KitSession;
import io.cucumber.java.Scenario;

/** Notes a scenario writes into its report (Cucumber JSON and Allure); never secrets. */
public final class ScenarioLog {
  private Scenario scenario;

  void bind(Scenario scenario) {
    this.scenario = scenario;
  }

  public void note(String text) {
    if (scenario != null) {
      // A note may quote the bank's answers: the run's registry masks any secret among them.
      scenario.log(KitSession.current().secrets().scrub(text));
    }
  }
}
