package com.obkit.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit of the PSU's browser to the authorisation endpoint: the first answer and, when it
 * redirected to the bank's own authorisation host, the page that redirect leads to (followed once,
 * as a browser would; a redirect anywhere else is never followed).
 *
 * @param redirectUri the redirect URI presented
 * @param answer the authorisation endpoint's answer
 * @param followed the page behind a redirect to the bank's authorisation host, if followed
 */
public record BrowserVisit(
    String redirectUri, HttpExchange answer, Optional<HttpExchange> followed) {
  public BrowserVisit {
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(followed, "followed");
  }

  /**
   * Whether two URIs are on one origin (RFC 6454: scheme, host and port, scheme and host without
   * case, default ports filled in): the one test of "the bank's authorisation host", for following
   * a redirect and for judging it.
   */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** The page the PSU finally sees: the followed one, or the answer itself. */
  public HttpExchange page() {
    return followed.orElse(answer);
  }
}
