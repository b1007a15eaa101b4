package com.obkit.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dynamic client registration call's content (contract section 5). Negative scenarios derive a
 * broken request from the standard one with the {@code with*} methods.
 *
 * @param formToken the {@code initial_access_token} form field, if sent
 * @param bearerToken the {@code Authorization: Bearer} value, if sent
 * @param redirectUris one {@code redirect_uris} field per URI (may be empty for REG-4)
 * @param sectorIdentifierUri optional {@code sector_identifier_uri}
 * @param signed whether the call carries Digest and Signature (it always carries the certificate
 *     headers)
 */
public record RegistrationRequest(
    Optional<String> formToken,
    Optional<String> bearerToken,
    List<String> redirectUris,
    Optional<String> sectorIdentifierUri,
    boolean signed) {

  public RegistrationRequest {
    Objects.requireNonNull(formToken, "formToken");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(sectorIdentifierUri, "sectorIdentifierUri");
    redirectUris = List.copyOf(redirectUris);
  }

  /**
   * The registration as a bank profile sends it: the initial access token in the form, as Bearer
   * header, or both; signed or not.
   */
  public static RegistrationRequest standard(
      boolean tokenInForm, boolean tokenInHeader, boolean signed, String token, List<String> uris) {
    return new RegistrationRequest(
        tokenInForm ? Optional.of(token) : Optional.empty(),
        tokenInHeader ? Optional.of(token) : Optional.empty(),
        uris,
        Optional.empty(),
        signed);
  }

  public RegistrationRequest withRedirectUris(List<String> uris) {
    return new RegistrationRequest(formToken, bearerToken, uris, sectorIdentifierUri, signed);
  }

  public RegistrationRequest withTokens(Optional<String> form, Optional<String> bearer) {
    return new RegistrationRequest(form, bearer, redirectUris, sectorIdentifierUri, signed);
  }

  public RegistrationRequest withSectorIdentifierUri(String uri) {
    return new RegistrationRequest(formToken, bearerToken, redirectUris, Optional.of(uri), signed);
  }

  public RegistrationRequest withSigned(boolean sign) {
    return new RegistrationRequest(formToken, bearerToken, redirectUris, sectorIdentifierUri, sign);
  }

  /** The {@code application/x-www-form-urlencoded} body, one field per redirect URI. */
  public String formBody() {
    List<String> fields = new ArrayList<>();
    formToken.ifPresent(t -> fields.add(field("initial_access_token", t)));
    redirectUris.forEach(u -> fields.add(field("redirect_uris", u)));
    sectorIdentifierUri.ifPresent(s -> fields.add(field("sector_identifier_uri", s)));
    return String.join("&", fields);
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RegistrationRequest[redirectUris="
        + redirectUris
        + ", formToken="
        + formToken.isPresent()
        + ", bearerToken="
        + bearerToken.isPresent()
        + ", signed="
        + signed
        + "]";
  }
}
