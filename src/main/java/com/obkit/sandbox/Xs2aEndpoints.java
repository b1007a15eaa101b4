package com.obkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code /xs2a-bg} side of onboarding: version, onboarding (section 4), sandbox test accounts
 * (section 7). Consents, accounts and payments are {@link ConsentEndpoints}, {@link
 * AccountEndpoints} and {@link PaymentEndpoints}.
 */
final class Xs2aEndpoints {

  static final String VERSION = "0.1.0";

  private final SandboxOptions options;
  private final RequestVerifier verifier;
  private final CertificateRegistry certificates;
  private final InitialAccessTokens tokens;
  private final TestAccounts accounts;
  private final AccountBook book;
  private final ErrorRenderer out;
  private final ObjectMapper json;

  Xs2aEndpoints(
      SandboxOptions options,
      RequestVerifier verifier,
      CertificateRegistry certificates,
      InitialAccessTokens tokens,
      TestAccounts accounts,
      AccountBook book,
      ErrorRenderer out,
      ObjectMapper json) {
    this.options = Objects.requireNonNull(options, "options");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.certificates = Objects.requireNonNull(certificates, "certificates");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.book = Objects.requireNonNull(book, "book");
    this.out = Objects.requireNonNull(out, "out");
    this.json = Objects.requireNonNull(json, "json");
    RequestVerifier.requireSameOptions(options, verifier.options(), "the request verifier");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  /** {@code GET /xs2a-bg/version}. */
  void version(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", VERSION);
    body.put("release", options.release()); // with the OpenAPI documents: the bank's release
    body.put("service", "reference-sandbox");
    out.writeJson(ctx, body);
  }

  /**
   * {@code GET /xs2a-bg/{tenant}/onboarding/v1} and {@code /xs2a-bg/{tenant}/v1/onboarding}: TOK-1
   * on a request passing TOK-2; the certificate becomes the active one of its organization id
   * (CERT-4).
   */
  void onboarding(Context ctx) {
    String tenant =
        options.deviates(Deviation.UNKNOWN_TENANT_ACCEPTED)
            ? ctx.pathParam("tenant")
            : Routes.tenant(ctx).pathValue();
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    if (!options.deviates(Deviation.REVOKED_CERTIFICATE_ACCEPTED)) {
      certificates.activate(certificate);
    }
    Duration lifetime =
        options.deviates(Deviation.TOKEN_LIFETIME_ONE_HOUR)
            ? Duration.ofHours(1)
            : options.tokenLifetime();
    String token = tokens.issue(certificate.organizationId(), lifetime);

    // TOK-1: the answer's shape; each deviation changes one member.
    String link = "/auth/" + tenant + "/v1/registration";
    link = options.deviates(Deviation.RELATIVE_REGISTRATION_LINK) ? link : request.baseUrl() + link;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "scope", options.deviates(Deviation.TOKEN_SCOPE_WRONG) ? "registration" : "client-reg");
    body.put("access_token", token);
    body.put(
        "expires_in",
        options.deviates(Deviation.EXPIRES_IN_AS_STRING)
            ? String.valueOf(lifetime.toSeconds())
            : lifetime.toSeconds());
    body.put("token_type", options.deviates(Deviation.TOKEN_TYPE_LOWERCASE_MAC) ? "mac" : "Bearer");
    body.put(
        "_links",
        Map.of(
            "registration",
            options.deviates(Deviation.REGISTRATION_LINK_AS_OBJECT) ? Map.of("href", link) : link));
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    out.writeJson(ctx, body);
  }

  /** {@code POST /xs2a-bg/{tenant}/sandbox/v1/test-accounts}: ACC-1, ACC-2, ACC-3. */
  void createTestAccount(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    if (!options.deviates(Deviation.TEST_ACCOUNTS_IN_PRODUCTION)) {
      requireSandboxMode();
    }
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    if (options.deviates(Deviation.UNSIGNED_TEST_ACCOUNT_ACCEPTED)) {
      verifier.verify(request, false);
    } else {
      verifier.verifySigned(request);
    }
    String currency = requestedCurrency(request.body());
    TestAccounts.Account account = accounts.create(tenant, currency, options);
    // Sections 13 and 14: the account opens with its balance and one booked credit.
    book.open(account, LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("iban", account.iban());
    body.put("currency", account.currency());
    if (!options.deviates(Deviation.DIGIPASS_MISSING)) {
      body.put("digipass", account.digipass());
    }
    ctx.status(201);
    out.writeJson(ctx, body);
  }

  /** ACC-3: test accounts exist only in the sandbox. */
  void requireSandboxMode() {
    if (options.mode() != SandboxOptions.Mode.SANDBOX) {
      throw new Rejection(
          403,
          Rejection.SERVICE_BLOCKED,
          "test accounts can only be created in the sandbox environment");
    }
  }

  /**
   * Optional {@code {"currency":"EUR"}}; an empty body means EUR; anything malformed is
   * FORMAT_ERROR.
   */
  String requestedCurrency(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return "EUR";
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (Exception e) { // Jackson's parse exceptions; never a 5xx (ERR-1)
      throw Rejection.badRequest(Rejection.FORMAT_ERROR, "request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw Rejection.badRequest(
          Rejection.FORMAT_ERROR,
          "request body must be a JSON object such as {\"currency\":\"EUR\"}");
    }
    JsonNode currency = node.get("currency");
    if (currency == null || currency.isNull()) {
      return "EUR";
    }
    if (!currency.isTextual() || !currency.asText().matches("[A-Z]{3}")) {
      throw Rejection.badRequest(
          Rejection.FORMAT_ERROR, "currency must be an ISO 4217 code such as EUR");
    }
    try {
      return Currency.getInstance(currency.asText()).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw Rejection.badRequest(
          Rejection.FORMAT_ERROR, "currency '" + currency.asText() + "' is not an ISO 4217 code");
    }
  }
}
