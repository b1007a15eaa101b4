package com.obkit.sandbox;

import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * AIS-5: unattended reads (no {@code PSU-IP-Address}) of balances and transactions, counted per
 * consent, account and day of the sandbox clock. Balances and transactions of one account share the
 * count: the contract counts "the fifth unattended balances or transactions read of one account on
 * one day".
 */
final class UnattendedReads {

  private record Key(String consentId, String resourceId, LocalDate day) {
    Key {
      Objects.requireNonNull(consentId, "consentId");
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(day, "day");
    }
  }

  private final ConcurrentMap<Key, Integer> counts = new ConcurrentHashMap<>();

  /**
   * Counts one read unless {@code limit} reads were counted already that day; returns whether this
   * one is within the limit. Atomic per key, so parallel reads cannot overspend.
   */
  boolean tryRead(String consentId, String resourceId, LocalDate day, int limit) {
    counts.keySet().removeIf(k -> k.day().isBefore(day.minusDays(1)));
    AtomicBoolean allowed = new AtomicBoolean();
    counts.compute(
        new Key(consentId, resourceId, day),
        (key, count) -> {
          int current = count == null ? 0 : count;
          if (current >= limit) {
            return current;
          }
          allowed.set(true);
          return current + 1;
        });
    return allowed.get();
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    counts.clear();
  }
}
