package com.obkit.checks;

import java.util.List;

/**
 * Applies checks under the rules the caller names. A failed check under MUST rules throws {@link
 * RuleViolation} (the scenario fails); under SHOULD rules it throws {@link ShouldWarning} (the
 * scenario is reported as a warning). One instance per scenario.
 */
public final class Conformance {

  /** Applies {@code check} to {@code subject} under {@code rule}. */
  public <T> void require(Rule rule, Check<T> check, T subject) {
    require(List.of(rule), check, subject);
  }

  /**
   * Applies {@code check} under several rules at once (a scenario about SIG-1 on the onboarding
   * call also checks TOK-2). The rules must share one level; a failure names them all.
   */
  public <T> void require(List<Rule> rules, Check<T> check, T subject) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a check needs at least one rule");
    }
    Level level = rules.get(0).level();
    if (rules.stream().anyMatch(r -> r.level() != level)) {
      throw new IllegalArgumentException("rules of one check must share a level: " + rules);
    }
    check
        .evaluate(subject)
        .ifPresent(
            problem -> {
              if (level == Level.MUST) {
                throw new RuleViolation(rules, check.name(), problem);
              }
              throw new ShouldWarning(rules, check.name(), problem);
            });
  }

  /** Applies every check in order; stops at the first failure. */
  @SafeVarargs
  @SuppressWarnings("varargs") // passed on unchanged and only read
  public final <T> void requireAll(Rule rule, T subject, Check<T>... checks) {
    requireAll(List.of(rule), subject, checks);
  }

  /** Applies every check in order under several rules; stops at the first failure. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public final <T> void requireAll(List<Rule> rules, T subject, Check<T>... checks) {
    for (Check<T> c : checks) {
      require(rules, c, subject);
    }
  }
}
