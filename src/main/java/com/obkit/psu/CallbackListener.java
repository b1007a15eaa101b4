package com.obkit.psu;

import com.obkit.config.KitKeys;
import com.obkit.outcomes.EnvironmentFault;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Listens at a loopback redirect URI for the bank's redirect back (RFC 8252 7.3): answers the
 * browser with a page saying it may close, and hands over the callback URI exactly as requested.
 * Only the redirect URI's path is answered; closing frees the port.
 */
final class CallbackListener implements AutoCloseable {

  private static final byte[] DONE =
      ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Done</title></head>\n"
              + "<body><p>You can close this window; the kit has the answer.</p></body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] NOT_HERE =
      ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
              + "</head>\n<body><p>Not the redirect URI.</p></body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  private final Loopback at;
  private final HttpServer server;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  private CallbackListener(Loopback at, HttpServer server) {
    this.at = at;
    this.server = server;
  }

  /**
   * Starts listening.
   *
   * @throws EnvironmentFault naming the port and the key when the port is in use, or the address
   *     cannot be bound
   */
  static CallbackListener open(Loopback at) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(at.address(), at.port()), 0);
    } catch (BindException e) {
      throw new EnvironmentFault(
          "LISTEN AT",
          at.origin() + at.path(),
          "port "
              + at.port()
              + " on "
              + at.address().getHostAddress()
              + " is in use, so the kit cannot receive the bank's redirect to this loopback"
              + " redirect URI; free the port, or configure a loopback redirect URI with a free"
              + " port ("
              + KitKeys.REGISTRATION_TEST_REDIRECT_URIS
              + ")",
          e);
    } catch (IOException e) {
      throw new EnvironmentFault(
          "LISTEN AT",
          at.origin() + at.path(),
          "cannot listen on " + at.where() + ": " + e.getMessage(),
          e);
    }
    CallbackListener listener = new CallbackListener(at, server);
    server.createContext("/", listener::handle);
    server.start();
    return listener;
  }

  /**
   * Waits for the browser to come back.
   *
   * @return the callback URI (scheme, host and port of the redirect URI, path and raw query as
   *     requested), or empty when none came in time
   */
  Optional<String> await(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!at.path().equals(path)) {
        answer(exchange, 404, NOT_HERE);
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        answer(exchange, 405, NOT_HERE);
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      answer(exchange, 200, DONE);
      // Handed over only once the browser has its page: the server closes right after.
      received.offer(at.origin() + path + (query == null ? "" : "?" + query));
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] page) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, page.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(page);
    }
  }

  /** Stops listening and frees the port. */
  @Override
  public void close() {
    server.stop(0);
  }
}
