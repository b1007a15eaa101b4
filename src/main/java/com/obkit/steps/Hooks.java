package com.obkit.steps;

import com.obkit.outcomes.CheckEvidence;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.RetryEvidence;
import com.obkit.runtime.KitSession;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import java.util.List;

/**
 * Run and scenario lifecycle: the runtime (and embedded sandbox) for the run, the scenario's report
 * log.
 */
public final class Hooks {
  private final ScenarioLog log;
  private final ScenarioRules rules;
  private final Conformance conformance;
  private final Applicability applicability;
  private final TppState tpps;
  private final ScenarioKit kit;

  public Hooks(
      ScenarioLog log,
      ScenarioRules rules,
      ScenarioKit kit,
      Applicability applicability,
      TppState tpps) {
    this.log = log;
    this.tpps = tpps;
    this.rules = rules;
    this.conformance = kit.conformance();
    this.applicability = applicability;
    this.kit = kit;
  }

  @BeforeAll
  public static void startRun() {
    KitSession.start();
  }

  @AfterAll
  public static void stopRun() {
    KitSession.stop();
  }

  @Before(order = 0)
  public void bindScenario(Scenario scenario) {
    log.bind(scenario);
    tpps.bind(scenario);
    rules.bind(scenario.getSourceTagNames());
  }

  /**
   * Before anything else of a bank scenario: once the run's circuit breaker opened (the bank seemed
   * down, {@code kit.circuitBreaker}), every scenario not yet started fails at once as an
   * environment fault, so the run ends now, INCONCLUSIVE. The kit's self-checks send nothing.
   */
  @Before(value = "not @kit-self-check", order = 1)
  public void requireCircuitClosed() {
    kit.runtime().circuitBreaker().check();
  }

  /**
   * Before its first request, so that no PSU logs in for nothing: a scenario that spends a shared
   * bank's daily budget of unattended reads (AIS-5) runs only where that budget is the run's own or
   * {@code kit.budget.spend=true}.
   */
  @Before(value = "@budget", order = 1)
  public void requireBudget() {
    applicability.requireBudgetMaySpend();
  }

  /** Before its first request: a scenario that judges a page only the scripted PSU sees. */
  @Before(value = "@psu-form", order = 1)
  public void requirePsuForm() {
    applicability.requireFormDriver();
  }

  /** Before its first request: a scenario that needs the bank's clock to pass a lifetime. */
  @Before(value = "@sandbox-clock", order = 1)
  public void requireSandboxClock() {
    applicability.requireSandboxClock();
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
    List<String> retries = kit.client().retries();
    if (!retries.isEmpty()) {
      scenario.attach(RetryEvidence.toJson(retries), RetryEvidence.MEDIA_TYPE, "retries");
    }
    if (scenario.getStatus() == Status.PASSED) {
      conformance.conclude();
    }
  }
}
