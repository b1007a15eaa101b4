package com.obkit.steps;

import com.obkit.outcomes.CheckEvidence;
import com.obkit.outcomes.Conformance;
import com.obkit.runtime.KitSession;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;

/**
 * Run and scenario lifecycle: the runtime (and embedded sandbox) for the run, the scenario's report
 * log.
 */
public final class Hooks {
  private final ScenarioLog log;
  private final ScenarioRules rules;
  private final Conformance conformance;

  public Hooks(ScenarioLog log, ScenarioRules rules, ScenarioKit kit) {
    this.log = log;
    this.rules = rules;
    this.conformance = kit.conformance();
  }

  @BeforeAll
  public static void startRun() {
    KitSession.start();
  }

  @AfterAll
  public static void stopRun() {
    KitSession.stop();
  }

  @Before
  public void bindScenario(Scenario scenario) {
    log.bind(scenario);
    rules.bind(scenario.getSourceTagNames());
  }

  /**
   * Hands the evidence of every evaluated check to the reports, then ends the scenario's checking:
   * the failures that {@code expect} recorded fail (or warn) the scenario here, unless a step
   * already stopped it.
   */
  @After
  public void concludeScenario(Scenario scenario) {
    scenario.attach(
        CheckEvidence.toJson(conformance.results()), CheckEvidence.MEDIA_TYPE, "checks");
    if (scenario.getStatus() == Status.PASSED) {
      conformance.conclude();
    }
  }
}
