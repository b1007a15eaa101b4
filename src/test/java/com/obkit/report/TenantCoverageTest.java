package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.history.HistoryStore;
import com.obkit.history.RunRecord;
import com.obkit.history.Runs;
import com.obkit.report.Eligibility.TenantCoverage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kit.tenants: the run's own tenant is covered by the run; another by the last run kept in its
 * history store next to this one, when that run is as good as this one would have to be.
 */
class TenantCoverageTest {

  @TempDir Path dir;

  private static final String TARGET = "https://api.bank.example";

  private KitConfig config(String history, String tenants) {
    return KitConfig.load(Map.of("kit.history", history, "kit.tenants", tenants), Map.of());
  }

  private static RunRecord record(
      String tenant, String identity, String verdict, String release, Map<String, String> rules) {
    Instant s = Instant.parse("2026-12-01T02:00:00Z");
    return new RunRecord(
        1,
        "0.1.0",
        Runs.CATALOGUE,
        "sandbox",
        tenant,
        "sandbox",
        TARGET,
        Runs.release(release),
        s,
        s.plusSeconds(60),
        verdict,
        List.of(),
        rules,
        identity);
  }

  private static final RunRecord CURRENT =
      record("nl", "own", "CONFORMANT", "2026.1", Runs.rules("AUTH-2", "PASSED"));

  private Map<String, TenantCoverage> coverage(RunRecord sibling) {
    if (sibling != null) {
      new HistoryStore(dir.resolve("sandbox-be_nl"), 30).save(sibling, Map.of());
    }
    Path own = dir.resolve("sandbox-nl");
    return RunHistory.tenantCoverage(
        config(own.toString(), "nl,be_nl"), CURRENT, Optional.of(new HistoryStore(own, 30)));
  }

  @Test
  void anotherTenantsLastRunAsGoodAsThisOneCoversIt() {
    assertThat(
            coverage(
                record("be_nl", "own", "CONFORMANT", "2026.1", Runs.rules("AUTH-2", "WAIVED"))))
        .containsExactly(
            Map.entry("nl", new TenantCoverage(true, "this run")),
            Map.entry("be_nl", new TenantCoverage(true, "its run of 2026-12-01T02:00:00Z")));
  }

  @Test
  void noRunOfTheOtherTenant() {
    assertThat(coverage(null).get("be_nl"))
        .isEqualTo(
            new TenantCoverage(false, "no run of it is kept (run with --set kit.tenant=be_nl)"));
  }

  @Test
  void aRunWithGeneratedCredentialsDoesNotCount() {
    assertThat(
            coverage(
                    record(
                        "be_nl",
                        "generated",
                        "CONFORMANT",
                        "2026.1",
                        Runs.rules("AUTH-2", "PASSED")))
                .get("be_nl"))
        .isEqualTo(
            new TenantCoverage(
                false, "its last run (2026-12-01T02:00:00Z) used generated credentials"));
  }

  @Test
  void aRunOnAnotherBankReleaseDoesNotCount() {
    assertThat(
            coverage(record("be_nl", "own", "CONFORMANT", "2025.9", Runs.rules("AUTH-2", "PASSED")))
                .get("be_nl")
                .detail())
        .isEqualTo(
            "its last run (2026-12-01T02:00:00Z) was on another bank release ("
                + Runs.release("2025.9").describe()
                + ")");
  }

  @Test
  void aFailingOrFilteredRunDoesNotCount() {
    assertThat(
            coverage(
                    record(
                        "be_nl",
                        "own",
                        "NOT CONFORMANT",
                        "2026.1",
                        Runs.rules("AUTH-2", "FAILED", "SIG-1", "NOT COVERED")))
                .get("be_nl"))
        .isEqualTo(
            new TenantCoverage(
                false,
                "its last run (2026-12-01T02:00:00Z) was NOT CONFORMANT: AUTH-2 FAILED, SIG-1 NOT"
                    + " COVERED"));
  }

  @Test
  void withoutHistoryNoOtherTenantCounts() {
    Map<String, TenantCoverage> c =
        RunHistory.tenantCoverage(config("none", "nl,be_nl"), CURRENT, Optional.empty());
    assertThat(c.get("be_nl"))
        .isEqualTo(
            new TenantCoverage(
                false,
                "this run keeps no history (kit.history=none), so no other tenant's run counts"));
  }

  @Test
  void aHistoryFolderOfItsOwnFindsNoOtherTenant() {
    Path own = dir.resolve("nightly");
    Map<String, TenantCoverage> c =
        RunHistory.tenantCoverage(
            config(own.toString(), "nl,be_nl"), CURRENT, Optional.of(new HistoryStore(own, 30)));
    assertThat(c.get("be_nl").detail())
        .isEqualTo(
            "kit.history names its own folder ("
                + own
                + "), so other tenants' runs are not found: run each tenant with the default"
                + " history");
  }

  @Test
  void theDeclaredTenantsNameTheRunsOwnOnceEach() {
    assertThat(KitConfig.load(Map.of(), Map.of()).nightly().tenants()).containsExactly("nl");
    String from = "bad value for 'kit.tenants' from system property -Dkit.tenants: ";
    assertThatThrownBy(() -> config("none", "be_nl"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            from
                + "'be_nl': does not name the run's own tenant (kit.tenant=nl): a run covers its"
                + " own tenant, so the TPP declares it");
    assertThatThrownBy(() -> config("none", "nl,nl"))
        .hasMessage(from + "'nl,nl': names the tenant 'nl' twice");
    assertThatThrownBy(() -> config("none", "nl,xx"))
        .hasMessage(
            from + "'nl,xx': unknown tenant 'xx' (the bank's tenants: [uk, nl, be_fr, be_nl])");
  }
}
