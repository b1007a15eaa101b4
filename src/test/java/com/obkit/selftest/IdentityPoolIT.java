package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kit.identities=pool} for nightly runs: the whole faithful suite twice against one sandbox
 * started alone (its registrations persist between the runs, as the bank's do), keeping the
 * generated identities in the history store. The first run registers as many new organizations as a
 * fresh run does; the second registers none, with the same outcomes; every pooled file is
 * owner-only and no private key lands anywhere else.
 */
class IdentityPoolIT {

  /**
   * New organization ids one run of the whole suite registers with generated credentials: every
   * scenario that registers, plus the second TPP of the scenarios that need another one.
   */
  static final int NEW_ORGANIZATIONS_PER_FRESH_RUN = 102;

  @TempDir Path dir;

  @Test
  void aSecondPooledRunRegistersNoNewOrganization() throws Exception {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      Path history = dir.resolve("history");
      Map<String, String> pooled = settings(bank, "pool", history);

      Run first = run(bank, pooled, "reports-pool-1");
      Run second = run(bank, pooled, "reports-pool-2");
      // A fresh run registers what the first pooled run does (the pool starts empty): measured
      // once for the README, not repeated here, where every second of mvn verify counts.
      System.out.printf(
          "IdentityPoolIT: new organizations: pool %d (%d ms), then %d (%d ms)%n",
          first.newOrganizations, first.millis, second.newOrganizations, second.millis);

      for (Run r : List.of(first, second)) {
        assertThat(r.result.verdict()).as(r.name).isEqualTo("CONFORMANT");
        assertThat(r.result.resultsByScenario()).as(r.name).hasSize(167);
      }
      assertThat(second.result.resultsByScenario()).isEqualTo(first.result.resultsByScenario());
      assertThat(first.newOrganizations).isEqualTo(NEW_ORGANIZATIONS_PER_FRESH_RUN);
      assertThat(second.newOrganizations).isZero();

      Path identities = history.resolve("identities");
      assertOwnerOnly(identities);
      assertNoPrivateKeyOutside(identities);
    }
  }

  private static Map<String, String> settings(
      ReferenceSandbox bank, String identities, Path history) {
    Map<String, String> s = new HashMap<>();
    s.put("kit.baseUrl", bank.baseUrl().toString());
    s.put("kit.sca.settleDelay", "0s");
    s.put("kit.budget.spend", "true");
    s.put("kit.identities", identities);
    s.put("kit.history", history.toString());
    return s;
  }

  private record Run(
      String name, ConformanceLauncher.RunResult result, int newOrganizations, long millis) {}

  private Run run(ReferenceSandbox bank, Map<String, String> settings, String name)
      throws Exception {
    int before = bank.state().registeredOrganizationCount();
    long start = System.nanoTime();
    ConformanceLauncher.RunResult result =
        new ConformanceLauncher(Path.of("features"))
            .run(KitConfig.load(settings, Map.of()), dir.resolve(name), false);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Run(name, result, bank.state().registeredOrganizationCount() - before, millis);
  }

  private static void assertOwnerOnly(Path identities) throws IOException {
    assertThat(identities).isDirectory();
    try (Stream<Path> all = Files.walk(identities)) {
      List<Path> paths = all.toList();
      assertThat(paths).hasSizeGreaterThan(10);
      for (Path p : paths) {
        String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as("permissions of %s", p)
            .isEqualTo(expected);
      }
    }
  }

  /** Private keys are in the pool's folder and nowhere else of the runs' output. */
  private void assertNoPrivateKeyOutside(Path identities) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        if (p.startsWith(identities)) {
          continue;
        }
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertThat(text).as("%s", p).doesNotContain("PRIVATE KEY");
      }
    }
  }
}
