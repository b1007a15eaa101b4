package com.obkit.steps;

import com.obkit.checks.Check;
import com.obkit.checks.ErrorChecks;
import com.obkit.client.HttpExchange;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
    judge(ctx.last(), rules.subject(), rules.shapeRules(), status, BERLIN_GROUP, codes);
  }

  /**
   * An XS2A refusal judged under named rules instead of the scenario's (a refusal inside a journey
   * scenario that is about several rules): the status and code under {@code subject}, the shape
   * under the scenario's error-shape rule.
   */
  public void berlinGroup(List<Rule> subject, Check<HttpExchange> status, String... codes) {
    judge(ctx.last(), subject, List.of(rules.errorShape()), status, BERLIN_GROUP, codes);
  }

  /**
   * An auth-endpoint refusal of the registration: one of the statuses, an OAuth body, one of the
   * codes (as error or in tppMessages).
   */
  public void oauth(Check<HttpExchange> status, String... codes) {
    judge(
        registration.lastRegistration(), rules.subject(), rules.shapeRules(), status, OAUTH, codes);
  }

  /** A token or revocation endpoint refusal (contract section 12): the last answer, OAuth body. */
  public void tokenEndpoint(Check<HttpExchange> status, String... codes) {
    judge(ctx.last(), rules.subject(), rules.shapeRules(), status, OAUTH, codes);
  }

  /** How an error body of one family is judged: its shape, and its code among the allowed ones. */
  private record Dialect(Check<HttpExchange> shape, Function<String[], Check<HttpExchange>> code) {}

  private static final Dialect BERLIN_GROUP =
      new Dialect(ErrorChecks.berlinGroupShape(), ErrorChecks::berlinGroupError);
  private static final Dialect OAUTH =
      new Dialect(ErrorChecks.oauthShape(), ErrorChecks::authEndpointCode);

  /**
   * The status under {@code subject} (plus the error-shape rule when the bank answered with a 5xx
   * where a refusal was due); for an error answer, the body's shape under {@code shapeRules} and,
   * when it has the shape, the code under {@code subject}.
   */
  private void judge(
      HttpExchange x,
      List<Rule> subject,
      List<Rule> shapeRules,
      Check<HttpExchange> status,
      Dialect dialect,
      String... codes) {
    List<Rule> statusRules = new ArrayList<>(subject);
    if (x.status() >= 500) {
      statusRules.add(rules.errorShape());
    }
    conformance.expect(statusRules, status, x);
    // The body's shape and code are about an error answer; an answer that refused nothing has
    // already failed the status check under the scenario's own rule.
    if (x.status() >= 400) {
      // The code is read from the body: a body of the wrong shape has none to judge.
      boolean shaped = conformance.expect(shapeRules, dialect.shape(), x);
      if (shaped && codes.length > 0) {
        conformance.expect(subject, dialect.code().apply(codes), x);
      }
    }
  }
}
