package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.HttpSettings;
import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production uses mutual TLS with the TPP's QWAC: the kit presents it in the handshake when
 * configured.
 */
class MutualTlsTest {
  private static final HttpSettings HTTP =
      new HttpSettings(
          Duration.ofSeconds(3), Duration.ofSeconds(3), Optional.empty(), Optional.empty());
  private static TestCa ca;
  private static Credentials server;
  private static HttpsServer bank;

  @BeforeAll
  static void startABankThatRequiresClientCertificates() throws Exception {
    ca = TestCa.create("CN=Kit QWAC Test CA, C=NL", KeyPool.generateRsa(2048));
    server = ca.issueTlsServer(KeyPool.generateRsa(2048), "127.0.0.1");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "server",
        server.privateKey(),
        new char[0],
        new java.security.cert.Certificate[] {server.certificate()});
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    bank = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bank.setHttpsConfigurator(
        new HttpsConfigurator(ssl) {
          @Override
          public void configure(HttpsParameters params) {
            javax.net.ssl.SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setNeedClientAuth(true); // the JDK server honours it only through SSLParameters
            params.setSSLParameters(ssl);
          }
        });
    bank.createContext(
        "/",
        exchange -> {
          // RFC 1779 prints the organizationIdentifier (2.5.4.97) as text, RFC 2253 in hex; the
          // QWAC's CN is its domain, so the org id is only in 2.5.4.97.
          String peer =
              ((javax.security.auth.x500.X500Principal)
                      ((com.sun.net.httpserver.HttpsExchange) exchange)
                          .getSSLSession()
                          .getPeerPrincipal())
                  .getName("RFC1779");
          byte[] body = ("hello " + peer).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    bank.start();
  }

  @AfterAll
  static void stop() {
    bank.stop(0);
  }

  private static String url() {
    return "https://127.0.0.1:" + bank.getAddress().getPort() + "/xs2a-bg/version";
  }

  @Test
  void theQwacIsPresentedWhenConfigured() {
    Credentials qwac =
        ca.issue(
            CertificateSpec.builder(OrganizationId.of("PSDNL-DNB-R777777"))
                .profile(CertificateProfile.QWAC)
                .build(),
            KeyPool.generateRsa(2048));
    Transport transport = new Transport(HTTP, List.of(server.certificate()), Optional.of(qwac));
    String body =
        RestAssured.given(new RequestSpecBuilder().setConfig(transport.restAssuredConfig()).build())
            .get(url())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).contains("PSDNL-DNB-R777777");
  }

  @Test
  void withoutAClientCertificateTheHandshakeFails() {
    Transport transport = new Transport(HTTP, List.of(server.certificate()));
    assertThatThrownBy(
            () ->
                RestAssured.given(
                        new RequestSpecBuilder().setConfig(transport.restAssuredConfig()).build())
                    .get(url()))
        .isInstanceOfAny(
            javax.net.ssl.SSLException.class,
            java.net.SocketException.class,
            org.apache.http.NoHttpResponseException.class);
  }
}
