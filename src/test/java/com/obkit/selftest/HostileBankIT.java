package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import com.obkit.selftest.HostileBank.Behaviour;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile bank (or network before it) never hangs the kit, never exhausts its memory and is never
 * mistaken for a defect of the kit: each behaviour ends both scenarios of {@code @TOK-1} within the
 * configured limits with a clear outcome, a bank failure judged by the checks or an environment
 * fault naming the key to change. Short limits: read timeout 2 s (above the drip's 1 s between
 * bytes, so that only the deadline can stop it), deadline 3 s, 1 MiB per answer.
 */
@Timeout(120)
class HostileBankIT {

  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final String TOKEN = "A signed onboarding request returns an initial access token";
  private static final String LINK = "The registration link is followed, not built";

  @TempDir Path reports;

  /** One scenario's outcome, read from verdict.json. */
  private record Outcome(
      String name, String result, String message, List<String> retries, List<String> checks) {}

  /** A run against one behaviour: its outcomes in feature order and how long it took. */
  private record Run(List<Outcome> outcomes, Duration took, String verdict) {
    Outcome scenario(String prefix) {
      return outcomes.stream().filter(o -> o.name().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  private Run runAgainst(HostileBank bank) throws IOException {
    KitConfig config =
        KitConfig.load(
            Map.of(
                "kit.baseUrl", bank.baseUrl(),
                "kit.http.connectTimeout", "1s",
                "kit.http.readTimeout", "2s",
                "kit.http.deadline", "3s",
                "kit.http.maxResponseBytes", "1MiB"),
            Map.of());
    long start = System.nanoTime();
    ConformanceLauncher.RunResult result =
        new ConformanceLauncher(Path.of("features")).run(config, reports, false, "@TOK-1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    JsonNode v = new ObjectMapper().readTree(reports.resolve("verdict.json").toFile());
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode o : v.path("outcomes")) {
      outcomes.add(
          new Outcome(
              o.path("name").asText(),
              o.path("result").asText(),
              o.path("message").asText(),
              strings(o.path("retries")),
              strings(o.path("failedChecks"))));
    }
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes).extracting(Outcome::result).doesNotContain("error");
    return new Run(outcomes, took, result.verdict());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String url(HostileBank bank) {
    return bank.baseUrl() + "/xs2a-bg/nl/onboarding/v1";
  }

  @Test
  void aFiftyMegabyteBodyIsCutOffAtTheLimit() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.HUGE_BODY)) {
      Run run = runAgainst(bank);
      String fault =
          "ENVIRONMENT: GET "
              + url(bank)
              + " failed: the answer is larger than kit.http.maxResponseBytes (1048576 bytes);"
              + " the kit stopped reading it";
      for (Outcome o : run.outcomes()) {
        assertThat(o.result()).isEqualTo("environment");
        assertThat(o.message()).isEqualTo(fault);
        assertThat(o.retries()).isEmpty(); // the bank would send it again
      }
      assertThat(run.verdict()).isEqualTo("INCONCLUSIVE");
      assertThat(bank.requests()).isEqualTo(2);
      // Far less than 50 MB left the server: 1 MiB read, the rest what the kernel's buffers held
      // (loopback receive buffers grow to several MiB) when the kit closed the connection.
      assertThat(bank.bodyBytesWritten()).isLessThan(8L << 20);
    }
  }

  @Test
  void oneByteASecondEndsAtTheDeadline() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.SLOW_DRIP)) {
      Run run = runAgainst(bank);
      String cause = "no complete answer within kit.http.deadline (3s)";
      for (Outcome o : run.outcomes()) {
        assertThat(o.result()).isEqualTo("environment");
        assertThat(o.message()).isEqualTo("ENVIRONMENT: GET " + url(bank) + " failed: " + cause);
        // A GET may be sent again after a deadline: once, then it fails the same way.
        assertThat(o.retries())
            .containsExactly(
                "GET " + url(bank) + ": " + cause + "; retried 1x, then failed: " + cause);
      }
      assertThat(bank.requests()).isEqualTo(4);
      // Two scenarios, two attempts each, each ended by its 3 s deadline (the answer would take
      // over a minute at one byte a second); the rest is the run's own start.
      assertThat(run.took()).isLessThan(DEADLINE.multipliedBy(4).plusSeconds(10));
    }
  }

  @Test
  void invalidUtf8IsJudgedAsTheBanksAnswer() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.INVALID_UTF8)) {
      Run run = runAgainst(bank);
      assertThat(run.scenario(TOKEN).result()).isEqualTo("failed");
      assertThat(run.scenario(TOKEN).checks())
          .containsExactly(
              "CheckScopeIs",
              "CheckTokenTypeIs",
              "CheckExpiresIn86400",
              "CheckAccessTokenPresent",
              "CheckRegistrationLinkIsAbsoluteUrl");
      assertThat(run.scenario(LINK).result()).isEqualTo("failed");
      assertThat(run.scenario(LINK).checks()).containsExactly("CheckAccessTokenPresent");
      assertThat(run.verdict()).isEqualTo("NOT CONFORMANT");
    }
  }

  @Test
  void invalidJsonIsABankFailure() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.INVALID_JSON)) {
      Run run = runAgainst(bank);
      assertThat(run.scenario(TOKEN).result()).isEqualTo("failed");
      assertThat(run.scenario(TOKEN).checks())
          .containsExactly(
              "EnsureJsonBody",
              "CheckScopeIs",
              "CheckTokenTypeIs",
              "CheckExpiresIn86400",
              "CheckAccessTokenPresent",
              "CheckRegistrationLinkIsAbsoluteUrl");
      assertThat(run.scenario(TOKEN).message())
          .isEqualTo(
              "MUST violated: TOK-1 (MUST): EnsureJsonBody: expected a JSON object with"
                  + " Content-Type application/json, got 'application/json'");
      assertThat(run.scenario(LINK).result()).isEqualTo("failed");
      assertThat(run.scenario(LINK).checks()).containsExactly("CheckAccessTokenPresent");
    }
  }

  @Test
  void htmlForAJsonCallIsABankFailure() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.WRONG_CONTENT_TYPE)) {
      Run run = runAgainst(bank);
      assertThat(run.scenario(TOKEN).result()).isEqualTo("failed");
      assertThat(run.scenario(TOKEN).message())
          .isEqualTo(
              "MUST violated: TOK-1 (MUST): EnsureJsonBody: expected a JSON object with"
                  + " Content-Type application/json, got 'text/html'");
      assertThat(run.scenario(LINK).result()).isEqualTo("failed");
      assertThat(run.scenario(LINK).checks()).containsExactly("CheckAccessTokenPresent");
    }
  }

  @Test
  void aRedirectLoopIsNotFollowed() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.REDIRECT_LOOP)) {
      Run run = runAgainst(bank);
      String message =
          "MUST violated: TOK-1 (MUST): EnsureHttpStatus200: expected HTTP 200 but GET "
              + url(bank)
              + " -> 302";
      for (Outcome o : run.outcomes()) {
        assertThat(o.result()).isEqualTo("failed");
        assertThat(o.message()).isEqualTo(message);
        assertThat(o.retries()).isEmpty();
      }
      // Never followed: each request is one of the kit's own token requests (the second scenario
      // asks again for the token its registration needs), none an answer to the Location.
      assertThat(bank.requestLines())
          .containsExactly(
              "GET /xs2a-bg/nl/onboarding/v1 HTTP/1.1",
              "GET /xs2a-bg/nl/onboarding/v1 HTTP/1.1",
              "GET /xs2a-bg/nl/onboarding/v1 HTTP/1.1");
    }
  }

  @Test
  void aConnectionClosedMidAnswerIsADroppedConnection() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.CLOSED_MID_ANSWER)) {
      Run run = runAgainst(bank);
      String cause =
          "connection dropped (Premature end of Content-Length delimited message body (expected:"
              + " 1,000; received: 9))";
      for (Outcome o : run.outcomes()) {
        assertThat(o.result()).isEqualTo("environment");
        assertThat(o.message()).isEqualTo("ENVIRONMENT: GET " + url(bank) + " failed: " + cause);
        assertThat(o.retries())
            .containsExactly(
                "GET " + url(bank) + ": " + cause + "; retried 1x, then failed: " + cause);
      }
      assertThat(bank.requests()).isEqualTo(4);
    }
  }

  @Test
  void aGateway503IsAnEnvironmentFaultNotTheBanksAnswer() throws Exception {
    try (HostileBank bank = new HostileBank(Behaviour.GATEWAY_503)) {
      Run run = runAgainst(bank);
      String cause =
          "answered 503 from a gateway before the bank (text/html, not the bank's JSON error"
              + " body)";
      for (Outcome o : run.outcomes()) {
        assertThat(o.result()).isEqualTo("environment");
        assertThat(o.message()).isEqualTo("ENVIRONMENT: GET " + url(bank) + " failed: " + cause);
        assertThat(o.retries())
            .containsExactly(
                "GET " + url(bank) + ": " + cause + "; retried 1x, then failed: " + cause);
      }
      assertThat(run.verdict()).isEqualTo("INCONCLUSIVE");
    }
  }
}
