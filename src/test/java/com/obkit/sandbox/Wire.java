package com.obkit.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Raw HTTP/1.1 over a plain loopback socket, for requests no HTTP client would send: the bytes go
 * out exactly as built (characters up to U+00FF become single bytes, so invalid UTF-8 is written as
 * such), and the answer is parsed by hand. Every read is bounded by a timeout; a server that closes
 * without a status line is reported as {@link Answer#closed()}.
 */
final class Wire {

  private Wire() {}

  /**
   * A request under construction; {@link #bytes()} renders it. Immutable: every change returns a
   * copy.
   */
  record Request(
      String method,
      String target,
      String version,
      boolean host,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Optional<String> declaredLength,
      boolean closeAfterSending,
      Optional<byte[]> raw) {

    Request {
      headers = List.copyOf(headers);
      body = body.clone();
    }

    static Request of(String method, String target) {
      return new Request(
          method,
          target,
          "HTTP/1.1",
          true,
          List.of(),
          new byte[0],
          Optional.empty(),
          false,
          Optional.empty());
    }

    /** Bytes sent as they are, nothing added. */
    static Request raw(byte[] bytes) {
      return of("RAW", "").withRaw(bytes);
    }

    static Request raw(String latin1) {
      return raw(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    Request withMethod(String value) {
      return new Request(
          value, target, version, host, headers, body, declaredLength, closeAfterSending, raw);
    }

    Request withTarget(String value) {
      return new Request(
          method, value, version, host, headers, body, declaredLength, closeAfterSending, raw);
    }

    Request withVersion(String value) {
      return new Request(
          method, target, value, host, headers, body, declaredLength, closeAfterSending, raw);
    }

    Request withoutHost() {
      return new Request(
          method, target, version, false, headers, body, declaredLength, closeAfterSending, raw);
    }

    /** Appends a header (a name may repeat). */
    Request header(String name, String value) {
      List<Map.Entry<String, String>> h = new ArrayList<>(headers);
      h.add(Map.entry(name, value));
      return new Request(
          method, target, version, host, h, body, declaredLength, closeAfterSending, raw);
    }

    Request headers(Map<String, String> values) {
      Request r = this;
      for (Map.Entry<String, String> e : values.entrySet()) {
        r = r.header(e.getKey(), e.getValue());
      }
      return r;
    }

    /**
     * Replaces every instance of {@code name} (case-insensitive) by one with {@code value}, in
     * place.
     */
    Request replace(String name, String value) {
      List<Map.Entry<String, String>> h = new ArrayList<>();
      boolean done = false;
      for (Map.Entry<String, String> e : headers) {
        if (e.getKey().equalsIgnoreCase(name)) {
          if (!done) {
            h.add(Map.entry(e.getKey(), value));
            done = true;
          }
        } else {
          h.add(e);
        }
      }
      if (!done) {
        h.add(Map.entry(name, value));
      }
      return new Request(
          method, target, version, host, h, body, declaredLength, closeAfterSending, raw);
    }

    Request without(String name) {
      List<Map.Entry<String, String>> h = new ArrayList<>(headers);
      h.removeIf(e -> e.getKey().equalsIgnoreCase(name));
      return new Request(
          method, target, version, host, h, body, declaredLength, closeAfterSending, raw);
    }

    /** The value of the first instance of {@code name}. */
    String value(String name) {
      return headers.stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseThrow();
    }

    Request body(byte[] value) {
      return new Request(
          method, target, version, host, headers, value, declaredLength, closeAfterSending, raw);
    }

    Request body(String utf8) {
      return body(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code Content-Length: value} whatever the body is (a lie, or not a number). */
    Request declaredLength(String value) {
      return new Request(
          method, target, version, host, headers, body, Optional.of(value), closeAfterSending, raw);
    }

    /** Sends no Content-Length at all (for chunked bodies written by hand). */
    Request noDeclaredLength() {
      return new Request(
          method, target, version, host, headers, body, Optional.of(""), closeAfterSending, raw);
    }

    /**
     * Half-closes the socket after the request: the server sees end of input (a truncated upload).
     */
    Request closingAfterSending() {
      return new Request(method, target, version, host, headers, body, declaredLength, true, raw);
    }

    Request withRaw(byte[] bytes) {
      return new Request(
          method,
          target,
          version,
          host,
          headers,
          body,
          declaredLength,
          closeAfterSending,
          Optional.of(bytes.clone()));
    }

    Request map(UnaryOperator<Request> f) {
      return f.apply(this);
    }

    byte[] bytes() {
      if (raw.isPresent()) {
        return raw.get().clone();
      }
      StringBuilder head = new StringBuilder();
      head.append(method)
          .append(' ')
          .append(target)
          .append(version.isEmpty() ? "" : " " + version)
          .append("\r\n");
      if (host) {
        head.append("Host: 127.0.0.1\r\n");
      }
      for (Map.Entry<String, String> e : headers) {
        head.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
      }
      head.append("Connection: close\r\n");
      String length =
          declaredLength.orElse(
              body.length > 0 || method.equals("POST") ? Integer.toString(body.length) : "");
      if (!length.isEmpty()) {
        head.append("Content-Length: ").append(length).append("\r\n");
      }
      head.append("\r\n");
      byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = Arrays.copyOf(h, h.length + body.length);
      System.arraycopy(body, 0, all, h.length, body.length);
      return all;
    }

    @Override
    public String toString() {
      String t =
          raw.isPresent()
              ? "raw " + raw.get().length + " bytes"
              : method + " " + abbreviate(target, 80);
      return t + " (" + bytes().length + " bytes)";
    }
  }

  /**
   * What came back: status, headers (lowercase names), body; status -1 when the server closed the
   * connection without a status line; {@code timedOut} when nothing complete came within the bound.
   */
  record Answer(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      long millis,
      boolean timedOut,
      String failure) {

    boolean closed() {
      return status < 0 && !timedOut;
    }

    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      if (timedOut) {
        return "no complete answer within the bound ("
            + millis
            + " ms)"
            + (failure == null ? "" : ": " + failure);
      }
      if (status < 0) {
        return "connection closed without an answer ("
            + millis
            + " ms)"
            + (failure == null ? "" : ": " + failure);
      }
      return status
          + " "
          + header("Content-Type").orElse("(no content type)")
          + " "
          + abbreviate(text(), 300);
    }
  }

  /**
   * Sends {@code request} to 127.0.0.1:{@code port} and reads one answer. The request is written by
   * a separate thread so that a server answering early (413) never deadlocks against a large
   * upload; a write the server refuses to read is simply abandoned.
   */
  static Answer exchange(int port, Request request, Duration readTimeout) {
    byte[] bytes = request.bytes();
    boolean head = request.method().equals("HEAD");
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) readTimeout.toMillis());
      socket.setSoTimeout((int) readTimeout.toMillis());
      Thread writer =
          new Thread(() -> write(socket, bytes, request.closeAfterSending()), "wire-writer");
      writer.setDaemon(true);
      writer.start();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      String failure = null;
      boolean timedOut = false;
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      long deadline = start + readTimeout.toNanos();
      while (true) {
        Optional<Answer> parsed = parse(received.toByteArray(), head, false, start);
        if (parsed.isPresent()) {
          return parsed.get();
        }
        if (System.nanoTime() > deadline) {
          timedOut = true;
          break;
        }
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          timedOut = true;
          break;
        } catch (IOException e) {
          failure = e.toString(); // e.g. a reset after the answer was sent: use what arrived
          break;
        }
        if (n < 0) {
          break;
        }
        received.write(buffer, 0, n);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      Optional<Answer> atEnd = parse(received.toByteArray(), head, true, start);
      if (atEnd.isPresent() && !timedOut) {
        return atEnd.get();
      }
      return new Answer(-1, Map.of(), received.toByteArray(), millis, timedOut, failure);
    } catch (IOException e) {
      return new Answer(
          -1, Map.of(), new byte[0], (System.nanoTime() - start) / 1_000_000, false, e.toString());
    }
  }

  private static void write(Socket socket, byte[] bytes, boolean halfClose) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
    } catch (IOException e) {
      // The server answered and closed before reading everything: its answer is what counts.
    }
  }

  /** A complete answer in {@code data}, if there is one; {@code eof}: nothing more will come. */
  private static Optional<Answer> parse(byte[] data, boolean head, boolean eof, long start) {
    int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      return Optional.empty();
    }
    String[] lines = new String(data, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      return Optional.empty();
    }
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    int bodyStart = end + 4;
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
      return Optional.of(new Answer(status, headers, new byte[0], millis, false, null));
    }
    List<String> length = headers.get("content-length");
    List<String> encoding = headers.get("transfer-encoding");
    if (length != null) {
      int n = Integer.parseInt(length.get(0));
      if (data.length - bodyStart < n) {
        return Optional.empty();
      }
      return Optional.of(
          new Answer(
              status,
              headers,
              Arrays.copyOfRange(data, bodyStart, bodyStart + n),
              millis,
              false,
              null));
    }
    if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      return dechunk(data, bodyStart)
          .map(body -> new Answer(status, headers, body, millis, false, null));
    }
    return eof
        ? Optional.of(
            new Answer(
                status,
                headers,
                Arrays.copyOfRange(data, bodyStart, data.length),
                millis,
                false,
                null))
        : Optional.empty();
  }

  private static Optional<byte[]> dechunk(byte[] data, int from) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int pos = from;
    byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    while (true) {
      int lineEnd = indexOf(data, crlf, pos);
      if (lineEnd < 0) {
        return Optional.empty();
      }
      String sizeLine = new String(data, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      pos = lineEnd + 2;
      if (size == 0) {
        return Optional.of(body.toByteArray());
      }
      if (data.length < pos + size + 2) {
        return Optional.empty();
      }
      body.write(data, pos, size);
      pos += size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String abbreviate(String s, int max) {
    String printable = s.replaceAll("[\\p{Cntrl}]", "?");
    return printable.length() <= max
        ? printable
        : printable.substring(0, max) + "...(" + s.length() + " chars)";
  }
}
