package com.obkit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own error answers in the contract's shapes (section 8, ERR-1). Jetty refuses some
 * requests before Javalin sees them: an unparseable request line or target ({@code
 * /xs2a-bg/%zz/...}), a request line or header block over the limits (414, 431), a missing or bad
 * {@code Host}, an invalid {@code Content-Length}, invalid UTF-8 or illegal characters in the path.
 * Its default pages are HTML or plain text; this handler answers them like the sandbox answers
 * everything else: Berlin Group {@code tppMessages} with {@code FORMAT_ERROR} under {@code
 * /xs2a-bg} and wherever the path could not be read, OAuth {@code invalid_request} under {@code
 * /auth}, an HTML page on the browser-facing pages.
 *
 * <p>Jetty classifies a few client framing errors as 5xx (505 for an unknown HTTP version, 501 for
 * an unsupported transfer coding); they are the client's fault, so they are answered 400: ERR-1
 * allows no 5xx for a client error. A 5xx without an HTTP-level cause is a sandbox bug and stays a
 * 5xx.
 *
 * <p>The text names what Jetty found wrong (its reason phrase); the request's headers, query and
 * body are never echoed or logged, since they may carry tokens or codes.
 */
final class ContractErrorHandler extends ErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ContractErrorHandler.class);

  /**
   * Longest reason phrase copied into an error body; Jetty's reasons are short, this bounds the
   * rest.
   */
  private static final int MAX_TEXT = 200;

  private final ObjectMapper json;

  ContractErrorHandler(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
      String message = (String) request.getAttribute(ERROR_MESSAGE);
      int status = statusOf(response.getStatus(), cause);
      String reason = reasonOf(status, message, cause);
      ErrorRenderer.Dialect dialect = ErrorRenderer.dialectFor(pathOf(request));

      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      if ("HEAD".equalsIgnoreCase(request.getMethod()) || HttpStatus.hasNoBody(status)) {
        callback.succeeded();
        return true;
      }
      String contentType =
          dialect == ErrorRenderer.Dialect.HTML ? "text/html; charset=utf-8" : "application/json";
      byte[] body = body(dialect, status, reason).getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
      response.write(true, ByteBuffer.wrap(body), callback);
    } catch (RuntimeException | JsonProcessingException e) {
      // Never let the error path itself fail silently: Jetty then closes the connection.
      LOG.error(
          "reference sandbox could not render an error answer: {}", e.getClass().getName(), e);
      callback.failed(e);
    }
    return true;
  }

  /**
   * The status to answer: Jetty's, except that client framing errors Jetty calls 5xx become 400 and
   * a timeout waiting for the client becomes 408.
   */
  static int statusOf(int responseStatus, Throwable cause) {
    int status = responseStatus;
    if (cause instanceof HttpException http) {
      status = http.getCode();
      if (status >= 500) {
        return HttpStatus.BAD_REQUEST_400;
      }
    } else if (isTimeout(cause)) {
      return HttpStatus.REQUEST_TIMEOUT_408;
    }
    if (status < 400 || status > 599) {
      return cause == null ? HttpStatus.BAD_REQUEST_400 : HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    return status;
  }

  private static boolean isTimeout(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String reasonOf(int status, String message, Throwable cause) {
    String reason = message;
    if (reason == null && cause instanceof HttpException http) {
      reason = http.getReason();
    }
    if (reason == null || reason.isBlank()) {
      reason = HttpStatus.getMessage(status);
    }
    reason = reason.replaceAll("\\p{Cntrl}", "?");
    if (reason.length() > MAX_TEXT) {
      reason = reason.substring(0, MAX_TEXT) + "...";
    }
    return "the request is malformed: " + reason;
  }

  /**
   * The raw path as sent, when Jetty could parse it. A request whose line did not parse reaches
   * this handler with a synthetic path, which falls to the XS2A family (FORMAT_ERROR), as the
   * contract's default for an unknown path.
   */
  private static String pathOf(Request request) {
    HttpURI uri = request.getHttpURI();
    String path = uri == null ? null : uri.getPath();
    return path == null || !path.startsWith("/") || path.equals("/badMessage") ? null : path;
  }

  private String body(ErrorRenderer.Dialect dialect, int status, String text)
      throws JsonProcessingException {
    boolean serverError = status >= 500;
    return switch (dialect) {
      case XS2A -> {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("category", "ERROR");
        message.put("code", serverError ? "INTERNAL_SERVER_ERROR" : xs2aCode(status));
        message.put("text", serverError ? "internal error" : text);
        yield json.writeValueAsString(Map.of("tppMessages", List.of(message)));
      }
      case OAUTH -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", serverError ? "server_error" : Rejection.INVALID_REQUEST);
        body.put("error_description", serverError ? "internal error" : text);
        yield json.writeValueAsString(body);
      }
      case HTML ->
          Html.errorPage(
              status,
              serverError ? "server_error" : Rejection.INVALID_REQUEST,
              serverError ? "internal error" : text);
    };
  }

  private static String xs2aCode(int status) {
    return switch (status) {
      case 404 -> Rejection.RESOURCE_UNKNOWN;
      case 405 -> Rejection.SERVICE_INVALID;
      default -> Rejection.FORMAT_ERROR;
    };
  }
}
