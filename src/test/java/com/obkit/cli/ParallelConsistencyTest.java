package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.config.KitConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios stand alone: a parallel run gives every scenario the same result as a sequential one.
 */
class ParallelConsistencyTest {

  @Test
  void parallelAndSequentialRunsAgreeScenarioByScenario(@TempDir Path dir) {
    ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));

    ConformanceLauncher.RunResult sequential =
        launcher.run(
            KitConfig.load(Map.of("kit.parallelism", "1"), Map.of()),
            dir.resolve("sequential"),
            false);
    ConformanceLauncher.RunResult parallel =
        launcher.run(
            KitConfig.load(Map.of("kit.parallelism", "8"), Map.of()),
            dir.resolve("parallel"),
            false);

    assertThat(parallel.resultsByScenario()).hasSize(sequential.resultsByScenario().size());
    assertThat(parallel.resultsByScenario())
        .containsExactlyInAnyOrderEntriesOf(sequential.resultsByScenario());
    assertThat(parallel.verdict()).isEqualTo(sequential.verdict()).isEqualTo("CONFORMANT");
  }
}
