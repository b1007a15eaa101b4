package com.obkit.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * A client error: thrown by a rule check, rendered by {@link ErrorRenderer} in the shape of the
 * endpoint's family (contract section 8). The text names what is wrong and never carries a secret.
 *
 * <p>Two deliberately wrong answers of a {@link Deviation} travel the same way, because the check
 * that decides them is where the faithful refusal is thrown: {@link #deviantServerError} (a 500
 * with a stack trace as text) and {@link #deviantRedirect} (a 302). The faithful sandbox never
 * creates them.
 */
final class Rejection extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> headers;
  private final boolean malformed;
  private final boolean deviant;

  Rejection(int status, String code, String text) {
    this(status, code, text, Map.of());
  }

  Rejection(int status, String code, String text, Map<String, String> headers) {
    this(status, code, text, headers, false, false);
  }

  private Rejection(
      int status,
      String code,
      String text,
      Map<String, String> headers,
      boolean malformed,
      boolean deviant) {
    super(Objects.requireNonNull(text, "text"), null, false, false);
    if (!deviant && (status < 400 || status > 499)) {
      throw new IllegalArgumentException("a rejection is a 4xx, not " + status);
    }
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.headers = Map.copyOf(headers);
    this.malformed = malformed;
    this.deviant = deviant;
  }

  /**
   * A deviation's 500 (e.g. {@link Deviation#SERVER_ERROR_ON_GARBLED_CERTIFICATE}): the text is
   * what a careless server prints, the exception and its first stack frames. {@link ErrorRenderer}
   * sends it as {@code text/plain} whatever the endpoint family.
   */
  static Rejection deviantServerError(Throwable cause) {
    StringBuilder trace = new StringBuilder(String.valueOf(cause));
    StackTraceElement[] frames = cause.getStackTrace();
    for (int i = 0; i < Math.min(6, frames.length); i++) {
      trace.append("\n\tat ").append(frames[i]);
    }
    return new Rejection(500, "server_error", trace.toString(), Map.of(), false, true);
  }

  /**
   * A deviation's 302 to {@code location} (e.g. {@link Deviation#OPEN_REDIRECT_ON_MISMATCH}): an
   * error sent to a URI the sandbox should never redirect to.
   */
  static Rejection deviantRedirect(String location) {
    return new Rejection(
        302, "redirect", "redirected to " + location, Map.of("Location", location), false, true);
  }

  /**
   * Whether this is a deliberately wrong answer of a {@link Deviation} (a 302 or 500, not a 4xx).
   */
  boolean isDeviant() {
    return deviant;
  }

  /**
   * A request malformed at the HTTP level (unreadable or oversized body, unknown path, wrong
   * method), before any endpoint rule: {@code FORMAT_ERROR} (or {@code RESOURCE_UNKNOWN} / {@code
   * SERVICE_INVALID}) on XS2A paths, {@code invalid_request} on OAuth and browser paths.
   */
  static Rejection malformed(int status, String xs2aCode, String text) {
    return new Rejection(status, xs2aCode, text, Map.of(), true, false);
  }

  /** Whether the code depends on the endpoint family (see {@link #malformed}). */
  boolean isMalformed() {
    return malformed;
  }

  int status() {
    return status;
  }

  /** The Berlin Group code ({@code SIGNATURE_INVALID}) or OAuth error ({@code invalid_token}). */
  String code() {
    return code;
  }

  String text() {
    return getMessage();
  }

  Map<String, String> headers() {
    return headers;
  }

  // Berlin Group codes (section 8).
  static final String CERTIFICATE_MISSING = "CERTIFICATE_MISSING";
  static final String CERTIFICATE_INVALID = "CERTIFICATE_INVALID";
  static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
  static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";
  static final String ROLE_INVALID = "ROLE_INVALID";
  static final String SIGNATURE_MISSING = "SIGNATURE_MISSING";
  static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
  static final String FORMAT_ERROR = "FORMAT_ERROR";
  static final String RESOURCE_UNKNOWN = "RESOURCE_UNKNOWN";
  static final String SERVICE_BLOCKED = "SERVICE_BLOCKED";
  static final String SERVICE_INVALID = "SERVICE_INVALID";
  static final String CONSENT_UNKNOWN = "CONSENT_UNKNOWN";
  static final String CONSENT_INVALID = "CONSENT_INVALID";
  static final String TOKEN_INVALID = "TOKEN_INVALID";
  static final String ACCESS_EXCEEDED = "ACCESS_EXCEEDED";
  static final String PRODUCT_UNKNOWN = "PRODUCT_UNKNOWN";
  static final String STATUS_INVALID = "STATUS_INVALID";

  // OAuth / DCR errors.
  static final String INVALID_REQUEST = "invalid_request";
  static final String INVALID_TOKEN = "invalid_token";
  static final String INVALID_CLIENT = "invalid_client";
  static final String INVALID_GRANT = "invalid_grant";
  static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
  static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
  static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
  static final String INVALID_SCOPE = "invalid_scope";

  static Rejection unauthorized(String code, String text) {
    return new Rejection(401, code, text);
  }

  static Rejection badRequest(String code, String text) {
    return new Rejection(400, code, text);
  }

  /** 400 FORMAT_ERROR: a malformed XS2A request (section 8). */
  static Rejection formatError(String text) {
    return new Rejection(400, FORMAT_ERROR, text);
  }

  /**
   * AIS-3, CNF-2, PIS-4: 401 TOKEN_INVALID with the RFC 6750 challenge; the text never carries the
   * token (ERR-2).
   */
  static Rejection tokenInvalid(String text) {
    return new Rejection(
        401, TOKEN_INVALID, text, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
  }
}
