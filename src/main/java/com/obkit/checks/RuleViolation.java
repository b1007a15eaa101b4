package com.obkit.checks;

/** A MUST rule the bank broke: fails the scenario. The message starts with the rule id and the check's name. */
public final class RuleViolation extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final transient Rule rule;

  public RuleViolation(Rule rule, String checkName, String problem) {
    super(rule.id() + " " + rule.level() + " violated: " + checkName + ": " + problem);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
