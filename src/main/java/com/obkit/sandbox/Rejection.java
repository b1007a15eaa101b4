package com.obkit.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * A client error: thrown by a rule check, rendered by {@link ErrorRenderer} in the shape of the endpoint's
 * family (contract section 8). The text names what is wrong and never carries a secret.
 */
final class Rejection extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> headers;
  private final boolean malformed;

  Rejection(int status, String code, String text) {
    this(status, code, text, Map.of());
  }

  Rejection(int status, String code, String text, Map<String, String> headers) {
    this(status, code, text, headers, false);
  }

  private Rejection(int status, String code, String text, Map<String, String> headers, boolean malformed) {
    super(Objects.requireNonNull(text, "text"), null, false, false);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("a rejection is a 4xx, not " + status);
    }
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.headers = Map.copyOf(headers);
    this.malformed = malformed;
  }

  /**
   * A request malformed at the HTTP level (unreadable or oversized body, unknown path, wrong method),
   * before any endpoint rule: {@code FORMAT_ERROR} (or {@code RESOURCE_UNKNOWN} / {@code
   * SERVICE_INVALID}) on XS2A paths, {@code invalid_request} on OAuth and browser paths.
   */
  static Rejection malformed(int status, String xs2aCode, String text) {
    return new Rejection(status, xs2aCode, text, Map.of(), true);
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

  // OAuth / DCR errors.
  static final String INVALID_REQUEST = "invalid_request";
  static final String INVALID_TOKEN = "invalid_token";
  static final String INVALID_CLIENT = "invalid_client";
  static final String INVALID_GRANT = "invalid_grant";
  static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
  static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
  static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

  static Rejection unauthorized(String code, String text) {
    return new Rejection(401, code, text);
  }

  static Rejection badRequest(String code, String text) {
    return new Rejection(400, code, text);
  }
}
