package com.obkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random values (tokens, secrets, codes, session ids) and their constant-time comparison. */
final class Secrets {

  private final SecureRandom random = new SecureRandom();

  /** {@code bytes} random bytes, base64url without padding; 32 bytes = 256 bits. */
  String opaque(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** {@code count} random decimal digits. */
  String digits(int count) {
    StringBuilder sb = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  /** Constant-time equality, so a wrong secret's prefix length does not leak through timing. */
  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
