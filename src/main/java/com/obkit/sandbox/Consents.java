package com.obkit.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Account information consents (contract section 10), each of one TPP (its organization id and
 * {@code client_id}) and one tenant. Immutable records replaced atomically per consent id, so that
 * concurrent requests (a login, a confirmation, a DELETE) never lose a transition.
 *
 * <p>A consent whose {@code validUntil} has passed by the sandbox clock is {@code expired} from the
 * first look after that day (AIS-2); {@link #expireAll} ends them early for self-tests.
 */
final class Consents {

  /** Consent statuses (BG, OAS); the sandbox never sets {@code revokedByPsu}. */
  enum Status {
    RECEIVED("received"),
    VALID("valid"),
    REJECTED("rejected"),
    EXPIRED("expired"),
    TERMINATED_BY_TPP("terminatedByTpp");

    private final String value;

    Status(String value) {
      this.value = value;
    }

    /** The value in JSON answers. */
    String value() {
      return value;
    }

    /** Whether the consent can still be authorised or used: received or valid. */
    boolean isOpen() {
      return this == RECEIVED || this == VALID;
    }
  }

  /**
   * The detailed access of a consent: IBANs per service, in request order.
   *
   * @param accounts IBANs of {@code access.accounts}
   * @param balances IBANs of {@code access.balances}
   * @param transactions IBANs of {@code access.transactions}
   */
  record Access(List<String> accounts, List<String> balances, List<String> transactions) {
    Access {
      accounts = List.copyOf(accounts);
      balances = List.copyOf(balances);
      transactions = List.copyOf(transactions);
    }

    /** Every IBAN the consent names, each once, in order (the account list, AIS-1). */
    Set<String> all() {
      Set<String> all = new LinkedHashSet<>(accounts);
      all.addAll(balances);
      all.addAll(transactions);
      return all;
    }
  }

  /**
   * One consent. Identifiers are public (they travel in paths and scopes), nothing here is secret.
   *
   * @param redirectUri the request's {@code TPP-Redirect-URI}, the one redirect URI its
   *     authorisation may use (CON-1, section 11)
   */
  record Consent(
      String id,
      String authorisationId,
      Tenant tenant,
      OrganizationId organizationId,
      String clientId,
      String redirectUri,
      Access access,
      boolean recurringIndicator,
      LocalDate validUntil,
      int frequencyPerDay,
      Status status,
      ScaStatus scaStatus,
      LocalDate lastActionDate) {

    Consent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(authorisationId, "authorisationId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(validUntil, "validUntil");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(scaStatus, "scaStatus");
      Objects.requireNonNull(lastActionDate, "lastActionDate");
      if (frequencyPerDay < 1) {
        throw new IllegalArgumentException("frequencyPerDay must be positive");
      }
    }

    Consent withStatus(Status value) {
      return new Consent(
          id,
          authorisationId,
          tenant,
          organizationId,
          clientId,
          redirectUri,
          access,
          recurringIndicator,
          validUntil,
          frequencyPerDay,
          value,
          scaStatus,
          lastActionDate);
    }

    Consent withScaStatus(ScaStatus value) {
      return new Consent(
          id,
          authorisationId,
          tenant,
          organizationId,
          clientId,
          redirectUri,
          access,
          recurringIndicator,
          validUntil,
          frequencyPerDay,
          status,
          value,
          lastActionDate);
    }

    Consent withLastActionDate(LocalDate value) {
      return new Consent(
          id,
          authorisationId,
          tenant,
          organizationId,
          clientId,
          redirectUri,
          access,
          recurringIndicator,
          validUntil,
          frequencyPerDay,
          status,
          scaStatus,
          value);
    }

    /** Whether {@code organizationId} in {@code tenant} may see this consent (CON-5, AIS-4). */
    boolean belongsTo(OrganizationId organization, Tenant in) {
      return organizationId.equals(organization) && tenant == in;
    }
  }

  /** The contents of a consent request that passed CON-2 and CON-4. */
  record Request(
      Tenant tenant,
      OrganizationId organizationId,
      String clientId,
      String redirectUri,
      Access access,
      boolean recurringIndicator,
      LocalDate validUntil,
      int frequencyPerDay) {
    Request {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(validUntil, "validUntil");
    }
  }

  private final ConcurrentMap<String, Consent> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Secrets secrets;

  Consents(Clock clock, Secrets secrets) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** Today by the sandbox clock (UTC): consent validity and the unattended budget count days. */
  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A new consent, {@code received}, with fresh public identifiers. */
  Consent create(Request request) {
    while (true) {
      Consent consent =
          new Consent(
              secrets.identifier(18),
              secrets.identifier(18),
              request.tenant(),
              request.organizationId(),
              request.clientId(),
              request.redirectUri(),
              request.access(),
              request.recurringIndicator(),
              request.validUntil(),
              request.frequencyPerDay(),
              Status.RECEIVED,
              ScaStatus.RECEIVED,
              today());
      if (byId.putIfAbsent(consent.id(), consent) == null) {
        return consent;
      }
    }
  }

  /** The consent, its validity applied first (an open consent past {@code validUntil} expires). */
  Optional<Consent> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    LocalDate today = today();
    return Optional.ofNullable(
        byId.computeIfPresent(
            id,
            (key, c) ->
                c.status().isOpen() && today.isAfter(c.validUntil())
                    ? c.withStatus(Status.EXPIRED)
                    : c));
  }

  /**
   * Replaces the consent atomically with {@code change} of its current value (validity applied
   * first); empty when there is no such consent.
   */
  Optional<Consent> update(String id, UnaryOperator<Consent> change) {
    if (id == null) {
      return Optional.empty();
    }
    LocalDate today = today();
    return Optional.ofNullable(
        byId.computeIfPresent(
            id,
            (key, c) ->
                change.apply(
                    c.status().isOpen() && today.isAfter(c.validUntil())
                        ? c.withStatus(Status.EXPIRED)
                        : c)));
  }

  /**
   * Self-test control: every open consent of {@code clientId} becomes {@code expired} now; returns
   * how many.
   */
  int expireAll(String clientId) {
    AtomicInteger count = new AtomicInteger();
    for (String id : byId.keySet()) {
      byId.computeIfPresent(
          id,
          (key, c) -> {
            if (c.clientId().equals(clientId) && c.status().isOpen()) {
              count.incrementAndGet();
              return c.withStatus(Status.EXPIRED);
            }
            return c;
          });
    }
    return count.get();
  }

  int size() {
    return byId.size();
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    byId.clear();
  }
}
