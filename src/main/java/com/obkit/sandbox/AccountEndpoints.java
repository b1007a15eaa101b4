package com.obkit.sandbox;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Account reads under {@code /xs2a-bg/{tenant}/v1/accounts} (contract section 13): AIS-1..AIS-5.
 * Each read is signed and carries {@code Consent-ID} and the consent's {@code Authorization:
 * Bearer} token; the checks run in this order: the consent is the TPP's (AIS-4, 403
 * CONSENT_UNKNOWN), the token is live and the consent's (AIS-3, 401 TOKEN_INVALID), the consent is
 * valid (AIS-2, 401 CONSENT_INVALID), the account is covered (AIS-4, 403 RESOURCE_UNKNOWN), the
 * unattended budget (AIS-5, 429 ACCESS_EXCEEDED). Amounts are JSON strings with two decimals.
 */
final class AccountEndpoints {

  private static final Set<String> BOOKING_STATUSES = Set.of("booked", "pending", "both");

  private final SandboxOptions options;
  private final RequestVerifier verifier;
  private final Consents consents;
  private final AccessTokens tokens;
  private final AccountBook book;
  private final UnattendedReads unattended;
  private final ErrorRenderer out;

  AccountEndpoints(
      SandboxOptions options,
      RequestVerifier verifier,
      Consents consents,
      AccessTokens tokens,
      AccountBook book,
      UnattendedReads unattended,
      ErrorRenderer out) {
    this.options = Objects.requireNonNull(options, "options");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.consents = Objects.requireNonNull(consents, "consents");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.book = Objects.requireNonNull(book, "book");
    this.unattended = Objects.requireNonNull(unattended, "unattended");
    this.out = Objects.requireNonNull(out, "out");
    RequestVerifier.requireSameOptions(options, verifier.options(), "the request verifier");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  /** Which service a read is, for the coverage check. */
  private enum Service {
    ACCOUNT,
    BALANCES,
    TRANSACTIONS
  }

  /** A read that passed AIS-2..AIS-4. */
  private record Read(Tenant tenant, Consents.Consent consent, RequestView request) {}

  // ---------------------------------------------------------------- endpoints

  /** {@code GET /xs2a-bg/{tenant}/v1/accounts}: AIS-1, exactly the consented accounts. */
  void list(Context ctx) {
    Read read = authorise(ctx);
    List<Map<String, Object>> list = new ArrayList<>();
    List<AccountBook.Snapshot> shown =
        options.deviates(Deviation.ACCOUNT_LIST_SHOWS_ALL_ACCOUNTS)
            ? book.ofCountry(read.tenant().country())
            : read.consent().access().all().stream()
                .map(book::byIban)
                .flatMap(Optional::stream)
                .toList();
    for (AccountBook.Snapshot account : shown) {
      list.add(accountJson(read.tenant(), read.consent(), account));
    }
    out.writeJson(ctx, Map.of("accounts", list));
  }

  /** {@code GET …/accounts/{resourceId}}: one consented account's details. */
  void details(Context ctx) {
    Read read = authorise(ctx);
    AccountBook.Snapshot account = requireCovered(ctx, read, Service.ACCOUNT);
    out.writeJson(ctx, Map.of("account", accountJson(read.tenant(), read.consent(), account)));
  }

  /** {@code GET …/accounts/{resourceId}/balances}: AIS-1, AIS-5. */
  void balances(Context ctx) {
    Read read = authorise(ctx);
    AccountBook.Snapshot account = requireCovered(ctx, read, Service.BALANCES);
    spendUnattendedRead(read, account);
    String today = consents.today().toString();
    List<Map<String, Object>> balances = new ArrayList<>();
    for (String type : List.of("closingBooked", "interimAvailable")) {
      Map<String, Object> balance = new LinkedHashMap<>();
      balance.put("balanceType", type);
      Map<String, Object> amount = amount(account.currency(), account.balance());
      if (options.deviates(Deviation.BALANCE_AMOUNT_AS_NUMBER)) {
        amount.put("amount", account.balance().setScale(2)); // OAS-1: its document says a string
      }
      balance.put("balanceAmount", amount);
      balance.put("referenceDate", today);
      balances.add(balance);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("account", Map.of("iban", account.iban()));
    answer.put("balances", balances);
    out.writeJson(ctx, answer);
  }

  /**
   * {@code GET …/accounts/{resourceId}/transactions?bookingStatus=…&dateFrom=…[&dateTo=…]}: AIS-1,
   * AIS-5. Every booked transaction from {@code dateFrom} on, in one page (no {@code next} link).
   */
  void transactions(Context ctx) {
    Read read = authorise(ctx);
    AccountBook.Snapshot account = requireCovered(ctx, read, Service.TRANSACTIONS);
    FormData query = requireQuery(read.request());
    String bookingStatus = requireSingle(query, "bookingStatus");
    if (!BOOKING_STATUSES.contains(bookingStatus)) {
      throw Rejection.formatError(
          "bookingStatus '" + bookingStatus + "' is not one of booked, pending, both");
    }
    LocalDate from = requireDate(query, "dateFrom");
    Optional<LocalDate> to =
        query.count("dateTo") == 0 ? Optional.empty() : Optional.of(requireDate(query, "dateTo"));
    if (to.isPresent() && to.get().isBefore(from)) {
      throw Rejection.formatError("dateTo is before dateFrom");
    }
    spendUnattendedRead(read, account);

    String self = Xs2aRequests.link(read.tenant(), "accounts/" + account.resourceId());
    Map<String, Object> transactions = new LinkedHashMap<>();
    if (!bookingStatus.equals("pending")) {
      List<Map<String, Object>> booked = new ArrayList<>();
      for (AccountBook.Entry e : account.booked()) {
        if (!e.bookingDate().isBefore(from)
            && (to.isEmpty() || !e.bookingDate().isAfter(to.get()))) {
          booked.add(transactionJson(e));
        }
      }
      transactions.put("booked", booked);
    }
    if (!bookingStatus.equals("booked")) {
      transactions.put("pending", List.of());
    }
    transactions.put("_links", Map.of("account", self));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("account", Map.of("iban", account.iban()));
    answer.put("transactions", transactions);
    out.writeJson(ctx, answer);
  }

  // ---------------------------------------------------------------- the checks

  /** Signature, then AIS-4 (the TPP's consent), AIS-3 (its token), AIS-2 (valid). */
  private Read authorise(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    Xs2aRequests.psuIpAddress(request);
    if (request.headerValues(Xs2aRequests.CONSENT_ID).size() > 1) {
      throw Rejection.formatError(Xs2aRequests.CONSENT_ID + " is repeated");
    }
    String consentId =
        request
            .header(Xs2aRequests.CONSENT_ID)
            .orElseThrow(() -> Rejection.formatError(Xs2aRequests.CONSENT_ID + " is missing"));
    // AIS-4: unknown and another TPP's consent answer alike.
    Consents.Consent consent =
        ConsentEndpoints.requireConsent(
            consents,
            consentId,
            certificate,
            tenant,
            options.deviates(Deviation.FOREIGN_CONSENT_READABLE));
    requireConsentToken(request, consent);
    // AIS-2: only a valid consent is read.
    boolean readable =
        consent.status() == Consents.Status.VALID
            || (consent.status() == Consents.Status.RECEIVED
                && options.deviates(Deviation.UNCONFIRMED_CONSENT_READABLE));
    if (!readable) {
      throw new Rejection(
          401,
          Rejection.CONSENT_INVALID,
          "Operation not possible on consent "
              + consent.id()
              + " with status "
              + consent.status().value());
    }
    consents.update(consent.id(), c -> c.withLastActionDate(consents.today()));
    return new Read(tenant, consent, request);
  }

  /** AIS-3: a live access token of the consent's client for exactly this consent. */
  private void requireConsentToken(RequestView request, Consents.Consent consent) {
    Optional<String> bearer = Xs2aRequests.bearer(request);
    if (bearer.isEmpty()) {
      throw Rejection.tokenInvalid("an access token (Authorization: Bearer) is required");
    }
    Optional<AccessTokens.AccessToken> token =
        options.deviates(Deviation.EXPIRED_ACCESS_TOKEN_ACCEPTED)
            ? tokens.known(bearer.get())
            : tokens.live(bearer.get());
    if (token.isEmpty()) {
      // ERR-2: the text names no token, unless the deviation echoes it as careless banks do.
      throw Rejection.tokenInvalid(
          "Access token "
              + (options.deviates(Deviation.TOKEN_ECHOED_IN_ERROR) ? bearer.get() + " " : "")
              + "is invalid or expired");
    }
    AccessTokens.Grant grant = token.get().grant();
    boolean coupled =
        grant.clientId().equals(consent.clientId())
            && (grant.target().equals(Optional.of(ScaTarget.consent(consent.id())))
                || options.deviates(Deviation.TOKEN_NOT_BOUND_TO_CONSENT));
    if (!coupled) {
      throw Rejection.tokenInvalid("Given access token is not coupled to the given consent");
    }
  }

  /**
   * AIS-4: the resourceId of the path is an account the consent covers for this service; never
   * another account's data (403 RESOURCE_UNKNOWN, the same for unknown and uncovered).
   */
  private AccountBook.Snapshot requireCovered(Context ctx, Read read, Service service) {
    String resourceId = ctx.pathParam("resourceId");
    Consents.Access access = read.consent().access();
    Optional<AccountBook.Snapshot> account =
        book.byResourceId(resourceId).filter(a -> a.country().equals(read.tenant().country()));
    boolean covered =
        account.isPresent()
            && (options.deviates(Deviation.UNCOVERED_RESOURCE_READABLE)
                || switch (service) {
                  case ACCOUNT -> access.all().contains(account.get().iban());
                  case BALANCES -> access.balances().contains(account.get().iban());
                  case TRANSACTIONS -> access.transactions().contains(account.get().iban());
                });
    if (!covered) {
      throw new Rejection(
          403,
          Rejection.RESOURCE_UNKNOWN,
          "the account of the path is unknown or not covered by the consent for this service");
    }
    return account.get();
  }

  /**
   * AIS-5: a read without {@code PSU-IP-Address} is unattended; the consent's {@code
   * frequencyPerDay} of them per account and day (sandbox clock), then 429 ACCESS_EXCEEDED.
   */
  private void spendUnattendedRead(Read read, AccountBook.Snapshot account) {
    if (read.request().hasHeader(Xs2aRequests.PSU_IP_ADDRESS)
        || options.deviates(Deviation.NO_UNATTENDED_LIMIT)) {
      return;
    }
    int limit = read.consent().frequencyPerDay();
    if (!unattended.tryRead(read.consent().id(), account.resourceId(), consents.today(), limit)) {
      throw new Rejection(
          429,
          Rejection.ACCESS_EXCEEDED,
          "The daily limit of " + limit + " unattended requests for this account has been reached");
    }
  }

  // ---------------------------------------------------------------- query and JSON

  private static FormData requireQuery(RequestView request) {
    try {
      return FormData.parse(request.rawQuery());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.formatError("the query string is malformed: " + e.getMessage());
    }
  }

  private static String requireSingle(FormData query, String name) {
    if (query.count(name) != 1 || query.first(name).orElse("").isEmpty()) {
      throw Rejection.formatError(
          "query parameter " + name + (query.count(name) > 1 ? " is repeated" : " is missing"));
    }
    return query.first(name).orElseThrow();
  }

  private static LocalDate requireDate(FormData query, String name) {
    String text = requireSingle(query, name);
    try {
      if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Rejection.formatError(name + " '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  private Map<String, Object> accountJson(
      Tenant tenant, Consents.Consent consent, AccountBook.Snapshot account) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("resourceId", account.resourceId());
    json.put("iban", account.iban());
    if (!options.deviates(Deviation.ACCOUNT_CURRENCY_MISSING)) {
      json.put("currency", account.currency());
    }
    json.put("name", "Sandbox test account");
    json.put("cashAccountType", "CACC");
    json.put("status", "enabled");
    String self = Xs2aRequests.link(tenant, "accounts/" + account.resourceId());
    Map<String, Object> links = new LinkedHashMap<>();
    if (consent.access().balances().contains(account.iban())) {
      links.put("balances", self + "/balances");
    }
    if (consent.access().transactions().contains(account.iban())) {
      links.put("transactions", self + "/transactions");
    }
    json.put("_links", links);
    return json;
  }

  private static Map<String, Object> transactionJson(AccountBook.Entry e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("transactionId", e.transactionId());
    json.put("bookingDate", e.bookingDate().toString());
    json.put("valueDate", e.bookingDate().toString());
    json.put("transactionAmount", amount(e.currency(), e.amount()));
    if (e.isDebit()) {
      json.put("creditorName", e.counterpartyName());
      e.counterpartyIban().ifPresent(iban -> json.put("creditorAccount", Map.of("iban", iban)));
    } else {
      json.put("debtorName", e.counterpartyName());
      e.counterpartyIban().ifPresent(iban -> json.put("debtorAccount", Map.of("iban", iban)));
    }
    e.remittance().ifPresent(r -> json.put("remittanceInformationUnstructured", r));
    return json;
  }

  /** BG Amount: the currency and the amount as a string with two decimals (PROD). */
  static Map<String, Object> amount(String currency, BigDecimal amount) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("currency", currency);
    json.put("amount", amount.setScale(2).toPlainString());
    return json;
  }
}
