package com.obkit.checks;

/**
 * Applies checks under the rule the caller names. A failed check under a MUST rule throws
 * {@link RuleViolation} (the scenario fails); under a SHOULD rule it throws {@link ShouldWarning} (the
 * scenario is reported as a warning). One instance per scenario.
 */
public final class Conformance {

  /** Applies {@code check} to {@code subject} under {@code rule}. */
  public <T> void require(Rule rule, Check<T> check, T subject) {
    check
        .evaluate(subject)
        .ifPresent(
            problem -> {
              if (rule.level() == Level.MUST) {
                throw new RuleViolation(rule, check.name(), problem);
              }
              throw new ShouldWarning(rule, check.name(), problem);
            });
  }

  /** Applies every check in order; stops at the first failure. */
  @SafeVarargs
  public final <T> void requireAll(Rule rule, T subject, Check<T>... checks) {
    for (Check<T> c : checks) {
      require(rule, c, subject);
    }
  }
}
