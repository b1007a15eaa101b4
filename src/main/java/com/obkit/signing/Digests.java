package com.obkit.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Digest} header (contract section 2; BG section 12; RFC 3230): {@code
 * <label>=base64(hash of the exact body bytes)}.
 */
public final class Digests {

  private Digests() {}

  /**
   * The {@code Digest} header value for {@code body}, e.g. {@code SHA-256=47DEQpj8...=} for an
   * empty body. An empty (or {@code null}) body hashes the empty string: BG requires a Digest on
   * every request, GETs included.
   */
  public static String header(DigestAlgorithm algorithm, byte[] body) {
    Objects.requireNonNull(algorithm, "algorithm");
    return algorithm.label() + "=" + Base64.getEncoder().encodeToString(hash(algorithm, body));
  }

  /**
   * Whether {@code digestHeader} is a well-formed {@code SHA-256=} or {@code SHA-512=} value (label
   * case-insensitive, SIG-5) whose hash equals that of {@code body} (SIG-3). Anything malformed (no
   * {@code =}, unknown label, bad base64, several comma-separated digests) is {@code false}, never
   * an exception: the caller is a verifier answering 401, not a parser.
   */
  public static boolean matches(String digestHeader, byte[] body) {
    if (digestHeader == null) {
      return false;
    }
    String value = digestHeader.strip();
    int eq = value.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.byLabel(value.substring(0, eq));
    if (algorithm.isEmpty()) {
      return false;
    }
    String encoded = value.substring(eq + 1);
    if (encoded.isEmpty()) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return false;
    }
    // Constant-time comparison; also false on a length mismatch.
    return MessageDigest.isEqual(claimed, hash(algorithm.get(), body));
  }

  private static byte[] hash(DigestAlgorithm algorithm, byte[] body) {
    try {
      // The enum's labels are the JDK's standard MessageDigest names.
      return MessageDigest.getInstance(algorithm.label()).digest(body == null ? new byte[0] : body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + algorithm.label(), e);
    }
  }
}
