package com.obkit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Transport settings.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout socket read timeout: bounds each read (a bank that never answers fails the
 *     scenario after this)
 * @param trustCertificate an extra PEM certificate to trust (for a reference sandbox started on its
 *     own with TLS)
 * @param mutualTls the QWAC to present in the TLS handshake (production), if any
 * @param deadline {@code kit.http.deadline}: bounds one whole exchange, however slowly the bank
 *     sends its answer
 * @param maxResponseBytes {@code kit.http.maxResponseBytes}: the most bytes of one answer the kit
 *     reads
 * @param environmentRetries {@code kit.retry.environment}: how often an exchange that met an
 *     environment fault is tried again
 * @param circuitBreaker {@code kit.circuitBreaker}: after this many consecutive environment faults
 *     the run stops, INCONCLUSIVE
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Optional<Path> trustCertificate,
    Optional<MutualTls> mutualTls,
    Duration deadline,
    long maxResponseBytes,
    int environmentRetries,
    int circuitBreaker) {

  /** The defaults of the last four settings, with the given timeouts, trust and mutual TLS. */
  public HttpSettings(
      Duration connectTimeout,
      Duration readTimeout,
      Optional<Path> trustCertificate,
      Optional<MutualTls> mutualTls) {
    this(
        connectTimeout,
        readTimeout,
        trustCertificate,
        mutualTls,
        Duration.ofSeconds(30),
        8L << 20,
        1,
        5);
  }

  /**
   * The client certificate for mutual TLS, as PEM files.
   *
   * @param certificate the QWAC (with its chain)
   * @param privateKey its key
   * @param keyPassword the key's password, if encrypted
   */
  public record MutualTls(Path certificate, Path privateKey, Optional<Secret> keyPassword) {}
}
