package com.obkit.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run keeps and compares across runs (nightly runs, bank releases).
 *
 * @param history {@code kit.history}: the folder of this environment's and tenant's past runs
 *     (default {@code .obkit/history/<env>-<tenant>/}); empty when {@code none}
 * @param historyLimit {@code kit.history.limit}: how many runs it keeps, the oldest dropped
 * @param waivers {@code kit.waivers}: the YAML file of known, ticketed, expiring failures
 * @param failOn {@code kit.failOn}: what makes the exit code 1
 * @param identities {@code kit.identities}: fresh generated identities each run, or a pool kept in
 *     the history store
 * @param openApiXs2a {@code kit.openapi.xs2a}: where the bank's XS2A OpenAPI document is read (a
 *     URL or a file); empty: {@code /xs2a-bg/openapi.json} of the bank
 * @param openApiAuth {@code kit.openapi.auth}: the same for the authorisation server's document
 * @param tenants {@code kit.tenants}: every tenant the TPP declares, which a self-certification
 *     must cover (default: the run's own {@code kit.tenant}); always holds the run's tenant
 */
public record NightlySettings(
    Optional<Path> history,
    int historyLimit,
    Optional<Path> waivers,
    FailOn failOn,
    Identities identities,
    Optional<String> openApiXs2a,
    Optional<String> openApiAuth,
    List<String> tenants) {

  public NightlySettings {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(waivers, "waivers");
    Objects.requireNonNull(failOn, "failOn");
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(openApiXs2a, "openApiXs2a");
    Objects.requireNonNull(openApiAuth, "openApiAuth");
    tenants = List.copyOf(tenants);
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("tenants: at least the run's own tenant");
    }
  }

  /** What makes a run's exit code 1. */
  public enum FailOn {
    /** Any broken MUST rule (not waived). */
    MUST,
    /** Only a MUST rule that passed in the previous run and fails now (or a new failing rule). */
    REGRESSION
  }

  /** Where the generated identities (organization ids, keys, certificates) come from. */
  public enum Identities {
    /** New ones every run. */
    FRESH,
    /** Kept between runs in the history store, one per scenario (owner-only files). */
    POOL
  }
}
