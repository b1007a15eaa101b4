package com.obkit.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token endpoint request (contract section 12): the form and the client's HTTP Basic credentials.
 * Immutable; negative scenarios (TKN-2 to TKN-8) derive a broken request from {@link
 * #authorizationCode} or {@link #refresh} with the {@code with…} methods. {@link #toString()} shows
 * field names and the client id, never a code, verifier, token or secret.
 *
 * @param form the form fields, sent in this order
 * @param basic the credentials sent as {@code Authorization: Basic}, if any (TKN-6: none)
 */
public record TokenRequest(Map<String, String> form, Optional<ClientCredentials> basic) {

  public TokenRequest {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(basic, "basic");
    Map<String, String> copy = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token form field has no name");
          }
          copy.put(name, Objects.requireNonNull(value, name));
        });
    // Map.copyOf would lose the order, and the order is the body's.
    form = Collections.unmodifiableMap(copy);
  }

  /**
   * The exchange of an authorisation code (TKN-1): {@code grant_type=authorization_code}, {@code
   * code}, {@code redirect_uri} (identical to the authorisation request's), {@code code_verifier}.
   */
  public static TokenRequest authorizationCode(
      String code, String redirectUri, String codeVerifier, ClientCredentials client) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", codeVerifier);
    return new TokenRequest(form, Optional.of(client));
  }

  /** A refresh (TKN-7): {@code grant_type=refresh_token}, {@code refresh_token}. */
  public static TokenRequest refresh(String refreshToken, ClientCredentials client) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return new TokenRequest(form, Optional.of(client));
  }

  /** The same request with another {@code grant_type} (TKN-8), in the field's place. */
  public TokenRequest withGrantType(String grantType) {
    return withField("grant_type", Optional.of(grantType));
  }

  /** The same request with another {@code redirect_uri} (TKN-3), in the field's place. */
  public TokenRequest withRedirectUri(String redirectUri) {
    return withField("redirect_uri", Optional.of(redirectUri));
  }

  /** The same request with another {@code code_verifier} (TKN-2); empty leaves the field out. */
  public TokenRequest withCodeVerifier(Optional<String> codeVerifier) {
    return withField("code_verifier", codeVerifier);
  }

  /** The same request without {@code Authorization} (TKN-6). */
  public TokenRequest withoutBasic() {
    return new TokenRequest(form, Optional.empty());
  }

  /** The same request with other client credentials (TKN-5, TKN-6). */
  public TokenRequest withCredentials(ClientCredentials client) {
    return new TokenRequest(form, Optional.of(client));
  }

  /** The {@code application/x-www-form-urlencoded} body (UTF-8), fields in order. */
  public String formBody() {
    return Forms.encode(form);
  }

  /**
   * A field replaced where it is (or appended when new), or removed when {@code value} is empty.
   */
  private TokenRequest withField(String name, Optional<String> value) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    value.ifPresentOrElse(v -> changed.put(name, v), () -> changed.remove(name));
    return new TokenRequest(changed, basic);
  }

  @Override
  public String toString() {
    return "TokenRequest[grant_type="
        + form.getOrDefault("grant_type", "(none)")
        + ", fields="
        + form.keySet()
        + ", basic="
        + basic.map(ClientCredentials::clientId).orElse("(none)")
        + "]";
  }
}
