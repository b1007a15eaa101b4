package com.obkit.pki;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An eIDAS organization identifier for a PSP, as ETSI TS 119 495 section 5.2.1 defines it: {@code
 * PSD} + ISO 3166-1 country of the competent authority + {@code -} + 2 to 8 uppercase letters
 * naming the authority + {@code -} + the authorisation number. Contract section 3, rule CERT-1.
 *
 * @param value the identifier, for example {@code PSDNL-DNB-R000000}
 */
public record OrganizationId(String value) {

  private static final Pattern FORMAT = Pattern.compile("^PSD([A-Z]{2})-([A-Z]{2,8})-(.+)$");

  public OrganizationId {
    Objects.requireNonNull(value, "organization identifier");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "organization identifier '"
              + value
              + "' does not follow ETSI TS 119 495 section 5.2.1 (PSD<CC>-<AUTHORITY>-<number>,"
              + " e.g. PSDNL-DNB-R000000)");
    }
  }

  /** Parses {@code value}; throws {@link IllegalArgumentException} naming the defect. */
  public static OrganizationId of(String value) {
    return new OrganizationId(value);
  }

  /** Whether {@code value} is a valid identifier, without throwing. */
  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  /** ISO 3166-1 alpha-2 country of the competent authority, e.g. {@code NL}. */
  public String country() {
    return part(1);
  }

  /** The competent authority's identifier, e.g. {@code DNB}. */
  public String authority() {
    return part(2);
  }

  /** The authorisation number given by the authority. */
  public String authorisationNumber() {
    return part(3);
  }

  /** The NCA id as the PSD2 QC statement writes it: {@code NL-DNB}. */
  public String ncaId() {
    return country() + "-" + authority();
  }

  private String part(int group) {
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      throw new IllegalStateException("unreachable: validated in constructor");
    }
    return m.group(group);
  }

  @Override
  public String toString() {
    return value;
  }
}
