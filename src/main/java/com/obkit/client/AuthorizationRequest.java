package com.obkit.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorisation request (contract section 6): the PSU's browser is sent here. The redirect URI
 * is sent byte for byte as given (only form-encoded as a query value), because AUTH-2 is about
 * exact matching.
 *
 * @param clientId the registered client_id
 * @param redirectUri the redirect URI to present
 * @param scope requested scope
 * @param state opaque state
 * @param codeVerifier the PKCE verifier kept by the TPP
 * @param codeChallengeMethod {@code S256}, {@code plain}, or empty for no PKCE at all (AUTH-5
 *     negatives)
 */
public record AuthorizationRequest(
    String clientId,
    String redirectUri,
    String scope,
    String state,
    String codeVerifier,
    Optional<String> codeChallengeMethod) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public AuthorizationRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
  }

  /**
   * A standard request of the onboarding stage: S256 PKCE, fresh state and verifier, and the scope
   * {@code openid offline_access}: redirect URIs are judged before any consent exists, so the
   * request names none (a consent's own authorisation takes the scope from its {@code scaRedirect},
   * contract section 10).
   */
  public static AuthorizationRequest standard(String clientId, String redirectUri) {
    return new AuthorizationRequest(
        clientId,
        redirectUri,
        "openid offline_access",
        newState(),
        newCodeVerifier(),
        Optional.of("S256"));
  }

  public AuthorizationRequest withRedirectUri(String uri) {
    return new AuthorizationRequest(clientId, uri, scope, state, codeVerifier, codeChallengeMethod);
  }

  public AuthorizationRequest withClientId(String id) {
    return new AuthorizationRequest(
        id, redirectUri, scope, state, codeVerifier, codeChallengeMethod);
  }

  public AuthorizationRequest withChallengeMethod(Optional<String> method) {
    return new AuthorizationRequest(clientId, redirectUri, scope, state, codeVerifier, method);
  }

  /** The query parameters in order. */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("scope", scope);
    p.put("state", state);
    codeChallengeMethod.ifPresent(
        m -> {
          p.put("code_challenge", m.equals("plain") ? codeVerifier : s256(codeVerifier));
          p.put("code_challenge_method", m);
        });
    return p;
  }

  /** The encoded query string. */
  public String query() {
    StringBuilder sb = new StringBuilder();
    parameters()
        .forEach(
            (k, v) -> {
              if (sb.length() > 0) {
                sb.append('&');
              }
              sb.append(k)
                  .append('=')
                  .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
            });
    return sb.toString();
  }

  /** RFC 7636 S256: base64url(SHA-256(verifier)), no padding. */
  public static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** A fresh random {@code state}: 16 bytes, base64url. */
  public static String newState() {
    return random(16);
  }

  /** A fresh PKCE verifier (RFC 7636 4.1): 32 random bytes, 43 base64url characters. */
  public static String newCodeVerifier() {
    return random(32);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[clientId="
        + clientId
        + ", redirectUri="
        + redirectUri
        + ", method="
        + codeChallengeMethod
        + "]";
  }
}
