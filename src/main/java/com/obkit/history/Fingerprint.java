package com.obkit.history;

import java.util.Objects;

/**
 * Which release of the bank a run was judged against: its version endpoint, and the SHA-256 of its
 * XS2A and authorisation-server OpenAPI documents and of its discovery document.
 *
 * @param version the body of the bank's version endpoint
 * @param xs2aOpenApi the SHA-256 hex of the XS2A OpenAPI document
 * @param authOpenApi the SHA-256 hex of the authorisation server's OpenAPI document
 * @param discovery the SHA-256 hex of the authorisation server's discovery document
 */
public record Fingerprint(Part version, Part xs2aOpenApi, Part authOpenApi, Part discovery) {

  /** How many characters of a document's hash {@link #describe()} shows. */
  static final int HASH_SHOWN = 8;

  public Fingerprint {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(xs2aOpenApi, "xs2aOpenApi");
    Objects.requireNonNull(authOpenApi, "authOpenApi");
    Objects.requireNonNull(discovery, "discovery");
  }

  /**
   * Whether both fingerprints name the same release: all four values equal. An unavailable part
   * equals only an unavailable part, whatever the reasons.
   */
  public boolean sameRelease(Fingerprint other) {
    return version.value().equals(other.version.value())
        && xs2aOpenApi.value().equals(other.xs2aOpenApi.value())
        && authOpenApi.value().equals(other.authOpenApi.value())
        && discovery.value().equals(other.discovery.value());
  }

  /**
   * One line: {@code version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi 77b1d0aa, discovery
   * 0c9d4e5f)}, hashes cut to their first 8 characters, an unavailable part as {@code unavailable
   * (reason)}.
   */
  public String describe() {
    return "version "
        + version.describe(0)
        + " (xs2a openapi "
        + xs2aOpenApi.describe(HASH_SHOWN)
        + ", auth openapi "
        + authOpenApi.describe(HASH_SHOWN)
        + ", discovery "
        + discovery.describe(HASH_SHOWN)
        + ")";
  }
}
