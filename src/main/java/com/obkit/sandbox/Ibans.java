package com.obkit.sandbox;

import java.math.BigInteger;

/**
 * ISO 13616 IBAN arithmetic and this bank's account formats (ACC-1), computed here rather than
 * taken from a library so that tests can cross-check against one.
 */
final class Ibans {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Ibans() {}

  /** The two ISO 7064 MOD 97-10 check digits for {@code country} + {@code bban}. */
  static String checkDigits(String country, String bban) {
    int remainder = mod97(numeric(bban + country + "00"));
    return String.format("%02d", 98 - remainder);
  }

  /** {@code country} + check digits + {@code bban}. */
  static String iban(String country, String bban) {
    return country + checkDigits(country, bban) + bban;
  }

  /** Whether {@code iban} (no spaces) has correct check digits. */
  static boolean hasValidCheckDigits(String iban) {
    if (iban.length() < 5) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    String numeric = numeric(rearranged);
    return !numeric.isEmpty() && mod97(numeric) == 1;
  }

  /** Belgian national check: the first ten digits mod 97, 97 when that is 0. */
  static int belgianNationalCheck(String firstTenDigits) {
    if (!firstTenDigits.matches("\\d{10}")) {
      throw new IllegalArgumentException(
          "Belgian account number needs ten digits before its check");
    }
    int mod = new BigInteger(firstTenDigits).mod(NINETY_SEVEN).intValue();
    return mod == 0 ? 97 : mod;
  }

  /** Letters to 10..35, digits kept; anything else yields an empty string (invalid). */
  private static String numeric(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 2);
    for (char c : s.toCharArray()) {
      if (c >= '0' && c <= '9') {
        sb.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        sb.append(c - 'A' + 10);
      } else {
        return "";
      }
    }
    return sb.toString();
  }

  private static int mod97(String digits) {
    int remainder = 0;
    for (char c : digits.toCharArray()) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    }
    return remainder;
  }
}
