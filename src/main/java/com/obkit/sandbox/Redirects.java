package com.obkit.sandbox;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Redirects of the browser-facing pages back to a TPP's (registered) redirect URI. */
final class Redirects {

  private Redirects() {}

  /** A 302 to {@code location}, not cached. */
  static void redirect(Context ctx, String location) {
    ctx.status(302);
    ctx.header("Location", location);
    ctx.header("Cache-Control", "no-store");
    ctx.result("");
  }

  /**
   * RFC 6749 4.1.2.1: {@code redirectUri} with error, error_description and the request's state
   * (when it had one).
   */
  static String errorLocation(String redirectUri, String error, String description, String state) {
    StringBuilder location = new StringBuilder(redirectUri);
    location
        .append(redirectUri.indexOf('?') >= 0 ? '&' : '?')
        .append("error=")
        .append(encode(error))
        .append("&error_description=")
        .append(encode(description));
    if (state != null) {
      location.append("&state=").append(encode(state));
    }
    return location.toString();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
