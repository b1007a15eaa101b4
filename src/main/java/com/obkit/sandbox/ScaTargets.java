package com.obkit.sandbox;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The consent or payment an authorisation is for, as the authorisation endpoint and the login page
 * see it (contract sections 10, 11, 14): whether the scope's {@code AIS:}/{@code PIS:} id is a
 * pending one of the client with that redirect URI, and what the PSU's login does to it.
 */
final class ScaTargets {

  /** SCA-3 (CLI): what the bank answers a used-up {@code scaRedirect}. */
  static final String NO_PENDING = "No pending authorisations found";

  private final SandboxOptions options;
  private final Consents consents;
  private final Payments payments;

  ScaTargets(SandboxOptions options, Consents consents, Payments payments) {
    this.options = Objects.requireNonNull(options, "options");
    this.consents = Objects.requireNonNull(consents, "consents");
    this.payments = Objects.requireNonNull(payments, "payments");
  }

  /**
   * At the authorisation endpoint: the target must be a consent (payment) of {@code clientId} in
   * {@code tenant}, still {@code received} ({@code RCVD}) and never opened for a login (SCA-3),
   * whose {@code TPP-Redirect-URI} is {@code redirectUri}; it is then {@code started}, so that its
   * {@code scaRedirect} is used up. Otherwise an error page (a 400 rejection of the HTML family).
   */
  void claim(ScaTarget target, Tenant tenant, String clientId, String redirectUri) {
    boolean reusable = options.deviates(Deviation.SCA_REDIRECT_REUSABLE);
    AtomicReference<Rejection> problem = new AtomicReference<>(unknown(target));
    switch (target.kind()) {
      case AIS ->
          consents.update(
              target.id(),
              c -> {
                problem.set(
                    problem(
                        c.clientId().equals(clientId) && c.tenant() == tenant,
                        c.redirectUri().equals(redirectUri),
                        c.status() == Consents.Status.RECEIVED,
                        c.scaStatus(),
                        reusable,
                        target));
                return problem.get() == null && c.scaStatus() == ScaStatus.RECEIVED
                    ? c.withScaStatus(ScaStatus.STARTED)
                    : c;
              });
      case PIS ->
          payments.update(
              target.id(),
              p -> {
                problem.set(
                    problem(
                        p.clientId().equals(clientId) && p.tenant() == tenant,
                        p.redirectUri().equals(redirectUri),
                        p.status() == Payments.Status.RCVD,
                        p.scaStatus(),
                        reusable,
                        target));
                return problem.get() == null && p.scaStatus() == ScaStatus.RECEIVED
                    ? p.withScaStatus(ScaStatus.STARTED)
                    : p;
              });
    }
    if (problem.get() != null) {
      throw problem.get();
    }
  }

  private static Rejection problem(
      boolean ours,
      boolean sameRedirectUri,
      boolean open,
      ScaStatus scaStatus,
      boolean reusable,
      ScaTarget target) {
    if (!ours) {
      return unknown(target);
    }
    if (!sameRedirectUri) {
      return Rejection.badRequest(
          Rejection.INVALID_REQUEST,
          "redirect_uri is not the TPP-Redirect-URI of the "
              + (target.kind() == ScaTarget.Kind.AIS ? "consent" : "payment"));
    }
    // SCA-3: one login per scaRedirect; the deviation lets any open one start again.
    if (!open || (!reusable && scaStatus != ScaStatus.RECEIVED)) {
      return Rejection.badRequest(Rejection.INVALID_REQUEST, NO_PENDING);
    }
    return null;
  }

  private static Rejection unknown(ScaTarget target) {
    return Rejection.badRequest(
        Rejection.INVALID_SCOPE,
        "the scope names "
            + (target.kind() == ScaTarget.Kind.AIS ? "a consent" : "a payment")
            + " that is not one of this client's");
  }

  /**
   * SCA-2: whether a PSU logging in with {@code iban} may authorise the target: one of the
   * consent's accounts, or the payment's debtor account.
   */
  boolean covers(ScaTarget target, String iban) {
    return switch (target.kind()) {
      case AIS ->
          consents.find(target.id()).map(c -> c.access().all().contains(iban)).orElse(false);
      case PIS -> payments.find(target.id()).map(p -> p.debtorIban().equals(iban)).orElse(false);
    };
  }

  /** The PSU logged in and a code is on its way: {@code unconfirmed} until the confirmation. */
  void loggedIn(ScaTarget target) {
    switch (target.kind()) {
      case AIS -> consents.update(target.id(), c -> c.withScaStatus(ScaStatus.UNCONFIRMED));
      case PIS -> payments.update(target.id(), p -> p.withScaStatus(ScaStatus.UNCONFIRMED));
    }
  }

  /** SCA-2: the third wrong login: the consent is {@code rejected}, the payment {@code RJCT}. */
  void failed(ScaTarget target) {
    switch (target.kind()) {
      case AIS ->
          consents.update(
              target.id(),
              c ->
                  c.status() == Consents.Status.RECEIVED
                      ? c.withStatus(Consents.Status.REJECTED).withScaStatus(ScaStatus.FAILED)
                      : c);
      case PIS ->
          payments.update(
              target.id(),
              p ->
                  p.status() == Payments.Status.RCVD
                      ? p.withStatus(Payments.Status.RJCT).withScaStatus(ScaStatus.FAILED)
                      : p);
    }
  }

  /** SCA-2: the PSU cancelled: the consent is {@code rejected}, the payment {@code CANC}. */
  void cancelled(ScaTarget target) {
    boolean keep = options.deviates(Deviation.CANCELLED_CONSENT_NOT_REJECTED);
    switch (target.kind()) {
      case AIS ->
          consents.update(
              target.id(),
              c ->
                  c.status() == Consents.Status.RECEIVED && !keep
                      ? c.withStatus(Consents.Status.REJECTED).withScaStatus(ScaStatus.FAILED)
                      : c);
      case PIS ->
          payments.update(
              target.id(),
              p ->
                  p.status() == Payments.Status.RCVD && !keep
                      ? p.withStatus(Payments.Status.CANC).withScaStatus(ScaStatus.FAILED)
                      : p);
    }
  }

  /** One line for the login page: what the PSU is asked to authorise (no secrets). */
  String describe(ScaTarget target) {
    return switch (target.kind()) {
      case AIS ->
          consents
              .find(target.id())
              .map(c -> "Give access to the account(s) " + String.join(", ", c.access().all()))
              .orElse("Give access to accounts");
      case PIS ->
          payments
              .find(target.id())
              .map(
                  p ->
                      "Pay "
                          + p.currency()
                          + " "
                          + p.amount().toPlainString()
                          + " from "
                          + p.debtorIban()
                          + " to "
                          + p.creditorName()
                          + " ("
                          + p.creditorIban()
                          + ")")
              .orElse("Authorise a payment");
    };
  }
}
