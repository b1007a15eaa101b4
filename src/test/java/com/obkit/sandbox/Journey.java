package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One registered TPP walking the journey of contract sections 10 to 15 against a running sandbox,
 * for tests: signed XS2A calls, the PSU's browser at the authorisation endpoint and the reference
 * login page, the token endpoint. Every step returns the raw answer; the {@code *Ok} steps assert
 * the faithful success on the way.
 */
final class Journey {

  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final String CHALLENGE = AuthorizationFlowTest.s256(VERIFIER);
  static final String PSU_IP = "192.0.2.10";
  static final String STATE = "st-9 &z";

  /** A created consent or payment: its ids and links. */
  record Created(String id, String authorisationId, String scaRedirect, JsonNode json) {}

  /** A consent or payment with its tokens. */
  record Authorised(Created created, String accessToken, String refreshToken, JsonNode tokens) {}

  final ReferenceSandbox sandbox;
  final SandboxHttp http;
  final TestSigner signer;
  final String tenant;
  final String redirectUri;
  final JsonNode client;

  private Journey(
      ReferenceSandbox sandbox,
      SandboxHttp http,
      TestSigner signer,
      String tenant,
      String redirectUri,
      JsonNode client) {
    this.sandbox = sandbox;
    this.http = http;
    this.signer = signer;
    this.tenant = tenant;
    this.redirectUri = redirectUri;
    this.client = client;
  }

  /** Onboards and registers organization {@code org} (key {@code key}) in {@code tenant}. */
  static Journey register(
      ReferenceSandbox sandbox,
      SandboxHttp http,
      String org,
      KeyPair key,
      String tenant,
      String... redirectUris) {
    TestSigner signer = new TestSigner(TestPki.tpp(org).issue(key), key.getPrivate());
    JsonNode client = Flow.registered(http, tenant, signer, List.of(redirectUris));
    return new Journey(sandbox, http, signer, tenant, redirectUris[0], client);
  }

  /** The same TPP in another tenant (the client_id is per organization id, REG-2). */
  Journey in(String otherTenant) {
    return new Journey(sandbox, http, signer, otherTenant, redirectUri, client);
  }

  /** The same TPP signing with another signer (a broken one). */
  Journey signingWith(TestSigner other) {
    return new Journey(sandbox, http, other, tenant, redirectUri, client);
  }

  /** The same TPP with another redirect URI of its registration for new consents. */
  Journey redirectingTo(String uri) {
    return new Journey(sandbox, http, signer, tenant, uri, client);
  }

  String clientId() {
    return client.get("client_id").asText();
  }

  String clientSecret() {
    return client.get("client_secret").asText();
  }

  LocalDate today() {
    return LocalDate.ofInstant(sandbox.options().clock().instant(), ZoneOffset.UTC);
  }

  // ---------------------------------------------------------------- signed XS2A calls

  /**
   * A signed call to {@code /xs2a-bg/{tenant}/v1/{path}}; {@code extra} headers are added after
   * signing, a null value removes the header.
   */
  HttpResponse<String> xs2a(String method, String path, String body, Map<String, String> extra) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>(signer.sign(bytes));
    if (!body.isEmpty()) {
      h.put("Content-Type", "application/json");
    }
    extra.forEach(
        (name, value) -> {
          if (value == null) {
            h.remove(name);
          } else {
            h.put(name, value);
          }
        });
    return http.request(method, "/xs2a-bg/" + tenant + "/v1/" + path, h, bytes);
  }

  HttpResponse<String> xs2a(String method, String path) {
    return xs2a(method, path, "", Map.of());
  }

  /** A JSON value from a text with single quotes for double ones (test expectations). */
  static JsonNode json(String singleQuoted) {
    try {
      return SandboxHttp.JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  static Map<String, String> headers(String... pairs) {
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      h.put(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  // ---------------------------------------------------------------- test accounts

  JsonNode testAccount() {
    HttpResponse<String> r =
        http.post("/xs2a-bg/" + tenant + "/sandbox/v1/test-accounts", signer.sign(""), "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return SandboxHttp.json(r);
  }

  // ---------------------------------------------------------------- consents

  /** The contract's consent body for {@code iban} (all three services), valid 30 days. */
  ObjectNode consentRequest(String iban) {
    ObjectNode body = SandboxHttp.JSON.createObjectNode();
    ObjectNode access = body.putObject("access");
    for (String service : List.of("accounts", "balances", "transactions")) {
      access.putArray(service).addObject().put("iban", iban);
    }
    body.put("recurringIndicator", true);
    body.put("validUntil", today().plusDays(30).toString());
    body.put("frequencyPerDay", 4);
    body.put("combinedServiceIndicator", false);
    return body;
  }

  /** A consent request naming several IBANs in every service. */
  ObjectNode consentRequest(List<String> ibans) {
    ObjectNode body = consentRequest(ibans.get(0));
    for (String service : List.of("accounts", "balances", "transactions")) {
      ArrayNode list = ((ObjectNode) body.get("access")).putArray(service);
      ibans.forEach(iban -> list.addObject().put("iban", iban));
    }
    return body;
  }

  HttpResponse<String> postConsent(JsonNode body, Map<String, String> extra) {
    Map<String, String> h = headers("PSU-IP-Address", PSU_IP, "TPP-Redirect-URI", redirectUri);
    h.putAll(extra);
    Map<String, String> all = new LinkedHashMap<>(h);
    return xs2a("POST", "consents", body.toString(), all);
  }

  Created consentOk(JsonNode body) {
    HttpResponse<String> r = postConsent(body, Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return created(r, "consentId");
  }

  Created consentOk(String iban) {
    return consentOk(consentRequest(iban));
  }

  private static Created created(HttpResponse<String> r, String idName) {
    JsonNode j = SandboxHttp.json(r);
    return new Created(
        j.get(idName).asText(),
        j.get("authorisationId").asText(),
        j.path("_links").path("scaRedirect").asText(),
        j);
  }

  String consentStatus(String consentId) {
    HttpResponse<String> r = xs2a("GET", "consents/" + consentId + "/status");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SandboxHttp.json(r).get("consentStatus").asText();
  }

  HttpResponse<String> confirmConsent(Created consent, String accessToken) {
    return xs2a(
        "PUT",
        "consents/" + consent.id() + "/authorisations/" + consent.authorisationId(),
        "",
        accessToken == null
            ? headers("PSU-IP-Address", PSU_IP)
            : headers("PSU-IP-Address", PSU_IP, "Authorization", "Bearer " + accessToken));
  }

  // ---------------------------------------------------------------- the PSU's browser

  /** GET of the scaRedirect with state and PKCE appended, as the TPP sends the PSU. */
  HttpResponse<String> openScaRedirect(String scaRedirect) {
    return openScaRedirect(scaRedirect, STATE);
  }

  HttpResponse<String> openScaRedirect(String scaRedirect, String state) {
    String url =
        scaRedirect
            + "&state="
            + SandboxHttp.enc(state)
            + "&code_challenge="
            + CHALLENGE
            + "&code_challenge_method=S256";
    return http.get(pathOf(url));
  }

  /** The path and query of an absolute URL of this sandbox. */
  String pathOf(String url) {
    String base = sandbox.baseUrl().toString();
    assertThat(url).startsWith(base);
    return url.substring(base.length());
  }

  /** Opens the scaRedirect and returns the login session of the login page it leads to. */
  String loginSession(String scaRedirect) {
    HttpResponse<String> r = openScaRedirect(scaRedirect);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = SandboxHttp.location(r).get(0);
    assertThat(location).startsWith(sandbox.baseUrl() + "/auth/" + tenant + "/v1/login?session=");
    return SandboxHttp.queryOf(location).get("session");
  }

  HttpResponse<String> login(String session, String iban, String digipass, String action) {
    return http.post(
        "/auth/" + tenant + "/v1/login",
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        SandboxHttp.form("session", session, "iban", iban, "digipass", digipass, "action", action));
  }

  HttpResponse<String> login(String session, JsonNode account) {
    return login(session, account.get("iban").asText(), account.get("digipass").asText(), "login");
  }

  /** Opens the scaRedirect, logs in with {@code account}, returns the code (SCA-1 asserted). */
  String codeOk(String scaRedirect, JsonNode account) {
    HttpResponse<String> r = login(loginSession(scaRedirect), account);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    Map<String, String> q = SandboxHttp.queryOf(SandboxHttp.location(r).get(0));
    assertThat(q.get("state")).isEqualTo(STATE);
    return Objects.requireNonNull(q.get("code"), "code");
  }

  // ---------------------------------------------------------------- token endpoint

  HttpResponse<String> token(String... form) {
    return http.post(
        "/auth/" + tenant + "/v1/token", basic(clientId(), clientSecret()), SandboxHttp.form(form));
  }

  HttpResponse<String> exchange(String code) {
    return token(
        "grant_type",
        "authorization_code",
        "code",
        code,
        "redirect_uri",
        redirectUri,
        "code_verifier",
        VERIFIER);
  }

  HttpResponse<String> refresh(String refreshToken) {
    return token("grant_type", "refresh_token", "refresh_token", refreshToken);
  }

  HttpResponse<String> revoke(String token, String hint) {
    return http.post(
        "/auth/" + tenant + "/v1/token/revoke",
        basic(clientId(), clientSecret()),
        SandboxHttp.form("token", token, "token_type_hint", hint));
  }

  static Map<String, String> basic(String id, String secret) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/x-www-form-urlencoded");
    h.put(
        "Authorization",
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    return h;
  }

  /** Code and exchange for {@code created}, asserting 200. */
  Authorised authoriseOk(Created created, JsonNode account) {
    HttpResponse<String> r = exchange(codeOk(created.scaRedirect(), account));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode t = SandboxHttp.json(r);
    return new Authorised(
        created, t.get("access_token").asText(), t.path("refresh_token").asText(null), t);
  }

  /** A consent for {@code account}, authorised and confirmed: valid. */
  Authorised validConsentOk(JsonNode account) {
    Created consent = consentOk(account.get("iban").asText());
    Authorised a = authoriseOk(consent, account);
    HttpResponse<String> confirmed = confirmConsent(consent, a.accessToken());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    return a;
  }

  // ---------------------------------------------------------------- account reads

  HttpResponse<String> read(String path, String consentId, String accessToken, boolean psu) {
    Map<String, String> h = new LinkedHashMap<>();
    if (consentId != null) {
      h.put("Consent-ID", consentId);
    }
    if (accessToken != null) {
      h.put("Authorization", "Bearer " + accessToken);
    }
    if (psu) {
      h.put("PSU-IP-Address", PSU_IP);
    }
    return xs2a("GET", path, "", h);
  }

  HttpResponse<String> read(String path, Authorised consent) {
    return read(path, consent.created().id(), consent.accessToken(), true);
  }

  /** The resourceId of the first account of the consent's account list. */
  String resourceId(Authorised consent) {
    HttpResponse<String> r = read("accounts", consent);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SandboxHttp.json(r).path("accounts").path(0).path("resourceId").asText();
  }

  static String transactions(String resourceId) {
    return "accounts/" + resourceId + "/transactions?bookingStatus=both&dateFrom=2000-01-01";
  }

  // ---------------------------------------------------------------- payments

  ObjectNode paymentRequest(String debtorIban, String amount) {
    ObjectNode body = SandboxHttp.JSON.createObjectNode();
    ObjectNode instructed = body.putObject("instructedAmount");
    instructed.put("currency", "EUR");
    instructed.put("amount", amount);
    body.putObject("debtorAccount").put("iban", debtorIban);
    body.putObject("creditorAccount").put("iban", CREDITOR_IBAN);
    body.put("creditorName", "Creditor B.V.");
    body.put("remittanceInformationUnstructured", "Invoice 42");
    return body;
  }

  /** A valid Dutch IBAN of another bank. */
  static final String CREDITOR_IBAN = Ibans.iban("NL", "ABNA0417164300");

  HttpResponse<String> postPayment(JsonNode body, Map<String, String> extra) {
    Map<String, String> h = headers("PSU-IP-Address", PSU_IP, "TPP-Redirect-URI", redirectUri);
    h.putAll(extra);
    return xs2a("POST", "payments/sepa-credit-transfers", body.toString(), h);
  }

  Created paymentOk(String debtorIban, String amount) {
    HttpResponse<String> r = postPayment(paymentRequest(debtorIban, amount), Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return created(r, "paymentId");
  }

  String paymentStatus(String paymentId) {
    HttpResponse<String> r = xs2a("GET", "payments/sepa-credit-transfers/" + paymentId + "/status");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SandboxHttp.json(r).get("transactionStatus").asText();
  }

  HttpResponse<String> confirmPayment(Created payment, String accessToken) {
    return xs2a(
        "PUT",
        "payments/sepa-credit-transfers/"
            + payment.id()
            + "/authorisations/"
            + payment.authorisationId(),
        "",
        accessToken == null
            ? headers("PSU-IP-Address", PSU_IP)
            : headers("PSU-IP-Address", PSU_IP, "Authorization", "Bearer " + accessToken));
  }

  /** The first balance's amount of {@code resourceId}, read with the PSU present. */
  String balance(Authorised consent, String resourceId) {
    HttpResponse<String> r = read("accounts/" + resourceId + "/balances", consent);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // A string (the sandbox) or a number (BALANCE_AMOUNT_AS_NUMBER): two decimals either way.
    return new java.math.BigDecimal(
            SandboxHttp.json(r)
                .path("balances")
                .path(0)
                .path("balanceAmount")
                .path("amount")
                .asText())
        .setScale(2)
        .toPlainString();
  }
}
