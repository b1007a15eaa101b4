package com.obkit.sandbox;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rule checks see of a request: method, raw path and query, headers (case-insensitive) and
 * the exact body bytes (read once, bounded by the body limit). Independent of Javalin's own parsing
 * so that digests are computed over exactly what came over the wire (SIG-3).
 */
final class RequestView {

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final HttpServletRequest request;
  private final byte[] body;
  private final String baseUrl;

  private RequestView(
      String method,
      String rawPath,
      String rawQuery,
      HttpServletRequest request,
      byte[] body,
      String baseUrl) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.request = request;
    this.body = body;
    this.baseUrl = baseUrl;
  }

  /** Reads the request; a body above {@code maxBodyBytes} is a 413. */
  static RequestView of(Context ctx, int maxBodyBytes) {
    HttpServletRequest req = ctx.req();
    return new RequestView(
        req.getMethod(),
        req.getRequestURI(),
        req.getQueryString(),
        req,
        readBody(req, maxBodyBytes),
        baseUrlOf(req));
  }

  /**
   * The base URL as the client addressed the server (scheme and Host), so that absolute links work
   * on ephemeral ports and behind port forwarding.
   */
  static String baseUrlOf(HttpServletRequest req) {
    String scheme = req.getScheme().toLowerCase(Locale.ROOT);
    String host = req.getServerName();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]"; // IPv6 literal
    }
    int port = req.getServerPort();
    boolean defaultPort =
        port <= 0
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /** Rejects a declared Content-Length above the limit before anything is read. */
  static void requireDeclaredLengthWithin(HttpServletRequest req, int maxBodyBytes) {
    long declared = req.getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge(maxBodyBytes);
    }
  }

  private static byte[] readBody(HttpServletRequest req, int maxBodyBytes) {
    requireDeclaredLengthWithin(req, maxBodyBytes);
    try (InputStream in = req.getInputStream()) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw tooLarge(maxBodyBytes);
      }
      return bytes;
    } catch (IOException e) {
      // A broken upload is the client's problem, never a 5xx (ERR-1).
      throw Rejection.malformed(
          400,
          Rejection.FORMAT_ERROR,
          "the request body could not be read: " + e.getClass().getSimpleName());
    }
  }

  static Rejection tooLarge(int maxBodyBytes) {
    return Rejection.malformed(
        413, Rejection.FORMAT_ERROR, "request body larger than " + maxBodyBytes + " bytes");
  }

  String method() {
    return method;
  }

  /** The path exactly as sent, still percent-encoded. */
  String rawPath() {
    return rawPath;
  }

  /** The query exactly as sent, or empty. */
  String rawQuery() {
    return rawQuery == null ? "" : rawQuery;
  }

  byte[] body() {
    return body.clone();
  }

  int bodyLength() {
    return body.length;
  }

  /** Scheme and authority as the client addressed us, e.g. {@code https://127.0.0.1:43121}. */
  String baseUrl() {
    return baseUrl;
  }

  /** All values of header {@code name}, in order; empty when absent. */
  List<String> headerValues(String name) {
    Objects.requireNonNull(name, "name");
    List<String> values = new ArrayList<>();
    var e = request.getHeaders(name);
    if (e != null) {
      values.addAll(Collections.list(e));
    }
    return values;
  }

  /**
   * The header's value, several instances joined by {@code ", "} as CAV 2.3 joins them; empty when
   * the header is absent or blank.
   */
  Optional<String> header(String name) {
    List<String> values = headerValues(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String joined = String.join(", ", values).trim();
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  /** Whether the header is present at all, even blank. */
  boolean hasHeader(String name) {
    return !headerValues(name).isEmpty();
  }
}
