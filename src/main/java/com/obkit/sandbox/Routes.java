package com.obkit.sandbox;

import io.javalin.http.Context;

/** Path helpers shared by the endpoint classes. */
final class Routes {

  private Routes() {}

  /** TOK-3: the tenant path parameter, or 404 in the endpoint family's error shape. */
  static Tenant tenant(Context ctx) {
    String value = ctx.pathParam("tenant");
    return Tenant.byPathValue(value)
        .orElseThrow(
            () ->
                Rejection.malformed(
                    404,
                    Rejection.RESOURCE_UNKNOWN,
                    "unknown tenant '" + value + "' (expected uk, nl, be_fr or be_nl)"));
  }

  /** Whether the Content-Type's media type (parameters ignored) is {@code expected}. */
  static boolean hasMediaType(RequestView request, String expected) {
    String value = request.header("Content-Type").orElse("");
    int semicolon = value.indexOf(';');
    String media = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    return media.equalsIgnoreCase(expected);
  }

  static final String FORM = "application/x-www-form-urlencoded";
}
