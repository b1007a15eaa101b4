package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.Rule;
import com.obkit.report.ScenarioOutcome.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Waived outcomes, stale and expired waivers, and kit.failOn in the verdict and its exit code. */
class NightlyVerdictTest {

  private static ScenarioOutcome failedAuth2(String name) {
    CheckResult f =
        new CheckResult(
            "EnsureRedirectUriRejected", List.of(Rule.must("AUTH-2")), Optional.of("302 to it"));
    return new ScenarioOutcome(
        name,
        "features/05_authorisation/redirect.feature:12",
        List.of("AUTH-2"),
        false,
        Kind.FAILED,
        Optional.of("AUTH-2 MUST violated: 302 to it"),
        List.of(f),
        List.of(f),
        Duration.ofMillis(3));
  }

  private static ScenarioOutcome passed(String rule) {
    return new ScenarioOutcome(
        "ok " + rule,
        "features/x.feature:1",
        List.of(rule),
        false,
        Kind.PASSED,
        Optional.empty(),
        List.of(),
        List.of(),
        Duration.ofMillis(1));
  }

  private static Verdict.Nightly nightly(
      List<String> stale, List<String> expired, boolean failOnRegression, Set<String> regressed) {
    return new Verdict.Nightly(stale, expired, failOnRegression, regressed, List.of(), Map.of());
  }

  @Test
  void aWaivedFailureIsConformantWithExitCode0AndItsRuleWaived() {
    Verdict v =
        Verdict.of(
            List.of(failedAuth2("trailing slash").waived("AUTH-2 (INC-123)"), passed("SIG-1")));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CONFORMANT);
    assertThat(v.exitCode()).isEqualTo(0);
    assertThat(v.waivedRules()).containsExactly("AUTH-2");
    assertThat(v.ruleTable(RuleCatalogue.load()).get("AUTH-2").result()).isEqualTo("WAIVED");
    assertThat(v.line()).isEqualTo("VERDICT: CONFORMANT | WAIVED: AUTH-2");
    assertThat(v.outcomes().get(0).message())
        .contains("waived by AUTH-2 (INC-123): AUTH-2 MUST violated: 302 to it");
    assertThat(Verdict.consoleLine(v.outcomes().get(0))).startsWith("WAIVED ");
  }

  @Test
  void aWaivedOutcomeKeepsItsFindingsAndRetries() {
    ScenarioOutcome retried = failedAuth2("a").withRetries(List.of("GET x: refused; retried 1x"));
    ScenarioOutcome waived = retried.waived("AUTH-2 (INC-123)");
    assertThat(waived.retries()).isEqualTo(List.of("GET x: refused; retried 1x"));
    assertThat(waived.failures()).isEqualTo(retried.failures());
    assertThat(waived.waivedRules()).isEqualTo(Set.of("AUTH-2"));
    assertThat(retried.waivedRules()).isEqualTo(Set.of());
  }

  @Test
  void aStaleWaiverFailsAConformantRunWithExitCode1NamingIt() {
    Verdict v =
        Verdict.of(List.of(passed("AUTH-2")))
            .with(nightly(List.of("stale waiver AUTH-2 (INC-123)"), List.of(), false, Set.of()));
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.CONFORMANT);
    assertThat(v.exitCode()).isEqualTo(1);
    assertThat(v.line())
        .isEqualTo("VERDICT: CONFORMANT | 1 stale waiver(s): the run fails (exit code 1)");
    assertThat(v.summary())
        .contains(
            "Stale waivers (they waived nothing: remove them or fix the kit):\n"
                + "  - stale waiver AUTH-2 (INC-123)\n");
  }

  @Test
  void anExpiredWaiverLeavesTheFailureCountingAndSaysSo() {
    Verdict v =
        Verdict.of(List.of(failedAuth2("trailing slash")))
            .with(
                nightly(
                    List.of(),
                    List.of("expired waiver AUTH-2: it expired on 2026-01-31"),
                    false,
                    Set.of("AUTH-2")));
    assertThat(v.exitCode()).isEqualTo(1);
    assertThat(v.line())
        .isEqualTo("VERDICT: NOT CONFORMANT | failed MUST rules: AUTH-2 | 1 expired waiver(s)");
  }

  @Test
  void failOnRegressionFailsOnlyWhenAMustRuleGotWorse() {
    Verdict same =
        Verdict.of(List.of(failedAuth2("a"))).with(nightly(List.of(), List.of(), true, Set.of()));
    assertThat(same.outcome()).isEqualTo(Verdict.Outcome.NOT_CONFORMANT);
    assertThat(same.exitCode()).isEqualTo(0);
    assertThat(same.line())
        .isEqualTo(
            "VERDICT: NOT CONFORMANT | failed MUST rules: AUTH-2 | kit.failOn=regression: nothing"
                + " got worse (exit code 0)");
    Verdict worse =
        Verdict.of(List.of(failedAuth2("a")))
            .with(nightly(List.of(), List.of(), true, Set.of("AUTH-2")));
    assertThat(worse.exitCode()).isEqualTo(1);
    assertThat(worse.line())
        .isEqualTo("VERDICT: NOT CONFORMANT | failed MUST rules: AUTH-2 | regressed: AUTH-2");
    Verdict mustDefault =
        Verdict.of(List.of(failedAuth2("a"))).with(nightly(List.of(), List.of(), false, Set.of()));
    assertThat(mustDefault.exitCode()).isEqualTo(1);
  }
}
