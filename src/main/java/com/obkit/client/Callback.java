package com.obkit.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bank sent the PSU's browser back after SCA (contract section 11): the redirect URI with
 * {@code code} and {@code state}, or with {@code error}, {@code error_description} and {@code
 * state}. Immutable; {@link #toString()} shows no parameter values (the code is a secret).
 *
 * @param uri the full URI the browser landed on, as the bank wrote it
 */
public record Callback(URI uri) {
  public Callback {
    Objects.requireNonNull(uri, "uri");
  }

  /** Parses what a person pasted or a listener received; a clear error when it is no URI. */
  public static Callback parse(String landedOn) {
    Objects.requireNonNull(landedOn, "landedOn");
    try {
      return new Callback(URI.create(landedOn.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the callback is not a URI: " + e.getMessage(), e);
    }
  }

  /** The callback without its query and fragment: the redirect URI it went to, as sent. */
  public String target() {
    String s = uri.toString();
    int cut = s.length();
    int q = s.indexOf('?');
    int f = s.indexOf('#');
    if (q >= 0) {
      cut = q;
    }
    if (f >= 0 && f < cut) {
      cut = f;
    }
    return s.substring(0, cut);
  }

  /** The first value of a query parameter (form-decoded), if present. */
  public Optional<String> parameter(String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  public Optional<String> code() {
    return parameter("code");
  }

  public Optional<String> state() {
    return parameter("state");
  }

  public Optional<String> error() {
    return parameter("error");
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape stays as sent; the checks compare what the bank wrote
    }
  }

  @Override
  public String toString() {
    return "Callback[" + target() + (uri.getRawQuery() == null ? "" : "?…") + "]";
  }
}
