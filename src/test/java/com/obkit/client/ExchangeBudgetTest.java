package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExchangeBudgetTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final ExchangeBudget budget = new ExchangeBudget(Duration.ofSeconds(3), 1024, now::get);

  @Test
  void theClockStartsAtTheFirstSocketOperationNotAtCreation() {
    now.addAndGet(10_000_000_000L); // ten seconds of the kit's own work before the connect
    assertThat(budget.remainingMillis()).isEqualTo(3000);
    now.addAndGet(1_000_000_000L);
    assertThat(budget.remainingMillis()).isEqualTo(2000);
  }

  @Test
  void theRestIsRoundedUpAndZeroOncePast() {
    assertThat(budget.remainingMillis()).isEqualTo(3000);
    now.addAndGet(2_999_500_000L);
    assertThat(budget.remainingMillis()).isEqualTo(1);
    assertThat(budget.expired()).isFalse();
    now.addAndGet(500_000L);
    assertThat(budget.remainingMillis()).isZero();
    assertThat(budget.expired()).isTrue();
  }

  @Test
  void theNextTimeoutIsTheSmallerOfReadTimeoutAndTheRest() throws Exception {
    assertThat(budget.nextTimeoutMillis(1000)).isEqualTo(1000);
    now.addAndGet(2_500_000_000L);
    assertThat(budget.nextTimeoutMillis(1000)).isEqualTo(500);
    assertThat(budget.nextTimeoutMillis(0)).isEqualTo(500); // 0: no read timeout of its own
  }

  @Test
  void pastTheDeadlineTheNextReadFailsNamingTheKey() {
    budget.remainingMillis();
    now.addAndGet(3_000_000_000L);
    assertThatThrownBy(() -> budget.nextTimeoutMillis(1000))
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessage("no complete answer within kit.http.deadline (3s)");
  }

  @Test
  void bytesOverTheLimitFailNamingTheKeyAndStayOver() throws Exception {
    budget.count(1000);
    budget.count(24);
    assertThat(budget.bytesRead()).isEqualTo(1024);
    assertThat(budget.overLimit()).isFalse();
    assertThatThrownBy(() -> budget.count(1))
        .isInstanceOf(AnswerTooLargeException.class)
        .hasMessage(
            "the answer is larger than kit.http.maxResponseBytes (1024 bytes); the kit stopped"
                + " reading it");
    assertThat(budget.overLimit()).isTrue();
    assertThatThrownBy(() -> budget.count(0)).isInstanceOf(AnswerTooLargeException.class);
  }
}
