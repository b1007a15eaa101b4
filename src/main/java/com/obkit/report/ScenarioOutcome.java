package com.obkit.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One scenario's outcome as the verdict sees it.
 *
 * @param name scenario name
 * @param location feature file and line
 * @param rules the rule ids it is tagged with
 * @param should whether it is tagged {@code @should}
 * @param kind passed, failed, warning (a broken SHOULD), not applicable, environment fault, or kit
 *     error
 * @param message the failure message (no secrets: checks never print them)
 * @param duration how long it took
 */
public record ScenarioOutcome(
    String name,
    String location,
    List<String> rules,
    boolean should,
    Kind kind,
    Optional<String> message,
    Duration duration) {

  private static final Pattern RULE_TAG = Pattern.compile("^@([A-Z]{2,5}-\\d{1,2})$");

  public ScenarioOutcome {
    rules = List.copyOf(rules);
  }

  /** The classes of outcome, in the order the summary lists them. */
  public enum Kind {
    PASSED,
    FAILED,
    WARNING,
    NOT_APPLICABLE,
    /** The bank could not be reached (refused, unknown host, TLS, timeout): not judged. */
    ENVIRONMENT,
    /** A defect of the kit or its configuration: not judged. */
    ERROR;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  static List<String> ruleIds(List<String> tags) {
    return tags.stream()
        .map(RULE_TAG::matcher)
        .filter(java.util.regex.Matcher::matches)
        .map(m -> m.group(1))
        .distinct()
        .toList();
  }
}
