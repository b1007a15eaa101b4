package com.obkit.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP server on an ephemeral port standing in for the bank: it records every request
 * exactly as received (method, raw path and query, headers, body bytes) and answers what the test
 * scripted.
 */
final class FakeBank implements AutoCloseable {

  /** Headers the HTTP client adds by itself; they are no part of the contract's requests. */
  static final Set<String> TRANSPORT_HEADERS =
      caseInsensitive("Host", "Connection", "User-Agent", "Accept-Encoding", "Content-Length");

  /**
   * One request as received.
   *
   * @param method the method
   * @param target the raw path and query, as on the request line
   * @param headers header values by case-insensitive name
   * @param body the exact body bytes
   */
  record Received(String method, String target, Map<String, List<String>> headers, byte[] body) {

    /** The only value of a header; fails when it is absent or repeated. */
    String header(String name) {
      List<String> values = headers.get(name);
      if (values == null || values.size() != 1) {
        throw new AssertionError(name + " was sent " + (values == null ? 0 : values.size()) + "x");
      }
      return values.get(0);
    }

    /** Every header the contract is about (not the transport's), first value by name. */
    Map<String, String> contractHeaders() {
      Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach(
          (name, values) -> {
            if (!TRANSPORT_HEADERS.contains(name)) {
              out.put(name, String.join(" | ", values));
            }
          });
      return out;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * What the bank answers.
   *
   * @param status the status
   * @param headers response headers
   * @param body the body (UTF-8)
   */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    static Answer redirect(String location) {
      return new Answer(302, Map.of("Location", location), "");
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Answer> answers = r -> Answer.json(200, "{}");

  FakeBank() throws IOException {
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
          Received r =
              new Received(
                  exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
          // Recorded before answering: the client returns only after the record exists.
          received.add(r);
          Answer a = answers.apply(r);
          a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    server.start();
  }

  /** The bank's base URL, {@code http://127.0.0.1:<port>}. */
  URI base() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  /** Scripts the answers from now on. */
  void answer(Function<Received, Answer> script) {
    this.answers = Objects.requireNonNull(script);
  }

  /** Every request so far, in order. */
  List<Received> received() {
    return new ArrayList<>(received);
  }

  /** The one request received so far; fails unless there was exactly one. */
  Received only() {
    List<Received> all = received();
    if (all.size() != 1) {
      throw new AssertionError("expected one request, the bank received " + all.size());
    }
    return all.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
