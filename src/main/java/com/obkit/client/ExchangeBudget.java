package com.obkit.client;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What one exchange may still spend: the time left until its {@code kit.http.deadline} (counted
 * from its connect) and the bytes left of its {@code kit.http.maxResponseBytes}. The read timeout
 * bounds each read, so a bank sending one byte a second would hold the kit forever without a
 * deadline over the whole answer. One per exchange (per attempt), used by the one thread that sends
 * it.
 */
final class ExchangeBudget {
  private final Duration deadline;
  private final long maxBytes;
  private final LongSupplier nanoClock;
  private long endsAt;
  private boolean started;
  private long bytesRead;

  /**
   * @param deadline the whole exchange's time, from its first socket operation
   * @param maxBytes the most bytes of the answer (status line, headers, body) read
   * @param nanoClock {@link System#nanoTime} outside tests
   */
  ExchangeBudget(Duration deadline, long maxBytes, LongSupplier nanoClock) {
    this.deadline = deadline;
    this.maxBytes = maxBytes;
    this.nanoClock = nanoClock;
  }

  /**
   * The clock starts at the exchange's first socket operation (its connect), not when the request
   * is built: the kit's own work (a cold JVM's first REST Assured call takes seconds, signing) is
   * not the bank's time.
   */
  private long endsAt() {
    if (!started) {
      started = true;
      endsAt = nanoClock.getAsLong() + deadline.toNanos();
    }
    return endsAt;
  }

  /** A budget on the system clock. */
  static ExchangeBudget onSystemClock(Duration deadline, long maxBytes) {
    return new ExchangeBudget(deadline, maxBytes, System::nanoTime);
  }

  /**
   * The milliseconds left, rounded up (at least 1 while any time is left: a socket timeout of 0
   * would mean forever); 0 once the deadline has passed.
   */
  long remainingMillis() {
    long nanos = endsAt() - nanoClock.getAsLong();
    if (nanos <= 0) {
      return 0;
    }
    return (nanos + 999_999) / 1_000_000; // rounded up: never a timeout before the deadline
  }

  /** Whether the deadline has passed. */
  boolean expired() {
    return endsAt() - nanoClock.getAsLong() <= 0;
  }

  /**
   * The socket timeout for the next read: the smaller of {@code readTimeoutMillis} and the rest.
   */
  int nextTimeoutMillis(int readTimeoutMillis) throws DeadlineExceededException {
    long left = remainingMillis();
    if (left == 0) {
      throw deadlineExceeded(null);
    }
    long bound = readTimeoutMillis <= 0 ? left : Math.min(readTimeoutMillis, left);
    return (int) Math.min(Integer.MAX_VALUE, bound);
  }

  /** Counts {@code n} bytes read; fails once the answer is over the limit. */
  void count(int n) throws AnswerTooLargeException {
    bytesRead += n;
    if (bytesRead > maxBytes) {
      throw new AnswerTooLargeException(maxBytes);
    }
  }

  /** Whether the answer already went over the limit: every later read fails too. */
  boolean overLimit() {
    return bytesRead > maxBytes;
  }

  /** The bytes read so far. */
  long bytesRead() {
    return bytesRead;
  }

  DeadlineExceededException deadlineExceeded(SocketTimeoutException cause) {
    DeadlineExceededException e = new DeadlineExceededException(deadline);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
