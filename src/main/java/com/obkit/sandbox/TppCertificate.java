package com.obkit.sandbox;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A {@code TPP-Signature-Certificate} that passed the certificate rules (CERT-1..5).
 *
 * @param certificate the certificate
 * @param organizationId its subject's organizationIdentifier
 * @param fingerprint lowercase hex SHA-256 of its DER encoding (the CERT-4 identity)
 */
record TppCertificate(
    X509Certificate certificate, OrganizationId organizationId, String fingerprint) {
  TppCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
