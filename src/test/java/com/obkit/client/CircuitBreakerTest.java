package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.outcomes.EnvironmentFault;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static EnvironmentFault fault(int n) {
    return new EnvironmentFault("GET", "https://bank.example/x" + n, "timed out", null);
  }

  @Test
  void itOpensAtTheThresholdNamingTheLastThreeFaultsNewestFirst() {
    CircuitBreaker breaker = new CircuitBreaker(4);
    for (int n = 1; n <= 3; n++) {
      breaker.faulted(fault(n));
      breaker.check();
    }
    assertThat(breaker.openReason()).isEmpty();
    breaker.faulted(fault(4));
    String reason =
        "circuit breaker open after 4 consecutive environment faults (kit.circuitBreaker); last:"
            + " GET https://bank.example/x4 failed: timed out\n"
            + "  GET https://bank.example/x3 failed: timed out\n"
            + "  GET https://bank.example/x2 failed: timed out";
    assertThat(breaker.openReason()).contains(reason);
    assertThatThrownBy(breaker::check)
        .isInstanceOf(EnvironmentFault.class)
        .hasMessage("ENVIRONMENT: " + reason);
  }

  @Test
  void anAnswerResetsTheCount() {
    CircuitBreaker breaker = new CircuitBreaker(2);
    breaker.faulted(fault(1));
    breaker.answered();
    breaker.faulted(fault(2));
    assertThat(breaker.openReason()).isEmpty();
    breaker.faulted(fault(3));
    assertThat(breaker.openReason())
        .contains(
            "circuit breaker open after 2 consecutive environment faults (kit.circuitBreaker);"
                + " last: GET https://bank.example/x3 failed: timed out\n"
                + "  GET https://bank.example/x2 failed: timed out");
  }

  @Test
  void onceOpenItStaysOpenAndItsReasonDoesNotChange() {
    CircuitBreaker breaker = new CircuitBreaker(1);
    breaker.faulted(fault(1));
    String reason = breaker.openReason().orElseThrow();
    breaker.answered();
    breaker.faulted(fault(2));
    assertThat(breaker.openReason()).contains(reason);
    assertThat(reason)
        .isEqualTo(
            "circuit breaker open after 1 consecutive environment faults (kit.circuitBreaker);"
                + " last: GET https://bank.example/x1 failed: timed out");
  }

  @Test
  void aThresholdBelowOneIsRefused() {
    assertThatThrownBy(() -> new CircuitBreaker(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kit.circuitBreaker must be at least 1: 0");
  }
}
