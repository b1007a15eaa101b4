package com.obkit.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * A plain TCP socket that holds every read to the current exchange's {@link ExchangeBudget}: before
 * each read it sets the socket timeout to the smaller of the timeout asked for (the read timeout)
 * and the time left until the exchange's deadline, fails once past the deadline, and counts the
 * bytes against the answer's size limit. TLS is layered on top of it ({@link
 * MeteredSocketFactories}), so a TLS answer is metered too, handshake included.
 *
 * <p>The budget is the exchange's, not the connection's: it comes from {@code budgets} (the run's
 * {@link Transport}, per thread) at every read, so a connection kept alive for a later exchange
 * starts that exchange afresh. Without a current budget (a request sent outside {@link
 * BankClient}), the socket behaves as a plain one.
 */
final class MeteredSocket extends Socket {
  private final Supplier<ExchangeBudget> budgets;
  private final int defaultReadTimeoutMillis;
  // What the HTTP client asked for (the read timeout, or 1 ms for its stale check); the socket's
  // own value is lowered to the deadline's rest before each read and must not be read back as it.
  private volatile int requestedTimeout;
  private InputStream in;

  /**
   * @param budgets the current exchange's budget, or null when none
   * @param defaultReadTimeoutMillis the read timeout when the HTTP client set none
   */
  MeteredSocket(Supplier<ExchangeBudget> budgets, int defaultReadTimeoutMillis) {
    this.budgets = budgets;
    this.defaultReadTimeoutMillis = defaultReadTimeoutMillis;
    this.requestedTimeout = defaultReadTimeoutMillis;
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    ExchangeBudget budget = budgets.get();
    int bounded = timeout;
    if (budget != null) {
      bounded = budget.nextTimeoutMillis(timeout);
    }
    try {
      super.connect(endpoint, bounded);
    } catch (SocketTimeoutException e) {
      // Named as a connect timeout whichever factory connects: nothing reached the bank yet, so
      // the exchange is safe to try again (Faults).
      ConnectTimeoutException named =
          new ConnectTimeoutException("connect timed out after " + bounded + " ms");
      named.initCause(e);
      throw named;
    }
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    requestedTimeout = timeout;
    super.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() {
    return requestedTimeout;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      in = new Metered(super.getInputStream());
    }
    return in;
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // closing a connection we give up on: nothing to do about a failure
    }
  }

  private int readTimeout() {
    return requestedTimeout > 0 ? requestedTimeout : defaultReadTimeoutMillis;
  }

  /** The socket's input, read within the current exchange's budget. */
  private final class Metered extends FilterInputStream {
    Metered(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      ExchangeBudget budget = budgets.get();
      if (budget == null) {
        return super.read(b, off, len);
      }
      try {
        if (budget.overLimit()) {
          budget.count(0); // sticky: whoever drains the rest of the answer fails too
        }
        int readTimeout = readTimeout();
        int timeout = budget.nextTimeoutMillis(readTimeout);
        MeteredSocket.super.setSoTimeout(timeout);
        int n;
        try {
          n = super.read(b, off, len);
        } catch (SocketTimeoutException e) {
          // A timeout set to the deadline's rest is the deadline, even when the timer fired a
          // millisecond early.
          if (timeout < readTimeout || readTimeout <= 0 || budget.expired()) {
            throw budget.deadlineExceeded(e);
          }
          throw e;
        }
        if (n > 0) {
          budget.count(n);
        }
        return n;
      } catch (DeadlineExceededException | AnswerTooLargeException e) {
        // An answer cut short is of no use, and the bank would go on sending it into our buffers.
        closeQuietly();
        throw e;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      // Through read, so that skipped bytes are metered too.
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }
  }
}
