package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metered socket against a loopback server that sends what each test needs. */
class MeteredSocketTest {

  private final AtomicReference<ExchangeBudget> current = new AtomicReference<>();
  private ServerSocket server;
  private Socket accepted;

  @AfterEach
  void stop() throws IOException {
    if (accepted != null) {
      accepted.close();
    }
    server.close();
  }

  /** A server whose one connection gets {@code bytes}, with {@code pauseMillis} between them. */
  private InetSocketAddress serving(byte[] bytes, int chunk, long pauseMillis) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              try {
                accepted = server.accept();
                OutputStream out = accepted.getOutputStream();
                for (int i = 0; i < bytes.length; i += chunk) {
                  out.write(bytes, i, Math.min(chunk, bytes.length - i));
                  out.flush();
                  if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis); // the hostile pacing itself
                  }
                }
              } catch (IOException | InterruptedException gone) {
                // the client gave up
              }
            });
    t.setDaemon(true);
    t.start();
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  private MeteredSocket connected(InetSocketAddress address, int readTimeout) throws IOException {
    MeteredSocket socket = new MeteredSocket(current::get, readTimeout);
    socket.connect(address, 1000);
    socket.setSoTimeout(readTimeout);
    return socket;
  }

  @Test
  void aDripIsCutOffAtTheDeadlineThoughEveryReadIsQuickEnough() throws Exception {
    MeteredSocket socket = connected(serving(new byte[100], 1, 100), 1000);
    current.set(ExchangeBudget.onSystemClock(Duration.ofMillis(500), 1 << 20));
    InputStream in = socket.getInputStream();
    long start = System.nanoTime();
    assertThatThrownBy(() -> in.readAllBytes())
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessage("no complete answer within kit.http.deadline (0.5s)");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMillis).isBetween(400L, 1500L);
    assertThat(socket.isClosed()).isTrue(); // an answer cut short is of no use
  }

  @Test
  void aLargeAnswerIsCutOffAtTheLimit() throws Exception {
    MeteredSocket socket = connected(serving(new byte[64 * 1024], 4096, 0), 1000);
    current.set(ExchangeBudget.onSystemClock(Duration.ofSeconds(5), 10_000));
    InputStream in = socket.getInputStream();
    assertThatThrownBy(() -> in.readAllBytes())
        .isInstanceOf(AnswerTooLargeException.class)
        .hasMessage(
            "the answer is larger than kit.http.maxResponseBytes (10000 bytes); the kit stopped"
                + " reading it");
    assertThat(socket.isClosed()).isTrue();
  }

  @Test
  void withoutABudgetItIsAPlainSocket() throws Exception {
    MeteredSocket socket = connected(serving(new byte[20_000], 4096, 0), 1000);
    try (InputStream in = socket.getInputStream()) {
      assertThat(in.readNBytes(20_000)).hasSize(20_000);
    }
  }

  @Test
  void aSilentServerIsAReadTimeoutWhenTheDeadlineIsFarOff() throws Exception {
    MeteredSocket socket = connected(serving(new byte[0], 1, 0), 200);
    current.set(ExchangeBudget.onSystemClock(Duration.ofSeconds(10), 1 << 20));
    // The server sent nothing and keeps the connection open until the test ends.
    InputStream in = socket.getInputStream();
    assertThatThrownBy(in::read)
        .isInstanceOf(SocketTimeoutException.class)
        .isNotInstanceOf(DeadlineExceededException.class);
  }

  @Test
  void theTimeoutAskedForIsWhatItReportsNotTheDeadlinesRest() throws Exception {
    MeteredSocket socket = connected(serving(new byte[1], 1, 0), 1000);
    current.set(ExchangeBudget.onSystemClock(Duration.ofMillis(300), 1 << 20));
    assertThat(socket.getInputStream().read()).isZero();
    // The HTTP client restores what it read back: its own value, never the lowered one.
    assertThat(socket.getSoTimeout()).isEqualTo(1000);
  }
}
