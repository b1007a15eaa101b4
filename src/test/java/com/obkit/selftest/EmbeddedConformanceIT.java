package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance suite against the embedded reference sandbox: the faithful bank passes
 * clean.
 */
class EmbeddedConformanceIT {

  @Test
  void everyScenarioPassesAgainstTheFaithfulEmbeddedSandbox(@TempDir Path reports) {
    KitConfig config = KitConfig.load(Map.of(), Map.of());

    ConformanceLauncher.RunResult result =
        new ConformanceLauncher(Path.of("features")).run(config, reports, false);

    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    // 167 scenarios (155 of the bank, 12 kit self-checks): everything passes, except the two
    // production-only scenarios, which say they do not apply here.
    assertThat(result.resultsByScenario()).hasSize(167);
    Map<String, String> notPassed = new LinkedHashMap<>(result.resultsByScenario());
    notPassed.values().removeIf("passed"::equals);
    assertThat(notPassed)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "A plain http redirect URI is refused in production"
                    + " @ features/03_registration/register_redirect_uris.feature:111",
                "not applicable",
                "Test accounts are refused outside the sandbox"
                    + " @ features/05_test_accounts/create_test_account.feature:48",
                "not applicable"));
    assertThat(reports.resolve("verdict.html")).content().contains("CONFORMANT");
  }
}
