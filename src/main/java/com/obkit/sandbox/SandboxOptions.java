package com.obkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link ReferenceSandbox} runs.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1}
 * @param port TCP port, 0 for an ephemeral one
 * @param tls whether to serve HTTPS with a certificate generated at start
 * @param mode {@link Mode#SANDBOX} (test certificates, {@code SSL-Certificate} header, test
 *     accounts) or {@link Mode#PRODUCTION} (no {@code SSL-Certificate}, no test accounts, https
 *     redirect URIs only)
 * @param tokenLifetime lifetime of an initial access token (TOK-1 {@code expires_in}), at least one
 *     second
 * @param latency delay added before every answer, zero or more
 * @param clock the sandbox's notion of now: certificate validity, token, session and code expiry
 * @param deviations names of {@link Deviation}s: deliberate violations, each of exactly one
 *     contract rule (for the kit's self-tests); parsed by {@link Deviation#parse} (so a typo fails
 *     here) and kept as the constants' names
 * @param maxBodyBytes largest request body accepted; larger bodies get 413
 * @param registrationAccessToken whether the registration answer also carries an RFC 7592 {@code
 *     registration_access_token}: a secret under a name the kit's redaction does not list, for the
 *     kit's leak test (RFC 7591 allows extra fields, so this breaks no rule and is no deviation)
 * @param release the bank release the sandbox imitates ({@link Release}: {@code 2026.1}, {@code
 *     2026.2}): its version body and OpenAPI documents; its behaviour is the same in every release
 */
public record SandboxOptions(
    String host,
    int port,
    boolean tls,
    Mode mode,
    Duration tokenLifetime,
    Duration latency,
    Clock clock,
    Set<String> deviations,
    int maxBodyBytes,
    boolean registrationAccessToken,
    String release) {

  /** Which environment of the bank the sandbox imitates (contract section 1). */
  public enum Mode {
    SANDBOX,
    PRODUCTION
  }

  public SandboxOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(deviations, "deviations");
    release = Release.parse(Objects.requireNonNull(release, "release")).label();
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "tokenLifetime "
              + tokenLifetime
              + " must be at least one second (expires_in is in seconds)");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency " + latency + " must not be negative");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " must be positive");
    }
    Set<String> canonical = new TreeSet<>();
    for (String d : deviations) {
      if (d == null || d.isBlank()) {
        throw new IllegalArgumentException("deviation names must not be blank");
      }
      canonical.add(Deviation.parse(d).name());
    }
    deviations = Collections.unmodifiableSet(canonical);
  }

  /** As the canonical constructor, without a {@code registration_access_token}. */
  public SandboxOptions(
      String host,
      int port,
      boolean tls,
      Mode mode,
      Duration tokenLifetime,
      Duration latency,
      Clock clock,
      Set<String> deviations,
      int maxBodyBytes) {
    this(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        false,
        Release.DEFAULT.label());
  }

  /** As the canonical constructor, in the default release ({@link Release#DEFAULT}). */
  public SandboxOptions(
      String host,
      int port,
      boolean tls,
      Mode mode,
      Duration tokenLifetime,
      Duration latency,
      Clock clock,
      Set<String> deviations,
      int maxBodyBytes,
      boolean registrationAccessToken) {
    this(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        Release.DEFAULT.label());
  }

  /**
   * 127.0.0.1, ephemeral port, TLS, sandbox mode, 86400 s tokens, no latency, the system clock, no
   * deviations, 64 KiB bodies.
   */
  public static SandboxOptions defaults() {
    return new SandboxOptions(
        "127.0.0.1",
        0,
        true,
        Mode.SANDBOX,
        Duration.ofSeconds(86400),
        Duration.ZERO,
        Clock.systemUTC(),
        Set.of(),
        64 * 1024);
  }

  public SandboxOptions withHost(String value) {
    return new SandboxOptions(
        value,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withPort(int value) {
    return new SandboxOptions(
        host,
        value,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withTls(boolean value) {
    return new SandboxOptions(
        host,
        port,
        value,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withMode(Mode value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        value,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withTokenLifetime(Duration value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        value,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withLatency(Duration value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        value,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withClock(Clock value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        value,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withDeviations(Set<String> value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        value,
        maxBodyBytes,
        registrationAccessToken,
        release);
  }

  public SandboxOptions withMaxBodyBytes(int value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        value,
        registrationAccessToken,
        release);
  }

  /** These options with or without a {@code registration_access_token} in registration answers. */
  public SandboxOptions withRegistrationAccessToken(boolean value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        value,
        release);
  }

  /**
   * These options in release {@code value} ({@code 2026.1} or {@code 2026.2}).
   *
   * @throws IllegalArgumentException for an unknown release
   */
  public SandboxOptions withRelease(String value) {
    return new SandboxOptions(
        host,
        port,
        tls,
        mode,
        tokenLifetime,
        latency,
        clock,
        deviations,
        maxBodyBytes,
        registrationAccessToken,
        value);
  }

  /** Whether deviation {@code name} (as {@link Deviation#parse} reads it) is switched on. */
  public boolean deviates(String name) {
    return deviates(Deviation.parse(name));
  }

  /**
   * Whether {@code deviation} is switched on: the sandbox then breaks {@link Deviation#rule()} on
   * purpose.
   */
  public boolean deviates(Deviation deviation) {
    return deviations.contains(deviation.name());
  }
}
