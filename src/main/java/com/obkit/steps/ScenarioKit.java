package com.obkit.steps;

import com.obkit.client.BankClient;
import com.obkit.outcomes.Conformance;
import com.obkit.report.AllureEvidence;
import com.obkit.runtime.KitRuntime;
import com.obkit.runtime.KitSession;

/**
 * What a scenario gets from the run, created fresh per scenario by PicoContainer: the run's
 * runtime, a client of its own and the rule-aware check runner, which records every check as
 * evidence.
 */
public final class ScenarioKit {
  private final KitRuntime runtime = KitSession.current();
  private final BankClient client = runtime.newClient();
  private final Conformance conformance = new Conformance(runtime::scrub, AllureEvidence::record);

  public KitRuntime runtime() {
    return runtime;
  }

  public BankClient client() {
    return client;
  }

  public Conformance conformance() {
    return conformance;
  }
}
