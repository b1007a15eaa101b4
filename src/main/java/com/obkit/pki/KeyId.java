package com.obkit.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code keyId} of the Signature header (contract section 2): {@code SN=<serial, lowercase hex,
 * no leading zeros>,CA=<issuer DN as X500Principal.getName("RFC1779")>}.
 *
 * @param serialNumber the certificate's serial number
 * @param issuer the issuer DN in RFC 1779 form
 */
public record KeyId(BigInteger serialNumber, String issuer) {

  private static final Pattern FORMAT =
      Pattern.compile("^SN=([0-9a-fA-F]+),CA=(.+)$", Pattern.DOTALL);

  public KeyId {
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(issuer, "issuer");
    if (serialNumber.signum() < 0) {
      throw new IllegalArgumentException("serial number must not be negative");
    }
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("issuer must not be blank");
    }
  }

  /** The Key Id of {@code certificate}, as the bank's test client hands it out. */
  public static KeyId of(X509Certificate certificate) {
    return new KeyId(
        certificate.getSerialNumber(), certificate.getIssuerX500Principal().getName("RFC1779"));
  }

  /**
   * Parses {@code SN=…,CA=…}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static KeyId parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("keyId is missing");
    }
    Matcher m = FORMAT.matcher(value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "keyId '" + value + "' is not of the form SN=<hex>,CA=<issuer DN>");
    }
    return new KeyId(new BigInteger(m.group(1), 16), m.group(2));
  }

  @Override
  public String toString() {
    return "SN=" + serialNumber.toString(16).toLowerCase(Locale.ROOT) + ",CA=" + issuer;
  }
}
