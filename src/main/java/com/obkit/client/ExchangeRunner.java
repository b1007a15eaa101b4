package com.obkit.client;

import com.obkit.config.HttpSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends one exchange the way every exchange of the run is sent: within its own {@link
 * ExchangeBudget} (deadline and size limit, made current for the sending thread), tried again up to
 * {@code kit.retry.environment} times after an environment fault where that is safe (see {@link
 * Faults.RetrySafety}), and counted by the run's {@link CircuitBreaker}. Each attempt is built
 * afresh by the caller, so a retry runs the filters again (a new {@code X-Request-ID}, a new
 * signature). Immutable; shared by the run's clients.
 */
final class ExchangeRunner {

  /** One attempt of an exchange. */
  @FunctionalInterface
  interface Attempt {
    /**
     * Sends the request once and reads its answer.
     *
     * @param retry for a retry, what to say about it in its attachment ({@code retry 1 of 1 after:
     *     connection refused ...}); empty for the first attempt
     */
    HttpExchange send(Optional<String> retry) throws Exception;
  }

  private final HttpSettings http;
  private final CircuitBreaker breaker;
  private final ThreadLocal<ExchangeBudget> current;

  /**
   * @param http the deadline, size limit and retries
   * @param breaker the run's circuit breaker
   * @param current where the sending thread's budget is made current (the run's {@link Transport}'s
   *     sockets read it)
   */
  ExchangeRunner(HttpSettings http, CircuitBreaker breaker, ThreadLocal<ExchangeBudget> current) {
    this.http = http;
    this.breaker = breaker;
    this.current = current;
  }

  /**
   * Sends an exchange.
   *
   * @param guarded false only for the restore at the run's end, which must try even after the
   *     breaker opened
   * @param retries told, once, what was retried and how it ended ({@code GET https://…/version:
   *     connection refused (…); retried 1x, then answered 200})
   * @throws com.obkit.outcomes.EnvironmentFault when the bank could not be reached, after the
   *     retries, or at once while the breaker is open
   */
  HttpExchange send(
      String method, URI uri, Attempt attempt, boolean guarded, Consumer<String> retries) {
    List<String> causes = new ArrayList<>();
    for (int n = 0; ; n++) {
      if (guarded) {
        breaker.check();
      }
      Optional<String> note =
          n == 0
              ? Optional.empty()
              : Optional.of(
                  "retry "
                      + n
                      + " of "
                      + http.environmentRetries()
                      + " after: "
                      + causes.get(n - 1));
      HttpExchange answer = null;
      Faults.Fault fault;
      current.set(ExchangeBudget.onSystemClock(http.deadline(), http.maxResponseBytes()));
      try {
        answer = attempt.send(note);
        fault = Faults.gateway(answer).orElse(null);
      } catch (Exception e) {
        fault = Faults.fault(method, uri, e).orElseThrow(() -> Faults.classify(method, uri, e));
      } finally {
        current.remove();
      }
      if (fault == null) {
        if (guarded) {
          breaker.answered();
        }
        if (n > 0) {
          retries.accept(describe(method, uri, causes, "answered " + answer.status()));
        }
        return answer;
      }
      causes.add(fault.cause());
      if (n < http.environmentRetries() && fault.safety().allows(method)) {
        continue;
      }
      if (guarded) {
        breaker.faulted(fault.error());
      }
      if (n > 0) {
        retries.accept(describe(method, uri, causes.subList(0, n), "failed: " + fault.cause()));
      }
      throw fault.error();
    }
  }

  private static String describe(String method, URI uri, List<String> causes, String end) {
    return method
        + " "
        + Faults.url(uri)
        + ": "
        + String.join("; ", causes)
        + "; retried "
        + causes.size()
        + "x, then "
        + end;
  }
}
