package com.obkit.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.checks.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConformanceTest {
  private static final Check<Integer> IS_201 =
      Check.that("EnsureHttpStatus201", s -> s == 201, s -> "expected 201 but " + s);
  private static final Check<Integer> IS_CLIENT_ERROR =
      Check.that("EnsureClientError", s -> s >= 400 && s < 500, s -> "expected a 4xx but " + s);

  @Test
  void expectRecordsEveryResultAndConcludeThrowsAllFailures() {
    List<CheckResult> seen = new ArrayList<>();
    Conformance c = new Conformance(s -> s.replace("500", "5xx"), seen::add);

    assertThat(c.expect(Rule.must("REG-1"), IS_201, 201)).isTrue();
    assertThat(c.expect(Rule.must("REG-1"), IS_201, 500)).isFalse();
    assertThat(c.expect(Rule.should("REG-7"), IS_CLIENT_ERROR, 500)).isFalse();

    assertThat(seen).isEqualTo(c.results());
    assertThat(c.results())
        .containsExactly(
            new CheckResult("EnsureHttpStatus201", List.of(Rule.must("REG-1")), Optional.empty()),
            new CheckResult(
                "EnsureHttpStatus201",
                List.of(Rule.must("REG-1")),
                Optional.of("expected 201 but 5xx")),
            new CheckResult(
                "EnsureClientError",
                List.of(Rule.should("REG-7")),
                Optional.of("expected a 4xx but 5xx")));
    assertThatThrownBy(c::conclude)
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.failures()).isEqualTo(c.failures()).hasSize(2));
  }

  @Test
  void requireStopsAtOnceAndConcludeDoesNotThrowTwice() {
    Conformance c = new Conformance();
    assertThatThrownBy(() -> c.require(Rule.must("TOK-1"), IS_201, 200))
        .isInstanceOf(RuleViolation.class);
    c.conclude(); // already thrown: the scenario stopped there
  }

  @Test
  void shouldFailuresAloneAreAWarningWithTheirRules() {
    Conformance c = new Conformance();
    c.expect(Rule.should("SIG-6"), IS_CLIENT_ERROR, 200);
    assertThatThrownBy(c::conclude)
        .isInstanceOfSatisfying(
            ShouldWarning.class,
            w ->
                assertThat(w.failures().get(0).brokenShouldRules())
                    .containsExactly(Rule.should("SIG-6")));
  }

  @Test
  void mixedLevelsKeepEachRulesLevel() {
    Conformance c = new Conformance();
    c.expect(List.of(Rule.should("AUTH-5"), Rule.must("ERR-1")), IS_CLIENT_ERROR, 502);
    CheckResult r = c.failures().get(0);
    assertThat(r.brokenMustRules()).containsExactly(Rule.must("ERR-1"));
    assertThat(r.brokenShouldRules()).containsExactly(Rule.should("AUTH-5"));
    assertThatThrownBy(c::conclude).isInstanceOf(RuleViolation.class);
  }

  @Test
  void passingChecksConcludeQuietly() {
    Conformance c = new Conformance();
    c.expectAll(Rule.must("REG-1"), 201, IS_201);
    c.requireAll(Rule.must("REG-1"), 201, IS_201);
    c.conclude();
    assertThat(c.failures()).isEmpty();
    assertThat(c.results()).hasSize(2);
  }

  @Test
  void evidenceRoundTripsThroughJson() {
    List<CheckResult> results =
        List.of(
            new CheckResult(
                "A", List.of(Rule.must("SIG-1"), Rule.should("SIG-6")), Optional.empty()),
            new CheckResult("B", List.of(Rule.must("ERR-1")), Optional.of("a \"quoted\" problem")));
    assertThat(CheckEvidence.fromJson(CheckEvidence.toJson(results))).isEqualTo(results);
  }
}
