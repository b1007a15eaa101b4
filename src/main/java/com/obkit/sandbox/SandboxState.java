package com.obkit.sandbox;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only look into a running sandbox, for tests and reports. Never exposes secrets (no tokens,
 * client secrets, codes or digipass numbers).
 */
public final class SandboxState {

  private final ClientRegistry clients;
  private final CertificateRegistry certificates;
  private final TestAccounts accounts;

  SandboxState(ClientRegistry clients, CertificateRegistry certificates, TestAccounts accounts) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.certificates = Objects.requireNonNull(certificates, "certificates");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /** Number of registered clients (one per organization id, REG-2). */
  public int clientCount() {
    return clients.size();
  }

  /**
   * Number of distinct organization ids with a registered client: what a run of the kit adds here
   * is the number of new organizations it registered.
   */
  public int registeredOrganizationCount() {
    return clients.organizationCount();
  }

  /** The organization's {@code client_id}, once registered. */
  public Optional<String> clientId(String organizationId) {
    return clients
        .byOrganization(OrganizationId.of(organizationId))
        .map(ClientRegistry.Client::clientId);
  }

  /** The organization's currently registered redirect URIs (empty when not registered). */
  public List<String> redirectUris(String organizationId) {
    return clients
        .byOrganization(OrganizationId.of(organizationId))
        .map(ClientRegistry.Client::redirectUris)
        .orElse(List.of());
  }

  /** Lowercase hex SHA-256 of the organization's active certificate (CERT-4), once onboarded. */
  public Optional<String> activeCertificateFingerprint(String organizationId) {
    return certificates.activeFingerprint(OrganizationId.of(organizationId));
  }

  /** Whether {@code certificate} was revoked by a newer one of its organization id (CERT-4). */
  public boolean isRevoked(X509Certificate certificate) {
    return certificates.isRevoked(CertificateVerifier.fingerprint(certificate));
  }

  /** Number of revoked certificates. */
  public int revokedCertificateCount() {
    return certificates.revokedCount();
  }

  /** Number of test accounts created (section 7). */
  public int testAccountCount() {
    return accounts.size();
  }
}
