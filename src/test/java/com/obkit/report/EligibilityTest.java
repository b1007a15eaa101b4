package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.Level;
import com.obkit.outcomes.Rule;
import com.obkit.report.Eligibility.Setting;
import com.obkit.report.Eligibility.Status;
import com.obkit.report.Eligibility.TenantCoverage;
import com.obkit.report.ScenarioOutcome.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The self-certification line: all passed, waived, filtered, a missing tenant, generated
 * credentials, the embedded sandbox, a failure, an outage, not applicable rules.
 */
class EligibilityTest {

  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

  private static final Setting OWN_BANK_NL =
      new Setting(true, false, Map.of("nl", new TenantCoverage(true, "this run")));

  private static ScenarioOutcome outcome(String rule, Kind kind) {
    Level level = CATALOGUE.find(rule).orElseThrow().level();
    List<CheckResult> failures =
        kind == Kind.FAILED || kind == Kind.WARNING || kind == Kind.WAIVED
            ? List.of(
                new CheckResult(
                    "EnsureSomething",
                    List.of(level == Level.MUST ? Rule.must(rule) : Rule.should(rule)),
                    Optional.of("broken")))
            : List.of();
    return new ScenarioOutcome(
        "scenario of " + rule,
        "features/x.feature:" + rule.hashCode(),
        List.of(rule),
        false,
        kind == Kind.WAIVED ? Kind.FAILED : kind,
        Optional.of("message"),
        failures,
        failures,
        Duration.ofMillis(1));
  }

  /** One scenario per catalogue rule, each passed but those given otherwise. */
  private static Verdict run(Map<String, Kind> except, List<String> leftOut) {
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (RuleCatalogue.Entry e : CATALOGUE.entries()) {
      if (leftOut.contains(e.id())) {
        continue;
      }
      Kind kind = except.getOrDefault(e.id(), Kind.PASSED);
      ScenarioOutcome o = outcome(e.id(), kind);
      outcomes.add(kind == Kind.WAIVED ? o.waived(e.id() + " (INC-1)") : o);
    }
    return Verdict.of(outcomes);
  }

  private static Eligibility eligibility(Verdict v, Setting setting) {
    return Eligibility.of(v, v.ruleTable(CATALOGUE), setting);
  }

  @Test
  void everyRulePassedWithOwnCredentialsAgainstTheBankIsReady() {
    Eligibility e = eligibility(run(Map.of(), List.of()), OWN_BANK_NL);
    assertThat(e.status()).isEqualTo(Status.READY);
    assertThat(e.reasons()).isEmpty();
    assertThat(e.rulesNotRun()).isEmpty();
    assertThat(e.line()).isEqualTo("SELF-CERTIFICATION: READY");
    assertThat(e.tenants()).isEqualTo(Map.of("nl", "this run"));
  }

  @Test
  void aWaivedFailureIsReadyWithWaiversAndNamesTheRule() {
    Eligibility e = eligibility(run(Map.of("AUTH-2", Kind.WAIVED), List.of()), OWN_BANK_NL);
    assertThat(e.status()).isEqualTo(Status.READY_WITH_WAIVERS);
    assertThat(e.waivedRules()).containsExactly("AUTH-2");
    assertThat(e.line()).isEqualTo("SELF-CERTIFICATION: READY WITH WAIVERS | waived: AUTH-2");
  }

  @Test
  void aFilteredRunIsNotReadyAndSaysWhichRulesDidNotRun() {
    Eligibility e = eligibility(run(Map.of(), List.of("SIG-1", "REG-2")), OWN_BANK_NL);
    assertThat(e.status()).isEqualTo(Status.NOT_READY);
    assertThat(e.rulesNotRun()).containsExactly("SIG-1", "REG-2");
    assertThat(e.reasons())
        .containsExactly(
            "2 rule(s) did not run (left out by a tag filter or the features folder): SIG-1,"
                + " REG-2");
  }

  @Test
  void aDeclaredTenantNotCoveredIsNotReady() {
    Map<String, TenantCoverage> tenants = new LinkedHashMap<>();
    tenants.put("nl", new TenantCoverage(true, "this run"));
    tenants.put("be_nl", new TenantCoverage(false, "no run of it is kept"));
    Eligibility e = eligibility(run(Map.of(), List.of()), new Setting(true, false, tenants));
    assertThat(e.status()).isEqualTo(Status.NOT_READY);
    assertThat(e.reasons()).containsExactly("tenant be_nl is not covered: no run of it is kept");
    assertThat(e.tenants())
        .containsExactly(Map.entry("nl", "this run"), Map.entry("be_nl", "no run of it is kept"));
  }

  @Test
  void aDeclaredTenantCoveredByAnEarlierRunIsReady() {
    Map<String, TenantCoverage> tenants = new LinkedHashMap<>();
    tenants.put("nl", new TenantCoverage(true, "this run"));
    tenants.put("be_nl", new TenantCoverage(true, "its run of 2026-12-01T02:00:00Z"));
    Eligibility e = eligibility(run(Map.of(), List.of()), new Setting(true, false, tenants));
    assertThat(e.status()).isEqualTo(Status.READY);
  }

  @Test
  void generatedCredentialsAreNotReady() {
    Eligibility e =
        eligibility(
            run(Map.of(), List.of()),
            new Setting(false, false, Map.of("nl", new TenantCoverage(true, "this run"))));
    assertThat(e.status()).isEqualTo(Status.NOT_READY);
    assertThat(e.reasons())
        .containsExactly(
            "generated test credentials, not the TPP's own (kit.credentials.source=generated)");
  }

  @Test
  void theEmbeddedSandboxWithGeneratedCredentialsGivesBothReasonsInOrder() {
    Eligibility e =
        eligibility(
            run(Map.of(), List.of()),
            new Setting(false, true, Map.of("nl", new TenantCoverage(true, "this run"))));
    assertThat(e.reasons())
        .containsExactly(
            "generated test credentials, not the TPP's own (kit.credentials.source=generated)",
            "the embedded reference sandbox, not the bank (kit.baseUrl is not set)");
    assertThat(e.line())
        .isEqualTo(
            "SELF-CERTIFICATION: NOT READY: generated test credentials, not the TPP's own"
                + " (kit.credentials.source=generated); the embedded reference sandbox, not the"
                + " bank (kit.baseUrl is not set)");
  }

  @Test
  void aFailedMustRuleAndAnOutageAreNotReady() {
    Eligibility e =
        eligibility(
            run(Map.of("REG-2", Kind.FAILED, "TKN-1", Kind.ENVIRONMENT), List.of()), OWN_BANK_NL);
    assertThat(e.reasons())
        .containsExactly(
            "MUST rules failed: REG-2",
            "MUST rules not judged (environment faults or kit errors): TKN-1");
  }

  @Test
  void aShouldWarningAndNotApplicableRulesStayReadyAndAreListed() {
    String should =
        CATALOGUE.entries().stream()
            .filter(r -> r.level() == Level.SHOULD)
            .findFirst()
            .orElseThrow()
            .id();
    Eligibility e =
        eligibility(
            run(Map.of(should, Kind.WARNING, "CERT-1", Kind.NOT_APPLICABLE), List.of()),
            OWN_BANK_NL);
    assertThat(e.status()).isEqualTo(Status.READY);
    assertThat(e.notApplicableRules()).containsExactly("CERT-1");
    assertThat(e.line()).isEqualTo("SELF-CERTIFICATION: READY | not applicable here: CERT-1");
  }

  @Test
  void aRunThatCouldNotStartIsNotReady() {
    Verdict v = Verdict.of(List.of(), Optional.of("ConfigException: no bank"));
    Eligibility e = eligibility(v, OWN_BANK_NL);
    assertThat(e.reasons()).containsExactly("the run could not start (see the verdict)");
    assertThat(e.rulesNotRun()).hasSize(CATALOGUE.entries().size());
  }

  @Test
  void theVerdictFilesCarryTheLine() {
    Verdict v = run(Map.of(), List.of());
    Verdict with = v.withEligibility(eligibility(v, OWN_BANK_NL));
    assertThat(with.summary()).endsWith("SELF-CERTIFICATION: READY\nVERDICT: CONFORMANT");
    assertThat(VerdictPage.render(with, with.ruleTable(CATALOGUE)))
        .contains("<h2>Self-certification: READY</h2>");
  }

  @Test
  void aStatusMustAgreeWithItsReasons() {
    assertThatThrownBy(
            () ->
                new Eligibility(
                    Status.NOT_READY, List.of(), List.of(), List.of(), List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a NOT READY eligibility needs reasons");
    assertThatThrownBy(
            () ->
                new Eligibility(
                    Status.READY, List.of("x"), List.of(), List.of(), List.of(), Map.of()))
        .hasMessage("a READY eligibility has no reasons");
    assertThatThrownBy(
            () ->
                new Eligibility(
                    Status.READY_WITH_WAIVERS,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Map.of()))
        .hasMessage("READY WITH WAIVERS needs waived rules");
  }
}
