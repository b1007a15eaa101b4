package com.obkit.sandbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The sandbox's own reading of an eIDAS organization identifier, written from the contract (section
 * 3, ETSI TS 119 495 5.2.1): {@code PSD}, the 2-letter country of the competent authority, {@code
 * -}, 2 to 8 capitals for the authority, {@code -}, a non-empty authorisation number. Independent
 * of the kit's {@code pki} package, so CERT-1 is not judged by the code under test.
 *
 * @param value the identifier as the certificate carries it
 */
record OrganizationId(String value) {
  private static final Pattern ETSI_5_2_1 = Pattern.compile("PSD[A-Z]{2}-[A-Z]{2,8}-.+");

  OrganizationId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "organization identifier '" + value + "' does not follow ETSI TS 119 495 5.2.1");
    }
  }

  /** Whether {@code value} follows ETSI TS 119 495 5.2.1. */
  static boolean isValid(String value) {
    return value != null && ETSI_5_2_1.matcher(value).matches();
  }

  static OrganizationId of(String value) {
    return new OrganizationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
