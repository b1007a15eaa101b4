package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.report.ScenarioOutcome.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries and the circuit breaker in the verdict: shown, never changing what was judged. */
class VerdictRetriesTest {

  private static final String RETRY =
      "GET https://bank.example/xs2a-bg/version: connection refused or unreachable (x); retried"
          + " 1x, then answered 200";
  private static final String BREAKER =
      "circuit breaker open after 5 consecutive environment faults (kit.circuitBreaker); last:"
          + " GET https://bank.example/a failed: timed out\n"
          + "  GET https://bank.example/b failed: timed out";

  private static ScenarioOutcome outcome(Kind kind, String message) {
    return new ScenarioOutcome(
        "A scenario",
        "features/x.feature:1",
        List.of("TOK-1"),
        false,
        kind,
        Optional.ofNullable(message),
        List.of(),
        List.of(),
        Duration.ofMillis(5));
  }

  @Test
  void anOutcomeHasNoRetriesUntilGivenThem() {
    ScenarioOutcome plain = outcome(Kind.PASSED, null);
    assertThat(plain.retries()).isEmpty();
    assertThat(plain.withRetries(List.of(RETRY)).retries()).containsExactly(RETRY);
    assertThat(plain.withRetries(List.of(RETRY)).kind()).isEqualTo(Kind.PASSED);
  }

  @Test
  void theConsoleLineCountsTheRetriedExchanges() {
    ScenarioOutcome retried = outcome(Kind.PASSED, null).withRetries(List.of(RETRY, RETRY));
    assertThat(Verdict.consoleLine(retried))
        .isEqualTo("PASS       5 ms [TOK-1] A scenario (retried: 2 exchange(s))");
    assertThat(Verdict.consoleLine(outcome(Kind.PASSED, null)))
        .isEqualTo("PASS       5 ms [TOK-1] A scenario");
  }

  @Test
  void theSummarySaysOnceThatTheBreakerOpened() {
    Verdict verdict =
        Verdict.of(List.of(outcome(Kind.ENVIRONMENT, "ENVIRONMENT: x")))
            .withCircuitBreaker(Optional.of(BREAKER));
    String summary = verdict.summary();
    assertThat(summary)
        .contains(
            "Circuit breaker opened after 5 consecutive environment faults (kit.circuitBreaker);"
                + " last: GET https://bank.example/a failed: timed out\n"
                + "  GET https://bank.example/b failed: timed out\n"
                + "VERDICT: INCONCLUSIVE");
    assertThat(summary.split("Circuit breaker opened", -1)).hasSize(2);
    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
    assertThat(Verdict.of(List.of(outcome(Kind.PASSED, null))).summary())
        .doesNotContain("Circuit breaker");
  }

  @Test
  void verdictJsonCarriesRetriesAndTheBreaker(@TempDir Path reports) throws Exception {
    Verdict.of(List.of(outcome(Kind.PASSED, null).withRetries(List.of(RETRY))))
        .withCircuitBreaker(Optional.of(BREAKER))
        .write(reports);
    JsonNode json = new ObjectMapper().readTree(reports.resolve("verdict.json").toFile());
    assertThat(json.path("circuitBreaker").asText()).isEqualTo(BREAKER);
    assertThat(json.path("outcomes").get(0).path("retries").get(0).asText()).isEqualTo(RETRY);
    assertThat(json.path("outcomes").get(0).path("retries")).hasSize(1);
  }
}
