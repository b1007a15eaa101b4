package com.obkit.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.history.RunComparison.Change;
import com.obkit.history.RunComparison.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

  private static final String F = "features/05_authorisation/redirect.feature :: ";

  private static RunComparison rules(Map<String, String> before, Map<String, String> after) {
    return RunComparison.between(
        Runs.run("2026-12-01T02:00:00Z", before, List.of()),
        Runs.run("2026-12-02T02:00:00Z", after, List.of()));
  }

  private static List<Change> rule(String before, String after) {
    return rules(Runs.rules("R-1", before), Runs.rules("R-1", after)).rules();
  }

  private static List<Change> scenario(String before, String after) {
    return RunComparison.between(
            Runs.run("2026-12-01T02:00:00Z", Map.of(), List.of(Runs.scenario("S", 3, before))),
            Runs.run("2026-12-02T02:00:00Z", Map.of(), List.of(Runs.scenario("S", 5, after))))
        .scenarios();
  }

  @Test
  void passedThenFailedRegressed() {
    assertThat(rule("PASSED", "FAILED"))
        .isEqualTo(List.of(new Change("R-1", Status.REGRESSED, "PASSED", "FAILED")));
    assertThat(rule("PASSED", "WARNING"))
        .isEqualTo(List.of(new Change("R-1", Status.REGRESSED, "PASSED", "WARNING")));
  }

  @Test
  void failedThenPassedIsFixed() {
    assertThat(rule("FAILED", "PASSED"))
        .isEqualTo(List.of(new Change("R-1", Status.FIXED, "FAILED", "PASSED")));
    assertThat(rule("WAIVED", "PASSED"))
        .isEqualTo(List.of(new Change("R-1", Status.FIXED, "WAIVED", "PASSED")));
  }

  @Test
  void badBothTimesIsStillFailing() {
    assertThat(rule("FAILED", "WARNING"))
        .isEqualTo(List.of(new Change("R-1", Status.STILL_FAILING, "FAILED", "WARNING")));
    assertThat(rule("FAILED", "FAILED"))
        .isEqualTo(List.of(new Change("R-1", Status.STILL_FAILING, "FAILED", "FAILED")));
  }

  @Test
  void waivedAfterPassedIsNoRegressionButListed() {
    RunComparison c = rules(Runs.rules("R-1", "PASSED"), Runs.rules("R-1", "WAIVED"));
    assertThat(c.rules())
        .isEqualTo(List.of(new Change("R-1", Status.STILL_FAILING, "PASSED", "WAIVED")));
    assertThat(c.regressed()).isFalse();
  }

  @Test
  void aWaiverAddedOrExpiredIsStillFailing() {
    assertThat(rule("FAILED", "WAIVED"))
        .isEqualTo(List.of(new Change("R-1", Status.STILL_FAILING, "FAILED", "WAIVED")));
    assertThat(rule("WAIVED", "FAILED"))
        .isEqualTo(List.of(new Change("R-1", Status.STILL_FAILING, "WAIVED", "FAILED")));
  }

  @Test
  void passedBothTimesIsNotListed() {
    assertThat(rule("PASSED", "PASSED")).isEqualTo(List.of());
  }

  @Test
  void unjudgedTransitionsAreNotListed() {
    for (String unjudged : List.of("NOT APPLICABLE", "NOT JUDGED")) {
      for (String other : List.of("PASSED", "FAILED", "WARNING", "WAIVED")) {
        assertThat(rule(unjudged, other)).as(unjudged + " → " + other).isEqualTo(List.of());
        assertThat(rule(other, unjudged)).as(other + " → " + unjudged).isEqualTo(List.of());
      }
    }
  }

  @Test
  void absentOrNotCoveredBeforeIsNewWhateverTheResult() {
    assertThat(rules(Runs.rules(), Runs.rules("R-1", "PASSED")).rules())
        .isEqualTo(List.of(new Change("R-1", Status.NEW, "absent", "PASSED")));
    assertThat(rule("NOT COVERED", "FAILED"))
        .isEqualTo(List.of(new Change("R-1", Status.NEW, "NOT COVERED", "FAILED")));
    assertThat(rule("NOT COVERED", "NOT APPLICABLE"))
        .isEqualTo(List.of(new Change("R-1", Status.NEW, "NOT COVERED", "NOT APPLICABLE")));
  }

  @Test
  void goneOrNotCoveredNowIsNotListed() {
    assertThat(rules(Runs.rules("R-1", "FAILED"), Runs.rules()).rules()).isEqualTo(List.of());
    assertThat(rule("FAILED", "NOT COVERED")).isEqualTo(List.of());
    assertThat(rule("NOT COVERED", "NOT COVERED")).isEqualTo(List.of());
  }

  @Test
  void scenariosFollowTheSameRules() {
    assertThat(scenario("passed", "failed"))
        .isEqualTo(List.of(new Change(F + "S", Status.REGRESSED, "passed", "failed")));
    assertThat(scenario("passed", "error"))
        .isEqualTo(List.of(new Change(F + "S", Status.REGRESSED, "passed", "error")));
    assertThat(scenario("warning", "passed"))
        .isEqualTo(List.of(new Change(F + "S", Status.FIXED, "warning", "passed")));
    assertThat(scenario("error", "failed"))
        .isEqualTo(List.of(new Change(F + "S", Status.STILL_FAILING, "error", "failed")));
    assertThat(scenario("passed", "waived"))
        .isEqualTo(List.of(new Change(F + "S", Status.STILL_FAILING, "passed", "waived")));
    assertThat(scenario("passed", "passed")).isEqualTo(List.of());
    assertThat(scenario("failed", "environment")).isEqualTo(List.of());
    assertThat(scenario("environment", "failed")).isEqualTo(List.of());
    assertThat(scenario("not applicable", "passed")).isEqualTo(List.of());
  }

  @Test
  void aScenarioIsTheSameWhenItsLineMoved() {
    RunComparison c =
        RunComparison.between(
            Runs.run("2026-12-01T02:00:00Z", Map.of(), List.of(Runs.scenario("S", 3, "passed"))),
            Runs.run(
                "2026-12-02T02:00:00Z",
                Map.of(),
                List.of(Runs.scenario("S", 40, "passed"), Runs.scenario("T", 50, "passed"))));
    assertThat(c.scenarios())
        .isEqualTo(List.of(new Change(F + "T", Status.NEW, "absent", "passed")));
  }

  @Test
  void repeatedKeysAreToldApartInLineOrder() {
    RunComparison c =
        RunComparison.between(
            Runs.run(
                "2026-12-01T02:00:00Z",
                Map.of(),
                List.of(Runs.scenario("O", 20, "passed"), Runs.scenario("O", 10, "passed"))),
            Runs.run(
                "2026-12-02T02:00:00Z",
                Map.of(),
                List.of(Runs.scenario("O", 12, "passed"), Runs.scenario("O", 22, "failed"))));
    assertThat(c.scenarios())
        .isEqualTo(List.of(new Change(F + "O #2", Status.REGRESSED, "passed", "failed")));
  }

  @Test
  void changesAreOrderedRegressedStillFailingNewFixedThenById() {
    RunComparison c =
        rules(
            Runs.rules("F-2", "FAILED", "F-1", "FAILED", "R-2", "PASSED", "R-1", "PASSED"),
            Runs.rules(
                "N-1", "PASSED", "F-2", "PASSED", "F-1", "FAILED", "R-2", "FAILED", "R-1",
                "FAILED"));
    assertThat(c.rules())
        .isEqualTo(
            List.of(
                new Change("R-1", Status.REGRESSED, "PASSED", "FAILED"),
                new Change("R-2", Status.REGRESSED, "PASSED", "FAILED"),
                new Change("F-1", Status.STILL_FAILING, "FAILED", "FAILED"),
                new Change("N-1", Status.NEW, "absent", "PASSED"),
                new Change("F-2", Status.FIXED, "FAILED", "PASSED")));
    assertThat(c.regressed()).isTrue();
    assertThat(c.regressedRules())
        .isEqualTo(
            List.of(
                new Change("R-1", Status.REGRESSED, "PASSED", "FAILED"),
                new Change("R-2", Status.REGRESSED, "PASSED", "FAILED")));
  }

  @Test
  void aScenarioRegressionAloneIsARegression() {
    RunComparison c =
        RunComparison.between(
            Runs.run("2026-12-01T02:00:00Z", Map.of(), List.of(Runs.scenario("S", 3, "passed"))),
            Runs.run("2026-12-02T02:00:00Z", Map.of(), List.of(Runs.scenario("S", 3, "failed"))));
    assertThat(c.rules()).isEqualTo(List.of());
    assertThat(c.regressed()).isTrue();
  }

  @Test
  void noRegressionWithoutARegressedChange() {
    assertThat(rules(Runs.rules("R-1", "FAILED"), Runs.rules("R-1", "FAILED")).regressed())
        .isFalse();
  }

  @Test
  void theStatusesHaveLabels() {
    assertThat(List.of(Status.values()).stream().map(Status::label).toList())
        .isEqualTo(List.of("new", "fixed", "regressed", "still failing"));
  }

  @Test
  void fingerprintChangeIsEmptyOnTheSameRelease() {
    assertThat(rules(Map.of(), Map.of()).fingerprintChange()).isEqualTo(Optional.empty());
  }

  @Test
  void fingerprintChangeNamesBothReleases() {
    RunComparison c =
        RunComparison.between(
            Runs.run("2026-12-01T02:00:00Z", Runs.release("2026.1"), Map.of(), List.of()),
            Runs.run("2026-12-02T02:00:00Z", Runs.release("2026.2"), Map.of(), List.of()));
    assertThat(c.fingerprintChange())
        .contains(
            "bank release changed: version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi 77b1d0aa,"
                + " discovery 0c9d4e5f) → version 2026.2 (xs2a openapi 3f2a9c1e, auth openapi"
                + " 77b1d0aa, discovery 0c9d4e5f)");
  }

  @Test
  void renderListsEveryChange() {
    RunComparison c =
        RunComparison.between(
            Runs.run(
                "2026-12-01T02:00:00Z",
                Runs.release("2026.1"),
                Runs.rules("AUTH-2", "PASSED", "TOK-1", "FAILED"),
                List.of(Runs.scenario("A trailing slash is refused", 12, "passed"))),
            Runs.run(
                "2026-12-02T02:00:00Z",
                Runs.release("2026.2"),
                Runs.rules("AUTH-2", "FAILED", "TOK-1", "PASSED"),
                List.of(Runs.scenario("A trailing slash is refused", 14, "failed"))));
    assertThat(c.render("Since the last run (2026-12-01T02:00:00Z)"))
        .isEqualTo(
            """
            Since the last run (2026-12-01T02:00:00Z)
              bank release changed: version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi 77b1d0aa,\
             discovery 0c9d4e5f) → version 2026.2 (xs2a openapi 3f2a9c1e, auth openapi 77b1d0aa,\
             discovery 0c9d4e5f)
            Rules:
              REGRESSED  AUTH-2  PASSED → FAILED
              FIXED  TOK-1  FAILED → PASSED
            Scenarios:
              REGRESSED  features/05_authorisation/redirect.feature :: A trailing slash is\
             refused  passed → failed
            """);
  }

  @Test
  void renderSaysNoChange() {
    assertThat(
            rules(Runs.rules("R-1", "PASSED"), Runs.rules("R-1", "PASSED"))
                .render("Since the last run (2026-12-01T02:00:00Z)"))
        .isEqualTo(
            """
            Since the last run (2026-12-01T02:00:00Z)
            Rules:
              no change
            Scenarios:
              no change
            """);
  }
}
