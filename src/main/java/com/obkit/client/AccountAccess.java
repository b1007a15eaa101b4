package com.obkit.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The headers of an account read (contract section 13): {@code Consent-ID}, {@code Authorization:
 * Bearer} and {@code PSU-IP-Address}. Without {@code PSU-IP-Address} the read is unattended and
 * counts against the consent's {@code frequencyPerDay} (AIS-5). Immutable; negative scenarios
 * (AIS-2 to AIS-4) derive broken access with the {@code with…} methods. {@link #toString()} hides
 * the access token.
 *
 * @param consentId the {@code Consent-ID}
 * @param accessToken the Bearer token, if sent
 * @param psuIpAddress the PSU's IP address, if the PSU is present
 */
public record AccountAccess(
    String consentId, Optional<String> accessToken, Optional<String> psuIpAddress) {

  public AccountAccess {
    HeaderValues.require("Consent-ID", consentId);
    HeaderValues.require("access token", accessToken);
    HeaderValues.require("PSU-IP-Address", psuIpAddress);
  }

  /** A read with the PSU present: consent, its access token and the PSU's IP address. */
  public static AccountAccess attended(String consentId, String accessToken, String psuIp) {
    return new AccountAccess(consentId, Optional.of(accessToken), Optional.of(psuIp));
  }

  /** The same read without {@code PSU-IP-Address}: unattended (AIS-5). */
  public AccountAccess unattended() {
    return new AccountAccess(consentId, accessToken, Optional.empty());
  }

  /** The same read without {@code Authorization} (AIS-3). */
  public AccountAccess withoutAccessToken() {
    return new AccountAccess(consentId, Optional.empty(), psuIpAddress);
  }

  /** The same read with another access token (AIS-3: unknown, or another consent's). */
  public AccountAccess withAccessToken(String token) {
    return new AccountAccess(consentId, Optional.of(token), psuIpAddress);
  }

  /** The same read with another {@code Consent-ID} (AIS-4). */
  public AccountAccess withConsentId(String id) {
    return new AccountAccess(id, accessToken, psuIpAddress);
  }

  /** The request headers, in order; absent values are left out. */
  Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Consent-ID", consentId);
    accessToken.ifPresent(t -> h.put("Authorization", "Bearer " + t));
    psuIpAddress.ifPresent(ip -> h.put("PSU-IP-Address", ip));
    return h;
  }

  @Override
  public String toString() {
    return "AccountAccess[consentId="
        + consentId
        + ", accessToken="
        + (accessToken.isPresent() ? "***" : "(none)")
        + ", psuIpAddress="
        + psuIpAddress.orElse("(none)")
        + "]";
  }
}
