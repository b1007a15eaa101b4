package com.obkit.pki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.Objects;

/**
 * Serves a {@link TestCa}'s repository over HTTP on 127.0.0.1 and an ephemeral port, for as long as
 * it is open: {@code GET /crl} (DER CRL, {@code application/pkix-crl}), {@code POST /ocsp} and
 * {@code GET /ocsp/<base64 request>} (RFC 6960, {@code application/ocsp-response}), {@code GET
 * /ca.crt} (DER CA certificate, {@code application/pkix-cert}). Plain HTTP, as RFC 5280 and RFC
 * 6960 expect for these services: CRLs and OCSP answers are signed, and TLS would make fetching
 * them depend on revocation checking itself.
 *
 * <p>Issue certificates with {@link #ca()}: it is the same CA, published at {@link #baseUrl()}, so
 * the URLs in its production-profile certificates reach this responder. Close it at the end of the
 * run; after that those URLs answer nothing, which is why a CA without a responder names none.
 */
public final class CaResponder implements AutoCloseable {

  /** Largest OCSP request read: a request for a few certificates is a few hundred bytes. */
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final HttpServer server;
  private final URI baseUrl;
  private final TestCa ca;

  private CaResponder(HttpServer server, URI baseUrl, TestCa ca) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.ca = ca;
  }

  /**
   * Starts answering for {@code ca} on 127.0.0.1 and a port the system picks.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static CaResponder start(TestCa ca) {
    Objects.requireNonNull(ca, "ca");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the test CA's OCSP/CRL responder", e);
    }
    URI base =
        URI.create(
            "http://"
                + server.getAddress().getAddress().getHostAddress()
                + ":"
                + server.getAddress().getPort()
                + "/");
    TestCa published = ca.publishedAt(base);
    server.createContext("/crl", exchange -> crl(exchange, published));
    server.createContext("/ocsp", exchange -> ocsp(exchange, published));
    server.createContext("/ca.crt", exchange -> caCertificate(exchange, published));
    server.start();
    return new CaResponder(server, base, published);
  }

  /** The CA, published at {@link #baseUrl()}: issue the run's certificates with it. */
  public TestCa ca() {
    return ca;
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Stops answering at once. */
  @Override
  public void close() {
    server.stop(0);
  }

  private static void crl(HttpExchange exchange, TestCa ca) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/crl")) {
        send(exchange, 404, "text/plain", "not found".getBytes());
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "use GET".getBytes());
        return;
      }
      byte[] der;
      try {
        der = ca.crl().getEncoded();
      } catch (CRLException e) {
        send(exchange, 500, "text/plain", "cannot encode the CRL".getBytes());
        return;
      }
      send(exchange, 200, "application/pkix-crl", der);
    }
  }

  private static void ocsp(HttpExchange exchange, TestCa ca) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      byte[] request;
      if ("POST".equals(exchange.getRequestMethod()) && path.equals("/ocsp")) {
        request = readLimited(exchange.getRequestBody());
        if (request == null) {
          send(exchange, 413, "text/plain", "OCSP request too large".getBytes());
          return;
        }
      } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/ocsp/")) {
        // RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER request}.
        try {
          request =
              Base64.getDecoder()
                  .decode(
                      java.net.URLDecoder.decode(
                          path.substring("/ocsp/".length()),
                          java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
          request = new byte[0];
        }
      } else {
        send(exchange, 405, "text/plain", "use POST /ocsp or GET /ocsp/<base64>".getBytes());
        return;
      }
      send(exchange, 200, "application/ocsp-response", ca.answerOcsp(request));
    }
  }

  private static void caCertificate(HttpExchange exchange, TestCa ca) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().equals("/ca.crt")) {
        send(exchange, 404, "text/plain", "not found".getBytes());
        return;
      }
      try {
        send(exchange, 200, "application/pkix-cert", ca.certificate().getEncoded());
      } catch (CertificateEncodingException e) {
        send(exchange, 500, "text/plain", "cannot encode the CA certificate".getBytes());
      }
    }
  }

  /** The body, or null when it exceeds {@link #MAX_REQUEST_BYTES}. */
  private static byte[] readLimited(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_REQUEST_BYTES + 1);
    return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public String toString() {
    return "CaResponder[" + baseUrl + "]";
  }
}
