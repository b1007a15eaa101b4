package com.obkit.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded reference sandbox: a strict, faithful implementation of the bank's side of the
 * contract ({@code bank-contract.md}: onboarding, sections 1 to 8, and the journey after it,
 * sections 10 to 15) on Javalin / Jetty, for the kit to be run against and for tests. Every request
 * is verified independently of the kit's own code.
 *
 * <p>Endpoints: {@code GET /xs2a-bg/version}, {@code GET /xs2a-bg/openapi.json}, {@code GET
 * /auth/openapi.json}, {@code GET /xs2a-bg/{tenant}/onboarding/v1} (and {@code /v1/onboarding}),
 * {@code POST /xs2a-bg/{tenant}/sandbox/v1/test-accounts}, {@code POST
 * /auth/{tenant}/v1/registration}, {@code GET /auth/{tenant}/v1/auth}, {@code GET|POST
 * /auth/{tenant}/v1/login}, {@code POST /auth/{tenant}/v1/token}, {@code POST
 * /auth/{tenant}/v1/token/revoke}, {@code GET /auth/{tenant}/.well-known/openid-configuration};
 * {@code POST /xs2a-bg/{tenant}/v1/consents}, {@code GET|DELETE …/consents/{id}}, {@code GET
 * …/consents/{id}/status}, {@code GET|PUT …/consents/{id}/authorisations/{aid}}, {@code GET
 * /xs2a-bg/{tenant}/v1/accounts}, {@code GET …/accounts/{rid}[/balances|/transactions]}, {@code
 * POST /xs2a-bg/{tenant}/v1/payments/sepa-credit-transfers}, {@code GET …/{id}}, {@code GET
 * …/{id}/status}, {@code GET|PUT …/{id}/authorisations/{aid}}.
 *
 * <p>All state is in memory and thread-safe; nothing is logged per request, and secrets never are.
 *
 * <p>ERR-1 (never a 5xx, never a hang for a client error): request line and headers are bounded by
 * {@link #MAX_REQUEST_HEADER_BYTES} (414 / 431), bodies by {@link SandboxOptions#maxBodyBytes()}
 * (413), a silent connection is closed after {@link #IDLE_TIMEOUT} (a stalled body is answered
 * 400), and what Jetty refuses before Javalin runs is answered in the contract's shapes by {@link
 * ContractErrorHandler}.
 */
public final class ReferenceSandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceSandbox.class);

  /**
   * ERR-1 (never a hang): a connection silent this long is closed; a request whose body stalls is
   * answered 400 (the body read fails) instead of holding a thread forever.
   */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Largest request line plus header block. Two base64 DER certificate headers and a Signature pass
   * Jetty's 8 KiB default with larger production certificates (a 431 there would be a false failure
   * of the TPP); anything above this is answered 431 (414 for a request line alone) in the
   * contract's shape.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

  /** The default listener of issued secrets: nobody is told. */
  private static final Consumer<String> NO_LISTENER = value -> {};

  private final SandboxOptions options;
  private final Javalin app;
  private final ServerTls tls;
  private final SandboxState state;
  private final InitialAccessTokens tokens;
  private final AccessTokens accessTokens;
  private final Consents consents;
  private final URI baseUrl;

  /** Requests being handled right now, and the most ever handled at once (tests prove overlap). */
  private final InFlight inFlight;

  /** Forgets every registration, certificate, token, code, consent, payment and account. */
  private final Runnable wipe;

  private ReferenceSandbox(
      SandboxOptions options,
      Javalin app,
      ServerTls tls,
      SandboxState state,
      InitialAccessTokens tokens,
      AccessTokens accessTokens,
      Consents consents,
      URI baseUrl,
      InFlight inFlight,
      Runnable wipe) {
    this.options = options;
    this.app = app;
    this.tls = tls;
    this.state = state;
    this.tokens = tokens;
    this.accessTokens = accessTokens;
    this.consents = consents;
    this.baseUrl = baseUrl;
    this.inFlight = inFlight;
    this.wipe = wipe;
  }

  /** Starts a sandbox that fetches {@code sector_identifier_uri} documents over the network. */
  public static ReferenceSandbox start(SandboxOptions options) {
    return start(options, SectorIdentifierFetcher.http());
  }

  /**
   * Starts a sandbox.
   *
   * @param options how to run
   * @param sectorIdentifierFetcher how {@code sector_identifier_uri} documents are fetched (REG-7)
   * @throws IllegalStateException when the server cannot start (port in use, ...)
   */
  public static ReferenceSandbox start(
      SandboxOptions options, SectorIdentifierFetcher sectorIdentifierFetcher) {
    return start(options, sectorIdentifierFetcher, IDLE_TIMEOUT, NO_LISTENER);
  }

  /**
   * Starts a sandbox that tells {@code issuedSecrets} every secret value it issues, so that a test
   * can search reports, logs and other output of a run for the actual secrets of that run (a leak
   * test) instead of guessing at their shape.
   *
   * <p>Reported, each before the answer carrying it is sent: initial access tokens (TOK-1), {@code
   * client_secret}s (REG-2, a new one per registration), login session ids and authorisation codes
   * (section 6), access and refresh tokens and {@code id_token}s of the token endpoint, and
   * digipass numbers (ACC-2). Not reported, since they are not secret: {@code client_id}s, IBANs,
   * consent, payment, authorisation, resource and transaction ids.
   *
   * <p>The sandbox keeps no value for the listener's sake: what is recorded, and where, is the
   * caller's business. The listener is called from request threads, concurrently, and must be
   * thread-safe, quick and must not throw (an exception would turn that request into a 500).
   *
   * @param options how to run
   * @param sectorIdentifierFetcher how {@code sector_identifier_uri} documents are fetched (REG-7)
   * @param issuedSecrets told each secret value as it is issued
   * @throws IllegalStateException when the server cannot start (port in use, ...)
   */
  public static ReferenceSandbox start(
      SandboxOptions options,
      SectorIdentifierFetcher sectorIdentifierFetcher,
      Consumer<String> issuedSecrets) {
    return start(options, sectorIdentifierFetcher, IDLE_TIMEOUT, issuedSecrets);
  }

  /**
   * Starts a sandbox whose connections are closed after {@code idleTimeout} without traffic (tests
   * use a short one to show that a stalled upload is answered, not left hanging).
   */
  static ReferenceSandbox start(
      SandboxOptions options,
      SectorIdentifierFetcher sectorIdentifierFetcher,
      Duration idleTimeout) {
    return start(options, sectorIdentifierFetcher, idleTimeout, NO_LISTENER);
  }

  private static ReferenceSandbox start(
      SandboxOptions options,
      SectorIdentifierFetcher sectorIdentifierFetcher,
      Duration idleTimeout,
      Consumer<String> issuedSecrets) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sectorIdentifierFetcher, "sectorIdentifierFetcher");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(issuedSecrets, "issuedSecrets");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "idleTimeout " + idleTimeout + " must be positive (zero would mean never)");
    }

    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    Secrets secrets = new Secrets(issuedSecrets);
    CertificateRegistry certificates = new CertificateRegistry();
    InitialAccessTokens tokens =
        new InitialAccessTokens(options.clock(), options.tokenLifetime(), secrets);
    ClientRegistry clients = new ClientRegistry(secrets);
    TestAccounts accounts = new TestAccounts(secrets);
    AuthorizationStore authorizations = new AuthorizationStore(options.clock(), secrets);
    Consents consents = new Consents(options.clock(), secrets);
    Payments payments = new Payments(secrets);
    AccessTokens accessTokens = new AccessTokens(options.clock(), secrets);
    AccountBook book = new AccountBook(secrets);
    UnattendedReads unattendedReads = new UnattendedReads();
    // A wipe (contract section 1) forgets everything: registrations, certificates, tokens, codes,
    // consents, payments, accounts and their books.
    Runnable wipe =
        () -> {
          clients.clear();
          certificates.clear();
          tokens.clear();
          authorizations.clear();
          accessTokens.clear();
          consents.clear();
          payments.clear();
          book.clear();
          unattendedReads.clear();
          accounts.clear();
        };
    if (options.deviates(Deviation.ACCOUNT_LIST_SHOWS_ALL_ACCOUNTS)) {
      // Another PSU's account in every country, so that a list of every account shows one the
      // consent does not cover whichever scenario runs first.
      LocalDate today = LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC);
      for (Tenant t : List.of(Tenant.NL, Tenant.BE_NL, Tenant.UK)) {
        book.open(accounts.create(t, "EUR", options), today);
      }
    }
    // Every rule-keeping part is built with the options, so each applies exactly their deviations.
    ErrorRenderer out = new ErrorRenderer(options, json);
    RequestVerifier verifier =
        new RequestVerifier(
            options,
            new CertificateVerifier(options, certificates),
            new SignatureVerifier(options));

    Xs2aEndpoints xs2a =
        new Xs2aEndpoints(options, verifier, certificates, tokens, accounts, book, out, json);
    RegistrationEndpoint registration =
        new RegistrationEndpoint(
            options, verifier, tokens, clients, sectorIdentifierFetcher, out, json);
    ScaTargets targets = new ScaTargets(options, consents, payments);
    LoginPage login = new LoginPage(options, accounts, authorizations, targets);
    AuthorizationEndpoints authorization =
        new AuthorizationEndpoints(options, clients, authorizations, targets, login, out);
    TokenEndpoint token =
        new TokenEndpoint(options, clients, authorizations, accessTokens, secrets, out, json);
    ConsentEndpoints consent =
        new ConsentEndpoints(
            options, verifier, clients, accounts, consents, accessTokens, out, json);
    AccountEndpoints account =
        new AccountEndpoints(options, verifier, consents, accessTokens, book, unattendedReads, out);
    PaymentEndpoints payment =
        new PaymentEndpoints(
            options,
            verifier,
            clients,
            accounts,
            payments,
            accessTokens,
            book,
            consents,
            out,
            json);
    Release release = Release.parse(options.release());
    String xs2aOpenApi = release.xs2aDocument(resource("/sandbox/xs2a-openapi.json"));
    String authOpenApi = release.authDocument(resource("/sandbox/auth-openapi.json"));

    ServerTls tls = options.tls() ? ServerTls.generate(options.host()) : null;
    ContractErrorHandler jettyErrors = new ContractErrorHandler(json);
    InFlight inFlight = new InFlight();

    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = options.maxBodyBytes();
              cfg.jetty.addConnector(
                  (server, httpConfig) -> connector(server, httpConfig, options, tls, idleTimeout));
              // ERR-1: what Jetty refuses before Javalin runs (bad request line, 414, 431, bad
              // Host, bad
              // UTF-8 in the path) is answered in the contract's shapes too, not with Jetty's HTML
              // page.
              cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));

              cfg.routes.before(ctx -> inFlight.enter());
              cfg.routes.before(ctx -> prelude(ctx, options));
              cfg.routes.after(ctx -> inFlight.leave());

              cfg.routes.get("/xs2a-bg/version", xs2a::version);
              cfg.routes.get("/xs2a-bg/openapi.json", ctx -> rawJson(ctx, xs2aOpenApi));
              cfg.routes.get("/auth/openapi.json", ctx -> rawJson(ctx, authOpenApi));
              cfg.routes.get("/xs2a-bg/{tenant}/onboarding/v1", xs2a::onboarding);
              cfg.routes.get("/xs2a-bg/{tenant}/v1/onboarding", xs2a::onboarding);
              cfg.routes.post(
                  "/xs2a-bg/{tenant}/sandbox/v1/test-accounts", xs2a::createTestAccount);

              cfg.routes.post("/auth/{tenant}/v1/registration", registration::register);
              cfg.routes.get("/auth/{tenant}/v1/auth", authorization::authorize);
              cfg.routes.get("/auth/{tenant}/v1/login", login::page);
              cfg.routes.post("/auth/{tenant}/v1/login", login::login);
              cfg.routes.post("/auth/{tenant}/v1/token", token::token);
              cfg.routes.post("/auth/{tenant}/v1/token/revoke", token::revoke);

              // Sections 10 to 15: consents, accounts, payments.
              String consentsPath = "/xs2a-bg/{tenant}/v1/consents";
              String consentPath = consentsPath + "/{consentId}";
              String consentAuthorisation = consentPath + "/authorisations/{authorisationId}";
              cfg.routes.post(consentsPath, consent::create);
              cfg.routes.get(consentPath, consent::get);
              cfg.routes.delete(consentPath, consent::delete);
              cfg.routes.get(consentPath + "/status", consent::status);
              cfg.routes.get(consentAuthorisation, consent::scaStatus);
              cfg.routes.put(consentAuthorisation, consent::confirm);
              String accountsPath = "/xs2a-bg/{tenant}/v1/accounts";
              cfg.routes.get(accountsPath, account::list);
              cfg.routes.get(accountsPath + "/{resourceId}", account::details);
              cfg.routes.get(accountsPath + "/{resourceId}/balances", account::balances);
              cfg.routes.get(accountsPath + "/{resourceId}/transactions", account::transactions);
              String paymentsPath = "/xs2a-bg/{tenant}/v1/payments/{product}";
              String paymentPath = paymentsPath + "/{paymentId}";
              String paymentAuthorisation = paymentPath + "/authorisations/{authorisationId}";
              cfg.routes.post(paymentsPath, payment::create);
              cfg.routes.get(paymentPath, payment::get);
              cfg.routes.get(paymentPath + "/status", payment::status);
              cfg.routes.get(paymentAuthorisation, payment::scaStatus);
              cfg.routes.put(paymentAuthorisation, payment::confirm);
              cfg.routes.get(
                  "/auth/{tenant}/.well-known/openid-configuration", authorization::discovery);

              cfg.routes.exception(Rejection.class, (e, ctx) -> out.render(ctx, e));
              cfg.routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e, out));
              cfg.routes.error(404, ctx -> statusWithoutBody(ctx, out, "no such resource"));
              cfg.routes.error(
                  405,
                  ctx ->
                      statusWithoutBody(
                          ctx, out, "method " + ctx.req().getMethod() + " is not allowed here"));
              cfg.routes.error(
                  413,
                  ctx ->
                      statusWithoutBody(
                          ctx,
                          out,
                          "request body larger than " + options.maxBodyBytes() + " bytes"));
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(
          "reference sandbox cannot start on "
              + options.host()
              + ":"
              + options.port()
              + ": "
              + e.getMessage(),
          e);
    }
    String host = ServerTls.isWildcard(options.host()) ? "127.0.0.1" : options.host();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    URI baseUrl = URI.create((options.tls() ? "https" : "http") + "://" + host + ":" + app.port());
    return new ReferenceSandbox(
        options,
        app,
        tls,
        new SandboxState(clients, certificates, accounts),
        tokens,
        accessTokens,
        consents,
        baseUrl,
        inFlight,
        wipe);
  }

  /**
   * The OpenAPI documents a sandbox of {@code release} serves at {@code /xs2a-bg/openapi.json} and
   * {@code /auth/openapi.json}, without starting one.
   *
   * @return the two documents' texts, {@code /xs2a-bg} first
   * @throws IllegalArgumentException for an unknown release
   */
  public static List<String> openApiDocuments(String release) {
    Release r = Release.parse(release);
    return List.of(
        r.xs2aDocument(resource("/sandbox/xs2a-openapi.json")),
        r.authDocument(resource("/sandbox/auth-openapi.json")));
  }

  /** Scheme, host and the bound port, e.g. {@code https://127.0.0.1:43121}; no trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The bound port (the ephemeral one when {@link SandboxOptions#port()} is 0). */
  public int port() {
    return app.port();
  }

  /** The TLS certificate generated at start, for clients to trust in memory; empty without TLS. */
  public Optional<X509Certificate> serverCertificate() {
    return Optional.ofNullable(tls).map(ServerTls::certificate);
  }

  /** The options the sandbox runs with. */
  public SandboxOptions options() {
    return options;
  }

  /** A read-only view of registered clients, certificates and test accounts. */
  public SandboxState state() {
    return state;
  }

  /**
   * The largest number of requests this sandbox has handled at the same time since it started (a
   * test's proof that a parallel run really overlapped its requests); 0 before the first request.
   */
  public int maxRequestsInFlight() {
    return inFlight.max();
  }

  /**
   * Test hook (REG-3): every initial access token issued so far to {@code organizationId} expires
   * now, as if its lifetime had passed. Returns how many live tokens were expired.
   *
   * @throws IllegalArgumentException when {@code organizationId} is not an ETSI 5.2.1 identifier
   */
  public int expireInitialAccessTokens(String organizationId) {
    return tokens.expireAll(OrganizationId.of(Objects.requireNonNull(organizationId)));
  }

  /**
   * Test hook (AIS-3): every access token issued so far to {@code clientId} expires now, as if its
   * 600 seconds had passed. Returns how many live tokens were expired (0 for an unknown client).
   */
  public int expireAccessTokens(String clientId) {
    return accessTokens.expireAll(Objects.requireNonNull(clientId, "clientId"));
  }

  /**
   * Test hook (AIS-2): every consent of {@code clientId} that is {@code received} or {@code valid}
   * becomes {@code expired} now, as if its {@code validUntil} had passed. Returns how many.
   */
  public int expireConsents(String clientId) {
    return consents.expireAll(Objects.requireNonNull(clientId, "clientId"));
  }

  /**
   * Self-test control: the sandbox's data is wiped, as the bank's sandbox is "a few times a year
   * (then register again)" (contract section 1). Every registration, certificate (CERT-4), initial
   * access token, authorisation session and code, access and refresh token, consent, payment and
   * test account is forgotten; the sandbox keeps running on the same address.
   */
  public void wipe() {
    wipe.run();
  }

  /** Stops Jetty; idempotent. */
  @Override
  public void close() {
    app.stop();
  }

  @Override
  public String toString() {
    return "ReferenceSandbox[" + baseUrl + ", " + options.mode() + "]";
  }

  // ---------------------------------------------------------------- wiring

  /** Counts requests between the first before-handler and the after-handler. */
  private static final class InFlight {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    void enter() {
      int current = now.incrementAndGet();
      max.accumulateAndGet(current, Math::max);
    }

    void leave() {
      now.decrementAndGet();
    }

    int max() {
      return max.get();
    }
  }

  private static Connector connector(
      Server server,
      HttpConfiguration base,
      SandboxOptions options,
      ServerTls tls,
      Duration idleTimeout) {
    HttpConfiguration http = new HttpConfiguration(base);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    ServerConnector connector;
    if (tls == null) {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    } else {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false); // clients connect by IP literal, which carries no SNI
      http.addCustomizer(secure);
      connector =
          new ServerConnector(
              server,
              new SslConnectionFactory(tls.sslContextFactory(), HttpVersion.HTTP_1_1.asString()),
              new HttpConnectionFactory(http));
    }
    connector.setHost(options.host());
    connector.setPort(options.port());
    connector.setIdleTimeout(idleTimeout.toMillis());
    return connector;
  }

  /**
   * Before every handler: the configured latency, a 400 on a path Javalin cannot decode, then an
   * early 413 on a declared oversize body.
   */
  private static void prelude(Context ctx, SandboxOptions options) {
    Duration latency = options.latency();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    requireWellFormedEscapes(ctx.req().getRequestURI());
    RequestView.requireDeclaredLengthWithin(ctx.req(), options.maxBodyBytes());
  }

  /**
   * ERR-1: Jetty lets some escapes through that are not RFC 3986 {@code %XX} (for instance the
   * legacy {@code %u0041}); Javalin then fails decoding the path parameter with an
   * IllegalArgumentException, which would surface as a 500. Such a path is the client's error: 400
   * FORMAT_ERROR (invalid_request under /auth) before any route runs.
   */
  static void requireWellFormedEscapes(String rawPath) {
    if (rawPath == null) {
      return;
    }
    for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
      if (i + 2 >= rawPath.length()
          || !isHex(rawPath.charAt(i + 1))
          || !isHex(rawPath.charAt(i + 2))) {
        throw Rejection.malformed(
            400,
            Rejection.FORMAT_ERROR,
            "the request path has a malformed percent-escape (RFC 3986 2.1: %XX)");
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static void rawJson(Context ctx, String body) {
    ctx.contentType("application/json");
    ctx.result(body);
  }

  /**
   * Error statuses Javalin produced itself (no route, wrong method): give them the family's shape.
   */
  private static void statusWithoutBody(Context ctx, ErrorRenderer out, String text) {
    if (Boolean.TRUE.equals(ctx.attribute(ErrorRenderer.RENDERED))) {
      return;
    }
    out.render(ctx, generic(ctx.statusCode(), text));
  }

  private static void unexpected(Context ctx, Exception e, ErrorRenderer out) {
    ErrorRenderer.Dialect dialect = ErrorRenderer.dialectFor(ctx.req().getRequestURI());
    if (e instanceof HttpResponseException h && h.getStatus() >= 400 && h.getStatus() < 500) {
      out.render(
          ctx,
          dialect,
          generic(h.getStatus(), h.getMessage() == null ? "request refused" : h.getMessage()));
      return;
    }
    // A bug in the sandbox, not a client error: worth a stack trace. No request data is logged
    // beyond
    // method and path (never the query or body, which may carry tokens or codes).
    LOG.error(
        "reference sandbox failed on {} {}: {}",
        ctx.req().getMethod(),
        ctx.req().getRequestURI(),
        e.getClass().getName(),
        e);
    ctx.status(500);
    Map<String, Object> body = new LinkedHashMap<>();
    if (dialect == ErrorRenderer.Dialect.XS2A) {
      body.put(
          "tppMessages",
          List.of(
              Map.of(
                  "category", "ERROR", "code", "INTERNAL_SERVER_ERROR", "text", "internal error")));
    } else {
      body.put("error", "server_error");
      body.put("error_description", "internal error");
    }
    out.writeJson(ctx, body);
    ctx.attribute(ErrorRenderer.RENDERED, Boolean.TRUE);
  }

  private static Rejection generic(int status, String text) {
    if (status < 400 || status > 499) {
      status = 400;
    }
    String xs2aCode =
        switch (status) {
          case 404 -> Rejection.RESOURCE_UNKNOWN;
          case 405 -> Rejection.SERVICE_INVALID;
          default -> Rejection.FORMAT_ERROR;
        };
    return Rejection.malformed(status, xs2aCode, text);
  }

  private static String resource(String name) {
    try (InputStream in = ReferenceSandbox.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
