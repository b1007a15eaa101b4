package com.obkit.sandbox;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's own reading of the {@code keyId} of a {@code Signature} header, written from the
 * contract (section 2): {@code SN=<serial number, lowercase hex, no leading zeros>,CA=<issuer DN as
 * RFC 1779>}. Strict: upper-case hex or leading zeros are not the contract's form and do not parse.
 * Independent of the kit's {@code pki.KeyId}, so SIG-4 is not judged by the code under test.
 *
 * @param serialNumber the serial number
 * @param issuer the issuer DN as written
 */
record KeyIdentifier(BigInteger serialNumber, String issuer) {
  private static final Pattern FORM =
      Pattern.compile("SN=(0|[1-9a-f][0-9a-f]*),CA=(.+)", Pattern.DOTALL);

  /** The key id, or empty when it is not of the contract's form. */
  static Optional<KeyIdentifier> parse(String keyId) {
    Matcher m = FORM.matcher(keyId == null ? "" : keyId);
    if (!m.matches() || m.group(2).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new KeyIdentifier(new BigInteger(m.group(1), 16), m.group(2)));
  }
}
