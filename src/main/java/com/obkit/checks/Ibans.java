package com.obkit.checks;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The IBAN rules of ACC-1: ISO 13616 structure and mod-97 check digits, the tenant's country, the
 * bank's codes ({@code NLkk TRIO 0…}, {@code BEkk 523…}, {@code GBkk TRIO 165810…}) and the Belgian
 * national check. Independent of iban4j, which the checks use as a second opinion.
 */
public final class Ibans {

  private static final Map<String, String> COUNTRY_BY_TENANT =
      Map.of("nl", "NL", "be_fr", "BE", "be_nl", "BE", "uk", "GB");
  private static final Map<String, Integer> LENGTH = Map.of("NL", 18, "BE", 16, "GB", 22);
  private static final Map<String, Pattern> BANK_FORMAT =
      Map.of(
          "NL", Pattern.compile("^NL\\d{2}TRIO0\\d{9}$"),
          "BE", Pattern.compile("^BE\\d{2}523\\d{9}$"),
          "GB", Pattern.compile("^GB\\d{2}TRIO165810\\d{8}$"));

  private Ibans() {}

  /** The country of a tenant's accounts (contract section 1). */
  public static String countryOf(String tenant) {
    String c = COUNTRY_BY_TENANT.get(tenant);
    if (c == null) {
      throw new IllegalArgumentException("unknown tenant '" + tenant + "'");
    }
    return c;
  }

  /** Electronic form: no spaces, upper case. */
  public static String normalise(String iban) {
    return iban.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** ISO 7064 mod 97-10 over the rearranged IBAN equals 1. */
  public static boolean checkDigitsValid(String iban) {
    String s = normalise(iban);
    if (!s.matches("^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$")) {
      return false;
    }
    String rearranged = s.substring(4) + s.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** What is wrong with {@code iban} as an account of this bank for {@code tenant}, or empty. */
  public static Optional<String> problem(String iban, String tenant) {
    String s = normalise(iban);
    String country = countryOf(tenant);
    if (!s.startsWith(country)) {
      return Optional.of("IBAN " + s + " is not of the tenant's country " + country);
    }
    if (s.length() != LENGTH.get(country)) {
      return Optional.of(
          "IBAN "
              + s
              + " has length "
              + s.length()
              + ", "
              + country
              + " IBANs have "
              + LENGTH.get(country));
    }
    if (!checkDigitsValid(s)) {
      return Optional.of("IBAN " + s + " fails the ISO 13616 mod-97 check");
    }
    if (!BANK_FORMAT.get(country).matcher(s).matches()) {
      return Optional.of(
          "IBAN "
              + s
              + " does not carry the bank's code for "
              + country
              + " ("
              + BANK_FORMAT.get(country).pattern()
              + ")");
    }
    if (country.equals("BE") && !belgianNationalCheckValid(s)) {
      return Optional.of(
          "IBAN " + s + " fails the Belgian national check (last two digits = first ten mod 97)");
    }
    return Optional.empty();
  }

  /** Belgian account number: its last two digits are the first ten mod 97 (97 when that is 0). */
  public static boolean belgianNationalCheckValid(String iban) {
    String account = normalise(iban).substring(4);
    long first10 = Long.parseLong(account.substring(0, 10));
    long expected = first10 % 97 == 0 ? 97 : first10 % 97;
    return Long.parseLong(account.substring(10)) == expected;
  }
}
