package com.obkit.selftest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A TCP proxy on an ephemeral loopback port in front of a bank (the reference sandbox over plain
 * HTTP): what it does with the n-th connection is up to the test, so that a bank can stop answering
 * after a while, or a gateway before it can answer 503 once. Test code only.
 */
final class FlakyProxy implements AutoCloseable {

  /** What to do with one connection. */
  enum Mode {
    /** Pass the bytes both ways. */
    FORWARD,
    /** Accept, read, never answer: a bank that stopped answering. */
    HOLD,
    /** Read the request and answer 503 with an HTML page, as a gateway before the bank does. */
    GATEWAY_503
  }

  private final URI upstream;
  private final IntFunction<Mode> modeOfConnection;
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Mode> modes = new CopyOnWriteArrayList<>();

  /**
   * @param upstream the bank's base URL (http)
   * @param modeOfConnection the mode of the n-th connection, counting from 1
   */
  FlakyProxy(URI upstream, IntFunction<Mode> modeOfConnection) throws IOException {
    this.upstream = upstream;
    this.modeOfConnection = modeOfConnection;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop, "flaky-proxy").start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The mode each connection got, in order. */
  List<Mode> modes() {
    return new ArrayList<>(modes);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        Mode mode = modeOfConnection.apply(connections.incrementAndGet());
        modes.add(mode);
        daemon(() -> serve(client, mode), "flaky-proxy-" + mode).start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client, Mode mode) {
    try {
      switch (mode) {
        case FORWARD -> {
          Socket bank = new Socket();
          open.add(bank);
          bank.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
          daemon(() -> pipe(bank, client), "flaky-proxy-back").start();
          pipe(client, bank);
        }
        case HOLD -> client.getInputStream().transferTo(OutputStream.nullOutputStream());
        case GATEWAY_503 -> {
          HostileBank.readRequest(client.getInputStream(), new ArrayList<>());
          byte[] body =
              "<html><body><h1>503 Service Unavailable</h1></body></html>"
                  .getBytes(StandardCharsets.US_ASCII);
          client
              .getOutputStream()
              .write(
                  ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\nContent-Length: "
                          + body.length
                          + "\r\nConnection: close\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          client.getOutputStream().write(body);
          client.close();
        }
      }
    } catch (IOException gone) {
      // one side hung up
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException gone) {
      // one side hung up
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
