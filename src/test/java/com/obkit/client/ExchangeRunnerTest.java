package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.HttpSettings;
import com.obkit.outcomes.EnvironmentFault;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry and breaker policy, with scripted attempts instead of a network. */
class ExchangeRunnerTest {

  private static final URI URL = URI.create("https://bank.example/xs2a-bg/version");
  private static final HttpSettings HTTP =
      new HttpSettings(
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Optional.empty(),
          Optional.empty(),
          Duration.ofSeconds(3),
          1024,
          1,
          2);

  private final ThreadLocal<ExchangeBudget> current = new ThreadLocal<>();
  private final CircuitBreaker breaker = new CircuitBreaker(HTTP.circuitBreaker());
  private final ExchangeRunner runner = new ExchangeRunner(HTTP, breaker, current);
  private final List<String> retries = new ArrayList<>();
  private final List<Optional<String>> notes = new ArrayList<>();

  /** Attempts that throw or answer, in order; each sees a budget of its own. */
  private ExchangeRunner.Attempt script(Object... steps) {
    Deque<Object> left = new ArrayDeque<>(List.of(steps));
    List<ExchangeBudget> seen = new ArrayList<>();
    return note -> {
      notes.add(note);
      ExchangeBudget budget = current.get();
      assertThat(budget).isNotNull();
      assertThat(seen).doesNotContain(budget);
      seen.add(budget);
      Object step = left.removeFirst();
      if (step instanceof Exception e) {
        throw e;
      }
      return answer((Integer) step);
    };
  }

  private static HttpExchange answer(int status) {
    return status == 503
        ? new HttpExchange("GET", URL, 503, Map.of("content-type", List.of("text/html")), "<html/>")
        : new HttpExchange("GET", URL, status, Map.of(), "{}");
  }

  @Test
  void aRefusedConnectionIsRetriedOnceThenTheAnswerCountsAndTheRetryIsShown() {
    HttpExchange answer =
        runner.send(
            "POST",
            URL,
            script(new ConnectException("Connection refused"), 201),
            true,
            retries::add);
    assertThat(answer.status()).isEqualTo(201);
    assertThat(retries)
        .containsExactly(
            "POST https://bank.example/xs2a-bg/version: connection refused or unreachable"
                + " (Connection refused); retried 1x, then answered 201");
    assertThat(notes)
        .containsExactly(
            Optional.empty(),
            Optional.of(
                "retry 1 of 1 after: connection refused or unreachable (Connection refused)"));
    assertThat(current.get()).isNull(); // the budget is the exchange's only
    assertThat(breaker.openReason()).isEmpty();
  }

  @Test
  void aReadTimeoutIsRetriedForAGetOnly() {
    HttpExchange answer =
        runner.send(
            "GET",
            URL,
            script(new SocketTimeoutException("Read timed out"), 200),
            true,
            retries::add);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(retries).hasSize(1);

    retries.clear();
    assertThatThrownBy(
            () ->
                runner.send(
                    "POST",
                    URL,
                    script(new SocketTimeoutException("Read timed out"), 201),
                    true,
                    retries::add))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessage(
            "ENVIRONMENT: POST https://bank.example/xs2a-bg/version failed: timed out (Read timed"
                + " out); see kit.http.connectTimeout and kit.http.readTimeout");
    assertThat(retries).isEmpty(); // nothing retried, nothing to show
  }

  @Test
  void aGatewayAnswerEveryTimeFailsAfterTheRetryAndSaysSo() {
    assertThatThrownBy(() -> runner.send("POST", URL, script(503, 503), true, retries::add))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessageContaining("answered 503 from a gateway before the bank");
    String cause =
        "answered 503 from a gateway before the bank (text/html, not the bank's JSON error body)";
    assertThat(retries)
        .containsExactly(
            "POST https://bank.example/xs2a-bg/version: "
                + cause
                + "; retried 1x, then failed: "
                + cause);
  }

  @Test
  void theBreakerCountsExchangesAfterRetriesAndThenRefusesAtOnce() {
    for (int n = 0; n < 2; n++) {
      assertThatThrownBy(
              () ->
                  runner.send(
                      "GET",
                      URL,
                      script(new ConnectException("refused"), new ConnectException("refused")),
                      true,
                      retries::add))
          .isInstanceOf(EnvironmentFault.class);
    }
    assertThat(breaker.openReason()).isPresent();
    notes.clear();
    assertThatThrownBy(() -> runner.send("GET", URL, script(200), true, retries::add))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessageStartingWith(
            "ENVIRONMENT: circuit breaker open after 2 consecutive environment faults"
                + " (kit.circuitBreaker); last: GET https://bank.example/xs2a-bg/version failed:"
                + " connection refused or unreachable (refused)");
    assertThat(notes).isEmpty(); // nothing was sent

    // The restore at the run's end still tries.
    assertThat(runner.send("PUT", URL, script(200), false, retries::add).status()).isEqualTo(200);
  }

  @Test
  void aKitErrorIsRethrownUntouchedAndIsNotCounted() {
    IllegalStateException bug = new IllegalStateException("a defect of the kit");
    assertThatThrownBy(() -> runner.send("GET", URL, script(bug), true, retries::add))
        .isSameAs(bug);
    assertThat(notes).hasSize(1);
    breaker.faulted(new EnvironmentFault("GET", "u", "x", null));
    assertThat(breaker.openReason()).isEmpty(); // one fault only: the kit error did not count
  }

  @Test
  void anAnswerTooLargeIsNeverRetried() {
    assertThatThrownBy(
            () ->
                runner.send(
                    "GET", URL, script(new AnswerTooLargeException(1024), 200), true, retries::add))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessageContaining("kit.http.maxResponseBytes");
    assertThat(notes).hasSize(1);
  }
}
