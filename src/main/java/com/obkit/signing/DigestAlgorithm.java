package com.obkit.signing;

import java.util.Arrays;
import java.util.Optional;

/** Digest algorithms a {@code Digest} header may use (contract section 2, SIG-5). */
public enum DigestAlgorithm {
  SHA_256("SHA-256"),
  SHA_512("SHA-512");

  private final String label;

  DigestAlgorithm(String label) {
    this.label = label;
  }

  /** The label as it appears in the header ({@code SHA-256}) and as the JDK names the algorithm. */
  public String label() {
    return label;
  }

  /** The algorithm of a header label, case-insensitive. */
  public static Optional<DigestAlgorithm> byLabel(String label) {
    return Arrays.stream(values()).filter(a -> a.label.equalsIgnoreCase(label)).findFirst();
  }
}
