package com.obkit.sandbox.port;

import com.obkit.sandbox.ReferenceSandbox;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one way the kit reaches the reference sandbox: start it embedded, know where it listens and
 * which TLS certificate to trust, stop it, and the self-test controls the kit's scenarios need to
 * move the sandbox's clock for one party (ageing initial access tokens, REG-3; access tokens,
 * AIS-3; consents, AIS-2), a wipe of its data, and the count of organizations registered.
 * Everything else of the sandbox is its own.
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
   * @param release the bank release imitated ({@code 2026.1}, {@code 2026.2}): its version body and
   *     OpenAPI documents
   */
  record Settings(
      boolean production,
      Duration tokenLifetime,
      Duration latency,
      Set<String> deviations,
      String release) {
    public Settings {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      Objects.requireNonNull(latency, "latency");
      Objects.requireNonNull(release, "release");
      deviations = Set.copyOf(deviations);
    }

    /** As the canonical constructor, in the sandbox's default release. */
    public Settings(
        boolean production, Duration tokenLifetime, Duration latency, Set<String> deviations) {
      this(production, tokenLifetime, latency, deviations, "2026.1");
    }
  }

  /**
   * The OpenAPI documents a sandbox of {@code release} serves ({@code /xs2a-bg/openapi.json}, then
   * {@code /auth/openapi.json}), without starting one: for comparing releases.
   *
   * @throws IllegalArgumentException for an unknown release
   */
  static List<String> openApiDocuments(String release) {
    return ReferenceSandbox.openApiDocuments(release);
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

  /**
   * Self-test control (AIS-3): every access token issued so far to {@code clientId} expires now.
   *
   * @return how many live access tokens expired (0 for a client_id the sandbox does not know)
   */
  int expireAccessTokens(String clientId);

  /**
   * Self-test control (AIS-2): every {@code received} or {@code valid} consent of {@code clientId}
   * becomes {@code expired} now.
   *
   * @return how many consents expired (0 for a client_id the sandbox does not know)
   */
  int expireConsents(String clientId);

  /**
   * Self-test measure: how many distinct organization ids have a registered client now (a run
   * registers {@code after - before} new organizations).
   */
  int registeredOrganizations();

  /**
   * Self-test control: the sandbox's data is wiped, as the bank's sandbox is a few times a year
   * (contract section 1): every registration, certificate, token, consent, payment and test account
   * is forgotten, the sandbox keeps its address.
   */
  void wipe();

  /** Stops it; idempotent. */
  @Override
  void close();
}
