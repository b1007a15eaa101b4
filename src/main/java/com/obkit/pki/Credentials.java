package com.obkit.pki;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A certificate with its private key: what the bank's API Test Client hands out (Certificate,
 * Private Key, Key Id), or a TPP's eIDAS QSealC / QWAC loaded from files.
 *
 * @param certificate the end-entity certificate
 * @param privateKey its private key; never printed by {@link #toString()}
 * @param chain issuer certificates, nearest first (may be empty)
 */
public record Credentials(
    X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

  public Credentials {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
  }

  public Credentials(X509Certificate certificate, PrivateKey privateKey) {
    this(certificate, privateKey, List.of());
  }

  /** The Key Id for the Signature header. */
  public KeyId keyId() {
    return KeyId.of(certificate);
  }

  /** The certificate as header value: base64 of its DER encoding, no PEM armour, no line breaks. */
  public String certificateHeaderValue() {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }

  @Override
  public String toString() {
    // Never the key: reports and logs print records.
    return "Credentials[subject="
        + certificate.getSubjectX500Principal().getName("RFC1779")
        + ", keyId="
        + keyId()
        + "]";
  }
}
