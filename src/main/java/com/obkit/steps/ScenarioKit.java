package com.obkit.steps;

import com.obkit.checks.Check;
import com.obkit.client.BankClient;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import com.obkit.report.AllureEvidence;
import com.obkit.runtime.KitRuntime;
import com.obkit.runtime.KitSession;
import java.util.Optional;

/**
 * What a scenario gets from the run, created fresh per scenario by PicoContainer: the run's
 * runtime, a client of its own and the rule-aware check runner, which records every check as
 * evidence.
 */
public final class ScenarioKit {
  private final KitRuntime runtime = KitSession.current();
  private final BankClient client = runtime.newClient();
  private final Conformance conformance = new Conformance(runtime::scrub, AllureEvidence::record);

  /**
   * OAS-1, whatever the scenario is about: an answer that does not match the bank's OpenAPI
   * documents is a SHOULD finding of the scenario whose request got it, recorded as it arrives, so
   * that the scenario ends as it would otherwise plus the OAS-1 warning (a MUST failure still fails
   * it, and carries the warning too).
   */
  static final Check<String> ANSWER_MATCHES_OPENAPI =
      new Check<>("CheckAnswerMatchesOpenApi", Optional::of);

  public ScenarioKit() {
    client.onOpenApiMismatch(
        mismatch -> conformance.expect(Rule.should("OAS-1"), ANSWER_MATCHES_OPENAPI, mismatch));
  }

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
