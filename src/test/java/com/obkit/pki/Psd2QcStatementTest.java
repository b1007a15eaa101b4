package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Hand-built qcStatements, so that malformed encodings TestCa never produces can be fed to the
 * parser.
 */
class Psd2QcStatementTest {

  private static final ASN1ObjectIdentifier PSD2 = new ASN1ObjectIdentifier("0.4.0.19495.2");

  @Test
  void parsesAHandBuiltStatement() throws Exception {
    X509Certificate cert =
        withQcStatements(
            statement(PSD2, psd2(roles(role("0.4.0.19495.1.1", "PSP_AS")), "NCA", "NL-DNB")));

    assertThat(Psd2QcStatement.from(cert))
        .contains(new Psd2QcStatement(List.of(PspRole.PSP_AS), "NCA", "NL-DNB"));
    assertThat(Psd2QcStatement.from(cert).orElseThrow().hasRole(PspRole.PSP_AS)).isTrue();
    assertThat(Psd2QcStatement.from(cert).orElseThrow().hasRole(PspRole.PSP_AI)).isFalse();
  }

  @Test
  void emptyWithoutExtensionOrWithoutPsd2Statement() throws Exception {
    assertThat(Psd2QcStatement.from(withQcStatements(null))).isEmpty();
    X509Certificate complianceOnly =
        withQcStatements(statements(new DERSequence(new ASN1ObjectIdentifier("0.4.0.1862.1.1"))));
    assertThat(Psd2QcStatement.from(complianceOnly)).isEmpty();
    assertThat(QcStatements.hasQcCompliance(complianceOnly)).isTrue();
    assertThat(QcStatements.statementIds(complianceOnly)).containsExactly("0.4.0.1862.1.1");
  }

  @Test
  void roleNameThatDoesNotMatchItsOidIsRefused() throws Exception {
    X509Certificate cert =
        withQcStatements(
            statement(PSD2, psd2(roles(role("0.4.0.19495.1.3", "PSP_PI")), "NCA", "NL-DNB")));

    assertThatThrownBy(() -> Psd2QcStatement.from(cert))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roleOfPspName 'PSP_PI' does not match roleOfPspOid 0.4.0.19495.1.3");
  }

  @Test
  void unknownRoleOidIsRefused() throws Exception {
    X509Certificate cert =
        withQcStatements(
            statement(PSD2, psd2(roles(role("0.4.0.19495.1.9", "PSP_XX")), "NCA", "NL-DNB")));

    assertThatThrownBy(() -> Psd2QcStatement.from(cert))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown roleOfPspOid 0.4.0.19495.1.9");
  }

  @Test
  void wrongShapesAreRefused() throws Exception {
    X509Certificate twoElements =
        withQcStatements(
            statement(
                PSD2, new DERSequence(new ASN1Encodable[] {roles(), new DERUTF8String("NCA")})));
    assertThatThrownBy(() -> Psd2QcStatement.from(twoElements))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 elements");

    X509Certificate printableName =
        withQcStatements(
            statement(
                PSD2,
                new DERSequence(
                    new ASN1Encodable[] {
                      roles(), new DERPrintableString("NCA"), new DERUTF8String("NL-DNB")
                    })));
    assertThatThrownBy(() -> Psd2QcStatement.from(printableName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nCAName is not a UTF8String");

    X509Certificate noInfo =
        withQcStatements(new DERSequence(new ASN1Encodable[] {new DERSequence(PSD2)}));
    assertThatThrownBy(() -> Psd2QcStatement.from(noInfo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no statementInfo");

    X509Certificate rolesNotSequence =
        withQcStatements(
            statement(
                PSD2,
                new DERSequence(
                    new ASN1Encodable[] {
                      new DERUTF8String("PSP_AI"),
                      new DERUTF8String("NCA"),
                      new DERUTF8String("NL-DNB")
                    })));
    assertThatThrownBy(() -> Psd2QcStatement.from(rolesNotSequence))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rolesOfPSP is not a SEQUENCE");
  }

  @Test
  void extensionThatIsNotASequenceOfStatementsIsRefused() throws Exception {
    X509Certificate cert = withQcStatements(new DERUTF8String("not statements"));

    assertThatThrownBy(() -> Psd2QcStatement.from(cert))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qcStatements extension is malformed");
    assertThatThrownBy(() -> QcStatements.hasQcCompliance(cert))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duplicatePsd2StatementsAreRefused() throws Exception {
    ASN1Encodable one = new DERSequence(new ASN1Encodable[] {PSD2, psd2(roles(), "NCA", "NL-DNB")});
    X509Certificate cert = withQcStatements(new DERSequence(new ASN1Encodable[] {one, one}));

    assertThatThrownBy(() -> Psd2QcStatement.from(cert))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than one PSD2 statement");
  }

  @Test
  void malformedQcTypeIsRefusedAndFirstTypeIsReturned() throws Exception {
    ASN1ObjectIdentifier qcType = new ASN1ObjectIdentifier("0.4.0.1862.1.6");
    X509Certificate malformed = withQcStatements(statement(qcType, new DERUTF8String("eseal")));
    assertThatThrownBy(() -> QcStatements.qcTypeOid(malformed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QcType");

    X509Certificate two =
        withQcStatements(
            statement(
                qcType,
                new DERSequence(
                    new ASN1Encodable[] {
                      new ASN1ObjectIdentifier("0.4.0.1862.1.6.3"),
                      new ASN1ObjectIdentifier("0.4.0.1862.1.6.2")
                    })));
    assertThat(QcStatements.qcTypeOid(two)).contains("0.4.0.1862.1.6.3");
    assertThat(QcStatements.hasQcCompliance(two)).isFalse();
  }

  // --- hand-built ASN.1
  // ---------------------------------------------------------------------------

  private static DERSequence statements(ASN1Encodable... statements) {
    return new DERSequence(statements);
  }

  private static DERSequence statement(ASN1ObjectIdentifier id, ASN1Encodable info) {
    return statements(new DERSequence(new ASN1Encodable[] {id, info}));
  }

  private static DERSequence psd2(DERSequence roles, String ncaName, String ncaId) {
    return new DERSequence(
        new ASN1Encodable[] {roles, new DERUTF8String(ncaName), new DERUTF8String(ncaId)});
  }

  private static DERSequence roles(DERSequence... roles) {
    return new DERSequence(roles);
  }

  private static DERSequence role(String oid, String name) {
    return new DERSequence(
        new ASN1Encodable[] {new ASN1ObjectIdentifier(oid), new DERUTF8String(name)});
  }

  /**
   * A self-signed certificate whose qcStatements extension holds {@code value} (none when null).
   */
  private static X509Certificate withQcStatements(ASN1Encodable value) throws Exception {
    X500Name name = new X500Name("CN=qc test");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.TEN,
            Date.from(now),
            Date.from(now.plusSeconds(3600)),
            name,
            TestKeys.subject().getPublic());
    if (value != null) {
      builder.addExtension(Extension.qCStatements, false, value);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA")
                    .build(TestKeys.subject().getPrivate())));
  }
}
