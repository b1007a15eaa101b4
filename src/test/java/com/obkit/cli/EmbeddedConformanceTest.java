package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.config.KitConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance suite against the embedded reference sandbox: the faithful bank passes
 * clean.
 */
class EmbeddedConformanceTest {

  @Test
  void everyScenarioPassesAgainstTheFaithfulEmbeddedSandbox(@TempDir Path reports) {
    KitConfig config = KitConfig.load(Map.of(), Map.of());

    ConformanceLauncher.RunResult result =
        new ConformanceLauncher(Path.of("features")).run(config, reports, false);

    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    assertThat(result.resultsByScenario()).hasSizeGreaterThanOrEqualTo(25);
    // Everything passes, except the two production-only scenarios, which say they do not apply
    // here.
    assertThat(result.resultsByScenario())
        .allSatisfy(
            (scenario, outcome) -> {
              boolean productionOnly =
                  scenario.startsWith("A plain http redirect URI is refused in production")
                      || scenario.startsWith("Test accounts are refused outside the sandbox");
              assertThat(outcome)
                  .as(scenario)
                  .isEqualTo(productionOnly ? "not applicable" : "passed");
            });
    assertThat(reports.resolve("verdict.html")).content().contains("CONFORMANT");
  }
}
