package com.obkit.signing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback HTTP server on an ephemeral port that records each request's headers and exact body
 * bytes.
 */
final class CapturingServer implements AutoCloseable {

  /** One request as received: header names case-insensitive. */
  record Captured(String method, String uri, Map<String, List<String>> headers, byte[] body) {
    Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    int count(String name) {
      List<String> values = headers.get(name);
      return values == null ? 0 : values.size();
    }

    /** First value of each header. */
    Map<String, String> singleValued() {
      Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((k, v) -> m.put(k, v.get(0)));
      return m;
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();

  CapturingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
          // Recorded before answering, so the client sees the response only after the capture
          // exists.
          captured.add(
              new Captured(
                  exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  String baseUri() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  /** The next captured request; the response has already arrived, so it is there. */
  Captured take() {
    Captured c = captured.poll();
    if (c == null) {
      throw new AssertionError("the server received no request");
    }
    return c;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
