package com.obkit.history;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One scenario of a run and its result.
 *
 * @param name the scenario's name
 * @param feature its feature file, relative, without a line ({@code
 *     features/05_authorisation/redirect.feature})
 * @param line the scenario's line in the feature file (lines shift between runs: not part of the
 *     identity)
 * @param rules the contract rule ids the scenario judges
 * @param result one of {@link #RESULTS}
 * @param message why it did not pass; {@code null} when there is nothing to say
 */
public record ScenarioResult(
    String name, String feature, int line, List<String> rules, String result, String message) {

  /** Every result a scenario can have. */
  public static final Set<String> RESULTS =
      Set.of("passed", "failed", "warning", "waived", "not applicable", "environment", "error");

  public ScenarioResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(result, "result");
    rules = List.copyOf(rules);
    if (line < 1) {
      throw new IllegalArgumentException("line " + line + " of scenario '" + name + "'");
    }
    if (!RESULTS.contains(result)) {
      throw new IllegalArgumentException(
          "unknown result '" + result + "' of scenario '" + name + "'");
    }
  }

  /** The scenario's identity across runs: {@code feature + " :: " + name}. */
  public String key() {
    return feature + " :: " + name;
  }
}
