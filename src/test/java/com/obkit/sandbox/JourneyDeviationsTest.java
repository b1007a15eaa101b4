package com.obkit.sandbox;

import java.util.Set;

/** The deviations of contract sections 10 to 15 (placeholder, filled in below). */
class JourneyDeviationsTest {

  private static final Set<String> JOURNEY_RULES =
      Set.of("CON", "SCA", "TKN", "CNF", "AIS", "PIS", "REV");

  /** Whether {@code d} breaks a rule of sections 10 to 15. */
  static boolean isJourney(Deviation d) {
    return JOURNEY_RULES.contains(d.rule().substring(0, d.rule().indexOf('-')))
        || d.rule().equals("ERR-2");
  }
}
