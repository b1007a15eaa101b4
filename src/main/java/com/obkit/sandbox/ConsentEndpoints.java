package com.obkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Account information consents under {@code /xs2a-bg/{tenant}/v1/consents} (contract section 10,
 * the confirmation of section 13 and the DELETE of section 15): CON-1..5, CNF-1..2, REV-1. Every
 * call is signed (sections 2 and 3) and sees only the consents of its certificate's organization
 * id.
 */
final class ConsentEndpoints {

  /** CON-2: at most 90 days ahead (OAS). */
  static final int MAX_VALIDITY_DAYS = 90;

  /** CON-2: at most 4 unattended accesses a day (OAS). */
  static final int MAX_FREQUENCY_PER_DAY = 4;

  private static final Set<String> UNSUPPORTED_ACCESS =
      Set.of("availableAccounts", "availableAccountsWithBalance", "allPsd2");
  private static final List<String> ACCESS_LISTS = List.of("accounts", "balances", "transactions");

  private final SandboxOptions options;
  private final RequestVerifier verifier;
  private final ClientRegistry clients;
  private final TestAccounts accounts;
  private final Consents consents;
  private final AccessTokens tokens;
  private final ErrorRenderer out;
  private final ObjectMapper json;

  ConsentEndpoints(
      SandboxOptions options,
      RequestVerifier verifier,
      ClientRegistry clients,
      TestAccounts accounts,
      Consents consents,
      AccessTokens tokens,
      ErrorRenderer out,
      ObjectMapper json) {
    this.options = Objects.requireNonNull(options, "options");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.consents = Objects.requireNonNull(consents, "consents");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.out = Objects.requireNonNull(out, "out");
    this.json = Objects.requireNonNull(json, "json");
    RequestVerifier.requireSameOptions(options, verifier.options(), "the request verifier");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  // ---------------------------------------------------------------- POST /consents

  /** {@code POST /xs2a-bg/{tenant}/v1/consents}: CON-1 on a request passing CON-2..4. */
  void create(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    // CON-3: signed as section 2, certificate as section 3.
    TppCertificate certificate =
        options.deviates(Deviation.UNSIGNED_CONSENT_ACCEPTED)
            ? verifier.verify(request, false)
            : verifier.verifySigned(request);
    // CON-2: the PSU is present, and the TPP says where the PSU comes back to.
    if (options.deviates(Deviation.PSU_IP_ADDRESS_NOT_REQUIRED)) {
      Xs2aRequests.psuIpAddress(request);
    } else {
      Xs2aRequests.requirePsuIpAddress(request);
    }
    String redirectUri = Xs2aRequests.requireTppRedirectUri(request);
    JsonNode body = requireBody(request);
    Consents.Access access = requireDetailedAccess(body, tenant);
    boolean recurring = JsonFields.requireBoolean(body, "recurringIndicator", "recurringIndicator");
    LocalDate validUntil = requireValidUntil(body);
    int frequencyPerDay = requireFrequencyPerDay(body);
    if (JsonFields.requireBoolean(body, "combinedServiceIndicator", "combinedServiceIndicator")) {
      throw Rejection.formatError(
          "combinedServiceIndicator true is not supported (no combined AIS and PIS sessions)");
    }
    ClientRegistry.Client client = Xs2aRequests.requireRegisteredClient(clients, certificate);
    // CON-4: the redirect URI is, exactly, one of the client's registered ones.
    if (!options.deviates(Deviation.CONSENT_REDIRECT_URI_NOT_CHECKED)
        && !client.redirectUris().contains(redirectUri)) {
      throw Rejection.formatError(
          Xs2aRequests.TPP_REDIRECT_URI
              + " '"
              + redirectUri
              + "' is not exactly one of the client's registered redirect URIs");
    }

    Consents.Consent consent =
        consents.create(
            new Consents.Request(
                tenant,
                certificate.organizationId(),
                client.clientId(),
                redirectUri,
                access,
                recurring,
                validUntil,
                frequencyPerDay));

    // CON-1: links relative to {base}/xs2a-bg; scaOAuth and scaRedirect absolute.
    String prefix =
        options.deviates(Deviation.CONSENT_LINKS_ABSOLUTE) ? request.baseUrl() + "/xs2a-bg" : "";
    String self = prefix + Xs2aRequests.link(tenant, "consents/" + consent.id());
    String authorisation = self + "/authorisations/" + consent.authorisationId();
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("scaOAuth", Xs2aRequests.scaOAuth(request, tenant));
    links.put(
        "scaRedirect",
        Xs2aRequests.scaRedirect(
            request,
            tenant,
            "openid offline_access " + ScaTarget.consent(consent.id()).scopeToken(),
            client.clientId(),
            redirectUri));
    links.put("self", self);
    links.put("status", self + "/status");
    links.put("scaStatus", authorisation);
    links.put("confirmation", authorisation);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("consentStatus", consent.status().value());
    answer.put("consentId", consent.id());
    answer.put("authorisationId", consent.authorisationId());
    answer.put("_links", links);
    ctx.status(201);
    ctx.header(
        "Location",
        request.baseUrl() + "/xs2a-bg" + Xs2aRequests.link(tenant, "consents/" + consent.id()));
    out.writeJson(ctx, answer);
  }

  /** ERR-2: a body that is not one JSON object is 400 FORMAT_ERROR, never a 5xx. */
  private JsonNode requireBody(RequestView request) {
    try {
      return Xs2aRequests.readObject(json, request);
    } catch (Xs2aRequests.MalformedJsonException e) {
      if (options.deviates(Deviation.SERVER_ERROR_ON_MALFORMED_CONSENT)) {
        throw Rejection.deviantServerError(
            e.getCause() == null ? new IllegalStateException(e.getMessage()) : e.getCause());
      }
      throw Rejection.formatError(e.getMessage());
    }
  }

  /**
   * CON-2: a detailed consent: {@code access} names accounts by IBAN (no {@code availableAccounts},
   * no {@code allPsd2}), each a valid IBAN of a test account of the tenant's country.
   */
  Consents.Access requireDetailedAccess(JsonNode body, Tenant tenant) {
    JsonNode access = JsonFields.requireObject(body, "access", "access");
    for (var names = access.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (UNSUPPORTED_ACCESS.contains(name)) {
        throw Rejection.formatError(
            "access." + name + " is not supported: name the accounts by IBAN (a detailed consent)");
      }
      if (!ACCESS_LISTS.contains(name)) {
        throw Rejection.formatError("access." + name + " is not a member of a detailed consent");
      }
    }
    List<List<String>> lists = new ArrayList<>();
    for (String name : ACCESS_LISTS) {
      lists.add(requireAccountReferences(access, name, tenant));
    }
    Consents.Access result = new Consents.Access(lists.get(0), lists.get(1), lists.get(2));
    if (result.all().isEmpty()) {
      throw Rejection.formatError("access names no account (a detailed consent names its IBANs)");
    }
    return result;
  }

  private List<String> requireAccountReferences(JsonNode access, String name, Tenant tenant) {
    Optional<JsonNode> list = JsonFields.optional(access, name);
    if (list.isEmpty()) {
      return List.of();
    }
    String path = "access." + name;
    if (!list.get().isArray()) {
      throw Rejection.formatError(path + " must be a JSON array of account references");
    }
    Set<String> ibans = new LinkedHashSet<>();
    for (int i = 0; i < list.get().size(); i++) {
      JsonNode reference = list.get().get(i);
      String at = path + "[" + i + "]";
      if (!reference.isObject()) {
        throw Rejection.formatError(at + " must be a JSON object such as {\"iban\":\"...\"}");
      }
      for (var members = reference.fieldNames(); members.hasNext(); ) {
        String member = members.next();
        if (!member.equals("iban") && !member.equals("currency")) {
          throw Rejection.formatError(
              at + "." + member + " is not supported: accounts are referenced by iban");
        }
      }
      String iban = JsonFields.requireText(reference, "iban", at + ".iban");
      if (!Ibans.isValid(iban)) {
        // ERR-2: no account data in an error, not even the client's own IBAN echoed.
        throw Rejection.formatError(at + ".iban is not an IBAN");
      }
      TestAccounts.Account account =
          accounts
              .byIban(iban)
              .filter(a -> a.country().equals(tenant.country()))
              .orElseThrow(
                  () ->
                      Rejection.formatError(
                          at
                              + ".iban is not an account of this bank in tenant "
                              + tenant.pathValue()));
      Optional<String> currency = JsonFields.optionalText(reference, "currency", at + ".currency");
      if (currency.isPresent() && !currency.get().equals(account.currency())) {
        throw Rejection.formatError(at + ".currency is not the account's currency");
      }
      ibans.add(iban);
    }
    return List.copyOf(ibans);
  }

  /** CON-2: an ISO date, today at the earliest, at most {@value #MAX_VALIDITY_DAYS} days ahead. */
  LocalDate requireValidUntil(JsonNode body) {
    String text = JsonFields.requireText(body, "validUntil", "validUntil");
    LocalDate validUntil;
    try {
      if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
      }
      validUntil = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Rejection.formatError("validUntil '" + text + "' is not a date (YYYY-MM-DD)");
    }
    LocalDate today = consents.today();
    if (validUntil.isBefore(today)) {
      throw Rejection.formatError("validUntil " + text + " is in the past");
    }
    if (validUntil.isAfter(today.plusDays(MAX_VALIDITY_DAYS))) {
      throw Rejection.formatError(
          "validUntil " + text + " is more than " + MAX_VALIDITY_DAYS + " days ahead");
    }
    return validUntil;
  }

  /** CON-2: 1 to {@value #MAX_FREQUENCY_PER_DAY}. */
  int requireFrequencyPerDay(JsonNode body) {
    int frequency = JsonFields.requireInt(body, "frequencyPerDay", "frequencyPerDay");
    if (frequency < 1) {
      throw Rejection.formatError("frequencyPerDay " + frequency + " must be at least 1");
    }
    if (frequency > MAX_FREQUENCY_PER_DAY && !options.deviates(Deviation.FREQUENCY_NOT_LIMITED)) {
      throw Rejection.formatError(
          "frequencyPerDay " + frequency + " is above the maximum of " + MAX_FREQUENCY_PER_DAY);
    }
    return frequency;
  }

  // ---------------------------------------------------------------- GET, DELETE

  /** {@code GET /xs2a-bg/{tenant}/v1/consents/{consentId}}: the consent (CON-5). */
  void get(Context ctx) {
    Consents.Consent consent = requireReadableConsent(ctx);
    Tenant tenant = consent.tenant();
    Map<String, Object> access = new LinkedHashMap<>();
    putReferences(access, "accounts", consent.access().accounts());
    putReferences(access, "balances", consent.access().balances());
    putReferences(access, "transactions", consent.access().transactions());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access", access);
    answer.put("recurringIndicator", consent.recurringIndicator());
    answer.put("validUntil", consent.validUntil().toString());
    answer.put("frequencyPerDay", consent.frequencyPerDay());
    answer.put("lastActionDate", consent.lastActionDate().toString());
    answer.put("consentStatus", consent.status().value());
    String self = Xs2aRequests.link(tenant, "consents/" + consent.id());
    answer.put("_links", Map.of("self", self, "status", self + "/status"));
    out.writeJson(ctx, answer);
  }

  private static void putReferences(Map<String, Object> access, String name, List<String> ibans) {
    if (!ibans.isEmpty()) {
      access.put(name, ibans.stream().map(iban -> Map.of("iban", iban)).toList());
    }
  }

  /** {@code GET /xs2a-bg/{tenant}/v1/consents/{consentId}/status} (CON-1, CON-5). */
  void status(Context ctx) {
    Consents.Consent consent = requireReadableConsent(ctx);
    out.writeJson(ctx, Map.of("consentStatus", consent.status().value()));
  }

  /** CON-5: the consent of the path, unknown or another TPP's: 403 CONSENT_UNKNOWN. */
  private Consents.Consent requireReadableConsent(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    return requireConsent(
        consents,
        ctx.pathParam("consentId"),
        certificate,
        tenant,
        options.deviates(Deviation.FOREIGN_CONSENT_DISCLOSED));
  }

  /**
   * The consent {@code id} of {@code tenant}, and of the certificate's organization id unless
   * {@code anyTpp}; else 403 CONSENT_UNKNOWN (the OAS: "ConsentID not found, or not registered for
   * this TPP"), the same answer for both, so that an id of another TPP is not confirmed to exist.
   */
  static Consents.Consent requireConsent(
      Consents consents, String id, TppCertificate certificate, Tenant tenant, boolean anyTpp) {
    return consents
        .find(id)
        .filter(
            c ->
                c.tenant() == tenant
                    && (anyTpp || c.organizationId().equals(certificate.organizationId())))
        .orElseThrow(
            () ->
                new Rejection(
                    403,
                    Rejection.CONSENT_UNKNOWN,
                    "consent " + id + " is unknown or not registered for this TPP"));
  }

  /** {@code DELETE /xs2a-bg/{tenant}/v1/consents/{consentId}}: REV-1. */
  void delete(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    Consents.Consent consent =
        requireConsent(consents, ctx.pathParam("consentId"), certificate, tenant, false);
    if (!options.deviates(Deviation.CONSENT_DELETE_IGNORED)) {
      // A closed consent (rejected, expired, terminated) keeps its status; the answer is the same.
      consents.update(
          consent.id(),
          c -> c.status().isOpen() ? c.withStatus(Consents.Status.TERMINATED_BY_TPP) : c);
    }
    ctx.status(204);
    ctx.result("");
  }

  // ---------------------------------------------------------------- authorisation, confirmation

  /** {@code GET …/consents/{consentId}/authorisations/{authorisationId}}: the SCA status. */
  void scaStatus(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    Consents.Consent consent =
        requireConsent(consents, ctx.pathParam("consentId"), certificate, tenant, false);
    requireAuthorisationId(ctx, consent.authorisationId());
    out.writeJson(ctx, Map.of("scaStatus", consent.scaStatus().value()));
  }

  /**
   * {@code PUT …/consents/{consentId}/authorisations/{authorisationId}} with the consent's access
   * token: CNF-1 (200, {@code finalised}, the consent {@code valid}) or CNF-2 (401, the consent
   * stays {@code received}).
   */
  void confirm(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifySigned(request);
    Consents.Consent consent =
        requireConsent(consents, ctx.pathParam("consentId"), certificate, tenant, false);
    requireAuthorisationId(ctx, consent.authorisationId());
    Xs2aRequests.psuIpAddress(request);
    requireEmptyOrObjectBody(json, request);

    // CNF-2: the access token of exactly this consent.
    Optional<String> bearer = Xs2aRequests.bearer(request);
    if (bearer.isPresent() || !options.deviates(Deviation.CONFIRMATION_WITHOUT_TOKEN_ACCEPTED)) {
      requireTokenOf(tokens, bearer, consent.clientId(), ScaTarget.consent(consent.id()));
    }

    Consents.Consent confirmed =
        consents
            .update(
                consent.id(),
                c ->
                    c.status() == Consents.Status.RECEIVED
                        ? c.withStatus(Consents.Status.VALID).withScaStatus(ScaStatus.FINALISED)
                        : c)
            .orElseThrow();
    if (confirmed.status() != Consents.Status.VALID) {
      throw new Rejection(
          401,
          Rejection.CONSENT_INVALID,
          "Operation not possible on consent "
              + consent.id()
              + " with status "
              + confirmed.status().value());
    }
    // CNF-1
    if (options.deviates(Deviation.CONFIRMATION_ANSWERS_204)) {
      ctx.status(204);
      ctx.result("");
      return;
    }
    String self = Xs2aRequests.link(tenant, "consents/" + consent.id());
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("scaStatus", self + "/authorisations/" + consent.authorisationId());
    links.put("status", self + "/status");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("scaStatus", ScaStatus.FINALISED.value());
    answer.put("authorisationId", consent.authorisationId());
    answer.put("_links", links);
    out.writeJson(ctx, answer);
  }

  /** The authorisation of the path is the resource's one; else 403 RESOURCE_UNKNOWN. */
  static void requireAuthorisationId(Context ctx, String authorisationId) {
    String supplied = ctx.pathParam("authorisationId");
    if (!supplied.equals(authorisationId)) {
      throw new Rejection(
          403, Rejection.RESOURCE_UNKNOWN, "authorisation " + supplied + " is unknown");
    }
  }

  /** The confirmation has an empty body (PROD); a JSON object is tolerated, anything else not. */
  static void requireEmptyOrObjectBody(ObjectMapper json, RequestView request) {
    if (request.bodyLength() == 0) {
      return;
    }
    try {
      Xs2aRequests.readObject(json, request);
    } catch (Xs2aRequests.MalformedJsonException e) {
      throw Rejection.formatError(e.getMessage() + " (the confirmation has an empty body)");
    }
  }

  /**
   * CNF-2, PIS-4: a live access token of {@code clientId} for exactly {@code target}; otherwise 401
   * TOKEN_INVALID (never naming the token, ERR-2).
   */
  static AccessTokens.AccessToken requireTokenOf(
      AccessTokens tokens, Optional<String> bearer, String clientId, ScaTarget target) {
    AccessTokens.AccessToken token =
        tokens
            .live(
                bearer.orElseThrow(
                    () ->
                        Rejection.tokenInvalid(
                            "an access token (Authorization: Bearer) of the "
                                + (target.kind() == ScaTarget.Kind.AIS ? "consent" : "payment")
                                + " is required")))
            .orElseThrow(() -> Rejection.tokenInvalid("Access token is invalid or expired"));
    if (!token.grant().clientId().equals(clientId)
        || !token.grant().target().equals(Optional.of(target))) {
      throw Rejection.tokenInvalid(
          "Given access token is not coupled to the given "
              + (target.kind() == ScaTarget.Kind.AIS ? "consent" : "payment"));
    }
    return token;
  }
}
