package com.obkit.client;

import com.obkit.outcomes.EnvironmentFault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The run's circuit breaker ({@code kit.circuitBreaker}): counts consecutive environment faults
 * (after retries), and any answer that is not one resets the count. At the threshold it opens for
 * the rest of the run: a bank that is down makes every later exchange and every scenario not yet
 * started fail at once, so a nightly run ends in seconds, INCONCLUSIVE, instead of waiting out each
 * scenario's timeouts. One per run, shared by parallel scenarios: thread-safe.
 */
public final class CircuitBreaker {
  /** How many of the last faults the message names. */
  static final int NAMED_FAULTS = 3;

  private final int threshold;
  private final Deque<String> lastFaults = new ArrayDeque<>();
  private int consecutive;
  private String openReason;

  /**
   * @param threshold consecutive environment faults that open it (at least 1)
   */
  public CircuitBreaker(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("kit.circuitBreaker must be at least 1: " + threshold);
    }
    this.threshold = threshold;
  }

  /** An exchange got an answer that is not an environment fault. */
  public synchronized void answered() {
    if (openReason == null) {
      consecutive = 0;
      lastFaults.clear();
    }
  }

  /** An exchange ended in an environment fault, after its retries. */
  public synchronized void faulted(EnvironmentFault fault) {
    if (openReason != null) {
      return;
    }
    consecutive++;
    lastFaults.addFirst(fault.detail().lines().findFirst().orElse(""));
    while (lastFaults.size() > NAMED_FAULTS) {
      lastFaults.removeLast();
    }
    if (consecutive >= threshold) {
      List<String> last = new ArrayList<>(lastFaults);
      // The newest on the first line, which is what a scenario's one-line message shows.
      openReason =
          "circuit breaker open after "
              + consecutive
              + " consecutive environment faults (kit.circuitBreaker); last: "
              + String.join("\n  ", last);
    }
  }

  /** Why it is open, once it is: the count and the last faults, the newest first, one a line. */
  public synchronized Optional<String> openReason() {
    return Optional.ofNullable(openReason);
  }

  /**
   * Fails at once when open.
   *
   * @throws EnvironmentFault naming the count, {@code kit.circuitBreaker} and the last faults
   */
  public void check() {
    Optional<String> reason = openReason();
    if (reason.isPresent()) {
      throw new EnvironmentFault(reason.get());
    }
  }
}
