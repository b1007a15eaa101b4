package com.obkit.sandbox;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Registered clients, one per organization id (REG-2): the {@code client_id} is created on the
 * first registration and kept on every replay, from any tenant and any certificate of the
 * organization id; a replay replaces the redirect URIs (AUTH-3) and issues a new {@code
 * client_secret} (the bank does not document this; a fresh secret on every registration is the
 * conservative choice, the previous one stops working at once).
 *
 * <p>What a {@code client_id} is bound to is the registration's {@link Registration#binding()
 * binding}: the organization id in the faithful sandbox, something else under a REG-2 {@link
 * Deviation}.
 */
final class ClientRegistry {

  /**
   * A registered client. {@link #toString()} never shows the secret.
   *
   * @param redirectUris the currently registered redirect URIs (AUTH-2)
   * @param everRegisteredRedirectUris every redirect URI registered for this client so far, in
   *     order (only {@link Deviation#REMOVED_REDIRECT_URIS_STILL_ACCEPTED} looks at them)
   */
  record Client(
      String clientId,
      OrganizationId organizationId,
      String clientSecret,
      List<String> redirectUris,
      List<String> everRegisteredRedirectUris,
      Optional<String> sectorIdentifierUri,
      Instant clientIdIssuedAt) {

    Client {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(sectorIdentifierUri, "sectorIdentifierUri");
      Objects.requireNonNull(clientIdIssuedAt, "clientIdIssuedAt");
      redirectUris = List.copyOf(redirectUris);
      everRegisteredRedirectUris = List.copyOf(everRegisteredRedirectUris);
    }

    @Override
    public String toString() {
      return "Client[clientId="
          + clientId
          + ", organizationId="
          + organizationId
          + ", redirectUris="
          + redirectUris
          + "]";
    }
  }

  /**
   * One registration call that passed every rule.
   *
   * @param organizationId the certificate's organization id
   * @param binding what the {@code client_id} is bound to (REG-2: the organization id's value)
   * @param redirectUris the redirect URIs of the call
   * @param appendRedirectUris whether they are added to the registered ones ({@link
   *     Deviation#REDIRECT_URIS_APPENDED}) instead of replacing them (REG-2)
   * @param sectorIdentifierUri the optional sector identifier URI
   * @param now when
   */
  record Registration(
      OrganizationId organizationId,
      String binding,
      List<String> redirectUris,
      boolean appendRedirectUris,
      Optional<String> sectorIdentifierUri,
      Instant now) {

    Registration {
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(binding, "binding");
      Objects.requireNonNull(sectorIdentifierUri, "sectorIdentifierUri");
      Objects.requireNonNull(now, "now");
      redirectUris = List.copyOf(redirectUris);
    }
  }

  // Lookups go through the binding, so that they always see the latest registration of a client.
  private final ConcurrentMap<String, Client> byBinding = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> bindingByClientId = new ConcurrentHashMap<>();
  private final ConcurrentMap<OrganizationId, String> latestBindingByOrganization =
      new ConcurrentHashMap<>();

  /** Every secret a client had before its latest registration (TKN-6 deviation only). */
  private final ConcurrentMap<String, List<String>> retiredSecrets = new ConcurrentHashMap<>();

  private final Secrets secrets;

  ClientRegistry(Secrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /**
   * A fresh RFC 7592 registration access token, reported as a secret; the sandbox has no client
   * configuration endpoint, so it is never checked or kept.
   */
  String registrationAccessToken() {
    return secrets.secret(32);
  }

  /** Registers or re-registers the organization's client, the faithful way (REG-2). */
  Client register(
      OrganizationId organizationId,
      List<String> redirectUris,
      Optional<String> sectorIdentifierUri,
      Instant now) {
    return register(
        new Registration(
            organizationId, organizationId.value(), redirectUris, false, sectorIdentifierUri, now));
  }

  /**
   * Registers or re-registers the client of the registration's binding, atomically per binding:
   * concurrent registrations for one binding yield one {@code client_id}.
   */
  Client register(Registration registration) {
    Client client =
        byBinding.compute(
            registration.binding(),
            (binding, previous) -> {
              String secret = secrets.secret(32);
              if (previous == null) {
                return new Client(
                    secrets.identifier(24), // client_id: public, not a secret
                    registration.organizationId(),
                    secret,
                    registration.redirectUris(),
                    registration.redirectUris(),
                    registration.sectorIdentifierUri(),
                    registration.now());
              }
              retiredSecrets.merge(
                  previous.clientId(),
                  List.of(previous.clientSecret()),
                  (old, added) -> union(old, added));
              List<String> uris =
                  registration.appendRedirectUris()
                      ? union(previous.redirectUris(), registration.redirectUris())
                      : registration.redirectUris();
              return new Client(
                  previous.clientId(),
                  registration.organizationId(),
                  secret,
                  uris,
                  union(previous.everRegisteredRedirectUris(), registration.redirectUris()),
                  registration.sectorIdentifierUri(),
                  previous.clientIdIssuedAt());
            });
    bindingByClientId.putIfAbsent(client.clientId(), registration.binding());
    latestBindingByOrganization.put(registration.organizationId(), registration.binding());
    return client;
  }

  /**
   * Whether {@code secret} was the client's secret before a later registration replaced it (only
   * {@link Deviation#OLD_CLIENT_SECRET_ACCEPTED} asks); compared in constant time.
   */
  boolean wasSecretOf(String clientId, String secret) {
    return clientId != null
        && retiredSecrets.getOrDefault(clientId, List.of()).stream()
            .anyMatch(old -> Secrets.same(old, secret));
  }

  Optional<Client> byClientId(String clientId) {
    return byBinding(clientId == null ? null : bindingByClientId.get(clientId));
  }

  /** The organization's client (the latest registered one, should a deviation give it several). */
  Optional<Client> byOrganization(OrganizationId organizationId) {
    return byBinding(latestBindingByOrganization.get(organizationId));
  }

  private Optional<Client> byBinding(String binding) {
    return binding == null ? Optional.empty() : Optional.ofNullable(byBinding.get(binding));
  }

  /** Number of clients ({@code client_id}s); one per organization id in the faithful sandbox. */
  int size() {
    return byBinding.size();
  }

  /** Number of distinct organization ids with a registered client. */
  int organizationCount() {
    return latestBindingByOrganization.size();
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    byBinding.clear();
    bindingByClientId.clear();
    latestBindingByOrganization.clear();
    retiredSecrets.clear();
  }
}
