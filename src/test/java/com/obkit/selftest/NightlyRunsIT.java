package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.cli.ConformanceLauncher.Mode;
import com.obkit.cli.ConformanceLauncher.RunResult;
import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.history.HistoryStore;
import com.obkit.history.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that remember: each run is recorded and compared with the last one of its environment and
 * tenant; waivers waive, go stale and expire; {@code kit.failOn=regression} fails only what got
 * worse. Every run is the AUTH-2 scenarios against the embedded sandbox, faithful or with {@code
 * PREFIX_REDIRECT_MATCH} (two of them then fail).
 */
class NightlyRunsIT {

  private static final String TAGS = "@AUTH-2";
  private static final String DEVIATION = "PREFIX_REDIRECT_MATCH";
  private static final String QUERY =
      "A redirect URI that is not exactly a registered one is refused: query added";

  @TempDir Path dir;

  private RunResult run(String deviations, Map<String, String> extra) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kit.history", dir.resolve("history").toString());
    settings.put("kit.sandbox.deviations", deviations);
    settings.putAll(extra);
    KitConfig config = KitConfig.load(settings, Map.of());
    return new ConformanceLauncher(Path.of("features"))
        .run(config, dir.resolve("reports"), Mode.SILENT_WITH_HISTORY, TAGS);
  }

  private Path waivers(String entry) throws IOException {
    return Files.writeString(dir.resolve("waivers.yml"), "waivers:\n" + entry);
  }

  private static String waiver(String scenarioGlob, LocalDate expires) {
    return "  - rule: AUTH-2\n"
        + "    scenario: \""
        + scenarioGlob
        + "\"\n"
        + "    reason: prefix match known\n"
        + "    ticket: INC-123\n"
        + "    owner: qa@tpp.example\n"
        + "    expires: "
        + expires
        + "\n";
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Test
  void aDeviantRunAfterAFaithfulOneListsTheRuleAsRegressed() throws IOException {
    RunResult first = run("", Map.of());
    assertThat(first.verdict()).isEqualTo("CONFORMANT");
    assertThat(first.changes()).isEmpty(); // nothing to compare with yet

    RunResult second = run(DEVIATION, Map.of());
    assertThat(second.verdict()).isEqualTo("NOT CONFORMANT");
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.changes().get(0)).startsWith("Since the last run (");
    assertThat(second.changes().subList(1, second.changes().size()))
        .containsExactly(
            "  rule REGRESSED  AUTH-2  PASSED → FAILED",
            "  scenario REGRESSED  features/04_authorisation/exact_redirect_uri.feature :: A"
                + " redirect URI that is not exactly a registered one is refused: fragment added "
                + " passed → failed",
            "  scenario REGRESSED  features/04_authorisation/exact_redirect_uri.feature :: "
                + QUERY
                + "  passed → failed");

    // The run record and the store: two runs kept, the last one is this one.
    RunRecord record = RunRecord.read(dir.resolve("reports/run.json"));
    assertThat(record.verdict()).isEqualTo("NOT CONFORMANT");
    assertThat(record.rules().get("AUTH-2")).isEqualTo("FAILED");
    assertThat(record.tenant()).isEqualTo("nl");
    assertThat(record.target()).isEqualTo("embedded reference sandbox");
    List<RunRecord> kept = new HistoryStore(dir.resolve("history"), 30).runs();
    assertThat(kept).extracting(RunRecord::verdict).containsExactly("CONFORMANT", "NOT CONFORMANT");

    // The same failure again is still failing, not a regression: kit.failOn=regression passes it.
    RunResult third = run(DEVIATION, Map.of("kit.failOn", "regression"));
    assertThat(third.verdict()).isEqualTo("NOT CONFORMANT");
    assertThat(third.exitCode()).isEqualTo(0);
    assertThat(third.changes().get(1)).isEqualTo("  rule STILL FAILING  AUTH-2  FAILED → FAILED");
  }

  @Test
  void aNewBankReleaseShowsItsApiChangesBreakingFirst() {
    RunResult before = run("", Map.of("kit.sandbox.release", "2026.1"));
    assertThat(before.changes()).isEmpty();
    RunResult after = run("", Map.of("kit.sandbox.release", "2026.2"));
    assertThat(after.verdict()).isEqualTo("CONFORMANT");
    List<String> titles = after.changes().stream().filter(l -> !l.startsWith("  ")).toList();
    assertThat(titles).hasSize(3);
    assertThat(titles.get(0)).startsWith("Since the last run (");
    assertThat(titles.get(1))
        .startsWith("Since bank release version {\"version\":\"0.1.0\",\"release\":\"2026.1\",");
    assertThat(titles.get(2)).isEqualTo("API changes since the previous bank release");
    int api = after.changes().indexOf(titles.get(2));
    assertThat(after.changes().get(api + 1))
        .isEqualTo(
            "  BREAKING XS2A: GET /xs2a-bg/{tenant}/v1/accounts/{resourceId}: operation removed");
    assertThat(after.changes().subList(api + 2, after.changes().size()))
        .isNotEmpty()
        .allSatisfy(
            l -> assertThat(l).startsWith("  XS2A: ").endsWith(": optional property added"));
    // The release changed, the behaviour did not: the comparison lists the release, no rule.
    assertThat(after.changes().get(1))
        .startsWith(
            "  bank release changed: version {\"version\":\"0.1.0\",\"release\":\"2026.1\",");
  }

  @Test
  void aWaivedFailureIsWaivedWithExitCode0() throws IOException {
    Path file = waivers(waiver("*not exactly a registered one*", today().plusDays(30)));
    RunResult r = run(DEVIATION, Map.of("kit.waivers", file.toString()));
    assertThat(r.verdict()).isEqualTo("CONFORMANT");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.waiverProblems()).isEmpty();
    Map<String, String> waived = new LinkedHashMap<>(r.resultsByScenario());
    waived.values().removeIf(v -> !v.equals("waived"));
    assertThat(waived).hasSize(2);
    assertThat(
            r.messages().get(QUERY + " @ features/04_authorisation/exact_redirect_uri.feature:34"))
        .startsWith(
            "waived by AUTH-2 \"*not exactly a registered one*\" (INC-123, qa@tpp.example, until");
  }

  @Test
  void aStaleWaiverFailsTheRunNamingIt() throws IOException {
    Path file = waivers(waiver("*not exactly a registered one*", today().plusDays(30)));
    RunResult r = run("", Map.of("kit.waivers", file.toString()));
    assertThat(r.verdict()).isEqualTo("CONFORMANT");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.waiverProblems()).hasSize(1);
    assertThat(r.waiverProblems().get(0))
        .startsWith("stale waiver AUTH-2 \"*not exactly a registered one*\" (INC-123,");
  }

  @Test
  void anExpiredWaiverNoLongerAppliesAndSaysItExpired() throws IOException {
    LocalDate yesterday = today().minusDays(1);
    Path file = waivers(waiver("*not exactly a registered one*", yesterday));
    RunResult r = run(DEVIATION, Map.of("kit.waivers", file.toString()));
    assertThat(r.verdict()).isEqualTo("NOT CONFORMANT");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.waiverProblems()).hasSize(1);
    assertThat(r.waiverProblems().get(0))
        .endsWith(": it expired on " + yesterday + ", the failure counts");
  }

  @Test
  void aBadWaiverFileStopsTheRunBeforeAnyRequest() throws IOException {
    Path file = waivers("  - rule: AUTH-2\n    reason: x\n    expires: 2099-01-01\n");
    assertThatThrownBy(() -> run("", Map.of("kit.waivers", file.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("waiver 1")
        .hasMessageContaining("'owner'");
    assertThat(dir.resolve("reports")).doesNotExist();
  }
}
