package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import com.obkit.outcomes.Level;
import com.obkit.report.RuleCatalogue;
import com.obkit.sandbox.Deviation;
import com.obkit.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit tests itself: for every deviation of the reference sandbox (a bank breaking one rule),
 * the scenarios tagged with that rule run in-process against a sandbox with that one deviation, and
 * what does not pass must be exactly what {@code expected-failures.tsv} declares for it: the same
 * scenarios, each with the same result, the same failed checks in the same order and the same
 * broken rules. Reporting more (another scenario, another rule) fails the test as much as reporting
 * less, or the wrong check. A MUST deviation must make the verdict NOT CONFORMANT with exactly the
 * declared MUST rules; a SHOULD deviation must leave it CONFORMANT with exactly the declared
 * warnings.
 */
class DeviationsAreCaughtIT {

  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
  private static final Map<String, List<ExpectedFailures.Row>> EXPECTED =
      ExpectedFailures.load("/expected-failures.tsv");
  private static final Map<String, Integer> SCENARIOS_PER_RULE =
      ExpectedFailures.loadCounts("/scenarios-per-rule.tsv");

  private final ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));

  static Stream<Deviation> deviations() {
    return Arrays.stream(Deviation.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deviations")
  void everyDeviationFailsExactlyTheDeclaredScenariosChecksAndRules(
      Deviation deviation, @TempDir Path reports) {
    String rule = deviation.rule();
    Level level = levelOf(deviation);
    List<ExpectedFailures.Row> rows = EXPECTED.get(deviation.name());
    assertThat(rows).as("rows of %s in expected-failures.tsv", deviation).isNotNull().isNotEmpty();

    ConformanceLauncher.RunResult result =
        launcher.run(configWith(deviation), reports, false, "@" + rule);

    assertThat(result.resultsByScenario())
        .as("scenarios tagged @%s (scenarios-per-rule.tsv)", rule)
        .hasSize(SCENARIOS_PER_RULE.getOrDefault(rule, -1));

    Map<String, String> actual = new LinkedHashMap<>();
    result
        .resultsByScenario()
        .forEach(
            (scenario, label) -> {
              if (!ExpectedFailures.isJudgedClean(label)) {
                actual.put(
                    scenario,
                    describe(
                        label,
                        result.failedChecks().get(scenario),
                        result.brokenRules().get(scenario),
                        result.messages().get(scenario)));
              }
            });
    Map<String, String> expected = new LinkedHashMap<>();
    rows.forEach(
        r ->
            expected.put(
                r.scenario(), describe(r.result(), r.failedChecks(), r.brokenRules(), "")));
    // Messages are shown on a mismatch but not compared: they carry ports and generated values.
    Map<String, String> actualWithoutMessages = new LinkedHashMap<>();
    actual.forEach(
        (k, v) -> actualWithoutMessages.put(k, v.substring(0, v.indexOf(" | message:"))));
    Map<String, String> expectedWithoutMessages = new LinkedHashMap<>();
    expected.forEach(
        (k, v) -> expectedWithoutMessages.put(k, v.substring(0, v.indexOf(" | message:"))));
    assertThat(actualWithoutMessages)
        .as(
            "non-passing scenarios with %s (%s); actual, with messages: %s",
            deviation, deviation.description(), actual)
        .containsExactlyInAnyOrderEntriesOf(expectedWithoutMessages);

    Set<String> declaredMust = rulesAt(rows, "MUST");
    Set<String> declaredShould = rulesAt(rows, "SHOULD");
    assertThat(new TreeSet<>(result.failedMustRules()))
        .as("failed MUST rules with %s", deviation)
        .isEqualTo(declaredMust);
    assertThat(new TreeSet<>(result.shouldWarnings()))
        .as("SHOULD warnings with %s", deviation)
        .isEqualTo(declaredShould);
    if (level == Level.MUST) {
      assertThat(declaredMust).as("declared MUST rules of %s", deviation).contains(rule);
      assertThat(result.verdict())
          .as("verdict with %s (%s)", deviation, deviation.description())
          .isEqualTo("NOT CONFORMANT");
    } else {
      assertThat(declaredMust)
          .as("declared MUST rules of SHOULD deviation %s", deviation)
          .isEmpty();
      assertThat(declaredShould).as("declared SHOULD rules of %s", deviation).contains(rule);
      assertThat(result.verdict())
          .as("verdict with SHOULD deviation %s (%s)", deviation, deviation.description())
          .isEqualTo("CONFORMANT");
    }
  }

  @Test
  void theTableHasRowsForEveryDeviationAndNoOtherAndEachRowNamesItsDeviationsRule() {
    Set<String> deviations =
        Arrays.stream(Deviation.values()).map(Deviation::name).collect(Collectors.toSet());
    assertThat(EXPECTED.keySet())
        .as("deviations in expected-failures.tsv")
        .containsExactlyInAnyOrderElementsOf(deviations);
    EXPECTED.forEach(
        (name, rows) -> {
          Deviation deviation = Deviation.valueOf(name);
          Level level = levelOf(deviation);
          String own = deviation.rule() + " " + level;
          rows.forEach(
              row -> {
                assertThat(row.brokenRules())
                    .as("broken rules of %s in %s", name, row.scenario())
                    // OAS-1: an answer that differs from the bank's own OpenAPI document warns in
                    // any scenario that gets it.
                    .containsAnyOf(own, "ERR-1 MUST", "OAS-1 SHOULD");
                assertThat(row.failedChecks()).as("failed checks of %s", row).isNotEmpty();
                assertThat(row.result())
                    .as("result of %s", row)
                    .isEqualTo(
                        row.brokenRules().stream().anyMatch(r -> r.endsWith(" MUST"))
                            ? "failed"
                            : "warning");
              });
          assertThat(rows.stream().map(ExpectedFailures.Row::scenario))
              .as("scenarios of %s", name)
              .doesNotHaveDuplicates();
        });
    assertThat(SCENARIOS_PER_RULE.keySet())
        .as("rules in scenarios-per-rule.tsv")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Deviation.values()).map(Deviation::rule).collect(Collectors.toSet()));
  }

  @Test
  void thereAre106DeviationsAndOneForEveryRuleWithScenarios() {
    // 66 of onboarding (sections 2 to 8), 39 of the journey after it (sections 10 to 15), and
    // BALANCE_AMOUNT_AS_NUMBER of OAS-1 (section 1: an answer unlike the bank's own OpenAPI).
    assertThat(Deviation.values()).hasSize(106);
    CATALOGUE.entries().stream()
        .filter(e -> !e.planned())
        .forEach(
            e ->
                assertThat(Arrays.stream(Deviation.values()).map(Deviation::rule))
                    .as("deviations breaking %s", e.id())
                    .contains(e.id()));
  }

  @Test
  void theFaithfulSandboxPassesEveryRuleFilteredTheSameWay(@TempDir Path reports) {
    ConformanceLauncher.RunResult result =
        launcher.run(
            KitConfig.load(Map.of(), Map.of()), reports, false, "@SIG-3 or @REG-2 or @AUTH-2");
    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    assertThat(result.shouldWarnings()).isEmpty();
    assertThat(result.failedMustRules()).isEmpty();
    assertThat(result.resultsByScenario()).hasSize(24);
    assertThat(result.resultsByScenario().values()).containsOnly("passed");
  }

  /**
   * Deviations that break the SHOULD clause inside a MUST rule, at SHOULD level: TKN-4's "it SHOULD
   * then revoke the tokens issued for it" (contract section 12).
   */
  private static final Set<Deviation> SHOULD_CLAUSE_OF_A_MUST_RULE =
      Set.of(Deviation.REUSED_CODE_KEEPS_TOKENS);

  private static Level levelOf(Deviation deviation) {
    if (SHOULD_CLAUSE_OF_A_MUST_RULE.contains(deviation)) {
      return Level.SHOULD;
    }
    return CATALOGUE
        .find(deviation.rule())
        .orElseThrow(
            () ->
                new AssertionError(
                    deviation + " names a rule outside the catalogue: " + deviation.rule()))
        .level();
  }

  private static Set<String> rulesAt(List<ExpectedFailures.Row> rows, String level) {
    return rows.stream()
        .flatMap(r -> r.brokenRules().stream())
        .filter(r -> r.endsWith(" " + level))
        .map(r -> r.substring(0, r.length() - level.length() - 1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String describe(
      String label, List<String> checks, List<String> rules, String message) {
    return label
        + " | checks: "
        + String.join(ExpectedFailures.SEPARATOR, checks == null ? List.of() : checks)
        + " | rules: "
        + String.join(ExpectedFailures.SEPARATOR, rules == null ? List.of() : rules)
        + " | message: "
        + message;
  }

  static KitConfig configWith(Deviation deviation) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kit.sandbox.deviations", deviation.name());
    if (deviation.mode() == SandboxOptions.Mode.PRODUCTION) {
      settings.put("kit.bankMode", "production");
      settings.put("kit.sslCertificateHeader", "false");
    }
    return KitConfig.load(settings, Map.of());
  }
}
