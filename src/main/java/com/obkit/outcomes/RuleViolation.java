package com.obkit.outcomes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bank broke at least one MUST rule: the scenario fails. It carries every failed check of the
 * scenario so far, typed, so the verdict never has to read its message; the message is for people:
 * {@code MUST violated: SIG-1, TOK-2: EnsureHttpStatus401: ...}.
 */
public final class RuleViolation extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final transient List<CheckResult> failures;

  /**
   * @param failures the failed checks; at least one breaks a MUST rule
   */
  public RuleViolation(List<CheckResult> failures) {
    super(message(failures));
    this.failures = List.copyOf(failures);
    if (this.failures.stream().allMatch(f -> f.brokenMustRules().isEmpty())) {
      throw new IllegalArgumentException("a rule violation needs a failed MUST check");
    }
  }

  private static String message(List<CheckResult> failures) {
    return failures.stream()
        .map(
            f ->
                (f.brokenMustRules().isEmpty() ? "SHOULD warning: " : "MUST violated: ")
                    + f.describe())
        .collect(Collectors.joining("\n"));
  }

  /** The failed checks, MUST and SHOULD, in the order they were evaluated. */
  public List<CheckResult> failures() {
    return failures;
  }
}
