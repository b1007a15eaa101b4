package com.obkit.steps;

import com.obkit.checks.Check;
import com.obkit.checks.ErrorChecks;
import com.obkit.client.HttpExchange;
import com.obkit.outcomes.Conformance;

/**
 * How a refusal is judged: the status and the error code under the scenario's own rule (SIG-2 in a
 * SIG-2 scenario, at its MUST/SHOULD level), the body's shape under ERR-1.
 */
public final class Refusals {
  private final Conformance conformance;
  private final ScenarioRules rules;
  private final ScenarioContext ctx;
  private final RegistrationJourney registration;

  public Refusals(
      ScenarioKit kit, ScenarioRules rules, ScenarioContext ctx, RegistrationJourney registration) {
    this.conformance = kit.conformance();
    this.rules = rules;
    this.ctx = ctx;
    this.registration = registration;
  }

  /** An XS2A refusal: one of the statuses, a Berlin Group body, one of the codes. */
  public void berlinGroup(Check<HttpExchange> status, String... codes) {
    HttpExchange x = ctx.last();
    requireStatus(status, x);
    // The body's shape and code are about an error answer; an answer that refused nothing has
    // already failed the status check under the scenario's own rule.
    if (x.status() >= 400) {
      // The code is read from the body: a body of the wrong shape has none to judge.
      boolean shaped = conformance.expect(rules.shapeRules(), ErrorChecks.berlinGroupShape(), x);
      if (shaped && codes.length > 0) {
        conformance.expect(rules.subject(), ErrorChecks.berlinGroupError(codes), x);
      }
    }
  }

  /**
   * An auth-endpoint refusal: one of the statuses, an OAuth body, one of the codes (as error or in
   * tppMessages).
   */
  public void oauth(Check<HttpExchange> status, String... codes) {
    HttpExchange x = registration.lastRegistration();
    requireStatus(status, x);
    if (x.status() >= 400) {
      boolean shaped = conformance.expect(rules.shapeRules(), ErrorChecks.oauthShape(), x);
      if (shaped && codes.length > 0) {
        conformance.expect(rules.subject(), ErrorChecks.authEndpointCode(codes), x);
      }
    }
  }

  /** The status under the scenario's rules; a 5xx where a refusal was due also breaks ERR-1. */
  private void requireStatus(Check<HttpExchange> status, HttpExchange x) {
    conformance.expect(rules.forStatusOf(x), status, x);
  }
}
