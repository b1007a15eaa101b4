package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import com.obkit.sandbox.Deviation;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios stand alone: against a sandbox with several deviations (so that some scenarios fail,
 * some warn, most pass), a parallel run gives every scenario the same result, the same failed
 * checks and the same broken rules as a sequential one; and the parallel run really overlapped its
 * requests (the sandbox counts the requests it handles at once).
 */
class ParallelConsistencyIT {

  /** Four deviations of four rules: three MUST rules, one SHOULD rule. */
  private static final Set<Deviation> DEVIATIONS =
      Set.of(
          Deviation.DIGEST_NOT_COMPARED, // SIG-3 MUST
          Deviation.UNKNOWN_ALGORITHM_ACCEPTED, // SIG-6 SHOULD
          Deviation.PREFIX_REDIRECT_MATCH, // AUTH-2 MUST
          Deviation.IBAN_BAD_CHECK_DIGITS); // ACC-1 MUST

  @Test
  void parallelAndSequentialRunsAgreeScenarioByScenario(@TempDir Path dir) {
    Run sequential = runAgainstFreshSandbox(1, dir.resolve("sequential"));
    Run parallel = runAgainstFreshSandbox(8, dir.resolve("parallel"));

    assertThat(sequential.maxInFlight()).as("requests in flight, sequential run").isEqualTo(1);
    assertThat(parallel.maxInFlight())
        .as("requests in flight, parallel run")
        .isGreaterThanOrEqualTo(2);

    ConformanceLauncher.RunResult s = sequential.result();
    ConformanceLauncher.RunResult p = parallel.result();
    assertThat(s.resultsByScenario()).hasSize(167);
    assertThat(s.resultsByScenario().values()).contains("failed", "warning");
    assertThat(p.resultsByScenario()).containsExactlyInAnyOrderEntriesOf(s.resultsByScenario());
    assertThat(p.failedChecks()).containsExactlyInAnyOrderEntriesOf(s.failedChecks());
    assertThat(p.brokenRules()).containsExactlyInAnyOrderEntriesOf(s.brokenRules());
    assertThat(p.verdict()).isEqualTo(s.verdict()).isEqualTo("NOT CONFORMANT");
    // TOK-2 too: the digest scenario is tagged with both rules (a token issued for a bad request).
    // The journey's scenarios stop at ACC-1 (the bad IBAN) before the digest of a consent is
    // tried, so CON-3 is not judged.
    assertThat(s.failedMustRules()).containsExactlyInAnyOrder("SIG-3", "TOK-2", "AUTH-2", "ACC-1");
    assertThat(p.failedMustRules()).containsExactlyInAnyOrderElementsOf(s.failedMustRules());
    assertThat(s.shouldWarnings()).containsExactly("SIG-6");
    assertThat(p.shouldWarnings()).containsExactlyInAnyOrderElementsOf(s.shouldWarnings());
  }

  private record Run(ConformanceLauncher.RunResult result, int maxInFlight) {}

  /** One run on its own sandbox, so that each run's count of requests in flight is its own. */
  private static Run runAgainstFreshSandbox(int parallelism, Path reports) {
    Set<String> names = DEVIATIONS.stream().map(Deviation::name).collect(Collectors.toSet());
    try (ReferenceSandbox sandbox =
        ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withDeviations(names))) {
      KitConfig config =
          KitConfig.load(
              Map.of(
                  "kit.baseUrl",
                  sandbox.baseUrl().toString(),
                  "kit.sca.settleDelay",
                  "0s",
                  "kit.budget.spend",
                  "true",
                  "kit.parallelism",
                  String.valueOf(parallelism)),
              Map.of());
      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features")).run(config, reports, false);
      return new Run(result, sandbox.maxRequestsInFlight());
    }
  }
}
