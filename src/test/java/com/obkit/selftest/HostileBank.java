package com.obkit.selftest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A raw-socket "bank" on an ephemeral loopback port that answers every request with one hostile
 * behaviour: what a broken bank or a broken network in front of it does. Test code only; written
 * with sockets, not an HTTP server library, so that it can break HTTP itself (a declared length it
 * never sends, one byte a second).
 */
final class HostileBank implements AutoCloseable {

  /** The behaviours. */
  enum Behaviour {
    /** 50 MB declared and streamed. */
    HUGE_BODY,
    /** The whole answer, one byte a second. */
    SLOW_DRIP,
    /** 200, application/json, bytes that are not UTF-8. */
    INVALID_UTF8,
    /** 200, application/json, a body that is not JSON. */
    INVALID_JSON,
    /** 200, text/html for a JSON call. */
    WRONG_CONTENT_TYPE,
    /** 302 to the very URL asked for. */
    REDIRECT_LOOP,
    /** A Content-Length larger than what is sent, then the connection closed. */
    CLOSED_MID_ANSWER,
    /** 503 with an HTML page: a gateway before the bank. */
    GATEWAY_503
  }

  static final long HUGE = 50L * 1024 * 1024;

  private final Behaviour behaviour;
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicLong bodyBytesWritten = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();

  HostileBank(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "hostile-bank-" + behaviour);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Body bytes the server managed to write (for the huge body: before the kit stopped reading). */
  long bodyBytesWritten() {
    return bodyBytesWritten.get();
  }

  /** The request lines received ({@code GET /path HTTP/1.1}), in order. */
  List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "hostile-bank-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static final Pattern PREFLIGHT =
      Pattern.compile(".*(/xs2a-bg/version|/openapi\\.json|/\\.well-known/openid-configuration)$");

  private void serve(Socket s) {
    try (s) {
      // Small, so that what the kit does not read stays with the server and shows in the count.
      s.setSendBufferSize(64 * 1024);
      List<String> line = new ArrayList<>();
      String path = readRequest(s.getInputStream(), line);
      if (PREFLIGHT.matcher(path).matches()) {
        // The run's pre-flight (version, OpenAPI and discovery documents) gets a plain answer, so
        // that the scenarios meet the hostile behaviour: a hostile version call stops the run
        // before any scenario, as an unreachable bank does (EnvironmentFaultsIT).
        byte[] body =
            (path.endsWith("/version") ? "{\"version\":\"hostile\"}" : "{\"error\":\"none\"}")
                .getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream()
            .write(
                head(
                    path.endsWith("/version") ? "200 OK" : "404 Not Found",
                    "application/json",
                    body.length));
        s.getOutputStream().write(body);
        return;
      }
      requestLines.addAll(line);
      requests.incrementAndGet();
      answer(s.getOutputStream(), path);
    } catch (IOException | InterruptedException gone) {
      // the kit hung up: that is what it should do with these answers
    }
  }

  private void answer(OutputStream out, String path) throws IOException, InterruptedException {
    switch (behaviour) {
      case HUGE_BODY -> {
        out.write(head("200 OK", "application/json", HUGE));
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long sent = 0; sent < HUGE; sent += chunk.length) {
          out.write(chunk);
          bodyBytesWritten.addAndGet(chunk.length);
        }
      }
      case SLOW_DRIP -> {
        byte[] body = "{\"access_token\":\"x\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] all = concat(head("200 OK", "application/json", body.length), body);
        for (byte b : all) {
          out.write(b);
          out.flush();
          Thread.sleep(1000); // the hostile behaviour itself: one byte a second
        }
      }
      case INVALID_UTF8 -> {
        byte[] body =
            concat(
                "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28},
                "\"}".getBytes(StandardCharsets.US_ASCII));
        out.write(concat(head("200 OK", "application/json", body.length), body));
      }
      case INVALID_JSON -> {
        byte[] body = "{\"access_token\": \"abc\", ,]".getBytes(StandardCharsets.US_ASCII);
        out.write(concat(head("200 OK", "application/json", body.length), body));
      }
      case WRONG_CONTENT_TYPE -> {
        byte[] body = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.US_ASCII);
        out.write(concat(head("200 OK", "text/html", body.length), body));
      }
      case REDIRECT_LOOP ->
          out.write(
              ("HTTP/1.1 302 Found\r\nLocation: "
                      + baseUrl()
                      + path
                      + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      case CLOSED_MID_ANSWER -> {
        out.write(head("200 OK", "application/json", 1000));
        out.write("{\"access_".getBytes(StandardCharsets.US_ASCII));
        bodyBytesWritten.addAndGet(9);
      }
      case GATEWAY_503 -> {
        byte[] body =
            "<html><body><h1>503 Service Unavailable</h1>No server is available.</body></html>"
                .getBytes(StandardCharsets.US_ASCII);
        out.write(concat(head("503 Service Unavailable", "text/html", body.length), body));
      }
    }
    out.flush();
  }

  private static byte[] head(String status, String contentType, long length) {
    return ("HTTP/1.1 "
            + status
            + "\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Reads one request (headers and a Content-Length body); returns its path. */
  static String readRequest(InputStream in, List<String> requestLines) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the request ended early");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    long length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring(15).trim());
      }
    }
    in.readNBytes((int) length);
    String requestLine = text.substring(0, text.indexOf("\r\n"));
    requestLines.add(requestLine);
    return requestLine.split(" ")[1];
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
