package com.obkit.steps;

import com.obkit.runtime.KitSession;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;

/**
 * Run and scenario lifecycle: the runtime (and embedded sandbox) for the run, the scenario's report
 * log.
 */
public final class Hooks {
  private final ScenarioLog log;
  private final ScenarioRules rules;

  public Hooks(ScenarioLog log, ScenarioRules rules) {
    this.log = log;
    this.rules = rules;
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
}
