package com.obkit.runtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What identifies the bank's release at the start of a run (contract section 1: "a changed version
 * string or OpenAPI document is a new release"): the body of {@code GET /xs2a-bg/version}, and the
 * SHA-256 of the bytes of {@code /xs2a-bg/openapi.json}, {@code /auth/openapi.json} (from the
 * browser host, {@code kit.authBaseUrl}) and the discovery document of the run's tenant. Fetched
 * once, before any scenario, by {@link KitRuntime#start}; immutable.
 *
 * @param version the version body, trimmed
 * @param xs2aOpenApi the SHA-256 of {@code /xs2a-bg/openapi.json}
 * @param authOpenApi the SHA-256 of {@code /auth/openapi.json}
 * @param discovery the SHA-256 of {@code /auth/{tenant}/.well-known/openid-configuration}
 */
public record BankFingerprint(Part version, Part xs2aOpenApi, Part authOpenApi, Part discovery) {

  public BankFingerprint {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(xs2aOpenApi, "xs2aOpenApi");
    Objects.requireNonNull(authOpenApi, "authOpenApi");
    Objects.requireNonNull(discovery, "discovery");
  }

  /**
   * One part of the fingerprint: its value, or empty with the reason.
   *
   * @param uri what was fetched
   * @param value the version text, or a SHA-256 in lowercase hex; empty when the bank did not
   *     answer {@code 200}
   * @param reason why there is no value ({@code HTTP 404}, an environment fault's message); empty
   *     with a value
   */
  public record Part(URI uri, Optional<String> value, String reason) {
    public Part {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(reason, "reason");
      if (value.isPresent() != reason.isEmpty()) {
        throw new IllegalArgumentException("a part has a value or a reason, not both: " + uri);
      }
    }

    /** A part with its value. */
    public static Part of(URI uri, String value) {
      return new Part(uri, Optional.of(value), "");
    }

    /** A part without a value, and why. */
    public static Part missing(URI uri, String reason) {
      if (reason.isEmpty()) {
        throw new IllegalArgumentException("a missing part needs a reason: " + uri);
      }
      return new Part(uri, Optional.empty(), reason);
    }

    /** {@code 2026.1} or {@code (none: HTTP 404)}. */
    @Override
    public String toString() {
      return value.orElse("(none: " + reason + ")");
    }
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, lowercase hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** {@code version=…, xs2a-openapi=…, auth-openapi=…, discovery=…}. */
  @Override
  public String toString() {
    return "version="
        + version
        + ", xs2a-openapi="
        + xs2aOpenApi
        + ", auth-openapi="
        + authOpenApi
        + ", discovery="
        + discovery;
  }
}
