package com.obkit.psu;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One authorisation for the PSU to go through (contract section 11). {@link #toString()} shows no
 * query values: the link carries the {@code state}, the credentials a digipass.
 *
 * @param authorisationUrl the consent's (or payment's) {@code scaRedirect} link with {@code state},
 *     {@code code_challenge} and {@code code_challenge_method=S256} appended: where the PSU's
 *     browser starts
 * @param redirectUri the TPP's redirect URI of the authorisation request, exactly as sent: a
 *     redirect whose target starts with it is the bank sending the browser back
 * @param psu the test account the PSU authenticates as
 * @param action what the PSU does at the login page
 * @param settleDelay waited before the first request (clients wait about 1 s after creating a
 *     consent before opening its link); zero for none
 */
public record ScaRequest(
    URI authorisationUrl,
    String redirectUri,
    PsuCredentials psu,
    PsuAction action,
    Duration settleDelay) {

  public ScaRequest {
    Objects.requireNonNull(authorisationUrl, "authorisationUrl");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(psu, "psu");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(settleDelay, "settleDelay");
    String scheme =
        authorisationUrl.getScheme() == null
            ? ""
            : authorisationUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || authorisationUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "the authorisation URL must be an absolute http(s) URL with a host: "
              + Links.withoutQuery(authorisationUrl));
    }
    try {
      if (!new URI(redirectUri).isAbsolute()) {
        throw new IllegalArgumentException("the redirect URI must be absolute: " + redirectUri);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the redirect URI is not a URI (" + e.getReason() + "): " + redirectUri, e);
    }
    if (settleDelay.isNegative()) {
      throw new IllegalArgumentException("the settle delay must not be negative: " + settleDelay);
    }
  }

  @Override
  public String toString() {
    return "ScaRequest[authorisationUrl="
        + Links.withoutQuery(authorisationUrl)
        + (authorisationUrl.getRawQuery() == null ? "" : "?…")
        + ", redirectUri="
        + redirectUri
        + ", psu="
        + psu
        + ", action="
        + action
        + ", settleDelay="
        + settleDelay
        + "]";
  }
}
