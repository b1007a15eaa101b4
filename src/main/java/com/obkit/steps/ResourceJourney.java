package com.obkit.steps;

import com.obkit.checks.AccountChecks;
import com.obkit.checks.AccountChecks.TestAccount;
import com.obkit.checks.ConsentChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.checks.PaymentChecks;
import com.obkit.client.ConsentRequest;
import com.obkit.client.HttpExchange;
import com.obkit.client.PaymentRequest;
import com.obkit.client.RedirectUriVariant;
import com.obkit.config.BankMode;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Contract sections 10 and 14 for one scenario: the consents and payments the TPP asks the bank
 * for, on the scenario's test account and registered redirect URI. Keeps what the bank received, in
 * order; the latest of each kind is the one later steps authorise, confirm and read.
 */
public final class ResourceJourney {
  /** SEPA credit transfers exist in these tenants only (contract section 14). */
  static final Set<String> SEPA_TENANTS = Set.of("nl", "be_fr", "be_nl");

  /**
   * A valid IBAN of another bank, the creditor of the kit's payments (not the bank's test data).
   */
  static final String CREDITOR_IBAN = "NL91ABNA0417164300";

  /** Fails the ISO 13616 mod-97 check: the check digits of {@link #CREDITOR_IBAN} changed. */
  static final String INVALID_IBAN = "NL92ABNA0417164300";

  private final ScenarioContext ctx;
  private final RegistrationJourney registration;
  private final AccountJourney accounts;
  private final List<Authorisable> consents = new ArrayList<>();
  private final List<Authorisable> payments = new ArrayList<>();
  private String paymentAmount;
  private HttpExchange lastConsentAnswer;
  private HttpExchange lastPaymentAnswer;

  public ResourceJourney(
      ScenarioContext ctx, RegistrationJourney registration, AccountJourney accounts) {
    this.ctx = ctx;
    this.registration = registration;
    this.accounts = accounts;
  }

  /** The journey needs sandbox test accounts: in production it would act on a real PSU's money. */
  void requireSandbox() {
    if (ctx.config().bankMode() != BankMode.SANDBOX) {
      throw new NotApplicable(
          "the journey after onboarding needs sandbox test accounts; in production it would read a"
              + " real PSU's accounts and move real money");
    }
  }

  /** Precondition: the scenario's test account in its tenant, for the journey (sandbox only). */
  public void journeyAccount() {
    requireSandbox();
    TestAccount account = accounts.createAccount(ctx.tenant(), Tampering.NONE);
    // A consent or payment on an IBAN the bank should never have issued is refused for ACC-1's
    // sake, not CON-1's or PIS-1's.
    ctx.conformance()
        .require(Rule.must("ACC-1"), AccountChecks.ibanValidFor(ctx.tenant()), account);
  }

  /** The standard consent on the scenario's test account, changed by {@code change}. */
  public HttpExchange askForConsent(UnaryOperator<ConsentRequest> change, Tampering tampering) {
    return askForConsentOn(accounts.current().iban(), change, tampering);
  }

  /** CON-4: the standard consent with a near miss of the registered redirect URI. */
  public HttpExchange askForConsentWithRedirectUri(RedirectUriVariant variant) {
    String registered = registration.journeyRedirectUri();
    String nearMiss =
        variant
            .apply(registered)
            .filter(v -> !registration.registeredUris().contains(v))
            .orElseThrow(
                () ->
                    new NotApplicable(
                        "'" + variant.phrase() + "' does not apply to " + registered));
    return askForConsent(r -> r.withRedirectUri(nearMiss), Tampering.NONE);
  }

  /** CON-2 / ERR-2: the standard consent's headers with a body that is not JSON. */
  public HttpExchange askForConsentWithBodyNotJson() {
    requireSandbox();
    ConsentRequest request =
        ConsentRequest.detailed(
            accounts.current().iban(),
            psuIpAddress(),
            registration.journeyRedirectUri(),
            LocalDate.now());
    byte[] notJson = "{\"access\": {\"accounts\": [".getBytes(StandardCharsets.UTF_8);
    return ctx.record(
        ctx.client().createConsentWithBody(ctx.tpps().current(), ctx.tenant(), request, notJson));
  }

  /** A consent on {@code iban} (the first, or a second test account). */
  public HttpExchange askForConsentOn(
      String iban, UnaryOperator<ConsentRequest> change, Tampering tampering) {
    requireSandbox();
    ConsentRequest request =
        change.apply(
            ConsentRequest.detailed(
                iban, psuIpAddress(), registration.journeyRedirectUri(), LocalDate.now()));
    HttpExchange answer =
        ctx.record(
            ctx.client().createConsent(ctx.tpps().current(), ctx.tenant(), request, tampering));
    lastConsentAnswer = answer;
    if (answer.status() == 201) {
      received(Authorisable.Kind.CONSENT, answer, request.redirectUri().orElse(""))
          .ifPresent(consents::add);
    }
    return answer;
  }

  /** Precondition: the bank received a consent on {@code iban} (CON-1). */
  public Authorisable consentReceivedOn(String iban) {
    HttpExchange answer = askForConsentOn(iban, UnaryOperator.identity(), Tampering.NONE);
    Rule con1 = Rule.must("CON-1");
    ctx.conformance().require(con1, ErrorChecks.status(201), answer);
    ctx.conformance().require(con1, ConsentChecks.consentIdAndAuthorisationId(), answer);
    return consents.get(consents.size() - 1);
  }

  /**
   * The standard SEPA credit transfer from the scenario's test account, changed by {@code change}.
   */
  public HttpExchange initiatePayment(String amount, UnaryOperator<PaymentRequest> change) {
    requireSandbox();
    requireSepaTenant();
    PaymentRequest request =
        change.apply(
            PaymentRequest.sepa(
                accounts.current().iban(),
                CREDITOR_IBAN,
                amount,
                psuIpAddress(),
                registration.journeyRedirectUri()));
    HttpExchange answer =
        ctx.record(ctx.client().initiatePayment(ctx.tpps().current(), ctx.tenant(), request));
    lastPaymentAnswer = answer;
    if (answer.status() == 201) {
      received(Authorisable.Kind.PAYMENT, answer, request.redirectUri().orElse(""))
          .ifPresent(payments::add);
      if (payments.size() == 1) {
        paymentAmount = request.amount();
      }
    }
    return answer;
  }

  /** Precondition: the bank received a payment (PIS-1). */
  public Authorisable paymentReceived(String amount) {
    HttpExchange answer = initiatePayment(amount, UnaryOperator.identity());
    Rule pis1 = Rule.must("PIS-1");
    ctx.conformance().require(pis1, ErrorChecks.status(201), answer);
    ctx.conformance().require(pis1, PaymentChecks.paymentIdAndAuthorisationId(), answer);
    return payments.get(payments.size() - 1);
  }

  /** Payments are in the tenants with SEPA credit transfers only. */
  public void requireSepaTenant() {
    if (!SEPA_TENANTS.contains(ctx.tenant())) {
      throw new NotApplicable(
          "SEPA credit transfers exist in the tenants nl, be_fr and be_nl; the tenant is "
              + ctx.tenant()
              + " (uk-domestic-transfers are out of the contract's scope)");
    }
  }

  private Optional<Authorisable> received(
      Authorisable.Kind kind, HttpExchange answer, String redirectUri) {
    String id = answer.jsonText(kind == Authorisable.Kind.CONSENT ? "consentId" : "paymentId");
    String authorisationId = answer.jsonText("authorisationId");
    if (id.isEmpty() || authorisationId.isEmpty()) {
      return Optional.empty(); // the checks of CON-1 / PIS-1 say what is missing
    }
    Optional<URI> scaRedirect = answer.link("scaRedirect").flatMap(ResourceJourney::absolute);
    String fallback =
        "/"
            + ctx.tenant()
            + (kind == Authorisable.Kind.CONSENT
                ? "/v1/consents/"
                : "/v1/payments/sepa-credit-transfers/")
            + id
            + "/authorisations/"
            + authorisationId;
    // The confirmation link as given; where the bank gave none, the path section 13 documents.
    URI confirmation =
        ctx.client()
            .endpoints()
            .xs2aLink(
                answer.link("confirmation").or(() -> answer.link("scaStatus")).orElse(fallback));
    return Optional.of(
        new Authorisable(
            kind, id, authorisationId, scaRedirect, confirmation, redirectUri, answer));
  }

  /** {@code iban} with other ISO 13616 check digits, so that it fails the mod-97 check. */
  static String withWrongCheckDigits(String iban) {
    int digits = Integer.parseInt(iban.substring(2, 4));
    int wrong = (digits - 2 + 1) % 97 + 2; // another value in 2..98
    return iban.substring(0, 2) + String.format("%02d", wrong) + iban.substring(4);
  }

  private static Optional<URI> absolute(String link) {
    try {
      URI uri = URI.create(link);
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The status of the latest consent, through the status link the bank gave (CON-1). */
  public HttpExchange followConsentStatusLink() {
    Authorisable consent = consent();
    URI link =
        ctx.client()
            .endpoints()
            .xs2aLink(
                consent
                    .created()
                    .link("status")
                    .orElse("/" + ctx.tenant() + "/v1/consents/" + consent.id() + "/status"));
    return ctx.record(ctx.client().signedGet(ctx.tpps().current(), link));
  }

  public HttpExchange readConsentStatus() {
    return ctx.record(
        ctx.client().consentStatus(ctx.tpps().current(), ctx.tenant(), consent().id()));
  }

  public HttpExchange readConsent(String consentId) {
    return ctx.record(ctx.client().consent(ctx.tpps().current(), ctx.tenant(), consentId));
  }

  public HttpExchange deleteConsent() {
    return ctx.record(
        ctx.client().deleteConsent(ctx.tpps().current(), ctx.tenant(), consent().id()));
  }

  public HttpExchange readPaymentStatus() {
    return ctx.record(
        ctx.client().paymentStatus(ctx.tpps().current(), ctx.tenant(), payment().id()));
  }

  /** The scenario's consent: the first the bank received (later ones are "another consent"). */
  public Authorisable consent() {
    if (consents.isEmpty() && lastConsentAnswer != null) {
      // A later step of a scenario whose consent was refused: stop under CON-1, the rule broken.
      Rule con1 = Rule.must("CON-1");
      ctx.conformance().require(con1, ErrorChecks.status(201), lastConsentAnswer);
      ctx.conformance()
          .require(con1, ConsentChecks.consentIdAndAuthorisationId(), lastConsentAnswer);
    }
    if (consents.isEmpty()) {
      throw new IllegalStateException("the bank has received no consent in this scenario");
    }
    return consents.get(0);
  }

  /** The scenario's payment: the first the bank received. */
  public Authorisable payment() {
    if (payments.isEmpty() && lastPaymentAnswer != null) {
      Rule pis1 = Rule.must("PIS-1");
      ctx.conformance().require(pis1, ErrorChecks.status(201), lastPaymentAnswer);
      ctx.conformance()
          .require(pis1, PaymentChecks.paymentIdAndAuthorisationId(), lastPaymentAnswer);
    }
    if (payments.isEmpty()) {
      throw new IllegalStateException("the bank has received no payment in this scenario");
    }
    return payments.get(0);
  }

  /** Another consent on the test account, beside the scenario's own (CNF-2, AIS-3). */
  public Authorisable anotherConsent() {
    consentReceivedOn(accounts.current().iban());
    return consents.get(consents.size() - 1);
  }

  /** Another payment from the test account, beside the scenario's own (PIS-4). */
  public Authorisable anotherPayment(String amount) {
    paymentReceived(amount);
    return payments.get(payments.size() - 1);
  }

  /** An id no bank has issued (CON-5, AIS-4). */
  static String unknownId() {
    return "kit-unknown-" + UUID.randomUUID();
  }

  /** The client_id of the scenario's registration (the sandbox's self-test controls take it). */
  public String registrationClientId() {
    return registration.clientId();
  }

  /** The amount of the scenario's payment, as sent. */
  public BigDecimal paymentAmount() {
    if (paymentAmount == null) {
      throw new IllegalStateException("the bank has received no payment in this scenario");
    }
    return new BigDecimal(paymentAmount);
  }

  String psuIpAddress() {
    return ctx.config().psu().ipAddress();
  }
}
