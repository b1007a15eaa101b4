package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificatesTest {

  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R000000");

  private final Credentials credentials =
      TestCa.create("CN=Certificates Test CA", TestKeys.ca())
          .issue(CertificateSpec.builder(ORG).build(), TestKeys.subject());
  private final X509Certificate cert = credentials.certificate();

  @Test
  void headerValueRoundTrips() {
    String header = credentials.certificateHeaderValue();

    assertThat(Certificates.fromBase64Der(header)).isEqualTo(cert);
    assertThat(Certificates.fromBase64Der("  " + header + "\r\n")).isEqualTo(cert);
    assertThat(Certificates.toBase64Der(cert)).isEqualTo(header);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void emptyValueIsRefused(String value) {
    assertThatThrownBy(() -> Certificates.fromBase64Der(value))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessage("certificate value is empty");
  }

  @Test
  void nonBase64IsRefused() {
    assertThatThrownBy(() -> Certificates.fromBase64Der("this is not base64!"))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("not base64");
  }

  @Test
  void base64OfGarbageIsRefused() {
    String garbage =
        Base64.getEncoder()
            .encodeToString("hello, this is not DER".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Certificates.fromBase64Der(garbage))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("not a DER X.509 certificate");
  }

  @Test
  void truncatedCertificateIsRefused() throws Exception {
    byte[] der = cert.getEncoded();
    String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length - 40));
    assertThatThrownBy(() -> Certificates.fromBase64Der(truncated))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("not a DER X.509 certificate");
  }

  @Test
  void trailingBytesAreRefused() throws Exception {
    byte[] der = cert.getEncoded();
    byte[] longer = Arrays.copyOf(der, der.length + 3);
    assertThatThrownBy(() -> Certificates.fromBase64Der(Base64.getEncoder().encodeToString(longer)))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("3 trailing bytes");
  }

  @Test
  void pemArmourIsRefused() {
    assertThatThrownBy(() -> Certificates.fromBase64Der(Certificates.toPem(cert)))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("PEM armour");
  }

  @Test
  void lineBrokenBase64IsRefused() throws Exception {
    String mime = Base64.getMimeEncoder().encodeToString(cert.getEncoded());
    assertThat(mime).contains("\r\n");
    assertThatThrownBy(() -> Certificates.fromBase64Der(mime))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("not base64");
  }

  @Test
  void pemParsesBackToTheSameCertificate() throws Exception {
    String pem = Certificates.toPem(cert);

    assertThat(pem)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("\n-----END CERTIFICATE-----\n");
    assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
    X509Certificate parsed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed).isEqualTo(cert);
  }

  @Test
  void fingerprintIsLowercaseHexSha256OfDer() throws Exception {
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));

    assertThat(Certificates.sha256Fingerprint(cert)).isEqualTo(expected).matches("[0-9a-f]{64}");
    assertThat(Certificates.sha256Fingerprint(credentials.chain().get(0))).isNotEqualTo(expected);
  }

  @Test
  void organizationIdentifierIsReadFromTheSubject() {
    assertThat(Certificates.organizationIdentifier(cert)).contains("PSDNL-DNB-R000000");
    assertThat(Certificates.organizationIdentifier(credentials.chain().get(0))).isEmpty();
  }
}
