package com.obkit.outcomes;

import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * The bank broke SHOULD rules only: a warning, not a failure. It aborts the scenario, which
 * Cucumber reports as skipped, so the run's exit code is not changed. It carries the failed checks,
 * typed; the message prefix {@value #PREFIX} is only for people and Allure's category.
 */
public final class ShouldWarning extends TestAbortedException {
  public static final String PREFIX = "SHOULD-WARNING";
  private static final long serialVersionUID = 1L;
  private final transient List<CheckResult> failures;

  /**
   * @param failures the failed checks; none breaks a MUST rule
   */
  public ShouldWarning(List<CheckResult> failures) {
    super(
        PREFIX
            + " "
            + failures.stream().map(CheckResult::describe).collect(Collectors.joining("\n")));
    this.failures = List.copyOf(failures);
    if (this.failures.isEmpty()
        || this.failures.stream().anyMatch(f -> !f.brokenMustRules().isEmpty())) {
      throw new IllegalArgumentException("a SHOULD warning holds failed SHOULD checks only");
    }
  }

  /** The failed checks. */
  public List<CheckResult> failures() {
    return failures;
  }
}
