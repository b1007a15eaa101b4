package com.obkit.steps;

import com.obkit.client.HttpExchange;
import com.obkit.outcomes.Level;
import com.obkit.outcomes.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The contract rules a scenario is tagged with ({@code @SIG-2 @ERR-1 @must}). Shared refusal steps
 * such as "the bank refuses it with 401 ..." check the status under the scenario's own rule (SIG-2
 * in a SIG-2 scenario) and at the scenario's level, and the body shape under ERR-1, so a failure
 * names the rule the bank broke.
 */
public final class ScenarioRules {
  private List<String> ids = List.of();
  private Level level = Level.MUST;

  void bind(Collection<String> tags) {
    ids = Rule.idsOfTags(tags);
    level = tags.contains("@should") ? Level.SHOULD : Level.MUST;
  }

  /**
   * The rules the scenario is about: its rule tags other than the error-shape rules ERR-1 and
   * ERR-2, at the scenario's level.
   */
  public List<Rule> subject() {
    List<Rule> rules =
        ids.stream()
            .filter(id -> !id.equals("ERR-1") && !id.equals("ERR-2"))
            .map(id -> new Rule(id, level))
            .toList();
    if (rules.isEmpty()) {
      throw new IllegalStateException("scenario has no rule tag such as @SIG-2");
    }
    return rules;
  }

  /**
   * The rules a status is checked under: the subject rules at the scenario's level, plus ERR-1 (a
   * MUST) when the bank answered with a server error where a refusal was due. In a SHOULD scenario
   * a 5xx therefore breaks ERR-1 and warns for the SHOULD rule; it never makes a SHOULD rule a
   * MUST.
   */
  public List<Rule> forStatusOf(HttpExchange x) {
    return x.status() >= 500 ? subjectAndErrorShape() : subject();
  }

  /**
   * The rules an error body's shape is checked under: ERR-1, and TOK-2 where the scenario is about
   * it; a SHOULD scenario's rule never turns a shape defect into a warning.
   */
  public List<Rule> shapeRules() {
    List<Rule> rules = new ArrayList<>();
    rules.add(errorShape());
    // Of the scenario's own rules only TOK-2 asks for the body's shape ("with a Berlin Group error
    // body", contract section 4): a CERT-1 refusal with a plain-text body breaks ERR-1, not CERT-1.
    subject().stream()
        .filter(r -> r.id().equals("TOK-2") && r.level() == Level.MUST)
        .forEach(rules::add);
    return rules;
  }

  /** The subject rules, each at the scenario's level, plus ERR-1 (a MUST). */
  public List<Rule> subjectAndErrorShape() {
    List<Rule> rules = new ArrayList<>(subject());
    rules.add(errorShape());
    return rules;
  }

  /**
   * The error-shape rule, a MUST wherever it applies: ERR-2 in scenarios of the journey after
   * onboarding (contract sections 10 to 15, tagged {@code @ERR-2}), ERR-1 everywhere else.
   */
  public Rule errorShape() {
    return Rule.must(ids.contains("ERR-2") ? "ERR-2" : "ERR-1");
  }
}
