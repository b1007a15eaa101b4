package com.obkit.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the TPP's certificate and key come from (contract section 9).
 *
 * @param source generated in memory per scenario, PEM files, or a PKCS#12 file
 * @param certificate PEM certificate file (source PEM)
 * @param privateKey PEM private key file (source PEM)
 * @param keyPassword password of an encrypted PEM key
 * @param pkcs12 PKCS#12 file (source PKCS12)
 * @param pkcs12Password its password
 * @param alias key entry alias in the PKCS#12 file (first key entry when empty)
 */
public record CredentialSettings(
    Source source,
    Optional<Path> certificate,
    Optional<Path> privateKey,
    Optional<Secret> keyPassword,
    Optional<Path> pkcs12,
    Optional<Secret> pkcs12Password,
    Optional<String> alias) {

  /** The credential sources. */
  public enum Source {
    GENERATED,
    PEM,
    PKCS12
  }
}
