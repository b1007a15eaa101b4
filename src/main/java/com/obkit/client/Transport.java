package com.obkit.client;

import com.obkit.config.HttpSettings;
import com.obkit.pki.Credentials;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.http.client.HttpClient;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.conn.scheme.SchemeSocketFactory;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.conn.BasicClientConnectionManager;

/**
 * How the kit reaches the bank: timeouts, redirects never followed (a redirect is what the checks
 * look at), no charset appended to content types, and TLS trusting the JDK's CAs plus certificates
 * given in memory (the embedded sandbox's server certificate, {@code kit.http.trustCertificate}).
 *
 * <p>Every socket is a {@link MeteredSocket}: an exchange sent through {@link #send} has a total
 * deadline ({@code kit.http.deadline}) and reads at most {@code kit.http.maxResponseBytes} of its
 * answer, so that a bank dripping one byte a second or sending 50 MB ends the scenario in bounded
 * time and memory. The budget is the exchange's, kept per thread by this (the run's) transport and
 * set around each request; so is the retry of environment faults ({@code kit.retry.environment})
 * and the run's {@link CircuitBreaker} ({@code kit.circuitBreaker}). One per run; thread-safe.
 */
public final class Transport {

  private final RestAssuredConfig config;
  private final CircuitBreaker breaker;
  // Instance-level, not static: two runs in one JVM (the kit's self-tests) never share budgets.
  private final ThreadLocal<ExchangeBudget> budgets = new ThreadLocal<>();
  private final ExchangeRunner runner;

  /**
   * @param http timeouts
   * @param extraTrust certificates trusted in addition to the JDK's CAs
   */
  public Transport(HttpSettings http, List<X509Certificate> extraTrust) {
    this(http, extraTrust, Optional.empty());
  }

  /**
   * @param http timeouts, deadline, size limit, retries and circuit breaker
   * @param extraTrust certificates trusted in addition to the JDK's CAs
   * @param clientCertificate the QWAC presented for mutual TLS (production), if any
   */
  public Transport(
      HttpSettings http,
      List<X509Certificate> extraTrust,
      Optional<Credentials> clientCertificate) {
    SSLContext ssl = sslContext(extraTrust, clientCertificate);
    int readTimeout = (int) http.readTimeout().toMillis();
    @SuppressWarnings(
        "deprecation") // REST Assured 6 still takes Apache HttpClient 4's socket factories.
    SSLSocketFactory tls = MeteredSocketFactories.tls(ssl, budgets::get, readTimeout);
    @SuppressWarnings("deprecation")
    SchemeSocketFactory plain = MeteredSocketFactories.plain(budgets::get, readTimeout);
    this.breaker = new CircuitBreaker(http.circuitBreaker());
    this.runner = new ExchangeRunner(http, breaker, budgets);
    this.config =
        RestAssuredConfig.config()
            // Also here, so that REST Assured registers the same factory for https on any port.
            .sslConfig(SSLConfig.sslConfig().sslSocketFactory(tls))
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .httpClientFactory(() -> httpClient(plain, tls))
                    .setParam("http.connection.timeout", (int) http.connectTimeout().toMillis())
                    .setParam("http.socket.timeout", readTimeout)
                    .setParam("http.connection-manager.timeout", http.connectTimeout().toMillis()))
            .encoderConfig(
                EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));
  }

  /** The REST Assured configuration every request spec of the run starts from. */
  public RestAssuredConfig restAssuredConfig() {
    return config;
  }

  /** The run's circuit breaker. */
  public CircuitBreaker circuitBreaker() {
    return breaker;
  }

  /** How every exchange of the run is sent: budget, retries, circuit breaker. */
  ExchangeRunner exchanges() {
    return runner;
  }

  /**
   * A client with the run's socket factories. The HTTP client's own retries are off: the kit
   * retries, where safe, and shows each retry ({@link ExchangeRunner}).
   */
  @SuppressWarnings("deprecation") // Apache HttpClient 4's classic API, what REST Assured 6 uses.
  private static HttpClient httpClient(SchemeSocketFactory plain, SSLSocketFactory tls) {
    SchemeRegistry registry = new SchemeRegistry();
    registry.register(new Scheme("http", 80, plain));
    registry.register(new Scheme("https", 443, tls));
    DefaultHttpClient client = new DefaultHttpClient(new BasicClientConnectionManager(registry));
    client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
    return client;
  }

  private static SSLContext sslContext(
      List<X509Certificate> extraTrust, Optional<Credentials> client) {
    try {
      List<X509TrustManager> managers = new ArrayList<>();
      if (!extraTrust.isEmpty()) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < extraTrust.size(); i++) {
          store.setCertificateEntry("trusted-" + i, extraTrust.get(i));
        }
        managers.add(trustManager(store));
      }
      managers.add(trustManager(null));
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          client.map(Transport::keyManagers).orElse(null),
          new TrustManager[] {new AnyOfTrustManager(managers)},
          null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The QWAC and its key, in memory, for the TLS handshake's client certificate. */
  private static KeyManager[] keyManagers(Credentials qwac) {
    try {
      char[] password = new char[0]; // in-memory only, never written
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      List<Certificate> chain = new ArrayList<>();
      chain.add(qwac.certificate());
      chain.addAll(qwac.chain());
      store.setKeyEntry("qwac", qwac.privateKey(), password, chain.toArray(new Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot use the mutual TLS certificate: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("no X509TrustManager available");
  }

  /** Trusts a server that any of the given managers trusts. */
  private static final class AnyOfTrustManager implements X509TrustManager {
    private final List<X509TrustManager> managers;

    AnyOfTrustManager(List<X509TrustManager> managers) {
      this.managers = List.copyOf(managers);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("the kit is a client only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      CertificateException last = null;
      for (X509TrustManager m : managers) {
        try {
          m.checkServerTrusted(chain, authType);
          return;
        } catch (CertificateException e) {
          last = e;
        }
      }
      throw last == null ? new CertificateException("no trust manager") : last;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return managers.stream()
          .flatMap(m -> Arrays.stream(m.getAcceptedIssuers()))
          .toArray(X509Certificate[]::new);
    }
  }
}
