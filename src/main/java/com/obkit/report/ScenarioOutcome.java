package com.obkit.report;

import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.Rule;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One scenario's outcome as the verdict sees it: typed, never read back from a message.
 *
 * @param name scenario name
 * @param location feature file and line
 * @param rules the rule ids it is tagged with (what it is about; never stands in for a finding)
 * @param selfCheck whether it checks the kit itself ({@code @kit-self-check}), not the bank
 * @param kind passed, failed, warning (a broken SHOULD), not applicable, environment fault, or kit
 *     error
 * @param message the first line of the failure message, for people (no secrets)
 * @param failures the failed checks, each with exactly the rules and levels it was called with
 * @param evidence every check the scenario evaluated, passed or failed
 * @param duration how long it took
 * @param retries the exchanges it retried after an environment fault, one line each
 */
public record ScenarioOutcome(
    String name,
    String location,
    List<String> rules,
    boolean selfCheck,
    Kind kind,
    Optional<String> message,
    List<CheckResult> failures,
    List<CheckResult> evidence,
    Duration duration,
    List<String> retries) {

  public ScenarioOutcome {
    rules = List.copyOf(rules);
    failures = List.copyOf(failures);
    evidence = List.copyOf(evidence);
    retries = retries == null ? List.of() : List.copyOf(retries);
  }

  /** An outcome without retries. */
  public ScenarioOutcome(
      String name,
      String location,
      List<String> rules,
      boolean selfCheck,
      Kind kind,
      Optional<String> message,
      List<CheckResult> failures,
      List<CheckResult> evidence,
      Duration duration) {
    this(name, location, rules, selfCheck, kind, message, failures, evidence, duration, List.of());
  }

  /** The same outcome with the exchanges it retried. */
  public ScenarioOutcome withRetries(List<String> retried) {
    return new ScenarioOutcome(
        name, location, rules, selfCheck, kind, message, failures, evidence, duration, retried);
  }

  /** The classes of outcome, in the order the summary lists them. */
  public enum Kind {
    PASSED,
    FAILED,
    WARNING,
    /**
     * A failure or warning every broken rule of which a waiver in force covers ({@code
     * kit.waivers}): reported, not failing the run.
     */
    WAIVED,
    NOT_APPLICABLE,
    /** The bank could not be reached (refused, unknown host, TLS, timeout): not judged. */
    ENVIRONMENT,
    /** A defect of the kit or its configuration: not judged, never a bank rule. */
    ERROR;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** The MUST rule ids this scenario's failed checks break (empty unless FAILED). */
  public Set<String> brokenMustRules() {
    Set<String> ids = new LinkedHashSet<>();
    if (kind == Kind.FAILED) {
      failures.forEach(f -> f.brokenMustRules().forEach(r -> ids.add(r.id())));
    }
    return ids;
  }

  /** The SHOULD rule ids this scenario's failed checks warn about (FAILED or WARNING). */
  public Set<String> brokenShouldRules() {
    Set<String> ids = new LinkedHashSet<>();
    if (kind == Kind.FAILED || kind == Kind.WARNING) {
      failures.forEach(f -> f.brokenShouldRules().forEach(r -> ids.add(r.id())));
    }
    return ids;
  }

  /** The rule ids (MUST and SHOULD) a waiver covers in this scenario (empty unless WAIVED). */
  public Set<String> waivedRules() {
    return kind == Kind.WAIVED ? brokenRules() : Set.of();
  }

  /** All rule ids its failed checks break, at either level (whatever its kind). */
  public Set<String> brokenRules() {
    Set<String> ids = new LinkedHashSet<>();
    failures.forEach(f -> f.rules().forEach(r -> ids.add(r.id())));
    return ids;
  }

  /**
   * This outcome waived: same findings, kind {@link Kind#WAIVED}, the waivers named before the
   * original message.
   */
  public ScenarioOutcome waived(String waivers) {
    return new ScenarioOutcome(
        name,
        location,
        rules,
        selfCheck,
        Kind.WAIVED,
        Optional.of("waived by " + waivers + message.map(m -> ": " + m).orElse("")),
        failures,
        evidence,
        duration,
        retries);
  }

  /** The names of the failed checks, in order. */
  public List<String> failedChecks() {
    return failures.stream().map(CheckResult::check).distinct().toList();
  }

  static List<String> ruleIds(List<String> tags) {
    return Rule.idsOfTags(tags);
  }
}
