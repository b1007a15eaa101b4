package com.obkit.signing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a bank wants requests signed (contract sections 2 and 9): the {@code algorithm} label, the
 * list of signed headers and the digest algorithm.
 *
 * @param algorithmLabel {@code SHA256withRSA} (the kit's default) or {@code rsa-sha256}
 * @param signedHeaders header names, lowercase, in signing order; must contain {@code digest}
 * @param digestAlgorithm the {@code Digest} header's algorithm
 */
public record SigningProfile(
    String algorithmLabel, List<String> signedHeaders, DigestAlgorithm digestAlgorithm) {

  /** The kit's default: {@code SHA256withRSA}, {@code digest x-request-id}, SHA-256. */
  public static final SigningProfile DEFAULT =
      new SigningProfile(
          "SHA256withRSA", List.of("digest", "x-request-id"), DigestAlgorithm.SHA_256);

  public SigningProfile {
    Objects.requireNonNull(algorithmLabel, "algorithmLabel");
    Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
    if (algorithmLabel.isBlank()) {
      throw new IllegalArgumentException("signature algorithm label must not be blank");
    }
    signedHeaders = signedHeaders.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    if (signedHeaders.isEmpty()) {
      throw new IllegalArgumentException("signed header list must not be empty");
    }
  }

  public SigningProfile withAlgorithmLabel(String label) {
    return new SigningProfile(label, signedHeaders, digestAlgorithm);
  }

  public SigningProfile withSignedHeaders(List<String> headers) {
    return new SigningProfile(algorithmLabel, headers, digestAlgorithm);
  }

  public SigningProfile withDigestAlgorithm(DigestAlgorithm algorithm) {
    return new SigningProfile(algorithmLabel, signedHeaders, algorithm);
  }
}
