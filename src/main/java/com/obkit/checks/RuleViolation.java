package com.obkit.checks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A MUST rule the bank broke: fails the scenario. The message starts with the rule ids and names
 * the check: {@code SIG-1, TOK-2 MUST violated: EnsureHttpStatus401: ...}.
 */
public final class RuleViolation extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final transient List<Rule> rules;

  public RuleViolation(List<Rule> rules, String checkName, String problem) {
    super(
        rules.stream().map(Rule::id).collect(Collectors.joining(", "))
            + " MUST violated: "
            + checkName
            + ": "
            + problem);
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }
}
