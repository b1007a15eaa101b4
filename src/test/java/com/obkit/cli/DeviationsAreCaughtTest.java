package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.config.KitConfig;
import com.obkit.outcomes.Level;
import com.obkit.report.RuleCatalogue;
import com.obkit.sandbox.Deviation;
import com.obkit.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit tests itself: for every deviation of the reference sandbox (a bank breaking one rule),
 * the scenarios tagged with that rule run in-process against a sandbox with that one deviation. A
 * broken MUST rule must make the verdict NOT CONFORMANT and name the rule; a broken SHOULD rule
 * must be reported as a warning naming it. A deviation that no scenario catches fails the build.
 */
class DeviationsAreCaughtTest {

  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
  private final ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));

  static Stream<Deviation> deviations() {
    return Arrays.stream(Deviation.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deviations")
  void everyDeviationIsCaughtByTheScenariosOfItsRule(Deviation deviation, @TempDir Path reports) {
    String rule = deviation.rule();
    Level level =
        CATALOGUE
            .find(rule)
            .orElseThrow(
                () ->
                    new AssertionError(deviation + " names a rule outside the catalogue: " + rule))
            .level();

    ConformanceLauncher.RunResult result =
        launcher.run(configWith(deviation), reports, false, "@" + rule);

    assertThat(result.resultsByScenario()).as("scenarios tagged @%s", rule).isNotEmpty();
    if (level == Level.MUST) {
      assertThat(result.verdict())
          .as("verdict with %s (%s)", deviation, deviation.description())
          .isEqualTo("NOT CONFORMANT");
      assertThat(result.failedMustRules())
          .as("failed MUST rules with %s", deviation)
          .contains(rule);
      assertThat(result.resultsByScenario().values())
          .as("scenario results with %s", deviation)
          .contains("failed");
    } else {
      assertThat(result.shouldWarnings())
          .as("SHOULD warnings with %s (%s)", deviation, deviation.description())
          .contains(rule);
      assertThat(result.resultsByScenario().values())
          .as("scenario results with %s", deviation)
          .contains("warning");
    }
  }

  @Test
  void thereAreAtLeastThirtyDeviationsAndOneForEveryMustRule() {
    assertThat(Deviation.values()).hasSizeGreaterThanOrEqualTo(30);
    CATALOGUE.entries().stream()
        .filter(e -> e.level() == Level.MUST && !e.planned())
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
  }

  private static KitConfig configWith(Deviation deviation) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kit.sandbox.deviations", deviation.name());
    if (deviation.mode() == SandboxOptions.Mode.PRODUCTION) {
      settings.put("kit.bankMode", "production");
      settings.put("kit.sslCertificateHeader", "false");
    }
    return KitConfig.load(settings, Map.of());
  }
}
