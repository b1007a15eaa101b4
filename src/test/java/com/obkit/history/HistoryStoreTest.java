package com.obkit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

  /** nextInt() yields 0xa1, 0xa2, ... */
  private static RandomGenerator counting() {
    return new RandomGenerator() {
      private long n = 0xa0;

      @Override
      public long nextLong() {
        return ++n << 32;
      }
    };
  }

  private HistoryStore store(int limit) {
    return new HistoryStore(
        tmp.resolve("history"),
        limit,
        new PrintStream(warnings, true, StandardCharsets.UTF_8),
        counting());
  }

  private static final String DOC_A = "a".repeat(64);
  private static final String DOC_B = "b".repeat(64);

  private static RunRecord onDocuments(String start, String xs2a, String auth) {
    return Runs.run(
        start,
        new Fingerprint(Part.of("2026.1"), Part.of(xs2a), Part.of(auth), Part.of("d")),
        Runs.rules("AUTH-2", "PASSED"),
        List.of());
  }

  private List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRunIsSavedUnderItsStartAndARandomSuffix() throws Exception {
    Path file = store(5).save(Runs.run("2026-12-01T02:00:00Z"), Map.of());
    assertThat(file).isEqualTo(tmp.resolve("history/runs/20261201T020000Z-00a1.json"));
    assertThat(RunRecord.read(file)).isEqualTo(Runs.run("2026-12-01T02:00:00Z"));
  }

  @Test
  void runsWithTheSameStartGetDistinctFiles() throws Exception {
    HistoryStore store = store(5);
    store.save(Runs.run("2026-12-01T02:00:00Z"), Map.of());
    store.save(Runs.run("2026-12-01T02:00:00Z"), Map.of());
    assertThat(names(tmp.resolve("history/runs")))
        .isEqualTo(List.of("20261201T020000Z-00a1.json", "20261201T020000Z-00a2.json"));
  }

  @Test
  void runsAreOldestFirstByStart() {
    HistoryStore store = store(5);
    store.save(Runs.run("2026-12-03T02:00:00Z"), Map.of());
    store.save(Runs.run("2026-12-01T02:00:00Z"), Map.of());
    store.save(Runs.run("2026-12-02T02:00:00Z"), Map.of());
    assertThat(store.runs().stream().map(r -> r.start().toString()).toList())
        .isEqualTo(List.of("2026-12-01T02:00:00Z", "2026-12-02T02:00:00Z", "2026-12-03T02:00:00Z"));
    assertThat(store.latest()).contains(Runs.run("2026-12-03T02:00:00Z"));
  }

  @Test
  void anAbsentStoreHasNoRunsAndIsNotCreatedByReading() {
    HistoryStore store = store(5);
    assertThat(store.runs()).isEqualTo(List.of());
    assertThat(store.latest()).isEqualTo(Optional.empty());
    assertThat(store.document(DOC_A)).isEqualTo(Optional.empty());
    assertThat(Files.exists(tmp.resolve("history"))).isFalse();
  }

  @Test
  void theOldestRunsBeyondTheLimitAndTheirDocumentsAreDropped() throws Exception {
    HistoryStore store = store(2);
    store.save(onDocuments("2026-12-01T02:00:00Z", DOC_A, DOC_A), Map.of(DOC_A, "{\"a\":1}"));
    store.save(onDocuments("2026-12-02T02:00:00Z", DOC_B, DOC_A), Map.of(DOC_B, "{\"b\":1}"));
    store.save(onDocuments("2026-12-03T02:00:00Z", DOC_B, DOC_B), Map.of());
    assertThat(names(tmp.resolve("history/runs")))
        .isEqualTo(List.of("20261202T020000Z-00a2.json", "20261203T020000Z-00a3.json"));
    assertThat(names(tmp.resolve("history/openapi")))
        .isEqualTo(List.of(DOC_A + ".json", DOC_B + ".json"));

    store.save(onDocuments("2026-12-04T02:00:00Z", DOC_B, DOC_B), Map.of());
    assertThat(names(tmp.resolve("history/openapi"))).isEqualTo(List.of(DOC_B + ".json"));
    assertThat(store.document(DOC_A)).isEqualTo(Optional.empty());
    assertThat(store.document(DOC_B)).contains("{\"b\":1}");
  }

  @Test
  void aDocumentAlreadyKeptIsNotRewritten() {
    HistoryStore store = store(5);
    store.save(onDocuments("2026-12-01T02:00:00Z", DOC_A, DOC_A), Map.of(DOC_A, "first"));
    store.save(onDocuments("2026-12-02T02:00:00Z", DOC_A, DOC_A), Map.of(DOC_A, "second"));
    assertThat(store.document(DOC_A)).contains("first");
  }

  @Test
  void aDocumentKeyMustBeSha256Hex() {
    HistoryStore store = store(5);
    assertThatThrownBy(
            () -> store.save(Runs.run("2026-12-01T02:00:00Z"), Map.of("../../etc/x", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a lower-case SHA-256 hex: ../../etc/x");
    assertThatThrownBy(() -> store.document("ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a lower-case SHA-256 hex: ABC");
    assertThat(Files.exists(tmp.resolve("history"))).isFalse();
  }

  @Test
  void anUnreadableRunIsSkippedWithAWarning() throws Exception {
    HistoryStore store = store(5);
    store.save(Runs.run("2026-12-01T02:00:00Z"), Map.of());
    Path broken = tmp.resolve("history/runs/20261202T020000Z-beef.json");
    Files.writeString(broken, "{\"schema\": 1}");
    Files.writeString(tmp.resolve("history/runs/notes.txt"), "not a run file");
    assertThat(store.runs()).isEqualTo(List.of(Runs.run("2026-12-01T02:00:00Z")));
    assertThat(warnings.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "kit history: skipped "
                + broken
                + ": not a run record: missing 'fingerprint'"
                + System.lineSeparator());
  }

  @Test
  void lastOnAnotherReleaseIsTheNewestRunOfAnotherRelease() {
    HistoryStore store = store(5);
    RunRecord old1 = Runs.run("2026-12-01T02:00:00Z", Runs.release("2026.0"), Map.of(), List.of());
    RunRecord old2 = Runs.run("2026-12-02T02:00:00Z", Runs.release("2026.0"), Map.of(), List.of());
    RunRecord cur = Runs.run("2026-12-03T02:00:00Z", Runs.release("2026.1"), Map.of(), List.of());
    store.save(old1, Map.of());
    store.save(old2, Map.of());
    store.save(cur, Map.of());
    assertThat(store.lastOnAnotherRelease(Runs.release("2026.1"))).contains(old2);
    assertThat(store.lastOnAnotherRelease(Runs.release("2026.0"))).contains(cur);
    assertThat(store.lastOnAnotherRelease(Runs.release("2026.9"))).contains(cur);
  }

  @Test
  void lastOnAnotherReleaseIsEmptyWhenEveryRunWasOnThisRelease() {
    HistoryStore store = store(5);
    store.save(Runs.run("2026-12-01T02:00:00Z"), Map.of());
    assertThat(store.lastOnAnotherRelease(Runs.release("2026.1"))).isEqualTo(Optional.empty());
  }

  @Test
  void theStoreIsOwnerOnly() throws Exception {
    store(5).save(Runs.run("2026-12-01T02:00:00Z"), Map.of(DOC_A, "{}"));
    for (String dir : List.of("history", "history/runs", "history/openapi")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve(dir))))
          .as(dir)
          .isEqualTo("rwx------");
    }
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws Exception {
    HistoryStore store = store(5);
    store.save(onDocuments("2026-12-01T02:00:00Z", DOC_A, DOC_A), Map.of(DOC_A, "{}"));
    assertThat(names(tmp.resolve("history"))).isEqualTo(List.of("openapi", "runs"));
    assertThat(names(tmp.resolve("history/runs"))).isEqualTo(List.of("20261201T020000Z-00a1.json"));
    assertThat(names(tmp.resolve("history/openapi"))).isEqualTo(List.of(DOC_A + ".json"));
  }

  @Test
  void theAllureHistoryIsKeptAndRestored() throws Exception {
    HistoryStore store = store(5);
    Path report = tmp.resolve("allure-report");
    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history-trend.json"), "[1]");
    Files.writeString(report.resolve("history/history.json"), "{}");
    store.keepAllureHistory(report);
    assertThat(names(tmp.resolve("history/allure-history")))
        .isEqualTo(List.of("history-trend.json", "history.json"));

    Path results = tmp.resolve("allure-results");
    store.restoreAllureHistory(results);
    assertThat(names(results.resolve("history")))
        .isEqualTo(List.of("history-trend.json", "history.json"));
    assertThat(Files.readString(results.resolve("history/history-trend.json"))).isEqualTo("[1]");
  }

  @Test
  void keepingReplacesThePreviousAllureHistory() throws Exception {
    HistoryStore store = store(5);
    Path first = tmp.resolve("first");
    Files.createDirectories(first.resolve("history"));
    Files.writeString(first.resolve("history/old.json"), "old");
    store.keepAllureHistory(first);
    Path second = tmp.resolve("second");
    Files.createDirectories(second.resolve("history"));
    Files.writeString(second.resolve("history/history-trend.json"), "new");
    store.keepAllureHistory(second);
    assertThat(names(tmp.resolve("history"))).isEqualTo(List.of("allure-history"));
    assertThat(names(tmp.resolve("history/allure-history")))
        .isEqualTo(List.of("history-trend.json"));
  }

  @Test
  void aReportWithoutHistoryKeepsTheOldOne() throws Exception {
    HistoryStore store = store(5);
    Path report = tmp.resolve("allure-report");
    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history.json"), "{}");
    store.keepAllureHistory(report);
    store.keepAllureHistory(tmp.resolve("empty-report"));
    assertThat(names(tmp.resolve("history/allure-history"))).isEqualTo(List.of("history.json"));
  }

  @Test
  void restoringWithoutAKeptHistoryDoesNothing() {
    Path results = tmp.resolve("allure-results");
    store(5).restoreAllureHistory(results);
    assertThat(Files.exists(results)).isFalse();
  }

  @Test
  void theLimitIsAtLeastOne() {
    assertThatThrownBy(() -> new HistoryStore(tmp, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a history keeps at least 1 run, not 0");
  }
}
