package com.obkit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token endpoint {@code POST /auth/{tenant}/v1/token} (contract section 12: TKN-1..TKN-8) and
 * the revocation endpoint {@code POST /auth/{tenant}/v1/token/revoke} (section 15: REV-2, RFC
 * 7009). Both authenticate the client by HTTP Basic with the secret of its latest registration
 * (TKN-6) and answer errors in the OAuth shape.
 */
final class TokenEndpoint {

  /** RFC 7636 4.1: 43 to 128 unreserved characters. */
  static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private static final List<String> SINGLE_VALUED =
      List.of(
          "grant_type",
          "code",
          "redirect_uri",
          "code_verifier",
          "refresh_token",
          "scope",
          "token",
          "token_type_hint");

  private static final Map<String, String> BASIC_CHALLENGE =
      Map.of("WWW-Authenticate", "Basic realm=\"reference-sandbox\"");

  private final SandboxOptions options;
  private final ClientRegistry clients;
  private final AuthorizationStore store;
  private final AccessTokens tokens;
  private final Secrets secrets;
  private final ErrorRenderer out;
  private final ObjectMapper json;

  TokenEndpoint(
      SandboxOptions options,
      ClientRegistry clients,
      AuthorizationStore store,
      AccessTokens tokens,
      Secrets secrets,
      ErrorRenderer out,
      ObjectMapper json) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.store = Objects.requireNonNull(store, "store");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.out = Objects.requireNonNull(out, "out");
    this.json = Objects.requireNonNull(json, "json");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  // ---------------------------------------------------------------- token

  /** {@code POST /auth/{tenant}/v1/token}: authorization_code (PKCE) and refresh_token grants. */
  void token(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    ClientRegistry.Client client = requireClientAuthentication(request);
    FormData form = requireForm(request);
    // The client's PKCE verifier is its secret too: reported, so a leak test can look for it.
    form.first("code_verifier").filter(v -> !v.isEmpty()).ifPresent(secrets::received);
    String grantType = form.first("grant_type").orElse("");
    if (grantType.isEmpty()) {
      throw Rejection.badRequest(Rejection.INVALID_REQUEST, "grant_type is missing");
    }
    Map<String, Object> body =
        switch (grantType) {
          case "authorization_code" -> exchangeCode(form, client, tenant, request);
          case "refresh_token" -> refresh(form, client);
          default -> {
            // TKN-8: no other grant, even with a code.
            if (options.deviates(Deviation.ANY_GRANT_TYPE_ACCEPTED)
                && form.first("code").isPresent()) {
              yield exchangeCode(form, client, tenant, request);
            }
            throw Rejection.badRequest(
                Rejection.UNSUPPORTED_GRANT_TYPE,
                "grant_type '" + grantType + "' is not supported");
          }
        };
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    out.writeJson(ctx, body);
  }

  /** TKN-1..TKN-5: a fresh code of this client, its redirect URI, its PKCE verifier. */
  private Map<String, Object> exchangeCode(
      FormData form, ClientRegistry.Client client, Tenant tenant, RequestView request) {
    String value =
        form.first("code")
            .filter(s -> !s.isEmpty())
            .orElseThrow(() -> Rejection.badRequest(Rejection.INVALID_REQUEST, "code is missing"));
    AuthorizationStore.Redemption redemption =
        store.redeem(value, !options.deviates(Deviation.CODE_REUSABLE));
    switch (redemption.outcome()) {
      case UNKNOWN -> throw invalidGrant("the code is unknown or expired");
      case REUSED -> {
        // TKN-4 and its SHOULD: a second use is refused and revokes what the first one got.
        if (!options.deviates(Deviation.REUSED_CODE_KEEPS_TOKENS)) {
          tokens.revokeGrant(redemption.code().orElseThrow().grantId());
          throw invalidGrant("the code was used before; the tokens issued for it are revoked");
        }
        throw invalidGrant("the code was used before");
      }
      case FRESH -> {
        // on below
      }
    }
    AuthorizationStore.Code code = redemption.code().orElseThrow();
    // TKN-5
    if (!code.clientId().equals(client.clientId())
        && !options.deviates(Deviation.CODE_NOT_BOUND_TO_CLIENT)) {
      throw invalidGrant("Authorization code not issued to client");
    }
    // TKN-3
    if (!options.deviates(Deviation.TOKEN_REDIRECT_URI_NOT_COMPARED)) {
      requireSameRedirectUri(form, code);
    }
    // TKN-2
    if (!options.deviates(Deviation.PKCE_VERIFIER_NOT_CHECKED)) {
      requirePkceVerifier(form, code);
    }
    AccessTokens.Grant grant =
        new AccessTokens.Grant(
            code.grantId(), client.clientId(), code.target(), Optional.ofNullable(code.scope()));
    AccessTokens.Issued issued = tokens.issue(grant, hasScope(code.scope(), "offline_access"));
    Map<String, Object> body = answer(issued);
    if (hasScope(code.scope(), "openid")) {
      body.put("id_token", idToken(tenant, request, client.clientId(), grant));
    }
    return body;
  }

  /** TKN-7: a live refresh token of this client: new access and refresh tokens (rotation). */
  private Map<String, Object> refresh(FormData form, ClientRegistry.Client client) {
    String value =
        form.first("refresh_token")
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () -> Rejection.badRequest(Rejection.INVALID_REQUEST, "refresh_token is missing"));
    if (options.deviates(Deviation.REFRESH_TOKEN_REFUSED)) {
      throw invalidGrant("the refresh token is invalid");
    }
    AccessTokens.Issued issued =
        tokens
            .refresh(value, client.clientId())
            .orElseThrow(
                () -> invalidGrant("the refresh token is unknown, used, revoked or expired"));
    return answer(issued);
  }

  /** TKN-1: the answer's members (RFC 6749 5.1). */
  private Map<String, Object> answer(AccessTokens.Issued issued) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", issued.accessToken());
    body.put("token_type", "Bearer");
    if (!options.deviates(Deviation.TOKEN_EXPIRES_IN_MISSING)) {
      body.put("expires_in", AccessTokens.ACCESS_LIFETIME.toSeconds());
    }
    issued.refreshToken().ifPresent(r -> body.put("refresh_token", r));
    issued.grant().scope().ifPresent(s -> body.put("scope", s));
    return body;
  }

  /**
   * An OpenID Connect {@code id_token} in compact JWS form. The sandbox publishes no keys, so the
   * signature part is random bytes: clients must treat it as an opaque secret (it is one, and is
   * reported as such).
   */
  private String idToken(
      Tenant tenant, RequestView request, String clientId, AccessTokens.Grant grant) {
    Instant now = options.clock().instant();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("kid", "reference-sandbox");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", request.baseUrl() + "/auth/" + tenant.pathValue());
    claims.put("sub", "psu-" + grant.grantId());
    claims.put("aud", clientId);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(AccessTokens.ACCESS_LIFETIME).getEpochSecond());
    return secrets.composed(
        base64Url(header) + "." + base64Url(claims) + "." + secrets.identifier(256));
  }

  private String base64Url(Map<String, Object> value) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise id_token part", e);
    }
  }

  static boolean hasScope(String scope, String value) {
    return scope != null && Arrays.asList(scope.split(" ")).contains(value);
  }

  /** RFC 6749 4.1.3: the redirect_uri of the authorisation request, identical. */
  static void requireSameRedirectUri(FormData form, AuthorizationStore.Code code) {
    String redirectUri = form.first("redirect_uri").orElse("");
    if (!redirectUri.equals(code.redirectUri())) {
      throw invalidGrant("redirect_uri is not the one of the authorisation request");
    }
  }

  /**
   * RFC 7636 4.6: BASE64URL(SHA-256(code_verifier)) equals the S256 code_challenge. A code without
   * a challenge exists only under {@link Deviation#PKCE_NOT_REQUIRED} (AUTH-5), which also lets the
   * {@code plain} method through: then there is nothing, or the plain value, to compare.
   */
  static void requirePkceVerifier(FormData form, AuthorizationStore.Code code) {
    if (code.codeChallenge().isEmpty()) {
      return;
    }
    String verifier = form.first("code_verifier").orElse("");
    if (!PKCE_VALUE.matcher(verifier).matches()) {
      throw invalidGrant("code_verifier is missing or not 43 to 128 unreserved characters");
    }
    String expected = code.codeChallengeMethod().equals("S256") ? s256(verifier) : verifier;
    if (!Secrets.same(expected, code.codeChallenge())) {
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

  // ---------------------------------------------------------------- revocation

  /**
   * {@code POST /auth/{tenant}/v1/token/revoke} (RFC 7009): 200 for any token, known or not; a
   * refresh token revokes its grant (its access tokens too), an access token itself (REV-2). {@code
   * token_type_hint} is only a hint (RFC 7009 2.1), so an unknown one is ignored.
   */
  void revoke(Context ctx) {
    Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    ClientRegistry.Client client = requireClientAuthentication(request);
    FormData form = requireForm(request);
    String token =
        form.first("token")
            .filter(s -> !s.isEmpty())
            .orElseThrow(() -> Rejection.badRequest(Rejection.INVALID_REQUEST, "token is missing"));
    if (!options.deviates(Deviation.REVOCATION_IGNORED)) {
      tokens.revoke(token, client.clientId());
    }
    ctx.status(200);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    ctx.result("");
  }

  // ---------------------------------------------------------------- shared

  private static FormData requireForm(RequestView request) {
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
    for (String name : SINGLE_VALUED) {
      if (form.count(name) > 1) {
        throw Rejection.badRequest(Rejection.INVALID_REQUEST, "parameter " + name + " is repeated");
      }
    }
    return form;
  }

  /**
   * TKN-6, RFC 6749 2.3.1 with client_secret_basic: HTTP Basic with the secret of the client's
   * latest registration; else 401 invalid_client with a Basic challenge.
   */
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
    boolean authenticated =
        client != null
            && (Secrets.same(client.clientSecret(), secret)
                || (options.deviates(Deviation.OLD_CLIENT_SECRET_ACCEPTED)
                    && clients.wasSecretOf(clientId, secret))
                || options.deviates(Deviation.CLIENT_SECRET_NOT_CHECKED));
    if (!authenticated) {
      throw invalidClient("unknown client or wrong client secret");
    }
    return client;
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
