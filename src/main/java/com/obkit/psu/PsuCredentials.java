package com.obkit.psu;

import java.util.Objects;

/**
 * The test account the PSU authenticates as (contract section 7): its IBAN and the digipass number
 * that authorises the request. {@link #toString()} never shows the digipass.
 *
 * @param iban the account's IBAN, as the bank gave it
 * @param digipass the account's digipass number (a secret)
 */
public record PsuCredentials(String iban, String digipass) {

  public PsuCredentials {
    Objects.requireNonNull(iban, "iban");
    Objects.requireNonNull(digipass, "digipass");
    if (iban.isBlank()) {
      throw new IllegalArgumentException("the IBAN must not be blank");
    }
    if (digipass.isBlank()) {
      throw new IllegalArgumentException("the digipass must not be blank");
    }
  }

  /**
   * A digipass that surely differs from the real one and has its shape: every digit plus one
   * (modulo 10), every ASCII letter the next one (z to a); other characters stay. Derived from the
   * real one, so it is as secret as the real one (it gives the real one away).
   */
  public String wrongDigipass() {
    StringBuilder sb = new StringBuilder(digipass.length());
    boolean changed = false;
    for (char c : digipass.toCharArray()) {
      char w = c;
      if (c >= '0' && c <= '9') {
        w = (char) ('0' + (c - '0' + 1) % 10);
      } else if (c >= 'a' && c <= 'z') {
        w = (char) ('a' + (c - 'a' + 1) % 26);
      } else if (c >= 'A' && c <= 'Z') {
        w = (char) ('A' + (c - 'A' + 1) % 26);
      }
      changed |= w != c;
      sb.append(w);
    }
    // Nothing to change (no digit, no letter): one more character makes it differ all the same.
    return changed ? sb.toString() : sb.append('0').toString();
  }

  /**
   * The last two characters of the digipass, enough for a person to tell which of their test
   * accounts' digipass numbers to use, far too little to log in with.
   */
  public String digipassHint() {
    return digipass.length() <= 2 ? "" : digipass.substring(digipass.length() - 2);
  }

  @Override
  public String toString() {
    return "PsuCredentials[iban=" + iban + ", digipass=****]";
  }
}
