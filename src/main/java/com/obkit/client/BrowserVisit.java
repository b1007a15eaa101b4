package com.obkit.client;

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

  /** The page the PSU finally sees: the followed one, or the answer itself. */
  public HttpExchange page() {
    return followed.orElse(answer);
  }
}
