package com.obkit.sandbox;

import com.obkit.pki.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Registered clients, one per organization id (REG-2): the {@code client_id} is created on the first
 * registration and kept on every replay, from any tenant and any certificate of the organization id;
 * a replay replaces the redirect URIs (AUTH-3) and issues a new {@code client_secret} (the bank does not
 * document this; a fresh secret on every registration is the conservative choice, the previous one
 * stops working at once).
 */
final class ClientRegistry {

  /** A registered client. {@link #toString()} never shows the secret. */
  record Client(
      String clientId,
      OrganizationId organizationId,
      String clientSecret,
      List<String> redirectUris,
      Optional<String> sectorIdentifierUri,
      Instant clientIdIssuedAt) {

    Client {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(sectorIdentifierUri, "sectorIdentifierUri");
      Objects.requireNonNull(clientIdIssuedAt, "clientIdIssuedAt");
      redirectUris = List.copyOf(redirectUris);
    }

    @Override
    public String toString() {
      return "Client[clientId=" + clientId + ", organizationId=" + organizationId + ", redirectUris=" + redirectUris + "]";
    }
  }

  private final ConcurrentMap<OrganizationId, Client> byOrganization = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, OrganizationId> organizationByClientId = new ConcurrentHashMap<>();
  private final Secrets secrets;

  ClientRegistry(Secrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /**
   * Registers or re-registers the organization's client, atomically per organization id: concurrent
   * registrations for one organization id yield one {@code client_id}.
   */
  Client register(OrganizationId organizationId, List<String> redirectUris, Optional<String> sectorIdentifierUri, Instant now) {
    Client client =
        byOrganization.compute(organizationId, (org, previous) -> {
          String secret = secrets.opaque(32);
          if (previous == null) {
            return new Client(secrets.opaque(24), org, secret, redirectUris, sectorIdentifierUri, now);
          }
          return new Client(previous.clientId(), org, secret, redirectUris, sectorIdentifierUri, previous.clientIdIssuedAt());
        });
    organizationByClientId.putIfAbsent(client.clientId(), organizationId);
    return client;
  }

  Optional<Client> byClientId(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    OrganizationId org = organizationByClientId.get(clientId);
    return org == null ? Optional.empty() : Optional.ofNullable(byOrganization.get(org));
  }

  Optional<Client> byOrganization(OrganizationId organizationId) {
    return Optional.ofNullable(byOrganization.get(organizationId));
  }

  int size() {
    return byOrganization.size();
  }
}
