package com.obkit.checks;

import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * A SHOULD rule the bank broke: a warning, not a failure. It aborts the scenario, which Cucumber
 * reports as skipped, so the run's exit code is not changed; the verdict lists it under warnings,
 * and Allure's "SHOULD warnings" category picks it up by the message prefix {@value #PREFIX}.
 */
public final class ShouldWarning extends TestAbortedException {
  public static final String PREFIX = "SHOULD-WARNING";
  private static final long serialVersionUID = 1L;
  private final transient List<Rule> rules;

  public ShouldWarning(List<Rule> rules, String checkName, String problem) {
    super(
        PREFIX
            + " "
            + rules.stream().map(Rule::id).collect(Collectors.joining(", "))
            + ": "
            + checkName
            + ": "
            + problem);
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }
}
