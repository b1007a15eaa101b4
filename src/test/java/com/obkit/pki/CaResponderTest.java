package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test CA's responder over real HTTP: the URLs in an issued certificate reach a CRL signed by
 * the CA and an OCSP responder that answers good, revoked and unknown.
 */
class CaResponderTest {

  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R000000");

  private final TestCa ca = TestCa.create("CN=Responder Test CA, C=NL", TestKeys.ca());
  private final CaResponder responder = CaResponder.start(ca);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void close() {
    responder.close();
  }

  private X509Certificate issue(TestCa issuer) {
    return issuer
        .issue(
            CertificateSpec.builder(ORG).profile(CertificateProfile.QSEALC).build(),
            TestKeys.subject())
        .certificate();
  }

  // --- where it listens
  // ----------------------------------------------------------------------------

  @Test
  void listensOnLoopbackAndAnEphemeralPortAndIssuesCertificatesThatNameIt() {
    URI base = responder.baseUrl();
    assertThat(base.getScheme()).isEqualTo("http");
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
    assertThat(base.getPort()).isPositive();
    assertThat(base.getPath()).isEqualTo("/");
    assertThat(responder.ca().repository()).contains(base);
    assertThat(responder.ca().certificate()).isEqualTo(ca.certificate());

    X509Certificate cert = issue(responder.ca());
    assertThat(ocspUrl(cert)).isEqualTo(base.resolve("ocsp"));
    assertThat(crlUrl(cert)).isEqualTo(base.resolve("crl"));
  }

  @Test
  void servesTheCaCertificateAtTheCaIssuersUrl() throws Exception {
    HttpResponse<byte[]> response = get(responder.ca().caIssuersUrl().orElseThrow());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-cert");
    assertThat(response.body()).isEqualTo(ca.certificate().getEncoded());
  }

  // --- CRL
  // -----------------------------------------------------------------------------------------

  @Test
  void theCrlIsSignedByTheCaAndListsRevokedCertificates() throws Exception {
    X509Certificate cert = issue(responder.ca());
    X509CRL first = fetchCrl(crlUrl(cert));

    first.verify(ca.certificate().getPublicKey());
    assertThat(first.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(first.getIssuerX500Principal())
        .isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(first.getRevokedCertificates()).isNull();
    assertThat(
            Duration.between(first.getThisUpdate().toInstant(), first.getNextUpdate().toInstant()))
        .isEqualTo(Duration.ofHours(24));
    byte[] caSki = Der.extension(ca.certificate(), "2.5.29.14").value();
    List<Der> aki = Der.extension(first, "2.5.29.35").children(Der.SEQUENCE);
    assertThat(aki).hasSize(1);
    assertThat(aki.get(0).tag()).isEqualTo(0x80);
    assertThat(aki.get(0).value()).isEqualTo(caSki);

    responder.ca().revoke(cert);
    X509CRL second = fetchCrl(crlUrl(cert));
    second.verify(ca.certificate().getPublicKey());
    assertThat(second.getRevokedCertificates()).hasSize(1);
    assertThat(second.getRevokedCertificate(cert.getSerialNumber()).getRevocationReason())
        .isEqualTo(CRLReason.SUPERSEDED);
    assertThat(crlNumber(second)).isGreaterThan(crlNumber(first));
  }

  @Test
  void theCrlDoesNotVerifyWithAnotherKey() throws Exception {
    X509CRL crl = fetchCrl(responder.ca().crlUrl().orElseThrow());
    assertThatThrownBy(() -> crl.verify(TestKeys.other().getPublic()))
        .isInstanceOf(java.security.SignatureException.class);
  }

  // --- OCSP
  // ----------------------------------------------------------------------------------------

  @Test
  void ocspAnswersGoodForAnIssuedCertificateAndEchoesTheNonce() throws Exception {
    X509Certificate cert = issue(responder.ca());
    byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};

    BasicOCSPResp basic = ocsp(ocspUrl(cert), ca.certificate(), cert.getSerialNumber(), nonce);

    SingleResp single = basic.getResponses()[0];
    assertThat(basic.getResponses()).hasSize(1);
    assertThat(single.getCertStatus()).isSameAs(CertificateStatus.GOOD);
    assertThat(single.getCertID().getSerialNumber()).isEqualTo(cert.getSerialNumber());
    assertThat(single.getNextUpdate()).isNotNull();
    assertThat(
            DEROctetString.getInstance(
                    basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue())
                .getOctets())
        .isEqualTo(nonce);
  }

  @Test
  void ocspAnswersRevokedForARevokedCertificate() throws Exception {
    X509Certificate cert = issue(responder.ca());
    responder.ca().revoke(cert);

    SingleResp single =
        ocsp(ocspUrl(cert), ca.certificate(), cert.getSerialNumber(), null).getResponses()[0];

    assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
    RevokedStatus revoked = (RevokedStatus) single.getCertStatus();
    assertThat(revoked.getRevocationReason())
        .isEqualTo(org.bouncycastle.asn1.x509.CRLReason.superseded);
    assertThat(responder.ca().status(cert.getSerialNumber())).isEqualTo(TestCa.Status.REVOKED);
  }

  @Test
  void ocspAnswersUnknownForAForeignCertificateAndAnUnissuedSerial() throws Exception {
    TestCa foreign = TestCa.create("CN=Foreign CA, C=DE", TestKeys.other());
    X509Certificate stranger = issue(foreign);
    URI ocsp = responder.ca().ocspUrl().orElseThrow();

    assertThat(
            ocsp(ocsp, foreign.certificate(), stranger.getSerialNumber(), null)
                .getResponses()[0]
                .getCertStatus())
        .isInstanceOf(UnknownStatus.class);
    assertThat(
            ocsp(ocsp, ca.certificate(), BigInteger.valueOf(42), null)
                .getResponses()[0]
                .getCertStatus())
        .isInstanceOf(UnknownStatus.class);
  }

  @Test
  void ocspAnswersTheGetFormOfRfc6960() throws Exception {
    X509Certificate cert = issue(responder.ca());
    byte[] request = request(ca.certificate(), cert.getSerialNumber(), null);
    URI url =
        URI.create(
            ocspUrl(cert)
                + "/"
                + java.net.URLEncoder.encode(
                    Base64.getEncoder().encodeToString(request),
                    java.nio.charset.StandardCharsets.US_ASCII));

    HttpResponse<byte[]> response = get(url);

    assertThat(response.statusCode()).isEqualTo(200);
    BasicOCSPResp basic = verified(new OCSPResp(response.body()));
    assertThat(basic.getResponses()[0].getCertStatus()).isSameAs(CertificateStatus.GOOD);
  }

  @Test
  void aMalformedOcspRequestGetsMalformedRequest() throws Exception {
    HttpResponse<byte[]> response = post(responder.ca().ocspUrl().orElseThrow(), new byte[] {1, 2});
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
  }

  @Test
  void aRestoredCaAnswersGoodForAKeptCertificateOnceItIsRecorded() throws Exception {
    X509Certificate kept = issue(responder.ca());
    // A later run restores the CA from files: it has no record of what the earlier run issued.
    TestCa restored = TestCa.restore(ca.certificate(), ca.privateKey());
    try (CaResponder later = CaResponder.start(restored)) {
      URI ocsp = later.ca().ocspUrl().orElseThrow();
      assertThat(
              ocsp(ocsp, ca.certificate(), kept.getSerialNumber(), null)
                  .getResponses()[0]
                  .getCertStatus())
          .isInstanceOf(UnknownStatus.class);

      later.ca().recordIssued(kept);

      assertThat(
              ocsp(ocsp, ca.certificate(), kept.getSerialNumber(), null)
                  .getResponses()[0]
                  .getCertStatus())
          .isSameAs(CertificateStatus.GOOD);
      assertThat(restored.status(kept.getSerialNumber()))
          .as("the published copy shares the record")
          .isEqualTo(TestCa.Status.GOOD);
    }
  }

  @Test
  void afterCloseTheUrlsAnswerNothing() {
    URI crl = responder.ca().crlUrl().orElseThrow();
    responder.close();
    assertThatThrownBy(() -> get(crl)).isInstanceOf(ConnectException.class);
  }

  @Test
  void aCertificateOfAnotherCaCannotBeRevokedHere() {
    X509Certificate stranger = issue(TestCa.create("CN=Foreign CA, C=DE", TestKeys.other()));
    assertThatThrownBy(() -> responder.ca().revoke(stranger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "certificate "
                + stranger.getSerialNumber().toString(16)
                + " was not issued by TestCa[CN=Responder Test CA, C=NL]");
  }

  @Test
  void aRepositoryBaseMustBeAnAbsoluteHttpUrlEndingInASlash() {
    assertThatThrownBy(() -> ca.publishedAt(URI.create("http://127.0.0.1/repo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "repository base 'http://127.0.0.1/repo' is not an absolute http(s) URL ending in '/'");
    assertThatThrownBy(() -> ca.publishedAt(URI.create("ldap://ca.example.com/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "repository base 'ldap://ca.example.com/' is not an absolute http(s) URL ending in '/'");
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private static URI ocspUrl(X509Certificate cert) {
    List<Der> access = Der.extension(cert, "1.3.6.1.5.5.7.1.1").children(Der.SEQUENCE);
    List<Der> ocsp = access.get(0).children(Der.SEQUENCE);
    assertThat(ocsp.get(0).oid()).isEqualTo("1.3.6.1.5.5.7.48.1");
    return URI.create(ocsp.get(1).expect(0x86).text());
  }

  private static URI crlUrl(X509Certificate cert) {
    Der point = Der.extension(cert, "2.5.29.31").children(Der.SEQUENCE).get(0);
    Der fullName = point.children(Der.SEQUENCE).get(0).children(0xA0).get(0);
    return URI.create(fullName.children(0xA0).get(0).expect(0x86).text());
  }

  private static long crlNumber(X509CRL crl) {
    byte[] wrapped = crl.getExtensionValue("2.5.29.20");
    Der integer = Der.parse(Der.parse(wrapped).expect(Der.OCTET_STRING).value());
    return new BigInteger(integer.expect(Der.INTEGER).value()).longValueExact();
  }

  private X509CRL fetchCrl(URI url) throws Exception {
    HttpResponse<byte[]> response = get(url);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-crl");
    return (X509CRL)
        CertificateFactory.getInstance("X.509")
            .generateCRL(new ByteArrayInputStream(response.body()));
  }

  private BasicOCSPResp ocsp(URI url, X509Certificate issuer, BigInteger serial, byte[] nonce)
      throws Exception {
    HttpResponse<byte[]> response = post(url, request(issuer, serial, nonce));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
    return verified(new OCSPResp(response.body()));
  }

  private BasicOCSPResp verified(OCSPResp response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    assertThat(
            basic.isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(ca.certificate().getPublicKey())))
        .as("signed by the CA")
        .isTrue();
    return basic;
  }

  private static byte[] request(X509Certificate issuer, BigInteger serial, byte[] nonce)
      throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(issuer),
            serial);
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
    if (nonce != null) {
      builder.setRequestExtensions(
          new Extensions(
              // RFC 8954: the extnValue holds a DER OCTET STRING with the nonce.
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                  false,
                  new DEROctetString(new DEROctetString(nonce).getEncoded()))));
    }
    return builder.build().getEncoded();
  }

  private HttpResponse<byte[]> get(URI url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(URI url, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/ocsp-request")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
