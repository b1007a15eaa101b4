package com.obkit.config;

import java.time.Duration;
import java.util.Set;

/**
 * Settings of the embedded reference sandbox (used only when {@code kit.baseUrl} is not set).
 *
 * @param tokenLifetime initial access token lifetime
 * @param latency delay added to every answer
 * @param deviations named ways in which the sandbox breaks one contract rule (for the kit's
 *     self-tests)
 * @param release the bank release the sandbox imitates ({@code kit.sandbox.release}: {@code 2026.1}
 *     or {@code 2026.2}, which serves another version body and changed OpenAPI documents)
 */
public record SandboxSettings(
    Duration tokenLifetime, Duration latency, Set<String> deviations, String release) {
  public SandboxSettings {
    deviations = Set.copyOf(deviations);
    java.util.Objects.requireNonNull(release, "release");
  }

  /** As the canonical constructor, in release 2026.1. */
  public SandboxSettings(Duration tokenLifetime, Duration latency, Set<String> deviations) {
    this(tokenLifetime, latency, deviations, "2026.1");
  }
}
