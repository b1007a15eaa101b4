package com.obkit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Transport settings.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout socket read timeout (a bank that never answers fails the scenario after this)
 * @param trustCertificate an extra PEM certificate to trust (for a reference sandbox started on its
 *     own with TLS)
 * @param mutualTls the QWAC to present in the TLS handshake (production), if any
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Optional<Path> trustCertificate,
    Optional<MutualTls> mutualTls) {

  /**
   * The client certificate for mutual TLS, as PEM files.
   *
   * @param certificate the QWAC (with its chain)
   * @param privateKey its key
   * @param keyPassword the key's password, if encrypted
   */
  public record MutualTls(Path certificate, Path privateKey, Optional<Secret> keyPassword) {}
}
