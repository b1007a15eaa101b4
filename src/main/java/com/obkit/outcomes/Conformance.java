package com.obkit.outcomes;

import com.obkit.checks.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Evaluates checks under the rules the caller names, records every result as evidence, and turns
 * failures into typed outcomes. One instance per scenario.
 *
 * <p>Two ways to apply a check:
 *
 * <ul>
 *   <li>{@link #expect} records the result and goes on, so a scenario reports every violation it
 *       finds, not only the first; {@link #conclude()} (at the end of the scenario) throws for the
 *       failures recorded.
 *   <li>{@link #require} records the result and, when it failed, stops the scenario at once: for
 *       preconditions whose failure makes the rest meaningless (no token, no registration).
 * </ul>
 *
 * <p>What is thrown is typed: {@link RuleViolation} when a failed check was called with a MUST
 * rule, {@link ShouldWarning} when all failed checks were called with SHOULD rules only. Both carry
 * every failed check of the scenario so far, with exactly the rules and levels the caller gave.
 * Rules of one call may have different levels (a 5xx in a SHOULD scenario breaks ERR-1, a MUST, and
 * warns for the scenario's SHOULD rule).
 */
public final class Conformance {

  private final UnaryOperator<String> scrub;
  private final Consumer<CheckResult> evidence;
  private final List<CheckResult> results = new ArrayList<>();
  private boolean thrown;

  /** A check runner that records evidence only in its own list (unit tests, self-tests). */
  public Conformance() {
    this(UnaryOperator.identity(), r -> {});
  }

  /**
   * @param scrub removes secrets from a problem text before it is recorded or thrown
   * @param evidence told of every evaluated check as it happens (the Allure step tree)
   */
  public Conformance(UnaryOperator<String> scrub, Consumer<CheckResult> evidence) {
    this.scrub = scrub;
    this.evidence = evidence;
  }

  /** Applies {@code check} under {@code rule} and stops the scenario if it fails. */
  public <T> void require(Rule rule, Check<T> check, T subject) {
    require(List.of(rule), check, subject);
  }

  /** Applies {@code check} under {@code rules} and stops the scenario if it fails. */
  public <T> void require(List<Rule> rules, Check<T> check, T subject) {
    if (!evaluate(rules, check, subject).passed()) {
      throwFailures();
    }
  }

  /** Applies every check; stops the scenario after them if any failed. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public final <T> void requireAll(Rule rule, T subject, Check<T>... checks) {
    requireAll(List.of(rule), subject, checks);
  }

  /** Applies every check under several rules; stops the scenario after them if any failed. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public final <T> void requireAll(List<Rule> rules, T subject, Check<T>... checks) {
    boolean allPassed = true;
    for (Check<T> c : checks) {
      allPassed &= evaluate(rules, c, subject).passed();
    }
    if (!allPassed) {
      throwFailures();
    }
  }

  /** Applies {@code check} under {@code rule}, records the result, and goes on. */
  public <T> boolean expect(Rule rule, Check<T> check, T subject) {
    return expect(List.of(rule), check, subject);
  }

  /**
   * Applies {@code check} under {@code rules}, records the result, and goes on.
   *
   * @return whether it passed
   */
  public <T> boolean expect(List<Rule> rules, Check<T> check, T subject) {
    return evaluate(rules, check, subject).passed();
  }

  /** Applies every check, records each result, and goes on. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public final <T> void expectAll(Rule rule, T subject, Check<T>... checks) {
    expectAll(List.of(rule), subject, checks);
  }

  /** Applies every check under several rules, records each result, and goes on. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public final <T> void expectAll(List<Rule> rules, T subject, Check<T>... checks) {
    for (Check<T> c : checks) {
      evaluate(rules, c, subject);
    }
  }

  /**
   * Ends the scenario's checking: throws for the failures recorded by {@link #expect} unless a
   * failure was already thrown.
   */
  public void conclude() {
    if (!thrown && results.stream().anyMatch(r -> !r.passed())) {
      throwFailures();
    }
  }

  /** Every check evaluated so far, passed or failed, in order. */
  public List<CheckResult> results() {
    return List.copyOf(results);
  }

  /** The failed checks so far. */
  public List<CheckResult> failures() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  private <T> CheckResult evaluate(List<Rule> rules, Check<T> check, T subject) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a check needs at least one rule: " + check.name());
    }
    Optional<String> problem = check.evaluate(subject).map(scrub);
    CheckResult result = new CheckResult(check.name(), rules, problem);
    results.add(result);
    evidence.accept(result);
    return result;
  }

  private void throwFailures() {
    thrown = true;
    List<CheckResult> failures = failures();
    if (failures.stream().anyMatch(f -> !f.brokenMustRules().isEmpty())) {
      throw new RuleViolation(failures);
    }
    throw new ShouldWarning(failures);
  }
}
