package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite against the embedded sandbox in production mode (no SSL-Certificate header, QSealC
 * profile): the production-only rules (REG-8, ACC-3) are exercised and pass; sandbox-only scenarios
 * are reported as not applicable, never as passed.
 */
class EmbeddedProductionModeConformanceIT {

  @Test
  void productionOnlyRulesPassAndSandboxOnlyScenariosAreNotApplicable(@TempDir Path reports) {
    KitConfig config =
        KitConfig.load(
            Map.of("kit.bankMode", "production", "kit.sslCertificateHeader", "false"), Map.of());

    ConformanceLauncher.RunResult result =
        new ConformanceLauncher(Path.of("features")).run(config, reports, false);

    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    assertThat(result.resultsByScenario()).hasSize(167);
    assertThat(result.resultsByScenario())
        .anySatisfy(
            (s, r) -> {
              assertThat(s).startsWith("A plain http redirect URI is refused in production");
              assertThat(r).isEqualTo("passed");
            });
    assertThat(result.resultsByScenario())
        .anySatisfy(
            (s, r) -> {
              assertThat(s).startsWith("Test accounts are refused outside the sandbox");
              assertThat(r).isEqualTo("passed");
            });
    assertThat(result.resultsByScenario())
        .anySatisfy(
            (s, r) -> {
              assertThat(s).contains("no SSL-Certificate header");
              assertThat(r).isEqualTo("not applicable");
            });
  }
}
