package com.obkit.client;

import com.obkit.outcomes.EnvironmentFault;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Tells transport failures (the environment) from everything else (a defect of the kit). */
final class Faults {
  private Faults() {}

  /** The environment fault behind {@code e}, or {@code e} itself when it is not one. */
  static RuntimeException classify(String method, URI uri, Exception e) {
    String url = uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String cause = describe(t);
      if (cause != null) {
        return new EnvironmentFault(method, url, cause, e);
      }
    }
    return e instanceof RuntimeException r
        ? r
        : new IllegalStateException(method + " " + url + " failed: " + e, e);
  }

  private static String describe(Throwable t) {
    if (t instanceof UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
      return "connection refused or unreachable (" + t.getMessage() + ")";
    }
    if (t instanceof SocketTimeoutException
        || t instanceof InterruptedIOException
        || t.getClass().getName().endsWith("ConnectTimeoutException")) {
      return "timed out ("
          + t.getMessage()
          + "); see kit.http.connectTimeout and kit.http.readTimeout";
    }
    if (t instanceof SSLException) {
      return "TLS failure ("
          + t.getMessage()
          + "); for a self-signed server see kit.http.trustCertificate";
    }
    if (t instanceof SocketException
        || t.getClass().getName().endsWith("NoHttpResponseException")) {
      return "connection dropped (" + t.getMessage() + ")";
    }
    return null;
  }
}
