package com.obkit.sandbox;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OAuth side under {@code /auth/{tenant}} (contract section 6): the authorisation endpoint with
 * exact redirect URI matching (AUTH-1..5), the sandbox login page (IBAN + digipass of a test
 * account), the token endpoint (PKCE S256, HTTP Basic client authentication) and discovery.
 */
final class AuthorizationEndpoints {

  /** RFC 7636 4.1 / 4.2: 43 to 128 unreserved characters. */
  private static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private static final List<String> SINGLE_VALUED =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "code_challenge",
          "code_challenge_method");

  private static final Map<String, String> BASIC_CHALLENGE =
      Map.of("WWW-Authenticate", "Basic realm=\"reference-sandbox\"");

  private final SandboxOptions options;
  private final ClientRegistry clients;
  private final TestAccounts accounts;
  private final AuthorizationStore store;
  private final Secrets secrets;
  private final ErrorRenderer out;

  AuthorizationEndpoints(
      SandboxOptions options,
      ClientRegistry clients,
      TestAccounts accounts,
      AuthorizationStore store,
      Secrets secrets,
      ErrorRenderer out) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.store = Objects.requireNonNull(store, "store");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.out = Objects.requireNonNull(out, "out");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  // ---------------------------------------------------------------- authorisation endpoint

  /**
   * {@code GET /auth/{tenant}/v1/auth}. Errors before the redirect URI is verified are pages, never
   * redirects.
   */
  void authorize(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    FormData query = requireParseableQuery(request);
    requireSingleValuedParameters(query);
    ClientRegistry.Client client = requireKnownClient(query);
    String redirectUri = requireRegisteredRedirectUri(query, client);

    // From here on the redirect URI is one the client registered: errors go back to it (RFC 6749
    // 4.1.2.1).
    String state = query.first("state").orElse(null);
    String responseType = query.first("response_type").orElse("");
    if (responseType.isEmpty()) {
      redirectError(ctx, redirectUri, "invalid_request", "response_type is missing", state);
      return;
    }
    if (!responseType.equals("code")) {
      redirectError(
          ctx,
          redirectUri,
          "unsupported_response_type",
          "only response_type=code is supported",
          state);
      return;
    }
    String challengeProblem =
        options.deviates(Deviation.PKCE_NOT_REQUIRED) ? null : pkceChallengeProblem(query);
    if (challengeProblem != null) {
      redirectError(ctx, redirectUri, "invalid_request", challengeProblem, state);
      return;
    }
    String session =
        store.openSession(
            tenant,
            client.clientId(),
            redirectUri,
            state,
            query.first("code_challenge").orElse(""),
            query.first("scope").orElse(null));
    if (options.deviates(Deviation.AUTHORIZATION_SKIPS_LOGIN)) {
      redirectWithCode(
          ctx,
          session,
          store.session(session, tenant).orElseThrow(AuthorizationEndpoints::unknownSession));
      return;
    }
    // AUTH-1: on to the bank's login page, same host, never straight back to the TPP.
    redirect(
        ctx, request.baseUrl() + "/auth/" + tenant.pathValue() + "/v1/login?session=" + session);
  }

  FormData requireParseableQuery(RequestView request) {
    try {
      return FormData.parse(request.rawQuery());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "query string is malformed: " + e.getMessage());
    }
  }

  /** RFC 6749 3.1: request parameters must not be repeated. */
  void requireSingleValuedParameters(FormData query) {
    for (String name : SINGLE_VALUED) {
      if (query.count(name) > 1) {
        throw Rejection.badRequest(Rejection.INVALID_REQUEST, "parameter " + name + " is repeated");
      }
    }
  }

  /** AUTH-4: an unknown client gets an error page, no redirect (ERR-1: a 4xx). */
  ClientRegistry.Client requireKnownClient(FormData query) {
    String clientId =
        query
            .first("client_id")
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () -> Rejection.badRequest(Rejection.INVALID_REQUEST, "client_id is missing"));
    Optional<String> supplied = query.first("redirect_uri").filter(s -> !s.isEmpty());
    return clients
        .byClientId(clientId)
        .orElseThrow(
            () -> {
              if (options.deviates(Deviation.SERVER_ERROR_ON_UNKNOWN_CLIENT)) {
                return Rejection.deviantServerError(new NullPointerException("client is null"));
              }
              if (options.deviates(Deviation.UNKNOWN_CLIENT_REDIRECTS) && supplied.isPresent()) {
                return Rejection.deviantRedirect(
                    errorLocation(
                        supplied.get(), "unauthorized_client", "unknown client_id", query));
              }
              return Rejection.badRequest(
                  Rejection.INVALID_CLIENT, "client_id '" + clientId + "' is not registered");
            });
  }

  /**
   * AUTH-2 / AUTH-3: the redirect URI is, by simple string comparison (no normalisation, no further
   * decoding), one of the client's currently registered URIs; otherwise an error page, no redirect.
   * Returns the URI as supplied (the same string, unless a deviation matched it leniently).
   */
  String requireRegisteredRedirectUri(FormData query, ClientRegistry.Client client) {
    String redirectUri =
        query
            .first("redirect_uri")
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () -> Rejection.badRequest(Rejection.INVALID_REQUEST, "redirect_uri is missing"));
    List<String> accepted =
        options.deviates(Deviation.REMOVED_REDIRECT_URIS_STILL_ACCEPTED)
            ? client.everRegisteredRedirectUris()
            : client.redirectUris();
    for (String registered : accepted) {
      if (sameRedirectUri(registered, redirectUri)) {
        return redirectUri;
      }
    }
    if (options.deviates(Deviation.OPEN_REDIRECT_ON_MISMATCH)) {
      throw Rejection.deviantRedirect(
          errorLocation(redirectUri, "invalid_request", "redirect_uri is not registered", query));
    }
    throw Rejection.badRequest(
        Rejection.INVALID_REQUEST,
        "redirect_uri '"
            + redirectUri
            + "' is not exactly one of the client's registered redirect URIs");
  }

  /**
   * AUTH-2: simple string comparison (RFC 3986 6.2.1); each deviation swaps in one lenient
   * comparison.
   */
  boolean sameRedirectUri(String registered, String supplied) {
    if (options.deviates(Deviation.PREFIX_REDIRECT_MATCH)) {
      return supplied.startsWith(registered);
    }
    if (options.deviates(Deviation.CASE_INSENSITIVE_REDIRECT_MATCH)) {
      return supplied.equalsIgnoreCase(registered);
    }
    if (options.deviates(Deviation.NORMALISED_REDIRECT_MATCH)) {
      return RedirectUris.normalised(supplied).equals(RedirectUris.normalised(registered));
    }
    if (options.deviates(Deviation.QUERY_IGNORED_REDIRECT_MATCH)) {
      return RedirectUris.withoutQuery(supplied).equals(RedirectUris.withoutQuery(registered));
    }
    return supplied.equals(registered);
  }

  /** AUTH-5: PKCE with S256 is required; null when fine, else what is wrong. */
  String pkceChallengeProblem(FormData query) {
    String method = query.first("code_challenge_method").orElse("");
    String challenge = query.first("code_challenge").orElse("");
    if (challenge.isEmpty()) {
      return "code_challenge is missing (PKCE with S256 is required)";
    }
    if (!method.equals("S256")) {
      return "code_challenge_method must be S256";
    }
    if (!PKCE_VALUE.matcher(challenge).matches()) {
      return "code_challenge is not 43 to 128 unreserved characters";
    }
    return null;
  }

  // ---------------------------------------------------------------- login (sandbox SCA)

  /** {@code GET /auth/{tenant}/v1/login?session=…}: the login form. */
  void loginPage(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    String session = requireParseableQuery(request).first("session").orElse("");
    store.session(session, tenant).orElseThrow(AuthorizationEndpoints::unknownSession);
    showLogin(ctx, tenant, session, null);
  }

  /**
   * {@code POST /auth/{tenant}/v1/login}: IBAN + digipass of a test account, then back to the TPP
   * with a code.
   */
  void login(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    if (!Routes.hasMediaType(request, Routes.FORM)) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "the login form must be posted as " + Routes.FORM);
    }
    FormData form;
    try {
      form = FormData.parse(request.body());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "form body is malformed: " + e.getMessage());
    }
    String sessionId = form.first("session").orElse("");
    AuthorizationStore.Session session =
        store.session(sessionId, tenant).orElseThrow(AuthorizationEndpoints::unknownSession);
    String iban = form.first("iban").orElse("");
    String digipass = form.first("digipass").orElse("");
    if (!accounts.authenticates(tenant, iban, digipass)) {
      showLogin(
          ctx,
          tenant,
          sessionId,
          "The IBAN and digipass do not match a test account of this bank.");
      return;
    }
    redirectWithCode(ctx, sessionId, session);
  }

  /** Ends the login session and sends the browser back to the TPP with an authorisation code. */
  private void redirectWithCode(Context ctx, String sessionId, AuthorizationStore.Session session) {
    if (!store.closeSession(sessionId)) {
      throw unknownSession();
    }
    String code = store.issueCode(session);
    StringBuilder location = new StringBuilder(session.redirectUri());
    location
        .append(session.redirectUri().indexOf('?') >= 0 ? '&' : '?')
        .append("code=")
        .append(encode(code));
    if (session.state() != null) {
      location.append("&state=").append(encode(session.state()));
    }
    redirect(ctx, location.toString());
  }

  private void showLogin(Context ctx, Tenant tenant, String session, String error) {
    String form =
        (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>\n")
            + "<form method=\"post\" action=\"/auth/"
            + tenant.pathValue()
            + "/v1/login\">\n"
            + "<input type=\"hidden\" name=\"session\" value=\""
            + Html.escape(session)
            + "\">\n"
            + "<label>IBAN <input name=\"iban\" autocomplete=\"off\"></label>\n"
            + "<label>Digipass <input name=\"digipass\" inputmode=\"numeric\" autocomplete=\"off\"></label>\n"
            + "<button type=\"submit\">Log in</button>\n</form>";
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(Html.page("Sandbox login", form));
  }

  private static Rejection unknownSession() {
    return Rejection.badRequest(
        Rejection.INVALID_REQUEST,
        "the login session is unknown or has expired; start the authorisation again");
  }

  // ---------------------------------------------------------------- token endpoint

  /** {@code POST /auth/{tenant}/v1/token}: authorization_code grant with PKCE. */
  void token(Context ctx) {
    Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    ClientRegistry.Client client = requireClientAuthentication(request);
    if (!Routes.hasMediaType(request, Routes.FORM)) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST,
          "Content-Type '" + request.header("Content-Type").orElse("") + "' is not " + Routes.FORM);
    }
    FormData form;
    try {
      form = FormData.parse(request.body());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "form body is malformed: " + e.getMessage());
    }
    for (String name : List.of("grant_type", "code", "redirect_uri", "code_verifier")) {
      if (form.count(name) > 1) {
        throw Rejection.badRequest(Rejection.INVALID_REQUEST, "parameter " + name + " is repeated");
      }
    }
    String grantType = form.first("grant_type").orElse("");
    if (grantType.isEmpty()) {
      throw Rejection.badRequest(Rejection.INVALID_REQUEST, "grant_type is missing");
    }
    if (!grantType.equals("authorization_code")) {
      throw Rejection.badRequest(
          Rejection.UNSUPPORTED_GRANT_TYPE, "grant_type '" + grantType + "' is not supported");
    }
    String codeValue =
        form.first("code")
            .filter(s -> !s.isEmpty())
            .orElseThrow(() -> Rejection.badRequest(Rejection.INVALID_REQUEST, "code is missing"));
    AuthorizationStore.Code code =
        store
            .redeem(codeValue)
            .orElseThrow(() -> invalidGrant("the code is unknown, used or expired"));
    if (!code.clientId().equals(client.clientId())) {
      throw invalidGrant("the code was issued to another client");
    }
    requireSameRedirectUri(form, code);
    if (!options.deviates(Deviation.PKCE_NOT_REQUIRED)) {
      requirePkceVerifier(form, code);
    }

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", secrets.secret(32));
    body.put("token_type", "Bearer");
    body.put("expires_in", 3600);
    body.put("refresh_token", secrets.secret(32));
    body.put("scope", code.scope() == null ? "" : code.scope());
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    out.writeJson(ctx, body);
  }

  /** RFC 6749 2.3.1 with client_secret_basic: HTTP Basic with the client's current secret. */
  ClientRegistry.Client requireClientAuthentication(RequestView request) {
    String authorization = request.header("Authorization").orElse("");
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      throw invalidClient("client authentication by HTTP Basic (client_secret_basic) is required");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(space + 1).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidClient("the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw invalidClient("the Basic credentials are not client_id:client_secret");
    }
    String clientId = formDecode(decoded.substring(0, colon));
    String secret = formDecode(decoded.substring(colon + 1));
    ClientRegistry.Client client = clients.byClientId(clientId).orElse(null);
    if (client == null || !Secrets.same(client.clientSecret(), secret)) {
      throw invalidClient("unknown client or wrong client secret");
    }
    return client;
  }

  /** RFC 6749 4.1.3: the redirect_uri of the authorisation request, identical. */
  void requireSameRedirectUri(FormData form, AuthorizationStore.Code code) {
    String redirectUri = form.first("redirect_uri").orElse("");
    if (!redirectUri.equals(code.redirectUri())) {
      throw invalidGrant("redirect_uri is not the one of the authorisation request");
    }
  }

  /** RFC 7636 4.6: BASE64URL(SHA-256(code_verifier)) equals the S256 code_challenge. */
  void requirePkceVerifier(FormData form, AuthorizationStore.Code code) {
    String verifier = form.first("code_verifier").orElse("");
    if (!PKCE_VALUE.matcher(verifier).matches()) {
      throw invalidGrant("code_verifier is missing or not 43 to 128 unreserved characters");
    }
    if (!Secrets.same(s256(verifier), code.codeChallenge())) {
      throw invalidGrant("code_verifier does not match the code_challenge");
    }
  }

  static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  // ---------------------------------------------------------------- discovery

  /**
   * {@code GET /auth/{tenant}/.well-known/openid-configuration}, absolute URLs from the request's
   * host.
   */
  void discovery(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    String base = RequestView.baseUrlOf(ctx.req()) + "/auth/" + tenant.pathValue();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", base);
    body.put("authorization_endpoint", base + "/v1/auth");
    body.put("token_endpoint", base + "/v1/token");
    body.put("registration_endpoint", base + "/v1/registration");
    body.put("response_types_supported", List.of("code"));
    body.put("grant_types_supported", List.of("authorization_code"));
    body.put("code_challenge_methods_supported", List.of("S256"));
    body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    body.put("scopes_supported", List.of("openid", "offline_access"));
    out.writeJson(ctx, body);
  }

  // ---------------------------------------------------------------- helpers

  private static void redirectError(
      Context ctx, String redirectUri, String error, String description, String state) {
    redirect(ctx, errorLocation(redirectUri, error, description, state));
  }

  /**
   * RFC 6749 4.1.2.1: {@code redirectUri} with error, error_description and the request's state.
   */
  private static String errorLocation(
      String redirectUri, String error, String description, FormData query) {
    return errorLocation(redirectUri, error, description, query.first("state").orElse(null));
  }

  private static String errorLocation(
      String redirectUri, String error, String description, String state) {
    StringBuilder location = new StringBuilder(redirectUri);
    location
        .append(redirectUri.indexOf('?') >= 0 ? '&' : '?')
        .append("error=")
        .append(encode(error))
        .append("&error_description=")
        .append(encode(description));
    if (state != null) {
      location.append("&state=").append(encode(state));
    }
    return location.toString();
  }

  private static void redirect(Context ctx, String location) {
    ctx.status(302);
    ctx.header("Location", location);
    ctx.header("Cache-Control", "no-store");
    ctx.result("");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String formDecode(String s) {
    try {
      return FormData.decodeComponent(s);
    } catch (FormData.MalformedFormException e) {
      throw invalidClient("the Basic credentials are not form-encoded");
    }
  }

  private static Rejection invalidClient(String text) {
    return new Rejection(401, Rejection.INVALID_CLIENT, text, BASIC_CHALLENGE);
  }

  private static Rejection invalidGrant(String text) {
    return Rejection.badRequest(Rejection.INVALID_GRANT, text);
  }
}
