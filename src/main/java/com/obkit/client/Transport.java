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
import org.apache.http.conn.ssl.SSLSocketFactory;

/**
 * How the kit reaches the bank: timeouts, redirects never followed (a redirect is what the checks
 * look at), no charset appended to content types, and TLS trusting the JDK's CAs plus certificates
 * given in memory (the embedded sandbox's server certificate, {@code kit.http.trustCertificate}).
 * Immutable; one per run.
 */
public final class Transport {

  private final RestAssuredConfig config;

  /**
   * @param http timeouts
   * @param extraTrust certificates trusted in addition to the JDK's CAs
   */
  public Transport(HttpSettings http, List<X509Certificate> extraTrust) {
    this(http, extraTrust, Optional.empty());
  }

  /**
   * @param http timeouts
   * @param extraTrust certificates trusted in addition to the JDK's CAs
   * @param clientCertificate the QWAC presented for mutual TLS (production), if any
   */
  public Transport(
      HttpSettings http,
      List<X509Certificate> extraTrust,
      Optional<Credentials> clientCertificate) {
    SSLContext ssl = sslContext(extraTrust, clientCertificate);
    @SuppressWarnings(
        "deprecation") // REST Assured 6 still takes Apache HttpClient 4's socket factory.
    SSLSocketFactory socketFactory =
        new SSLSocketFactory(ssl, SSLSocketFactory.STRICT_HOSTNAME_VERIFIER);
    this.config =
        RestAssuredConfig.config()
            .sslConfig(SSLConfig.sslConfig().sslSocketFactory(socketFactory))
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", (int) http.connectTimeout().toMillis())
                    .setParam("http.socket.timeout", (int) http.readTimeout().toMillis())
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
