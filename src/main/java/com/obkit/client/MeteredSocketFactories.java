package com.obkit.client;

import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.http.conn.scheme.PlainSocketFactory;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.params.HttpParams;
import org.apache.http.protocol.HttpContext;

/**
 * Apache HttpClient 4 socket factories (what REST Assured 6 sends with) whose sockets are {@link
 * MeteredSocket}s: for {@code http} a plain one, for {@code https} TLS layered over a plain one, so
 * that the handshake and every encrypted byte are metered like plain ones. The TLS factory keeps
 * the run's {@link SSLContext} (extra trust, the QWAC for mutual TLS) and verifies host names
 * strictly.
 */
@SuppressWarnings(
    "deprecation") // REST Assured 6 still takes Apache HttpClient 4's socket factories.
final class MeteredSocketFactories {
  private MeteredSocketFactories() {}

  /** The {@code http} scheme's factory. */
  static PlainSocketFactory plain(Supplier<ExchangeBudget> budgets, int readTimeoutMillis) {
    return new Plain(budgets, readTimeoutMillis);
  }

  /** The {@code https} scheme's factory: {@code ssl} over metered sockets, strict host names. */
  static SSLSocketFactory tls(
      SSLContext ssl, Supplier<ExchangeBudget> budgets, int readTimeoutMillis) {
    return new Tls(ssl, budgets, readTimeoutMillis);
  }

  private static final class Plain extends PlainSocketFactory {
    private final Supplier<ExchangeBudget> budgets;
    private final int readTimeoutMillis;

    Plain(Supplier<ExchangeBudget> budgets, int readTimeoutMillis) {
      this.budgets = budgets;
      this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public Socket createSocket(HttpParams params) {
      return new MeteredSocket(budgets, readTimeoutMillis);
    }

    @Override
    public Socket createSocket() {
      return new MeteredSocket(budgets, readTimeoutMillis);
    }
  }

  /**
   * Returns a plain metered socket where the TLS socket would be made: {@link SSLSocketFactory}
   * then connects it and layers TLS over it ({@code createLayeredSocket}), handshake and strict
   * host name verification included.
   */
  private static final class Tls extends SSLSocketFactory {
    private final Supplier<ExchangeBudget> budgets;
    private final int readTimeoutMillis;

    Tls(SSLContext ssl, Supplier<ExchangeBudget> budgets, int readTimeoutMillis) {
      super(ssl, SSLSocketFactory.STRICT_HOSTNAME_VERIFIER);
      this.budgets = budgets;
      this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public Socket createSocket(HttpParams params) {
      return new MeteredSocket(budgets, readTimeoutMillis);
    }

    @Override
    public Socket createSocket(HttpContext context) {
      return new MeteredSocket(budgets, readTimeoutMillis);
    }

    @Override
    public Socket createSocket() {
      return new MeteredSocket(budgets, readTimeoutMillis);
    }
  }
}
