package com.obkit.sandbox;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * SEPA credit transfers (contract section 14), each of one TPP and one tenant; immutable records
 * replaced atomically per payment id.
 */
final class Payments {

  /** The ISO 20022 transaction statuses the sandbox uses. */
  enum Status {
    /** Received, not authorised. */
    RCVD,
    /** Pending: only {@link Deviation#PAYMENT_STATUS_STAYS_PENDING} reports it after execution. */
    PDNG,
    /** Settled on the debtor's account (PIS-2). */
    ACSC,
    /** Rejected: the third wrong login (SCA-2) or insufficient funds at execution. */
    RJCT,
    /** Cancelled by the PSU at the login page (SCA-2). */
    CANC
  }

  /**
   * One payment; nothing here is secret.
   *
   * @param product the payment product of the path ({@code sepa-credit-transfers})
   * @param amount positive, at most two fraction digits (PIS-3)
   * @param remittance {@code remittanceInformationUnstructured}, when sent
   */
  record Payment(
      String id,
      String authorisationId,
      Tenant tenant,
      OrganizationId organizationId,
      String clientId,
      String redirectUri,
      String product,
      BigDecimal amount,
      String currency,
      String debtorIban,
      String creditorIban,
      String creditorName,
      Optional<String> remittance,
      Status status,
      ScaStatus scaStatus) {

    Payment {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(authorisationId, "authorisationId");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(debtorIban, "debtorIban");
      Objects.requireNonNull(creditorIban, "creditorIban");
      Objects.requireNonNull(creditorName, "creditorName");
      Objects.requireNonNull(remittance, "remittance");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(scaStatus, "scaStatus");
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException("a payment's amount must be positive");
      }
    }

    Payment withStatus(Status value) {
      return new Payment(
          id,
          authorisationId,
          tenant,
          organizationId,
          clientId,
          redirectUri,
          product,
          amount,
          currency,
          debtorIban,
          creditorIban,
          creditorName,
          remittance,
          value,
          scaStatus);
    }

    Payment withScaStatus(ScaStatus value) {
      return new Payment(
          id,
          authorisationId,
          tenant,
          organizationId,
          clientId,
          redirectUri,
          product,
          amount,
          currency,
          debtorIban,
          creditorIban,
          creditorName,
          remittance,
          status,
          value);
    }

    /** Whether {@code organization} in {@code in} may see this payment. */
    boolean belongsTo(OrganizationId organization, Tenant in) {
      return organizationId.equals(organization) && tenant == in;
    }
  }

  /** The contents of a payment request that passed PIS-3. */
  record Request(
      Tenant tenant,
      OrganizationId organizationId,
      String clientId,
      String redirectUri,
      String product,
      BigDecimal amount,
      String currency,
      String debtorIban,
      String creditorIban,
      String creditorName,
      Optional<String> remittance) {
    Request {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(debtorIban, "debtorIban");
      Objects.requireNonNull(creditorIban, "creditorIban");
      Objects.requireNonNull(creditorName, "creditorName");
      Objects.requireNonNull(remittance, "remittance");
    }
  }

  private final ConcurrentMap<String, Payment> byId = new ConcurrentHashMap<>();
  private final Secrets secrets;

  Payments(Secrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** A new payment, RCVD, with fresh public identifiers. */
  Payment create(Request r) {
    while (true) {
      Payment payment =
          new Payment(
              secrets.identifier(18),
              secrets.identifier(18),
              r.tenant(),
              r.organizationId(),
              r.clientId(),
              r.redirectUri(),
              r.product(),
              r.amount(),
              r.currency(),
              r.debtorIban(),
              r.creditorIban(),
              r.creditorName(),
              r.remittance(),
              Status.RCVD,
              ScaStatus.RECEIVED);
      if (byId.putIfAbsent(payment.id(), payment) == null) {
        return payment;
      }
    }
  }

  Optional<Payment> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** Replaces the payment atomically with {@code change} of its current value. */
  Optional<Payment> update(String id, UnaryOperator<Payment> change) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byId.computeIfPresent(id, (key, p) -> change.apply(p)));
  }

  int size() {
    return byId.size();
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    byId.clear();
  }
}
