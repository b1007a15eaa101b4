package com.obkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.client.Tpp;
import com.obkit.config.KitConfig;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

/**
 * A run's production-profile certificates name the run's own test CA responder, which answers while
 * the run lives and stops with it.
 */
class CaResponderWiringTest {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theRunsCertificatesNameALiveCrlThatStopsWithTheRun() throws Exception {
    URI crl;
    X509Certificate issuer;
    try (KitRuntime runtime =
        KitRuntime.start(KitConfig.load(Map.of("kit.bankMode", "production"), Map.of()))) {
      Tpp tpp = runtime.tpps().newTpp();
      X509Certificate cert = tpp.credentials().certificate();
      issuer = tpp.credentials().chain().get(0);
      assertThat(cert.getExtensionValue("1.3.6.1.5.5.7.1.3")).isNotNull();
      crl = crlUrl(cert);
      assertThat(crl.getHost()).isEqualTo("127.0.0.1");

      HttpResponse<byte[]> response = get(crl);
      assertThat(response.statusCode()).isEqualTo(200);
      X509CRL list =
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(new ByteArrayInputStream(response.body()));
      list.verify(issuer.getPublicKey());
      assertThat(list.getRevokedCertificate(cert.getSerialNumber())).isNull();
    }
    URI stopped = crl;
    assertThatThrownBy(() -> get(stopped)).isInstanceOf(ConnectException.class);
  }

  private static URI crlUrl(X509Certificate cert) {
    CRLDistPoint points =
        CRLDistPoint.getInstance(
            ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.31")).getOctets());
    GeneralName name =
        GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName())
            .getNames()[0];
    return URI.create(name.getName().toString());
  }

  private HttpResponse<byte[]> get(URI url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
