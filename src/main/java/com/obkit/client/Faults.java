package com.obkit.client;

import com.obkit.outcomes.EnvironmentFault;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Tells transport failures (the environment) from everything else (a defect of the kit), and says
 * of each environment fault whether the exchange may safely be sent again.
 */
final class Faults {
  private Faults() {}

  /** Whether an exchange that met a fault may be sent again. */
  enum RetrySafety {
    /**
     * Nothing reached the bank (refused, unknown host, connect timeout, TLS handshake), or a
     * gateway before it answered 502/503: safe for every method.
     */
    ANY_METHOD,
    /**
     * The request may have reached the bank (read timeout, deadline, dropped connection, 504): safe
     * for idempotent methods only.
     */
    IDEMPOTENT_ONLY,
    /** The bank would do it again (an answer over the size limit). */
    NEVER;

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /** Whether {@code method} may be sent again after a fault of this kind. */
    boolean allows(String method) {
      return switch (this) {
        case ANY_METHOD -> true;
        case IDEMPOTENT_ONLY -> IDEMPOTENT.contains(method);
        case NEVER -> false;
      };
    }
  }

  /**
   * One environment fault.
   *
   * @param safety whether the exchange may be sent again
   * @param cause what happened, for people, naming the key to change where there is one (no body,
   *     no secret)
   * @param error the fault to throw
   */
  record Fault(RetrySafety safety, String cause, EnvironmentFault error) {}

  /** The environment fault behind {@code e}, or {@code e} itself when it is not one. */
  static RuntimeException classify(String method, URI uri, Exception e) {
    return fault(method, uri, e)
        .<RuntimeException>map(Fault::error)
        .orElseGet(
            () ->
                e instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(method + " " + url(uri) + " failed: " + e, e));
  }

  /** The environment fault behind {@code e}, if it is one. */
  static Optional<Fault> fault(String method, URI uri, Exception e) {
    // The kit's own limits first, wherever the HTTP client wrapped them: they name their key.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AnswerTooLargeException) {
        return Optional.of(fault(method, uri, RetrySafety.NEVER, t.getMessage(), e));
      }
      if (t instanceof DeadlineExceededException) {
        return Optional.of(fault(method, uri, RetrySafety.IDEMPOTENT_ONLY, t.getMessage(), e));
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      Optional<Fault> f = describe(method, uri, t, e);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  /**
   * A 502, 503 or 504 whose body is not JSON: a gateway before the bank answered, not the bank,
   * which answers its errors in the contract's JSON shape (ERR-1). A JSON 5xx is the bank's own
   * answer, for the checks to judge.
   */
  static Optional<Fault> gateway(HttpExchange answer) {
    int status = answer.status();
    if ((status != 502 && status != 503 && status != 504) || answer.json().isPresent()) {
      return Optional.empty();
    }
    String type = answer.mediaType().isEmpty() ? "no content type" : answer.mediaType();
    String cause =
        "answered "
            + status
            + " from a gateway before the bank ("
            + type
            + ", not the bank's JSON error body)";
    RetrySafety safety = status == 504 ? RetrySafety.IDEMPOTENT_ONLY : RetrySafety.ANY_METHOD;
    return Optional.of(
        new Fault(
            safety, cause, new EnvironmentFault(answer.method(), url(answer.uri()), cause, null)));
  }

  private static Fault fault(
      String method, URI uri, RetrySafety safety, String cause, Exception e) {
    return new Fault(safety, cause, new EnvironmentFault(method, url(uri), cause, e));
  }

  private static Optional<Fault> describe(String method, URI uri, Throwable t, Exception e) {
    String name = t.getClass().getName();
    if (t instanceof UnknownHostException) {
      return Optional.of(
          fault(method, uri, RetrySafety.ANY_METHOD, "unknown host " + t.getMessage(), e));
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
      return Optional.of(
          fault(
              method,
              uri,
              RetrySafety.ANY_METHOD,
              "connection refused or unreachable (" + t.getMessage() + ")",
              e));
    }
    if (name.endsWith("ConnectTimeoutException")) {
      return Optional.of(
          fault(
              method,
              uri,
              RetrySafety.ANY_METHOD,
              "timed out connecting (" + t.getMessage() + "); see kit.http.connectTimeout",
              e));
    }
    if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
      return Optional.of(
          fault(
              method,
              uri,
              RetrySafety.IDEMPOTENT_ONLY,
              "timed out ("
                  + t.getMessage()
                  + "); see kit.http.connectTimeout and kit.http.readTimeout",
              e));
    }
    if (t instanceof SSLException) {
      // A failed handshake sent nothing; a TLS failure later may have followed the request.
      return Optional.of(
          fault(
              method,
              uri,
              t instanceof SSLHandshakeException
                  ? RetrySafety.ANY_METHOD
                  : RetrySafety.IDEMPOTENT_ONLY,
              "TLS failure ("
                  + t.getMessage()
                  + "); for a self-signed server see kit.http.trustCertificate",
              e));
    }
    if (t instanceof SocketException
        || name.endsWith("NoHttpResponseException")
        || name.endsWith("ConnectionClosedException")
        || name.endsWith("MalformedChunkCodingException")
        || name.endsWith("TruncatedChunkException")) {
      return Optional.of(
          fault(
              method,
              uri,
              RetrySafety.IDEMPOTENT_ONLY,
              "connection dropped (" + t.getMessage() + ")",
              e));
    }
    return Optional.empty();
  }

  /** The URL for messages: no query, which may carry codes or tokens. */
  static String url(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
  }
}
