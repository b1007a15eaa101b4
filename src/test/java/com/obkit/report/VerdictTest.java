package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.Rule;
import com.obkit.outcomes.RuleViolation;
import com.obkit.outcomes.ShouldWarning;
import com.obkit.report.ScenarioOutcome.Kind;
import io.cucumber.plugin.event.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static ScenarioOutcome outcome(
      String name, List<String> tags, Kind kind, String message, CheckResult... failures) {
    return new ScenarioOutcome(
        name,
        "features/x.feature:1",
        tags,
        false,
        kind,
        Optional.ofNullable(message),
        List.of(failures),
        List.of(failures),
        Duration.ofMillis(5));
  }

  private static CheckResult failed(String check, Rule... rules) {
    return new CheckResult(check, List.of(rules), Optional.of("expected HTTP 401 but 200"));
  }

  @Test
  void allPassedIsConformant() {
    Verdict v = Verdict.of(List.of(outcome("a", List.of("SIG-1"), Kind.PASSED, null)));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CONFORMANT);
    assertThat(v.line()).isEqualTo("VERDICT: CONFORMANT");
  }

  @Test
  void aFailedMustNamesExactlyTheRulesItsChecksWereCalledWithNotItsTags() {
    Verdict v =
        Verdict.of(
            List.of(
                outcome(
                    "a",
                    List.of("TOK-2", "SIG-2", "ERR-1", "SIG-9"),
                    Kind.FAILED,
                    "whatever the message says: ACC-1 MUST violated",
                    failed("EnsureHttpStatus401", Rule.must("SIG-2"), Rule.must("TOK-2"))),
                outcome(
                    "b",
                    List.of("SIG-6"),
                    Kind.WARNING,
                    "SHOULD-WARNING",
                    failed("EnsureHttpStatus401", Rule.should("SIG-6")))));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NOT_CONFORMANT);
    assertThat(v.failedMustRules()).containsExactly("SIG-2", "TOK-2");
    assertThat(v.warnedShouldRules()).containsExactly("SIG-6");
    assertThat(v.line())
        .isEqualTo(
            "VERDICT: NOT CONFORMANT | failed MUST rules: SIG-2, TOK-2 | SHOULD warnings: SIG-6");
  }

  @Test
  void aServerErrorInAShouldScenarioBreaksErr1AndWarnsForTheShouldRuleNeverAsMust() {
    Verdict v =
        Verdict.of(
            List.of(
                outcome(
                    "pkce",
                    List.of("AUTH-5"),
                    Kind.FAILED,
                    null,
                    failed(
                        "EnsureAuthorisationRequestRefused",
                        Rule.should("AUTH-5"),
                        Rule.must("ERR-1")))));
    assertThat(v.failedMustRules()).containsExactly("ERR-1");
    assertThat(v.warnedShouldRules()).containsExactly("AUTH-5");
    assertThat(v.line())
        .isEqualTo("VERDICT: NOT CONFORMANT | failed MUST rules: ERR-1 | SHOULD warnings: AUTH-5");
  }

  @Test
  void aKitErrorNamesNoBankRuleAndIsInconclusive() {
    Verdict v =
        Verdict.of(
            List.of(
                outcome(
                    "c",
                    List.of("TOK-1"),
                    Kind.ERROR,
                    "kit error: AssertionError: SIG-2 MUST violated: looks like a rule")));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
    assertThat(v.failedMustRules()).isEmpty();
    assertThat(v.line()).isEqualTo("VERDICT: INCONCLUSIVE | 1 scenario(s) not judged: kit error");
  }

  @Test
  void warningsAloneStayConformantAndNoScenarioIsInconclusive() {
    assertThat(
            Verdict.of(
                    List.of(
                        outcome(
                            "b",
                            List.of("SIG-6"),
                            Kind.WARNING,
                            null,
                            failed("EnsureHttpStatus401", Rule.should("SIG-6")))))
                .outcome())
        .isEqualTo(Verdict.Outcome.CONFORMANT);
    assertThat(Verdict.of(List.of()).outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
  }

  @Test
  void onlyTheCheckRunnersTypesAreBankOutcomes() {
    RuleViolation violation =
        new RuleViolation(List.of(failed("EnsureHttpStatus401", Rule.must("SIG-2"))));
    ShouldWarning warning =
        new ShouldWarning(List.of(failed("EnsureHttpStatus401", Rule.should("SIG-6"))));
    assertThat(VerdictPlugin.classify(Status.FAILED, Optional.of(violation)))
        .isEqualTo(Kind.FAILED);
    assertThat(VerdictPlugin.classify(Status.SKIPPED, Optional.of(warning)))
        .isEqualTo(Kind.WARNING);
    // An assertion of the kit itself (a self-check, a defect) is a kit error, whatever it says.
    assertThat(
            VerdictPlugin.classify(
                Status.FAILED, Optional.of(new AssertionError("SIG-2 MUST violated: x"))))
        .isEqualTo(Kind.ERROR);
    assertThat(VerdictPlugin.classify(Status.FAILED, Optional.of(new IllegalStateException())))
        .isEqualTo(Kind.ERROR);
    assertThat(VerdictPlugin.classify(Status.UNDEFINED, Optional.empty())).isEqualTo(Kind.ERROR);
    assertThat(VerdictPlugin.classify(Status.PASSED, Optional.empty())).isEqualTo(Kind.PASSED);
  }

  @Test
  void theRuleTableMarksEachRule() {
    Verdict v =
        Verdict.of(
            List.of(
                outcome(
                    "a",
                    List.of("SIG-2"),
                    Kind.FAILED,
                    null,
                    failed("EnsureHttpStatus401", Rule.must("SIG-2"))),
                outcome("b", List.of("SIG-1"), Kind.PASSED, null)));
    var table = v.ruleTable(RuleCatalogue.load());
    assertThat(table.get("SIG-2").result()).isEqualTo("FAILED");
    assertThat(table.get("SIG-1").result()).isEqualTo("PASSED");
    assertThat(table.get("ACC-1").result()).isEqualTo("NOT COVERED");
  }
}
