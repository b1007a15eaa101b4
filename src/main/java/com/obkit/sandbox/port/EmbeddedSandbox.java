package com.obkit.sandbox.port;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one way the kit reaches the reference sandbox: start it embedded, know where it listens and
 * which TLS certificate to trust, stop it, and the one self-test control the kit's scenarios need
 * (ageing initial access tokens, REG-3). Everything else of the sandbox is its own.
 */
public interface EmbeddedSandbox extends AutoCloseable {

  /**
   * How the kit wants it started.
   *
   * @param production production mode (no test accounts, http redirect URIs refused) instead of
   *     sandbox mode
   * @param tokenLifetime lifetime of initial access tokens
   * @param latency added to every answer (a slow bank)
   * @param deviations names of the deviations to switch on (the kit's self-tests)
   */
  record Settings(
      boolean production, Duration tokenLifetime, Duration latency, Set<String> deviations) {
    public Settings {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      Objects.requireNonNull(latency, "latency");
      deviations = Set.copyOf(deviations);
    }
  }

  /** Starts the reference sandbox over HTTPS on an ephemeral loopback port. */
  static EmbeddedSandbox start(Settings settings) {
    return ReferenceSandboxAdapter.start(settings);
  }

  /** Where it listens ({@code https://127.0.0.1:<port>}). */
  URI baseUrl();

  /** The server certificate to trust, when it speaks TLS. */
  Optional<X509Certificate> serverCertificate();

  /**
   * Self-test control (REG-3): every initial access token of {@code organizationId} expires now.
   *
   * @return how many live tokens expired
   */
  int expireInitialAccessTokens(String organizationId);

  /** Stops it; idempotent. */
  @Override
  void close();
}
