package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.report.ScenarioOutcome.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static ScenarioOutcome outcome(
      String name, List<String> rules, Kind kind, String message) {
    return new ScenarioOutcome(
        name,
        "features/x.feature:1",
        rules,
        false,
        kind,
        Optional.ofNullable(message),
        Duration.ofMillis(5));
  }

  @Test
  void allPassedIsConformant() {
    Verdict v = Verdict.of(List.of(outcome("a", List.of("SIG-1"), Kind.PASSED, null)));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CONFORMANT);
    assertThat(v.line()).isEqualTo("VERDICT: CONFORMANT");
  }

  @Test
  void aFailedMustNamesTheViolatedRuleNotEveryTag() {
    Verdict v =
        Verdict.of(
            List.of(
                outcome(
                    "a",
                    List.of("TOK-2", "SIG-2", "ERR-1"),
                    Kind.FAILED,
                    "SIG-2, TOK-2 MUST violated: EnsureHttpStatus401: expected HTTP 401 but GET ... -> 200"),
                outcome(
                    "b",
                    List.of("SIG-6"),
                    Kind.WARNING,
                    "SHOULD-WARNING SIG-6: EnsureHttpStatus401: ...")));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NOT_CONFORMANT);
    assertThat(v.failedMustRules()).containsExactly("SIG-2", "TOK-2");
    assertThat(v.warnedShouldRules()).containsExactly("SIG-6");
    assertThat(v.line())
        .isEqualTo(
            "VERDICT: NOT CONFORMANT | failed MUST rules: SIG-2, TOK-2 | SHOULD warnings: SIG-6");
  }

  @Test
  void warningsAloneStayConformantAndErrorsAreInconclusive() {
    assertThat(
            Verdict.of(
                    List.of(
                        outcome("b", List.of("SIG-6"), Kind.WARNING, "SHOULD-WARNING SIG-6: x")))
                .outcome())
        .isEqualTo(Verdict.Outcome.CONFORMANT);
    assertThat(
            Verdict.of(List.of(outcome("c", List.of("TOK-1"), Kind.ERROR, "Connection refused")))
                .outcome())
        .isEqualTo(Verdict.Outcome.INCONCLUSIVE);
    assertThat(Verdict.of(List.of()).outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
  }

  @Test
  void theRuleTableMarksEachRule() {
    Verdict v =
        Verdict.of(
            List.of(
                outcome("a", List.of("SIG-2"), Kind.FAILED, "SIG-2 MUST violated: x"),
                outcome("b", List.of("SIG-1"), Kind.PASSED, null)));
    var table = v.ruleTable(RuleCatalogue.load());
    assertThat(table.get("SIG-2").result()).isEqualTo("FAILED");
    assertThat(table.get("SIG-1").result()).isEqualTo("PASSED");
    assertThat(table.get("ACC-1").result()).isEqualTo("NOT COVERED");
  }
}
