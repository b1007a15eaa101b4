package com.obkit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the kit may do to the TPP's client registration (contract section 5). A replayed
 * registration replaces the client's redirect URIs (REG-2), so with the TPP's own identity the kit
 * must know which URIs to put back when it ends, and which ones it may register for its scenarios.
 *
 * <p>Redirect URIs are kept as the user wrote them: the bank compares them as exact strings
 * (contract section 6), so the kit must not normalise them.
 *
 * @param keepRedirectUris {@code kit.registration.keepRedirectUris}: the URIs that must stay
 *     registered for the TPP's own identity (the API Test Client's default in the sandbox, the live
 *     application's in production); the kit registers exactly these again after a run
 * @param testRedirectUris {@code kit.registration.testRedirectUris}: URIs the TPP controls that the
 *     kit may register for scenarios
 * @param secretOut {@code kit.registration.secretOut}: a file where the kit may write the current
 *     {@code client_secret} (owner-only), if any
 * @param allowProductionRegistration {@code kit.production.allowRegistration}: whether the kit may
 *     register (and so replace redirect URIs) against production; otherwise production is read-only
 */
public record RegistrationSettings(
    List<String> keepRedirectUris,
    List<String> testRedirectUris,
    Optional<Path> secretOut,
    boolean allowProductionRegistration) {

  public RegistrationSettings {
    keepRedirectUris = checkedUris(keepRedirectUris);
    testRedirectUris = checkedUris(testRedirectUris);
    Objects.requireNonNull(secretOut, "secretOut");
  }

  /** No URIs to keep or test, no secret file, production read-only. */
  public static RegistrationSettings none() {
    return new RegistrationSettings(List.of(), List.of(), Optional.empty(), false);
  }

  /**
   * Checks that a text is a redirect URI a conformant bank accepts (REG-5: absolute, no fragment),
   * over http or https, with a host.
   *
   * @param text the URI as the user wrote it
   * @return the same text, unchanged
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String requireRedirectUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URI (" + e.getReason() + ")", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an absolute http(s) URI with a host");
    }
    // A bank must refuse a fragment (RFC 6749 3.1.2, REG-5): registering one would fail the run.
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("'" + text + "' carries a fragment (RFC 6749 3.1.2)");
    }
    return text;
  }

  /** An immutable copy of a URI list, each checked by {@link #requireRedirectUri}, no repeats. */
  static List<String> checkedUris(List<String> uris) {
    List<String> copy = List.copyOf(uris);
    Set<String> seen = new HashSet<>();
    for (String uri : copy) {
      requireRedirectUri(uri);
      if (!seen.add(uri)) {
        throw new IllegalArgumentException("'" + uri + "' is listed twice");
      }
    }
    return copy;
  }
}
