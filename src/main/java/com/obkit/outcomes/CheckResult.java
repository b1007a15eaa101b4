package com.obkit.outcomes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluated check, passed or failed: the evidence an auditor reads, and, when it failed, the
 * typed finding the verdict is built from. The rules are exactly those the caller named, each at
 * the level the caller gave it.
 *
 * @param check the check's name ({@code EnsureHttpStatus401})
 * @param rules the rules it was evaluated under, with their levels
 * @param problem what was wrong, or empty when it passed (never holds a secret: scrubbed first)
 */
public record CheckResult(String check, List<Rule> rules, Optional<String> problem) {
  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(problem, "problem");
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a check result needs at least one rule: " + check);
    }
  }

  /** Whether the check held. */
  public boolean passed() {
    return problem.isEmpty();
  }

  /** The MUST rules a failure breaks (none when it passed). */
  public List<Rule> brokenMustRules() {
    return passed() ? List.of() : rules.stream().filter(r -> r.level() == Level.MUST).toList();
  }

  /** The SHOULD rules a failure warns about (none when it passed). */
  public List<Rule> brokenShouldRules() {
    return passed() ? List.of() : rules.stream().filter(r -> r.level() == Level.SHOULD).toList();
  }

  /** {@code SIG-1 (MUST), TOK-2 (MUST): EnsureHttpStatus401: expected ...}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Rule r : rules) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(r);
    }
    sb.append(": ").append(check);
    problem.ifPresentOrElse(p -> sb.append(": ").append(p), () -> sb.append(": passed"));
    return sb.toString();
  }
}
