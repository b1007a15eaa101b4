package com.obkit.steps;

import java.util.Arrays;

/**
 * One thing broken in an account read or a confirmation (contract section 13), by the feature
 * files' words.
 */
public enum ReadDefect {
  NO_ACCESS_TOKEN("without an access token"),
  UNKNOWN_ACCESS_TOKEN("with an access token the bank never issued"),
  EXPIRED_ACCESS_TOKEN("with an expired access token"),
  ANOTHER_CONSENTS_TOKEN("with the access token of another consent"),
  UNKNOWN_CONSENT_ID("with a consent id the bank never issued"),
  OTHER_TPPS_CONSENT("with the other TPP's consent");

  private final String phrase;

  ReadDefect(String phrase) {
    this.phrase = phrase;
  }

  static ReadDefect byPhrase(String phrase) {
    return Arrays.stream(values())
        .filter(d -> d.phrase.equals(phrase))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown read defect: " + phrase));
  }
}
