package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

class TestCaTest {

  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R000000");
  private static final String SANDBOX_KEY_ID =
      "SN=1,CA=CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL";

  private final TestCa ca = TestCa.create("CN=Kit Test CA, O=Conformance Kit, C=NL", TestKeys.ca());

  private X509Certificate issue(CertificateSpec spec) {
    return ca.issue(spec, TestKeys.subject()).certificate();
  }

  // --- subject
  // -------------------------------------------------------------------------------------

  @Test
  void subjectCarriesCnOrganizationCountryAndOrganizationIdentifier() {
    X509Certificate cert = issue(CertificateSpec.builder(ORG).build());
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());

    assertThat(value(subject, BCStyle.ORGANIZATION_IDENTIFIER)).isEqualTo("PSDNL-DNB-R000000");
    assertThat(value(subject, BCStyle.CN)).isEqualTo("TPP PSDNL-DNB-R000000");
    assertThat(value(subject, BCStyle.O)).isEqualTo("Conformance Kit TPP");
    assertThat(value(subject, BCStyle.C)).isEqualTo("NL");
    assertThat(Certificates.organizationIdentifier(cert)).contains("PSDNL-DNB-R000000");
  }

  @Test
  void withoutOrganizationIdentifierLeavesTheAttributeOut() {
    X509Certificate cert =
        issue(CertificateSpec.builder(ORG).withoutOrganizationIdentifier().build());
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());

    assertThat(subject.getRDNs(BCStyle.ORGANIZATION_IDENTIFIER)).isEmpty();
    assertThat(Certificates.organizationIdentifier(cert)).isEmpty();
    assertThat(value(subject, BCStyle.CN)).isEqualTo("TPP PSDNL-DNB-R000000");
  }

  @Test
  void rawOrganizationIdentifierIsWrittenUnvalidated() {
    X509Certificate cert =
        issue(
            CertificateSpec.builder(ORG).rawOrganizationIdentifier("psdnl-dnb-not valid").build());

    assertThat(Certificates.organizationIdentifier(cert)).contains("psdnl-dnb-not valid");
    assertThat(OrganizationId.isValid(Certificates.organizationIdentifier(cert).orElseThrow()))
        .isFalse();
  }

  // --- profiles
  // ------------------------------------------------------------------------------------

  @Test
  void sandboxProfileCarriesOnlyThePsd2Statement() throws IOException {
    X509Certificate cert = issue(CertificateSpec.builder(ORG).build());

    Psd2QcStatement psd2 = Psd2QcStatement.from(cert).orElseThrow();
    assertThat(psd2.roles()).containsExactly(PspRole.PSP_AI, PspRole.PSP_PI);
    assertThat(psd2.ncaName()).isEqualTo("Competent Authority DNB");
    assertThat(psd2.ncaId()).isEqualTo("NL-DNB");
    assertThat(QcStatements.hasQcCompliance(cert)).isFalse();
    assertThat(QcStatements.qcTypeOid(cert)).isEmpty();

    RawQc raw = RawQc.of(cert);
    assertThat(raw.statements).containsOnlyKeys("0.4.0.19495.2");
    assertThat(raw.psd2Roles())
        .containsExactly(
            List.of("0.4.0.19495.1.3", "PSP_AI"), List.of("0.4.0.19495.1.2", "PSP_PI"));
    assertThat(raw.psd2NcaName()).isEqualTo("Competent Authority DNB");
    assertThat(raw.psd2NcaId()).isEqualTo("NL-DNB");

    assertKeyUsage(cert, true, true, false);
    assertThat(cert.getExtensionValue("2.5.29.37")).as("no extendedKeyUsage").isNull();
  }

  @Test
  void qsealcProfileCarriesQcComplianceEsealAndPsd2WithCriticalNonRepudiation() throws Exception {
    X509Certificate cert =
        issue(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QSEALC)
                .roles(List.of(PspRole.PSP_AS, PspRole.PSP_PI, PspRole.PSP_AI, PspRole.PSP_IC))
                .ncaName("De Nederlandsche Bank")
                .build());

    assertThat(QcStatements.hasQcCompliance(cert)).isTrue();
    assertThat(QcStatements.qcTypeOid(cert)).contains("0.4.0.1862.1.6.2");
    assertThat(Psd2QcStatement.from(cert).orElseThrow())
        .isEqualTo(
            new Psd2QcStatement(
                List.of(PspRole.PSP_AS, PspRole.PSP_PI, PspRole.PSP_AI, PspRole.PSP_IC),
                "De Nederlandsche Bank",
                "NL-DNB"));

    RawQc raw = RawQc.of(cert);
    assertThat(raw.statements)
        .containsOnlyKeys("0.4.0.1862.1.1", "0.4.0.1862.1.6", "0.4.0.1862.1.5", "0.4.0.19495.2");
    assertThat(raw.statements.get("0.4.0.1862.1.1"))
        .as("QcCompliance has no statementInfo")
        .isNull();
    assertThat(raw.qcTypes()).containsExactly("0.4.0.1862.1.6.2");
    assertThat(raw.psd2Roles())
        .extracting(pair -> pair.get(1))
        .containsExactly("PSP_AS", "PSP_PI", "PSP_AI", "PSP_IC");
    assertThat(raw.psd2NcaName()).isEqualTo("De Nederlandsche Bank");

    assertKeyUsage(cert, true, true, false);
    assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.15");
    assertThat(cert.getNonCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.1.3");
    assertThat(cert.getExtendedKeyUsage()).isNull();
  }

  @Test
  void qwacProfileCarriesQctWebAndServerAndClientAuth() throws Exception {
    X509Certificate cert =
        issue(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QWAC)
                .roles(PspRole.PSP_AI)
                .build());

    assertThat(QcStatements.hasQcCompliance(cert)).isTrue();
    assertThat(QcStatements.qcTypeOid(cert)).contains("0.4.0.1862.1.6.3");
    assertThat(Psd2QcStatement.from(cert).orElseThrow().roles()).containsExactly(PspRole.PSP_AI);
    assertThat(RawQc.of(cert).qcTypes()).containsExactly("0.4.0.1862.1.6.3");

    assertKeyUsage(cert, true, false, true);
    assertThat(cert.getExtendedKeyUsage())
        .containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
  }

  @Test
  void withoutPsd2StatementSandboxHasNoQcStatementsAtAll() {
    X509Certificate cert = issue(CertificateSpec.builder(ORG).withoutPsd2Statement().build());

    assertThat(cert.getExtensionValue("1.3.6.1.5.5.7.1.3")).isNull();
    assertThat(Psd2QcStatement.from(cert)).isEmpty();
  }

  @Test
  void withoutPsd2StatementQsealcKeepsTheOtherStatements() throws IOException {
    X509Certificate cert =
        issue(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QSEALC)
                .withoutPsd2Statement()
                .build());

    assertThat(Psd2QcStatement.from(cert)).isEmpty();
    assertThat(QcStatements.hasQcCompliance(cert)).isTrue();
    assertThat(RawQc.of(cert).statements)
        .containsOnlyKeys("0.4.0.1862.1.1", "0.4.0.1862.1.6", "0.4.0.1862.1.5");
  }

  @Test
  void customNcaAndCountryAreWritten() {
    X509Certificate cert =
        issue(
            CertificateSpec.builder(OrganizationId.of("PSDDE-BAFIN-CC1111"))
                .commonName("Other TPP")
                .ncaId("DE-BAFIN")
                .ncaName("Bundesanstalt")
                .roles(PspRole.PSP_IC)
                .build());

    assertThat(cert.getSubjectX500Principal().getName("RFC1779"))
        .isEqualTo("CN=Other TPP, OID.2.5.4.97=PSDDE-BAFIN-CC1111, O=Conformance Kit TPP, C=DE");
    assertThat(Psd2QcStatement.from(cert))
        .contains(new Psd2QcStatement(List.of(PspRole.PSP_IC), "Bundesanstalt", "DE-BAFIN"));
  }

  // --- signature, serial, validity
  // -----------------------------------------------------------------

  @Test
  void issuedCertificateVerifiesAgainstTheCaAndNamesItAsIssuer() throws Exception {
    Credentials credentials = ca.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject());
    X509Certificate cert = credentials.certificate();

    assertThatCode(() -> cert.verify(ca.certificate().getPublicKey())).doesNotThrowAnyException();
    assertThatThrownBy(() -> cert.verify(TestKeys.other().getPublic()))
        .isInstanceOf(java.security.SignatureException.class);
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(credentials.chain()).containsExactly(ca.certificate());
    assertThat(credentials.privateKey()).isEqualTo(TestKeys.subject().getPrivate());
    assertThat(cert.getPublicKey()).isEqualTo(TestKeys.subject().getPublic());
    assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);

    byte[] caSki =
        SubjectKeyIdentifier.getInstance(octets(ca.certificate(), "2.5.29.14")).getKeyIdentifier();
    byte[] aki =
        AuthorityKeyIdentifier.getInstance(octets(cert, "2.5.29.35")).getKeyIdentifierOctets();
    assertThat(aki).isEqualTo(caSki);
    assertThat(cert.getExtensionValue("2.5.29.14")).isNotNull();
  }

  @Test
  void serialsAreRandomPositiveAndAtLeast64Bits() {
    Set<BigInteger> serials = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      BigInteger serial = issue(CertificateSpec.builder(ORG).build()).getSerialNumber();
      assertThat(serial.signum()).isPositive();
      assertThat(serial.bitLength()).isGreaterThanOrEqualTo(64).isLessThanOrEqualTo(159);
      serials.add(serial);
    }
    assertThat(serials).hasSize(5);
  }

  @Test
  void expiredAndNotYetValidCertificatesAreIssued() {
    Instant now = Instant.now();
    X509Certificate expired =
        issue(
            CertificateSpec.builder(ORG)
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                .build());
    X509Certificate future =
        issue(
            CertificateSpec.builder(ORG)
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))
                .build());

    assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
    assertThatThrownBy(future::checkValidity).isInstanceOf(CertificateNotYetValidException.class);
  }

  @Test
  void defaultValidityIsNowForAYear() {
    Instant before = Instant.now();
    X509Certificate cert = issue(CertificateSpec.builder(ORG).build());
    assertThatCode(cert::checkValidity).doesNotThrowAnyException();
    assertThat(cert.getNotBefore().toInstant()).isBefore(before);
    assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
        .isBetween(Duration.ofDays(365), Duration.ofDays(365).plusMinutes(2));
  }

  // --- CA certificate
  // ------------------------------------------------------------------------------

  @Test
  void caCertificateIsASelfSignedCa() throws Exception {
    X509Certificate caCert = ca.certificate();

    caCert.verify(TestKeys.ca().getPublic());
    assertThat(caCert.getSubjectX500Principal()).isEqualTo(caCert.getIssuerX500Principal());
    assertThat(caCert.getSubjectX500Principal().getName("RFC1779"))
        .isEqualTo("CN=Kit Test CA, O=Conformance Kit, C=NL");
    assertThat(caCert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(caCert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    boolean[] keyUsage = caCert.getKeyUsage();
    assertThat(keyUsage[5]).as("keyCertSign").isTrue();
    assertThat(keyUsage[6]).as("cRLSign").isTrue();
    assertThat(keyUsage[0]).as("digitalSignature").isFalse();
    assertThat(caCert.getExtensionValue("2.5.29.14")).isNotNull();
    assertThat(caCert.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThatCode(caCert::checkValidity).doesNotThrowAnyException();
  }

  @Test
  void unparseableCaDnIsRefused() {
    assertThatThrownBy(() -> TestCa.create("this is no DN", TestKeys.ca()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this is no DN");
  }

  // --- Key Id
  // --------------------------------------------------------------------------------------

  @Test
  void sandboxLikeCertificateWithSerialOneHasTheBanksKeyId() {
    TestCa sandbox = TestCa.sandboxLike(TestKeys.ca(), OrganizationId.of("PSDGO-BES-WGXZKBYE"));
    Credentials credentials =
        sandbox.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject(), BigInteger.ONE);

    assertThat(credentials.keyId().toString()).isEqualTo(SANDBOX_KEY_ID);
    assertThat(KeyId.parse(SANDBOX_KEY_ID)).isEqualTo(KeyId.of(credentials.certificate()));
    assertThat(KeyId.parse(credentials.keyId().toString())).isEqualTo(credentials.keyId());
    assertThat(Certificates.organizationIdentifier(sandbox.certificate()))
        .contains("PSDGO-BES-WGXZKBYE");
  }

  @Test
  void caFromTheSameDnStringPrintsTheSameIssuer() {
    TestCa fromString =
        TestCa.create(
            "CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL",
            TestKeys.ca());
    Credentials credentials =
        fromString.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject(), BigInteger.ONE);

    assertThat(credentials.keyId().toString()).isEqualTo(SANDBOX_KEY_ID);
    assertThat(Certificates.organizationIdentifier(fromString.certificate()))
        .contains("PSDGO-BES-WGXZKBYE");
  }

  @Test
  void randomSerialKeyIdRoundTrips() {
    Credentials credentials = ca.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject());
    String keyId = credentials.keyId().toString();

    assertThat(keyId).matches("SN=[0-9a-f]+,CA=CN=Kit Test CA, O=Conformance Kit, C=NL");
    assertThat(keyId)
        .startsWith("SN=" + credentials.certificate().getSerialNumber().toString(16) + ",");
    assertThat(KeyId.parse(keyId)).isEqualTo(credentials.keyId());
  }

  @Test
  void nonPositiveSerialIsRefused() {
    assertThatThrownBy(
            () ->
                ca.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject(), BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  // --- key strength
  // --------------------------------------------------------------------------------

  @Test
  void rsaKeysBelow2048BitsAreRefusedEverywhere() {
    var weak = TestKeys.weak();
    assertThatThrownBy(() -> TestCa.create("CN=Weak CA", weak))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> TestCa.sandboxLike(weak, ORG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> ca.issue(CertificateSpec.builder(ORG).build(), weak))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> ca.issueTlsServer(weak, "localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
  }

  // --- TLS server
  // ----------------------------------------------------------------------------------

  @Test
  void tlsServerCertificateCoversNamesAndAddresses() throws Exception {
    Credentials tls = ca.issueTlsServer(TestKeys.other(), "localhost", "127.0.0.1", "::1");
    X509Certificate cert = tls.certificate();

    assertThat(cert.getSubjectAlternativeNames())
        .extracting(entry -> entry.get(0) + "=" + entry.get(1))
        .containsExactlyInAnyOrder("2=localhost", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1");
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertKeyUsage(cert, true, false, true);
    cert.verify(ca.certificate().getPublicKey());
    cert.checkValidity();
    assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
        .isLessThanOrEqualTo(Duration.ofDays(1).plusMinutes(2));
    assertThat(tls.chain()).containsExactly(ca.certificate());
  }

  @Test
  void tlsServerWithoutNamesCoversLocalhost() throws Exception {
    X509Certificate cert = ca.issueTlsServer(TestKeys.other()).certificate();
    assertThat(cert.getSubjectAlternativeNames()).hasSize(3);
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private static void assertKeyUsage(
      X509Certificate cert,
      boolean digitalSignature,
      boolean nonRepudiation,
      boolean keyEncipherment) {
    boolean[] usage = cert.getKeyUsage();
    assertThat(usage).isNotNull();
    assertThat(usage[0]).as("digitalSignature").isEqualTo(digitalSignature);
    assertThat(usage[1]).as("nonRepudiation").isEqualTo(nonRepudiation);
    assertThat(usage[2]).as("keyEncipherment").isEqualTo(keyEncipherment);
    for (int i = 3; i < usage.length; i++) {
      assertThat(usage[i]).as("key usage bit " + i).isFalse();
    }
    assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.15");
  }

  private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    assertThat(rdns).as("RDN " + type).hasSize(1);
    return IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private static ASN1Primitive octets(X509Certificate cert, String oid) throws IOException {
    return ASN1Primitive.fromByteArray(
        ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(cert.getExtensionValue(oid)))
            .getOctets());
  }
}
