package com.obkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Payment initiation under {@code /xs2a-bg/{tenant}/v1/payments/{product}} (contract section 14):
 * PIS-1..PIS-5. The product is {@code sepa-credit-transfers} in {@code nl}, {@code be_fr} and
 * {@code be_nl}; anything else (including {@code uk}, whose {@code uk-domestic-transfers} is out of
 * the contract's scope) is 404 PRODUCT_UNKNOWN. A confirmed payment is executed at once: the debtor
 * account is debited and the payment is {@code ACSC}, or {@code RJCT} when the balance does not
 * cover it.
 */
final class PaymentEndpoints {

  static final String SEPA = "sepa-credit-transfers";

  /** BG Amount: a positive decimal, at most two fraction digits, no sign, no exponent. */
  private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,13})(\\.[0-9]{1,2})?");

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final SandboxOptions options;
  private final RequestVerifier verifier;
  private final ClientRegistry clients;
  private final TestAccounts accounts;
  private final Payments payments;
  private final AccessTokens tokens;
  private final AccountBook book;
  private final Consents consents;
  private final ErrorRenderer out;
  private final ObjectMapper json;

  PaymentEndpoints(
      SandboxOptions options,
      RequestVerifier verifier,
      ClientRegistry clients,
      TestAccounts accounts,
      Payments payments,
      AccessTokens tokens,
      AccountBook book,
      Consents consents,
      ErrorRenderer out,
      ObjectMapper json) {
    this.options = Objects.requireNonNull(options, "options");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.payments = Objects.requireNonNull(payments, "payments");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.book = Objects.requireNonNull(book, "book");
    this.consents = Objects.requireNonNull(consents, "consents");
    this.out = Objects.requireNonNull(out, "out");
    this.json = Objects.requireNonNull(json, "json");
    RequestVerifier.requireSameOptions(options, verifier.options(), "the request verifier");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  // ---------------------------------------------------------------- POST

  /** {@code POST /xs2a-bg/{tenant}/v1/payments/sepa-credit-transfers}: PIS-1, PIS-3. */
  void create(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    String product = requireProduct(ctx, tenant);
    Xs2aRequests.requirePsuIpAddress(request);
    String redirectUri = Xs2aRequests.requireTppRedirectUri(request);
    JsonNode body;
    try {
      body = Xs2aRequests.readObject(json, request);
    } catch (Xs2aRequests.MalformedJsonException e) {
      throw Rejection.formatError(e.getMessage());
    }

    // PIS-3
    JsonNode instructed = JsonFields.requireObject(body, "instructedAmount", "instructedAmount");
    String currency = JsonFields.requireText(instructed, "currency", "instructedAmount.currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw Rejection.formatError(
          "instructedAmount.currency '" + currency + "' is not an ISO 4217 code");
    }
    if (!currency.equals("EUR") && !options.deviates(Deviation.NON_EUR_PAYMENT_ACCEPTED)) {
      throw Rejection.formatError(
          "instructedAmount.currency " + currency + ": a SEPA credit transfer is in EUR");
    }
    BigDecimal amount = requireAmount(instructed);
    String debtorIban = requireIban(body, "debtorAccount");
    TestAccounts.Account debtor =
        accounts
            .byIban(debtorIban)
            .filter(a -> a.country().equals(tenant.country()))
            .orElseThrow(
                () ->
                    Rejection.formatError(
                        "debtorAccount.iban is not an account of this bank in tenant "
                            + tenant.pathValue()));
    if (!debtor.currency().equals("EUR")) {
      throw Rejection.formatError("debtorAccount.iban is not a EUR account");
    }
    String creditorIban = requireIban(body, "creditorAccount");
    String creditorName = JsonFields.requireText(body, "creditorName", "creditorName");
    if (creditorName.length() > 70) {
      throw Rejection.formatError("creditorName is longer than 70 characters");
    }
    Optional<String> remittance =
        JsonFields.optionalText(
            body, "remittanceInformationUnstructured", "remittanceInformationUnstructured");
    if (remittance.isPresent() && remittance.get().length() > 140) {
      throw Rejection.formatError(
          "remittanceInformationUnstructured is longer than 140 characters");
    }
    ClientRegistry.Client client = Xs2aRequests.requireRegisteredClient(clients, certificate);
    if (!client.redirectUris().contains(redirectUri)) {
      throw Rejection.formatError(
          Xs2aRequests.TPP_REDIRECT_URI
              + " '"
              + redirectUri
              + "' is not exactly one of the client's registered redirect URIs");
    }

    Payments.Payment payment =
        payments.create(
            new Payments.Request(
                tenant,
                certificate.organizationId(),
                client.clientId(),
                redirectUri,
                product,
                amount,
                currency,
                debtorIban,
                creditorIban,
                creditorName,
                remittance));

    // PIS-1
    String self = Xs2aRequests.link(tenant, "payments/" + product + "/" + payment.id());
    String authorisation = self + "/authorisations/" + payment.authorisationId();
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("scaOAuth", Xs2aRequests.scaOAuth(request, tenant));
    links.put(
        "scaRedirect",
        Xs2aRequests.scaRedirect(
            request,
            tenant,
            "openid offline_access " + ScaTarget.payment(payment.id()).scopeToken(),
            client.clientId(),
            redirectUri));
    links.put("self", self);
    links.put("status", self + "/status");
    links.put("scaStatus", authorisation);
    links.put("confirmation", authorisation);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("transactionStatus", payment.status().name());
    answer.put("paymentId", payment.id());
    answer.put("authorisationId", payment.authorisationId());
    answer.put("_links", links);
    ctx.status(options.deviates(Deviation.PAYMENT_ANSWERS_200) ? 200 : 201);
    ctx.header("Location", request.baseUrl() + "/xs2a-bg" + self);
    out.writeJson(ctx, answer);
  }

  /** The path's product: SEPA credit transfers outside {@code uk}; else 404 PRODUCT_UNKNOWN. */
  static String requireProduct(Context ctx, Tenant tenant) {
    String product = ctx.pathParam("product");
    if (!product.equals(SEPA) || tenant == Tenant.UK) {
      throw new Rejection(
          404,
          Rejection.PRODUCT_UNKNOWN,
          "payment product '"
              + product
              + "' is not offered in tenant "
              + tenant.pathValue()
              + " (sepa-credit-transfers in nl, be_fr and be_nl)");
    }
    return product;
  }

  /** PIS-3: the amount is a JSON string (BG Amount), positive, at most two fraction digits. */
  private static BigDecimal requireAmount(JsonNode instructed) {
    JsonNode node = JsonFields.require(instructed, "amount", "instructedAmount.amount");
    if (!node.isTextual()) {
      throw Rejection.formatError(
          "instructedAmount.amount must be a JSON string such as \"12.34\" (BG Amount)");
    }
    String text = node.asText();
    if (!AMOUNT.matcher(text).matches()) {
      throw Rejection.formatError(
          "instructedAmount.amount '"
              + text
              + "' is not a decimal with at most two fraction digits");
    }
    BigDecimal amount = new BigDecimal(text).setScale(2);
    if (amount.signum() <= 0) {
      throw Rejection.formatError("instructedAmount.amount must be positive");
    }
    return amount;
  }

  /** PIS-3: {@code {"iban":"…"}} with a valid IBAN. */
  private static String requireIban(JsonNode body, String name) {
    JsonNode account = JsonFields.requireObject(body, name, name);
    String iban = JsonFields.requireText(account, "iban", name + ".iban");
    if (!Ibans.isValid(iban)) {
      // ERR-2: no account data in an error, not even the client's own IBAN echoed.
      throw Rejection.formatError(name + ".iban is not an IBAN");
    }
    return iban;
  }

  // ---------------------------------------------------------------- GET

  /** {@code GET …/payments/{product}/{paymentId}}: the payment. */
  void get(Context ctx) {
    Payments.Payment p = requireOwnPayment(ctx);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("instructedAmount", AccountEndpoints.amount(p.currency(), p.amount()));
    answer.put("debtorAccount", Map.of("iban", p.debtorIban()));
    answer.put("creditorAccount", Map.of("iban", p.creditorIban()));
    answer.put("creditorName", p.creditorName());
    p.remittance().ifPresent(r -> answer.put("remittanceInformationUnstructured", r));
    answer.put("transactionStatus", p.status().name());
    out.writeJson(ctx, answer);
  }

  /** {@code GET …/payments/{product}/{paymentId}/status}: PIS-2. */
  void status(Context ctx) {
    out.writeJson(ctx, Map.of("transactionStatus", requireOwnPayment(ctx).status().name()));
  }

  /** {@code GET …/payments/{product}/{paymentId}/authorisations/{authorisationId}}. */
  void scaStatus(Context ctx) {
    Payments.Payment p = requireOwnPayment(ctx);
    ConsentEndpoints.requireAuthorisationId(ctx, p.authorisationId());
    out.writeJson(ctx, Map.of("scaStatus", p.scaStatus().value()));
  }

  private Payments.Payment requireOwnPayment(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    String product = requireProduct(ctx, tenant);
    return requirePayment(ctx.pathParam("paymentId"), product, certificate, tenant);
  }

  /** Unknown and another TPP's payment answer alike: 403 RESOURCE_UNKNOWN. */
  private Payments.Payment requirePayment(
      String id, String product, TppCertificate certificate, Tenant tenant) {
    return payments
        .find(id)
        .filter(p -> p.belongsTo(certificate.organizationId(), tenant))
        .filter(p -> p.product().equals(product))
        .orElseThrow(
            () ->
                new Rejection(
                    403,
                    Rejection.RESOURCE_UNKNOWN,
                    "payment " + id + " is unknown or not registered for this TPP"));
  }

  // ---------------------------------------------------------------- PUT (confirmation)

  /**
   * {@code PUT …/payments/{product}/{paymentId}/authorisations/{authorisationId}} with the
   * payment's access token: PIS-4, then the execution (PIS-2, PIS-5).
   */
  void confirm(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    String product = requireProduct(ctx, tenant);
    Payments.Payment payment =
        requirePayment(ctx.pathParam("paymentId"), product, certificate, tenant);
    ConsentEndpoints.requireAuthorisationId(ctx, payment.authorisationId());
    Xs2aRequests.psuIpAddress(request);
    ConsentEndpoints.requireEmptyOrObjectBody(json, request);

    // PIS-4: the access token of exactly this payment (not a consent's, not another payment's).
    Optional<String> bearer = Xs2aRequests.bearer(request);
    if (options.deviates(Deviation.AIS_TOKEN_CONFIRMS_PAYMENT)) {
      tokens
          .live(bearer.orElseThrow(() -> Rejection.tokenInvalid("an access token is required")))
          .filter(t -> t.grant().clientId().equals(payment.clientId()))
          .orElseThrow(() -> Rejection.tokenInvalid("Access token is invalid or expired"));
    } else {
      ConsentEndpoints.requireTokenOf(
          tokens, bearer, payment.clientId(), ScaTarget.payment(payment.id()));
    }

    Payments.Payment done = payments.update(payment.id(), this::execute).orElseThrow();
    if (done.scaStatus() != ScaStatus.FINALISED) {
      throw new Rejection(
          409,
          Rejection.STATUS_INVALID,
          "payment " + payment.id() + " is " + done.status() + " and cannot be authorised");
    }
    String self = Xs2aRequests.link(tenant, "payments/" + product + "/" + payment.id());
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("scaStatus", self + "/authorisations/" + payment.authorisationId());
    links.put("status", self + "/status");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("scaStatus", ScaStatus.FINALISED.value());
    answer.put("authorisationId", payment.authorisationId());
    answer.put("_links", links);
    out.writeJson(ctx, answer);
  }

  /**
   * PIS-2, PIS-5: a received payment is executed once (inside the payment's atomic update, so a
   * repeated confirmation cannot debit twice): debited and ACSC, or RJCT without funds.
   */
  private Payments.Payment execute(Payments.Payment p) {
    if (p.status() != Payments.Status.RCVD) {
      return p;
    }
    boolean booked =
        options.deviates(Deviation.PAYMENT_NOT_BOOKED)
            || book.debit(
                p.debtorIban(),
                p.amount(),
                p.currency(),
                p.creditorName(),
                p.creditorIban(),
                p.remittance(),
                consents.today());
    Payments.Status status = booked ? Payments.Status.ACSC : Payments.Status.RJCT;
    if (booked && options.deviates(Deviation.PAYMENT_STATUS_STAYS_PENDING)) {
      status = Payments.Status.PDNG;
    }
    return p.withStatus(status).withScaStatus(ScaStatus.FINALISED);
  }
}
