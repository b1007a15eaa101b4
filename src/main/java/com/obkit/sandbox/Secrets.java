package com.obkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Opaque random values and their constant-time comparison. Values a party must keep secret (tokens,
 * client secrets, codes, login session ids, digipass numbers) come from {@link #secret} and {@link
 * #digipass}, and composed ones ({@code id_token}s) go through {@link #composed}, which hand each
 * value to the listener given at construction (a leak test's way of knowing the secrets of a run,
 * see {@link ReferenceSandbox#start(SandboxOptions, SectorIdentifierFetcher, Consumer)});
 * identifiers that are not secret ({@code client_id}, IBAN digits, consent, payment, authorisation
 * and resource ids) come from {@link #identifier} and {@link #digits}, which do not. Nothing here
 * remembers a value.
 */
final class Secrets {

  private final SecureRandom random = new SecureRandom();
  private final Consumer<String> issued;

  /**
   * Secrets reported to no one (a value that never leaves the sandbox, such as a keystore
   * password).
   */
  Secrets() {
    this(value -> {});
  }

  /**
   * @param issued told every value of {@link #secret} and {@link #digipass} before it is returned;
   *     called from request threads concurrently
   */
  Secrets(Consumer<String> issued) {
    this.issued = Objects.requireNonNull(issued, "issued");
  }

  /**
   * A secret of {@code bytes} random bytes, base64url without padding (32 bytes = 256 bits);
   * reported.
   */
  String secret(int bytes) {
    return report(opaque(bytes));
  }

  /**
   * A secret put together from other parts (an {@code id_token}: header, claims and signature),
   * reported as a whole before it is returned.
   */
  String composed(String value) {
    return report(Objects.requireNonNull(value, "value"));
  }

  /** A secret the sandbox was given rather than made (a client's PKCE verifier); reported. */
  void received(String value) {
    report(Objects.requireNonNull(value, "value"));
  }

  /**
   * An identifier that is not secret (e.g. a {@code client_id}), as {@link #secret}; not reported.
   */
  String identifier(int bytes) {
    return opaque(bytes);
  }

  /** A digipass of {@code count} random decimal digits (ACC-2); reported. */
  String digipass(int count) {
    return report(digits(count));
  }

  /**
   * {@code count} random decimal digits that are not secret (IBAN account digits); not reported.
   */
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
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private String opaque(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private String report(String value) {
    issued.accept(value);
    return value;
  }
}
