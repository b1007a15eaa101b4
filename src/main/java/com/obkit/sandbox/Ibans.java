package com.obkit.sandbox;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ISO 13616 IBAN arithmetic and this bank's account formats (ACC-1), computed here rather than
 * taken from a library so that tests can cross-check against one.
 */
final class Ibans {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** ISO 13616 electronic format: country, check digits, up to 30 capitals or digits. */
  private static final Pattern ELECTRONIC = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

  /**
   * IBAN lengths of the SEPA countries (ISO 13616 registry); a country not listed only needs the
   * general 15 to 34 characters.
   */
  private static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("CH", 21),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("EE", 20),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MT", 31),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RO", 24),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27));

  private Ibans() {}

  /**
   * Whether {@code value} is an IBAN in electronic format (capitals and digits, no spaces), of its
   * country's length where known, with correct check digits (CON-2, PIS-3).
   */
  static boolean isValid(String value) {
    if (value == null || !ELECTRONIC.matcher(value).matches()) {
      return false;
    }
    Integer length = LENGTHS.get(value.substring(0, 2));
    return (length == null || value.length() == length) && hasValidCheckDigits(value);
  }

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
