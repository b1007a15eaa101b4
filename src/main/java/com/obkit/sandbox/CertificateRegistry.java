package com.obkit.sandbox;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * CERT-4: one active certificate per organization id. "Registering a new certificate will revoke
 * the previous certificate" (REG): the first successful onboarding call with a certificate makes it
 * active and revokes the one active before it. A certificate that was never active and never
 * revoked is accepted, so a renewed certificate can make its first onboarding call.
 */
final class CertificateRegistry {

  private final ConcurrentMap<OrganizationId, String> activeByOrganization =
      new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  boolean isRevoked(String fingerprint) {
    return revoked.contains(fingerprint);
  }

  /**
   * Makes {@code certificate} the active one for its organization id, atomically per organization
   * id. Refuses a certificate revoked meanwhile (a concurrent onboarding with a newer certificate
   * won).
   */
  void activate(TppCertificate certificate) {
    activeByOrganization.compute(
        certificate.organizationId(),
        (org, previous) -> {
          if (revoked.contains(certificate.fingerprint())) {
            throw Rejection.unauthorized(
                Rejection.CERTIFICATE_REVOKED,
                "TPP-Signature-Certificate was revoked: a newer certificate is registered for "
                    + org);
          }
          if (previous != null && !previous.equals(certificate.fingerprint())) {
            revoked.add(previous);
          }
          return certificate.fingerprint();
        });
  }

  Optional<String> activeFingerprint(OrganizationId organizationId) {
    return Optional.ofNullable(activeByOrganization.get(organizationId));
  }

  int revokedCount() {
    return revoked.size();
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    activeByOrganization.clear();
    revoked.clear();
  }
}
