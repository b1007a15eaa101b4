package com.obkit.client;

import com.obkit.config.KitConfig;
import com.obkit.openapi.OpenApiReferee;
import com.obkit.signing.SigningFilter;
import com.obkit.signing.SigningProfile;
import com.obkit.signing.Tampering;
import com.obkit.signing.UnsignedCertificateFilter;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The TPP's side of every call of the onboarding journey. One instance per scenario; each call
 * builds its own request spec from the run's {@link Transport} with the cross-cutting filters
 * (signing, then the redacting Allure attachment). Returns what the bank said, never judges it:
 * that is the checks' job.
 *
 * <p>Every secret the client sends or receives is registered with the run's {@link SecretRegistry}
 * (by the attachment filter, which sees every request and response; and here for values a request
 * only derives from, such as the PKCE verifier behind an S256 challenge, and before sending for
 * every credential a request carries, so that a transport failure's message is scrubbed of it too),
 * so that reports and messages can be scrubbed of it.
 *
 * <p>The journey after onboarding (contract sections 10 to 15): XS2A calls are signed with the bank
 * profile like every other XS2A call and ask for JSON; the token and revocation calls carry only
 * HTTP Basic (section 12: no draft-cavage signature); the PSU's browser calls are unsigned.
 * Redirects are never followed ({@link Transport}).
 */
public final class BankClient {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  /** The most pages of transactions one read follows: a bank whose {@code next} never ends. */
  static final int MAX_TRANSACTION_PAGES = 20;

  private final KitConfig config;
  private final Transport transport;
  private final BankEndpoints endpoints;
  private final SecretRegistry secrets;
  private final OpenApiReferee referee;
  private volatile Consumer<String> mismatches = mismatch -> {};
  private final boolean guarded;
  private final List<String> retries = new CopyOnWriteArrayList<>();

  /** A client whose answers no OpenAPI referee judges. */
  public BankClient(
      KitConfig config, Transport transport, BankEndpoints endpoints, SecretRegistry secrets) {
    this(config, transport, endpoints, secrets, OpenApiReferee.none(), true);
  }

  /**
   * @param config the run's configuration
   * @param transport how to reach the bank
   * @param endpoints the bank's URLs
   * @param secrets the run's registry of secrets, shared by every client of the run
   * @param referee judges every answer against the bank's OpenAPI documents (OAS-1)
   */
  public BankClient(
      KitConfig config,
      Transport transport,
      BankEndpoints endpoints,
      SecretRegistry secrets,
      OpenApiReferee referee) {
    this(config, transport, endpoints, secrets, referee, true);
  }

  private BankClient(
      KitConfig config,
      Transport transport,
      BankEndpoints endpoints,
      SecretRegistry secrets,
      OpenApiReferee referee,
      boolean guarded) {
    this.config = config;
    this.transport = transport;
    this.endpoints = endpoints;
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.referee = Objects.requireNonNull(referee, "referee");
    this.guarded = guarded;
  }

  /**
   * Who is told of each answer that does not match the bank's OpenAPI documents (OAS-1), as it
   * arrives: one line naming the operation and what differs (see {@link OpenApiReferee#judge}). The
   * scenario's check runner, so that the mismatch is the scenario's whose request got the answer.
   */
  public void onOpenApiMismatch(Consumer<String> listener) {
    this.mismatches = Objects.requireNonNull(listener, "listener");
  }

  /**
   * A client of the same run that the circuit breaker does not stop: for the restore of the TPP's
   * registration at the run's end, which must be tried even when the bank seemed down.
   */
  public BankClient ignoringCircuitBreaker() {
    return new BankClient(config, transport, endpoints, secrets, referee, false);
  }

  /**
   * The exchanges this client retried after an environment fault, one line each ({@code GET
   * https://…/version: connection refused (…); retried 1x, then answered 200}): the scenario
   * reports them.
   */
  public List<String> retries() {
    return List.copyOf(retries);
  }

  public BankEndpoints endpoints() {
    return endpoints;
  }

  /** The run's registry of secrets this client registers with and scrubs attachments by. */
  public SecretRegistry secrets() {
    return secrets;
  }

  /**
   * GET the initial access token (contract section 4), signed with the bank profile, optionally
   * with one thing broken.
   */
  public HttpExchange requestInitialToken(
      Tpp tpp, String tenant, SigningProfile signing, Tampering tampering) {
    URI uri = endpoints.onboarding(tenant);
    return send("GET", uri, () -> spec(signed(tpp, signing, tampering)).accept("application/json"));
  }

  /** POST the registration to the link the onboarding answer gave (contract section 5). */
  public HttpExchange register(
      Tpp tpp, URI registrationLink, RegistrationRequest request, Tampering tampering) {
    Filter certificates =
        request.signed()
            ? signed(tpp, config.bank().signing(), tampering)
            : UnsignedCertificateFilter.of(tpp.credentials(), config.bank().sendSslCertificate())
                .withTampering(tampering);
    request.formToken().ifPresent(secrets::register);
    request.bearerToken().ifPresent(secrets::register);
    return send(
        "POST",
        registrationLink,
        () -> {
          RequestSpecification spec =
              spec(certificates)
                  .accept("application/json")
                  .contentType(FORM)
                  // The form body is ASCII (URL-encoded), so the bytes signed are the bytes sent.
                  .body(request.formBody());
          request.bearerToken().ifPresent(t -> spec.header("Authorization", "Bearer " + t));
          return spec;
        });
  }

  /** Sends the PSU's browser to the authorisation endpoint; redirects are never followed. */
  public HttpExchange authorize(String tenant, AuthorizationRequest request) {
    // Never sent with S256, but it is what the token request will prove possession of.
    secrets.register(request.codeVerifier());
    URI uri = URI.create(endpoints.authorization(tenant) + "?" + request.query());
    return send("GET", uri, () -> spec().urlEncodingEnabled(false).accept("text/html"));
  }

  /** POST a sandbox test account request (contract section 7). */
  public HttpExchange createTestAccount(
      Tpp tpp, String tenant, String currency, Tampering tampering) {
    byte[] body = ("{\"currency\":\"" + currency + "\"}").getBytes(StandardCharsets.UTF_8);
    return send(
        "POST",
        endpoints.testAccounts(tenant),
        () ->
            spec(signed(tpp, config.bank().signing(), tampering))
                .accept("application/json")
                .contentType("application/json")
                .body(body));
  }

  /** A plain GET (discovery, version, a page the bank redirected to). */
  public HttpExchange get(URI uri) {
    return send("GET", uri, () -> spec().urlEncodingEnabled(false));
  }

  /**
   * POST an account information consent (contract section 10), with {@code PSU-IP-Address} and
   * {@code TPP-Redirect-URI} when the request has them.
   */
  public HttpExchange createConsent(Tpp tpp, String tenant, ConsentRequest request) {
    return createConsent(tpp, tenant, request, Tampering.NONE);
  }

  /** {@link #createConsent(Tpp, String, ConsentRequest)} with one thing broken (CON-3). */
  public HttpExchange createConsent(
      Tpp tpp, String tenant, ConsentRequest request, Tampering tampering) {
    Map<String, String> headers = initiation(request.psuIpAddress(), request.redirectUri());
    return send(
        "POST",
        endpoints.consents(tenant),
        () -> xs2a(tpp, tampering, headers).contentType(JSON).body(request.json()));
  }

  /**
   * The consent request's headers with another body, sent as JSON (CON-2, ERR-2: a body that is not
   * JSON at all).
   */
  public HttpExchange createConsentWithBody(
      Tpp tpp, String tenant, ConsentRequest headersFrom, byte[] body) {
    Map<String, String> headers = initiation(headersFrom.psuIpAddress(), headersFrom.redirectUri());
    return send(
        "POST",
        endpoints.consents(tenant),
        () -> xs2a(tpp, Tampering.NONE, headers).contentType(JSON).body(body.clone()));
  }

  /** GET the consent ({@code …/consents/{id}}). */
  public HttpExchange consent(Tpp tpp, String tenant, String consentId) {
    return signedGet(tpp, endpoints.consent(tenant, consentId));
  }

  /** GET the consent's status ({@code …/consents/{id}/status}). */
  public HttpExchange consentStatus(Tpp tpp, String tenant, String consentId) {
    return signedGet(tpp, endpoints.consentStatus(tenant, consentId));
  }

  /** DELETE the consent: the TPP terminates it (REV-1). */
  public HttpExchange deleteConsent(Tpp tpp, String tenant, String consentId) {
    return send(
        "DELETE", endpoints.consent(tenant, consentId), () -> xs2a(tpp, Tampering.NONE, Map.of()));
  }

  /**
   * A signed GET of a URI the bank gave ({@code _links.status}, {@code self}), resolved with {@link
   * BankEndpoints#xs2aLink}.
   */
  public HttpExchange signedGet(Tpp tpp, URI uri) {
    return send("GET", uri, () -> xs2a(tpp, Tampering.NONE, Map.of()));
  }

  /**
   * PUT the confirmation of an authorisation (contract sections 13 and 14): the link the consent or
   * payment answer gave, an empty body (its Digest is the empty string's), the access token as
   * Bearer when given (CNF-2: none), the PSU's IP address.
   */
  public HttpExchange confirm(
      Tpp tpp, URI confirmationLink, Optional<String> accessToken, String psuIpAddress) {
    Map<String, String> headers = new LinkedHashMap<>();
    accessToken.ifPresent(t -> headers.put("Authorization", bearer(t)));
    headers.put("PSU-IP-Address", HeaderValues.require("PSU-IP-Address", psuIpAddress));
    return send("PUT", confirmationLink, () -> xs2a(tpp, Tampering.NONE, headers));
  }

  /** GET the account list ({@code …/v1/accounts}) with the access headers. */
  public HttpExchange accounts(Tpp tpp, String tenant, AccountAccess access) {
    return send(
        "GET", endpoints.accounts(tenant), () -> xs2a(tpp, Tampering.NONE, headers(access)));
  }

  /** GET an account's balances ({@code …/accounts/{resourceId}/balances}). */
  public HttpExchange balances(Tpp tpp, String tenant, String resourceId, AccountAccess access) {
    return send(
        "GET",
        endpoints.balances(tenant, resourceId),
        () -> xs2a(tpp, Tampering.NONE, headers(access)));
  }

  /**
   * GET an account's transactions, booked and pending, from {@code dateFrom} ({@code
   * ?bookingStatus=both&dateFrom=YYYY-MM-DD}), then every page {@code transactions._links.next}
   * leads to (a link text or {@code {"href": …}}, resolved with {@link BankEndpoints#xs2aLink}),
   * with the same headers, until a page has none; at most {@value #MAX_TRANSACTION_PAGES} pages. A
   * {@code next} link off the API's origin is not followed: the read's Bearer token goes to the
   * resource server only (RFC 6750 5.3); the last page shows the link to the checks.
   *
   * @return the pages in order, the first one always
   */
  public List<HttpExchange> transactions(
      Tpp tpp, String tenant, String resourceId, AccountAccess access, LocalDate dateFrom) {
    Map<String, String> headers = headers(access);
    URI uri =
        URI.create(
            endpoints.transactions(tenant, resourceId)
                + "?bookingStatus=both&dateFrom="
                + Objects.requireNonNull(dateFrom, "dateFrom"));
    List<HttpExchange> pages = new ArrayList<>();
    while (true) {
      URI pageUri = uri;
      HttpExchange page = send("GET", pageUri, () -> xs2a(tpp, Tampering.NONE, headers));
      pages.add(page);
      Optional<URI> next = nextPage(page);
      if (pages.size() == MAX_TRANSACTION_PAGES
          || next.isEmpty()
          || !BrowserVisit.sameOrigin(next.get(), endpoints.api())) {
        return List.copyOf(pages);
      }
      uri = next.get();
    }
  }

  /** POST a SEPA credit transfer (contract section 14), with the headers the request has. */
  public HttpExchange initiatePayment(Tpp tpp, String tenant, PaymentRequest request) {
    Map<String, String> headers = initiation(request.psuIpAddress(), request.redirectUri());
    return send(
        "POST",
        endpoints.payments(tenant),
        () -> xs2a(tpp, Tampering.NONE, headers).contentType(JSON).body(request.json()));
  }

  /** GET a payment's status ({@code …/sepa-credit-transfers/{id}/status}). */
  public HttpExchange paymentStatus(Tpp tpp, String tenant, String paymentId) {
    return signedGet(tpp, endpoints.paymentStatus(tenant, paymentId));
  }

  /**
   * POST a token request (contract section 12) to the token endpoint: the form, HTTP Basic when the
   * request has credentials, not signed.
   */
  public HttpExchange token(String tenant, TokenRequest request) {
    // The form's code, verifier and refresh token, before the request can fail anywhere.
    request.form().forEach((name, value) -> registerIfSecret(name, value));
    return send(
        "POST",
        endpoints.token(tenant),
        () -> basicForm(request.basic(), request.form()).accept(JSON));
  }

  /**
   * POST a token revocation (contract section 15, RFC 7009): form {@code token} and {@code
   * token_type_hint}, HTTP Basic, not signed.
   */
  public HttpExchange revoke(
      String tenant, String token, String tokenTypeHint, ClientCredentials client) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", Objects.requireNonNull(token, "token"));
    form.put("token_type_hint", Objects.requireNonNull(tokenTypeHint, "tokenTypeHint"));
    secrets.register(token);
    return send(
        "POST",
        endpoints.revocation(tenant),
        () -> basicForm(Optional.of(client), form).accept(JSON));
  }

  /** The PSU's browser opening a page (a redirect's target, the login page); unsigned. */
  public HttpExchange browserGet(URI uri) {
    return send("GET", uri, () -> spec().urlEncodingEnabled(false).accept("text/html"));
  }

  /**
   * The PSU's browser posting a form (the login page's: {@code session}, {@code iban}, {@code
   * digipass}, {@code action}), fields form-encoded in the map's order; unsigned.
   */
  public HttpExchange browserPostForm(URI uri, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    // The digipass and session, before the request can fail anywhere.
    form.forEach((name, value) -> registerIfSecret(name, value));
    return send(
        "POST",
        uri,
        () ->
            spec()
                .urlEncodingEnabled(false)
                .accept("text/html")
                .contentType(FORM)
                // REST Assured encodes a form only from a String; it is ASCII (URL-encoded) anyway.
                .body(Forms.encode(form)));
  }

  /**
   * The spec of every journey XS2A call: signed with the bank profile (with {@code tampering}),
   * JSON accepted, the URI sent as given (already encoded: ids are encoded by {@link
   * BankEndpoints}, links are the bank's), and {@code headers}, whose credentials are registered
   * first.
   */
  private RequestSpecification xs2a(Tpp tpp, Tampering tampering, Map<String, String> headers) {
    RequestSpecification spec =
        spec(signed(tpp, config.bank().signing(), tampering))
            .urlEncodingEnabled(false)
            .accept(JSON);
    headers.forEach(
        (name, value) -> {
          if (name.equalsIgnoreCase("Authorization")) {
            SecretHarvest.credential(secrets, value);
          }
          spec.header(name, value);
        });
    return spec;
  }

  /** The unsigned form POST of the token and revocation calls, with HTTP Basic when given. */
  private RequestSpecification basicForm(
      Optional<ClientCredentials> client, Map<String, String> form) {
    RequestSpecification spec =
        spec().urlEncodingEnabled(false).contentType(FORM).body(Forms.encode(form));
    client.ifPresent(
        c -> {
          secrets.registerBasic(c.clientId(), c.clientSecret());
          spec.header("Authorization", c.basicHeader());
        });
    return spec;
  }

  /** The headers a consent or payment initiation carries when the request has them. */
  private static Map<String, String> initiation(
      Optional<String> psuIpAddress, Optional<String> redirectUri) {
    Map<String, String> headers = new LinkedHashMap<>();
    psuIpAddress.ifPresent(ip -> headers.put("PSU-IP-Address", ip));
    redirectUri.ifPresent(uri -> headers.put("TPP-Redirect-URI", uri));
    return headers;
  }

  private void registerIfSecret(String name, String value) {
    if (SecretNames.isSecret(name)) {
      secrets.register(value);
    }
  }

  private static String bearer(String token) {
    return "Bearer " + HeaderValues.require("access token", token);
  }

  private static Map<String, String> headers(AccountAccess access) {
    return Objects.requireNonNull(access, "access").headers();
  }

  /** {@code transactions._links.next} of a page: a link text or an object with {@code href}. */
  private Optional<URI> nextPage(HttpExchange page) {
    Optional<String> next =
        page.json()
            .flatMap(j -> HttpExchange.linkOf(j.path("transactions").path("_links"), "next"));
    if (next.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(endpoints.xs2aLink(next.get()));
    } catch (IllegalArgumentException notALink) {
      return Optional.empty(); // the page shows the link; judging it is the checks' job
    }
  }

  private SigningFilter signed(Tpp tpp, SigningProfile signing, Tampering tampering) {
    secrets.registerPrivateKey(tpp.credentials().privateKey());
    return SigningFilter.of(tpp.credentials(), signing, config.bank().sendSslCertificate())
        .withTampering(tampering);
  }

  private RequestSpecification spec(Filter... filters) {
    return RestAssured.given(
            new RequestSpecBuilder().setConfig(transport.restAssuredConfig()).build())
        .filters(List.of(filters));
  }

  /**
   * Sends one exchange through the run's transport (deadline, size limit, retries, circuit breaker:
   * {@link ExchangeRunner}); {@code spec} builds each attempt afresh, so a retry runs the filters
   * again (a new request id and signature).
   */
  private HttpExchange send(String method, URI uri, Supplier<RequestSpecification> spec) {
    HttpExchange answer =
        transport
            .exchanges()
            .send(
                method, uri, retry -> once(method, uri, spec.get(), retry), guarded, retries::add);
    // Only the answer the run took is judged: a gateway's 503 before a retry is no bank answer.
    referee
        .judge(method, uri, answer.status(), answer.headers(), answer.body())
        .ifPresent(mismatches);
    return answer;
  }

  private HttpExchange once(
      String method, URI uri, RequestSpecification spec, Optional<String> retry) {
    // Last, so the attachment shows the headers actually sent (and says when it is a retry).
    spec.filter(new RedactingAllureFilter(secrets, retry));
    // REST Assured rethrows checked I/O exceptions undeclared (Groovy): the runner classifies them.
    Response r = spec.request(method, uri.toString());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header h : r.getHeaders()) {
      headers
          .computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.getValue());
    }
    // Read here, within the exchange's budget, like every byte of the answer.
    return new HttpExchange(method, uri, r.getStatusCode(), headers, r.getBody().asString());
  }
}
