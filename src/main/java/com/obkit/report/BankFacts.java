package com.obkit.report;

import com.obkit.runtime.KitRuntime;

/** The bank's fingerprint and published documents as the run's runtime fetched them. */
final class BankFacts {
  private BankFacts() {}

  static RunHistory.Bank of(KitRuntime runtime) {
    return RunHistory.Bank.unknown("not fetched");
  }
}
