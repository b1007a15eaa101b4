package com.obkit.sandbox;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorisation endpoint under {@code /auth/{tenant}} (contract sections 6 and 11) with exact
 * redirect URI matching (AUTH-1..5) and the consent's or payment's scope ({@code AIS:<id>}, {@code
 * PIS:<id>}: a pending one of the client, its {@code TPP-Redirect-URI}, one login per {@code
 * scaRedirect}, SCA-3), and discovery. The login page is {@link LoginPage}, the token endpoint
 * {@link TokenEndpoint}.
 */
final class AuthorizationEndpoints {

  private static final List<String> SINGLE_VALUED =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "code_challenge",
          "code_challenge_method");

  private final SandboxOptions options;
  private final ClientRegistry clients;
  private final AuthorizationStore store;
  private final ScaTargets targets;
  private final LoginPage login;
  private final ErrorRenderer out;

  AuthorizationEndpoints(
      SandboxOptions options,
      ClientRegistry clients,
      AuthorizationStore store,
      ScaTargets targets,
      LoginPage login,
      ErrorRenderer out) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.store = Objects.requireNonNull(store, "store");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.login = Objects.requireNonNull(login, "login");
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
    // Section 11: the scope's consent or payment, a pending one of this client for this redirect
    // URI; claimed last, so that a request refused above leaves its scaRedirect usable.
    String scope = query.first("scope").orElse(null);
    ScaTarget target;
    try {
      target = ScaTarget.fromScope(scope);
    } catch (IllegalArgumentException e) {
      throw Rejection.badRequest(Rejection.INVALID_SCOPE, e.getMessage());
    }
    if (target != null) {
      targets.claim(target, tenant, client.clientId(), redirectUri);
    }
    String challenge = query.first("code_challenge").orElse("");
    String session =
        store.openSession(
            tenant,
            client.clientId(),
            redirectUri,
            state,
            challenge,
            // RFC 7636 4.3: plain when absent (only PKCE_NOT_REQUIRED lets that through).
            query.first("code_challenge_method").orElse("plain"),
            scope,
            Optional.ofNullable(target));
    if (options.deviates(Deviation.AUTHORIZATION_SKIPS_LOGIN)) {
      login.redirectWithCode(
          ctx, session, store.session(session, tenant).orElseThrow(LoginPage::unknownSession));
      return;
    }
    // AUTH-1: on to the bank's login page, same host, never straight back to the TPP.
    Redirects.redirect(
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
    if (!TokenEndpoint.PKCE_VALUE.matcher(challenge).matches()) {
      return "code_challenge is not 43 to 128 unreserved characters";
    }
    return null;
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
    body.put("revocation_endpoint", base + "/v1/token/revoke");
    body.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    body.put("code_challenge_methods_supported", List.of("S256"));
    body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    body.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    body.put("scopes_supported", List.of("openid", "offline_access"));
    out.writeJson(ctx, body);
  }

  // ---------------------------------------------------------------- helpers

  private static void redirectError(
      Context ctx, String redirectUri, String error, String description, String state) {
    Redirects.redirect(ctx, Redirects.errorLocation(redirectUri, error, description, state));
  }

  /**
   * RFC 6749 4.1.2.1: {@code redirectUri} with error, error_description and the request's state.
   */
  private static String errorLocation(
      String redirectUri, String error, String description, FormData query) {
    return Redirects.errorLocation(
        redirectUri, error, description, query.first("state").orElse(null));
  }
}
