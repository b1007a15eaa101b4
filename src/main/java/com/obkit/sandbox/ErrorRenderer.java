package com.obkit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders a {@link Rejection} in the shape of the endpoint's family (contract section 8, ERR-1):
 * Berlin Group {@code tppMessages} under {@code /xs2a-bg}, OAuth {@code error}/{@code
 * error_description} under {@code /auth}, and an HTML page for the browser-facing authorisation and
 * login pages.
 */
final class ErrorRenderer {

  /** Which error shape a path uses. */
  enum Dialect {
    XS2A,
    OAUTH,
    HTML
  }

  /**
   * Marks a response whose error body is already written, so Javalin's error mappers leave it
   * alone.
   */
  static final String RENDERED = "obkit.sandbox.rendered";

  private static final Pattern BROWSER_PAGES = Pattern.compile("^/auth/[^/]+/v1/(auth|login)/?$");

  /** TOK-2: the onboarding endpoint, under both of its paths. */
  private static final Pattern ONBOARDING =
      Pattern.compile("^/xs2a-bg/[^/]+/(onboarding/v1|v1/onboarding)/?$");

  /** Whose deviations of the error shapes (ERR-1, TOK-2) apply. */
  private final SandboxOptions options;

  private final ObjectMapper json;

  /** A renderer breaking exactly the error-shape rules named by {@code options}' deviations. */
  ErrorRenderer(SandboxOptions options, ObjectMapper json) {
    this.options = Objects.requireNonNull(options, "options");
    this.json = Objects.requireNonNull(json, "json");
  }

  /** The options this renderer applies. */
  SandboxOptions options() {
    return options;
  }

  static Dialect dialectFor(String path) {
    if (path == null) {
      return Dialect.XS2A;
    }
    if (BROWSER_PAGES.matcher(path).matches()) {
      return Dialect.HTML;
    }
    if (path.equals("/auth") || path.startsWith("/auth/")) {
      return Dialect.OAUTH;
    }
    return Dialect.XS2A;
  }

  void render(Context ctx, Rejection rejection) {
    render(ctx, dialectFor(ctx.req().getRequestURI()), rejection);
  }

  void render(Context ctx, Dialect dialect, Rejection rejection) {
    String code =
        rejection.isMalformed() && dialect != Dialect.XS2A
            ? Rejection.INVALID_REQUEST
            : rejection.code();
    ctx.status(rejection.status());
    rejection.headers().forEach(ctx::header);
    ctx.header("Cache-Control", "no-store");
    ctx.attribute(RENDERED, Boolean.TRUE);
    if (rejection.isDeviant()
        || (dialect != Dialect.HTML && options.deviates(Deviation.ERROR_BODY_PLAIN_TEXT))) {
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(rejection.isDeviant() ? rejection.text() : "error");
      return;
    }
    if (options.deviates(Deviation.ONBOARDING_ERRORS_NOT_BERLIN_GROUP)
        && rejection.status() == 401
        && ONBOARDING.matcher(ctx.req().getRequestURI()).matches()) {
      writeJson(ctx, Map.of("error", "unauthorized", "error_description", rejection.text()));
      return;
    }
    switch (dialect) {
      case XS2A -> {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("category", "ERROR");
        message.put("code", code);
        message.put("text", rejection.text());
        writeJson(ctx, Map.of("tppMessages", List.of(message)));
      }
      case OAUTH -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", rejection.text());
        writeJson(ctx, body);
      }
      case HTML -> {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Html.errorPage(rejection.status(), code, rejection.text()));
      }
    }
  }

  void writeJson(Context ctx, Object body) {
    try {
      ctx.contentType("application/json");
      ctx.result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response body", e);
    }
  }
}
