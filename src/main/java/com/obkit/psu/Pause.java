package com.obkit.psu;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits a fixed time (the settle delay): a deliberate pause the contract asks for, not a wait for a
 * condition. Tests pass one that records what it was asked for instead.
 */
@FunctionalInterface
interface Pause {

  /** Pauses the current thread; nothing for zero. */
  void pause(Duration duration) throws InterruptedException;

  /** The real pause. */
  static Pause sleeping() {
    return d -> {
      if (!d.isZero()) {
        TimeUnit.NANOSECONDS.sleep(d.toNanos());
      }
    };
  }
}
