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
 */
public record SandboxSettings(Duration tokenLifetime, Duration latency, Set<String> deviations) {
  public SandboxSettings {
    deviations = Set.copyOf(deviations);
  }
}
