package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import com.obkit.selftest.FlakyProxy.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank that stops answering ends the whole run at the circuit breaker, INCONCLUSIVE, instead of
 * each of its scenarios waiting out its timeouts; and a gateway's 503 met once is retried, the
 * scenario judged on the bank's real answer, and the retry shown.
 */
@Timeout(180)
class CircuitBreakerIT {

  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final int BREAKER = 5;
  private static final int RETRIES = 1;

  @TempDir Path reports;

  private static KitConfig configFor(String baseUrl) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kit.baseUrl", baseUrl);
    settings.put("kit.http.connectTimeout", "1s");
    settings.put("kit.http.readTimeout", "1s");
    settings.put("kit.http.deadline", DEADLINE.toSeconds() + "s");
    settings.put("kit.retry.environment", String.valueOf(RETRIES));
    settings.put("kit.circuitBreaker", String.valueOf(BREAKER));
    settings.put("kit.sca.settleDelay", "0s");
    settings.put("kit.budget.spend", "true");
    return KitConfig.load(settings, Map.of());
  }

  @Test
  void aBankThatStopsAnsweringEndsTheWholeRunAtTheBreaker() throws Exception {
    try (ReferenceSandbox sandbox =
            ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
        // The bank answers its first 12 connections, then accepts and never answers again.
        FlakyProxy proxy =
            new FlakyProxy(sandbox.baseUrl(), n -> n <= 12 ? Mode.FORWARD : Mode.HOLD)) {
      long start = System.nanoTime();
      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features"))
              .run(configFor(proxy.baseUrl()), reports, false);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // At most BREAKER faults, each at most (1 + RETRIES) attempts of one deadline, plus the
      // passing scenarios before and the run's own start.
      Duration budget = DEADLINE.multipliedBy((long) BREAKER * (1 + RETRIES)).plusSeconds(30);
      assertThat(took).isLessThan(budget);
      assertThat(result.verdict()).isEqualTo("INCONCLUSIVE");
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.failedMustRules()).isEmpty();
      assertThat(result.resultsByScenario()).hasSize(167); // the whole suite, self-checks included
      assertThat(result.resultsByScenario().values())
          .isSubsetOf("passed", "environment", "not applicable");

      JsonNode verdict = new ObjectMapper().readTree(reports.resolve("verdict.json").toFile());
      String reason = verdict.path("circuitBreaker").asText();
      List<String> lines = reason.lines().toList();
      assertThat(lines).hasSize(3); // the last three faults, one a line
      assertThat(lines.get(0))
          .startsWith(
              "circuit breaker open after 5 consecutive environment faults (kit.circuitBreaker);"
                  + " last: ");
      for (String line : lines) {
        assertThat(line).containsPattern(" " + proxy.baseUrl() + "/\\S* failed: timed out");
      }
      // Every scenario after the breaker opened failed at once, with its reason.
      List<String> refused = new ArrayList<>();
      for (JsonNode o : verdict.path("outcomes")) {
        if (o.path("message").asText().startsWith("ENVIRONMENT: circuit breaker open")) {
          refused.add(o.path("name").asText());
          assertThat(o.path("message").asText()).isEqualTo("ENVIRONMENT: " + lines.get(0));
        }
      }
      assertThat(refused).hasSizeGreaterThan(100);
      assertThat(result.resultsByScenario().values().stream().filter("environment"::equals).count())
          .isEqualTo(refused.size() + BREAKER);
    }
  }

  /**
   * The run's pre-flight, one connection each: the version, the two OpenAPI documents and the
   * discovery document.
   */
  private static final int PREFLIGHT = 4;

  @Test
  void aGateway503MetOnceIsRetriedAndShown() throws Exception {
    try (ReferenceSandbox sandbox =
            ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
        FlakyProxy proxy =
            new FlakyProxy(
                sandbox.baseUrl(), n -> n == PREFLIGHT + 1 ? Mode.GATEWAY_503 : Mode.FORWARD)) {
      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features"))
              .run(configFor(proxy.baseUrl()), reports, false, "@TOK-1 and not @REG-1");

      assertThat(result.verdict()).isEqualTo("CONFORMANT");
      assertThat(result.resultsByScenario().values()).containsExactly("passed");
      JsonNode outcome =
          new ObjectMapper()
              .readTree(reports.resolve("verdict.json").toFile())
              .path("outcomes")
              .get(0);
      List<String> retries = new ArrayList<>();
      outcome.path("retries").forEach(n -> retries.add(n.asText()));
      assertThat(retries)
          .containsExactly(
              "GET "
                  + proxy.baseUrl()
                  + "/xs2a-bg/nl/onboarding/v1: answered 503 from a gateway before the bank"
                  + " (text/html, not the bank's JSON error body); retried 1x, then answered 200");
      assertThat(proxy.modes())
          .containsExactly(
              Mode.FORWARD,
              Mode.FORWARD,
              Mode.FORWARD,
              Mode.FORWARD,
              Mode.GATEWAY_503,
              Mode.FORWARD);
    }
  }
}
