package com.obkit.checks;

import static com.obkit.checks.BcCertificate.psd2Info;
import static com.obkit.checks.BcCertificate.role;
import static com.obkit.checks.BcCertificate.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.PspRole;
import com.obkit.pki.TestCa;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each certificate check passes on a certificate of the kit's generator ({@link TestCa}) and fails,
 * with its exact message, on a certificate built with Bouncy Castle directly that lacks the
 * feature.
 */
class CertificateChecksTest {
  private static final String ORG_ID = "PSDNL-DNB-R000000";
  private static final String PSD2 = "0.4.0.19495.2";
  private static final String AI = "0.4.0.19495.1.3";
  private static final String PI = "0.4.0.19495.1.2";
  private static final String QC_COMPLIANCE = "0.4.0.1862.1.1";
  private static final String QC_TYPE = "0.4.0.1862.1.6";
  private static final String ESEAL = "0.4.0.1862.1.6.2";
  private static final String WEB = "0.4.0.1862.1.6.3";
  private static final String EXPECTED_PSD2 =
      "{roles [PSP_AI, PSP_PI], nCAName 'De Nederlandsche Bank', nCAId 'NL-DNB'}";

  /** Generator certificates, made once. */
  private static final class Generated {
    static final KeyPair SUBJECT = BcCertificate.rsa(2048);
    static final TestCa CA =
        TestCa.sandboxLike(BcCertificate.rsa2048(), OrganizationId.of("PSDGO-BES-WGXZKBYE"));
    static final X509Certificate QSEALC = issue(CertificateProfile.QSEALC);
    static final X509Certificate QWAC = issue(CertificateProfile.QWAC);
    static final X509Certificate SANDBOX = issue(CertificateProfile.SANDBOX);

    private static X509Certificate issue(CertificateProfile profile) {
      return CA.issue(
              CertificateSpec.builder(OrganizationId.of(ORG_ID))
                  .profile(profile)
                  .roles(PspRole.PSP_AI, PspRole.PSP_PI)
                  .ncaName("De Nederlandsche Bank")
                  .ncaId("NL-DNB")
                  .build(),
              SUBJECT)
          .certificate();
    }
  }

  private static X509Certificate qc(ASN1Encodable... statements) {
    return BcCertificate.bare().qcStatements(statements).build();
  }

  private static X509Certificate withPsd2(ASN1Encodable info) {
    return qc(statement(PSD2, info));
  }

  private static DERSequence aiPi() {
    return psd2Info(
        new DERUTF8String("De Nederlandsche Bank"),
        new DERUTF8String("NL-DNB"),
        role(AI, "PSP_AI"),
        role(PI, "PSP_PI"));
  }

  @Nested
  class OrganizationIdentifier {
    private final Check<X509Certificate> check = CertificateChecks.organizationIdentifier(ORG_ID);

    @Test
    void theGeneratorsCertificatePasses() {
      assertThat(check.name())
          .isEqualTo(CertificateChecks.NAME_ORGANIZATION_IDENTIFIER)
          .isEqualTo("CheckOrganizationIdentifier");
      assertThat(check.evaluate(Generated.SANDBOX)).isEmpty();
      assertThat(check.evaluate(Generated.QSEALC)).isEmpty();
    }

    @Test
    void aCertificateWithoutOneFails() {
      assertThat(check.evaluate(BcCertificate.bare().build()))
          .contains("organizationIdentifier is <absent>, expected PSDNL-DNB-R000000");
    }

    @Test
    void anotherIdentifierFails() {
      X500Name other =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "PSDBE-NBB-0123456789")
              .addRDN(BCStyle.CN, "Other")
              .build();
      assertThat(check.evaluate(BcCertificate.bare().subject(other).build()))
          .contains("organizationIdentifier is PSDBE-NBB-0123456789, expected PSDNL-DNB-R000000");
    }

    @Test
    void itIsFoundInAMultiValuedRdn() {
      X500Name multi =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addMultiValuedRDN(
                  new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.ORGANIZATION_IDENTIFIER},
                  new String[] {"Multi", ORG_ID})
              .build();
      assertThat(check.evaluate(BcCertificate.bare().subject(multi).build())).isEmpty();
    }

    @Test
    void aValueThatIsNoStringIsShownInHex() {
      X500Name odd =
          new X500Name(
              new RDN[] {
                new RDN(
                    new AttributeTypeAndValue(BCStyle.ORGANIZATION_IDENTIFIER, new ASN1Integer(5)))
              });
      assertThat(check.evaluate(BcCertificate.bare().subject(odd).build()))
          .contains("organizationIdentifier is #020105, expected PSDNL-DNB-R000000");
    }
  }

  @Nested
  class Psd2Statement {
    private final Check<X509Certificate> check =
        CertificateChecks.psd2Statement(
            List.of("PSP_AI", "PSP_PI"), "De Nederlandsche Bank", "NL-DNB");

    @Test
    void theGeneratorsCertificatePasses() {
      assertThat(check.name())
          .isEqualTo(CertificateChecks.NAME_PSD2_STATEMENT)
          .isEqualTo("CheckPsd2QcStatement");
      assertThat(check.evaluate(Generated.SANDBOX)).isEmpty();
      assertThat(check.evaluate(Generated.QWAC)).isEmpty();
      assertThat(check.evaluate(withPsd2(aiPi()))).isEmpty();
    }

    @Test
    void otherRolesOrAnotherNcaFail() {
      assertThat(
              CertificateChecks.psd2Statement(List.of("PSP_AS"), "De Nederlandsche Bank", "NL-DNB")
                  .evaluate(Generated.SANDBOX))
          .contains(
              "PSD2 statement is "
                  + EXPECTED_PSD2
                  + ", expected {roles [PSP_AS], nCAName 'De Nederlandsche Bank', nCAId 'NL-DNB'}");
      assertThat(
              CertificateChecks.psd2Statement(
                      List.of("PSP_PI", "PSP_AI"), "De Nederlandsche Bank", "NL-DNB")
                  .evaluate(Generated.SANDBOX))
          .isPresent();
      assertThat(
              CertificateChecks.psd2Statement(List.of("PSP_AI", "PSP_PI"), "DNB", "NL-DNB")
                  .evaluate(Generated.SANDBOX))
          .isPresent();
      assertThat(
              CertificateChecks.psd2Statement(
                      List.of("PSP_AI", "PSP_PI"), "De Nederlandsche Bank", "BE-NBB")
                  .evaluate(Generated.SANDBOX))
          .isPresent();
    }

    @Test
    void noStatementFails() {
      String problem = "no PSD2 QC statement (0.4.0.19495.2), expected " + EXPECTED_PSD2;
      assertThat(check.evaluate(BcCertificate.bare().build())).contains(problem);
      assertThat(check.evaluate(qc(statement(QC_COMPLIANCE, null)))).contains(problem);
    }

    @Test
    void twoStatementsFail() {
      assertThat(check.evaluate(qc(statement(PSD2, aiPi()), statement(PSD2, aiPi()))))
          .contains("more than one PSD2 QC statement (0.4.0.19495.2)");
    }

    @Test
    void aRoleNameThatDoesNotMatchItsOidFails() {
      X509Certificate mismatch =
          withPsd2(
              psd2Info(
                  new DERUTF8String("De Nederlandsche Bank"),
                  new DERUTF8String("NL-DNB"),
                  role(AI, "PSP_PI")));
      assertThat(check.evaluate(mismatch))
          .contains(
              "certificate cannot be read: roleOfPspName 'PSP_PI' does not match roleOfPspOid"
                  + " 0.4.0.19495.1.3 (PSP_AI)");
    }

    @Test
    void anUnknownRoleOidFails() {
      X509Certificate unknown =
          withPsd2(
              psd2Info(
                  new DERUTF8String("De Nederlandsche Bank"),
                  new DERUTF8String("NL-DNB"),
                  role("0.4.0.19495.1.9", "PSP_XX")));
      assertThat(check.evaluate(unknown))
          .contains("certificate cannot be read: unknown roleOfPspOid 0.4.0.19495.1.9");
    }

    @Test
    void malformedStatementsFailNamingTheDefect() {
      assertThat(
              check.evaluate(
                  withPsd2(
                      psd2Info(
                          new DERPrintableString("De Nederlandsche Bank"),
                          new DERUTF8String("NL-DNB"),
                          role(AI, "PSP_AI")))))
          .contains("certificate cannot be read: nCAName is not a UTF8String");
      assertThat(
              check.evaluate(
                  withPsd2(
                      psd2Info(
                          new DERUTF8String("De Nederlandsche Bank"),
                          new DERPrintableString("NL-DNB"),
                          role(AI, "PSP_AI")))))
          .contains("certificate cannot be read: nCAId is not a UTF8String");
      assertThat(
              check.evaluate(
                  withPsd2(
                      new DERSequence(
                          new ASN1Encodable[] {
                            new DERSequence(role(AI, "PSP_AI")), new DERUTF8String("NCA")
                          }))))
          .contains("certificate cannot be read: PSD2 statementInfo has 2 elements, expected 3");
      assertThat(check.evaluate(withPsd2(new DERUTF8String("roles"))))
          .contains("certificate cannot be read: PSD2 statementInfo is not a SEQUENCE");
      assertThat(check.evaluate(withPsd2(null)))
          .contains("certificate cannot be read: PSD2 statementInfo is not a SEQUENCE");
      assertThat(
              check.evaluate(
                  withPsd2(
                      psd2Info(
                          new DERUTF8String("N"),
                          new DERUTF8String("NL-DNB"),
                          new DERSequence(new ASN1ObjectIdentifier(AI))))))
          .contains(
              "certificate cannot be read: roleOfPSP has 1 elements, expected 2 (roleOfPspOid,"
                  + " roleOfPspName)");
      assertThat(
              check.evaluate(
                  withPsd2(
                      new DERSequence(
                          new ASN1Encodable[] {
                            new DERUTF8String("roles"),
                            new DERUTF8String("N"),
                            new DERUTF8String("I")
                          }))))
          .contains("certificate cannot be read: rolesOfPSP is not a SEQUENCE");
      assertThat(
              check.evaluate(
                  withPsd2(
                      psd2Info(
                          new DERUTF8String("N"),
                          new DERUTF8String("NL-DNB"),
                          new DERUTF8String("PSP_AI")))))
          .contains("certificate cannot be read: roleOfPSP is not a SEQUENCE");
      assertThat(
              check.evaluate(
                  withPsd2(
                      psd2Info(
                          new DERUTF8String("N"),
                          new DERUTF8String("NL-DNB"),
                          new DERSequence(
                              new ASN1Encodable[] {
                                new ASN1ObjectIdentifier(AI), new DERPrintableString("PSP_AI")
                              })))))
          .contains("certificate cannot be read: roleOfPspName is not a UTF8String");
    }

    @Test
    void aMalformedQcStatementsExtensionFails() {
      X509Certificate broken =
          BcCertificate.bare().extension(Extension.qCStatements, new ASN1Integer(1)).build();
      assertThat(check.evaluate(broken))
          .contains("certificate cannot be read: qcStatements is not a SEQUENCE");
    }

    @Test
    void unknownRoleNamesAreRefusedUpFront() {
      assertThatThrownBy(
              () -> CertificateChecks.psd2Statement(List.of("PSP_AI", "PSP_XX"), "N", "I"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unknown PSP role 'PSP_XX' (expected one of [PSP_AS, PSP_PI, PSP_AI, PSP_IC])");
    }
  }

  @Nested
  class KeyUsages {
    @Test
    void theGeneratorsCertificatesPassInAnyOrder() {
      Check<X509Certificate> seal =
          CertificateChecks.keyUsages(List.of("nonRepudiation", "digitalSignature"));
      assertThat(seal.name())
          .isEqualTo(CertificateChecks.NAME_KEY_USAGES)
          .isEqualTo("CheckKeyUsages");
      assertThat(seal.evaluate(Generated.QSEALC)).isEmpty();
      assertThat(
              CertificateChecks.keyUsages(List.of("digitalSignature", "keyEncipherment"))
                  .evaluate(Generated.QWAC))
          .isEmpty();
    }

    @Test
    void otherUsagesFail() {
      X509Certificate ca =
          BcCertificate.bare()
              .extension(Extension.keyUsage, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .build();
      assertThat(
              CertificateChecks.keyUsages(List.of("digitalSignature", "nonRepudiation"))
                  .evaluate(ca))
          .contains(
              "key usages are [keyCertSign, cRLSign], expected [digitalSignature, nonRepudiation]");
    }

    @Test
    void noExtensionFails() {
      assertThat(
              CertificateChecks.keyUsages(List.of("digitalSignature"))
                  .evaluate(BcCertificate.bare().build()))
          .contains("key usages are [], expected [digitalSignature]");
    }

    @Test
    void aSubsetOrASupersetFails() {
      assertThat(
              CertificateChecks.keyUsages(List.of("digitalSignature")).evaluate(Generated.QSEALC))
          .contains(
              "key usages are [digitalSignature, nonRepudiation], expected [digitalSignature]");
      assertThat(
              CertificateChecks.keyUsages(
                      List.of("digitalSignature", "nonRepudiation", "keyEncipherment"))
                  .evaluate(Generated.QSEALC))
          .isPresent();
      assertThat(
              CertificateChecks.keyUsages(List.of("digitalSignature", "digitalSignature"))
                  .evaluate(Generated.QSEALC))
          .isPresent();
      X509Certificate onlySigning =
          BcCertificate.bare()
              .extension(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature))
              .build();
      assertThat(
              CertificateChecks.keyUsages(List.of("digitalSignature", "digitalSignature"))
                  .evaluate(onlySigning))
          .isPresent();
    }

    @Test
    void everyUsageIsNamed() {
      X509Certificate all =
          BcCertificate.bare()
              .extension(
                  Extension.keyUsage,
                  new KeyUsage(
                      KeyUsage.digitalSignature
                          | KeyUsage.nonRepudiation
                          | KeyUsage.keyEncipherment
                          | KeyUsage.dataEncipherment
                          | KeyUsage.keyAgreement
                          | KeyUsage.keyCertSign
                          | KeyUsage.cRLSign
                          | KeyUsage.encipherOnly
                          | KeyUsage.decipherOnly))
              .build();
      assertThat(CertificateChecks.keyUsages(List.of()).evaluate(all))
          .contains(
              "key usages are [digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment,"
                  + " keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly], expected []");
    }

    @Test
    void unknownNamesAreRefusedUpFront() {
      assertThatThrownBy(() -> CertificateChecks.keyUsages(List.of("digitalSignature", "signing")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "unknown key usage 'signing' (expected one of [digitalSignature,");
    }
  }

  @Nested
  class ExtendedKeyUsages {
    @Test
    void theGeneratorsQwacPassesInAnyOrder() {
      Check<X509Certificate> tls =
          CertificateChecks.extendedKeyUsages(List.of("clientAuth", "serverAuth"));
      assertThat(tls.name())
          .isEqualTo(CertificateChecks.NAME_EXTENDED_KEY_USAGES)
          .isEqualTo("CheckExtendedKeyUsages");
      assertThat(tls.evaluate(Generated.QWAC)).isEmpty();
      assertThat(CertificateChecks.extendedKeyUsages(List.of()).evaluate(Generated.QSEALC))
          .isEmpty();
    }

    @Test
    void noExtensionFails() {
      assertThat(
              CertificateChecks.extendedKeyUsages(List.of("serverAuth", "clientAuth"))
                  .evaluate(BcCertificate.bare().build()))
          .contains("extended key usages are [], expected [serverAuth, clientAuth]");
    }

    @Test
    void otherPurposesFailByOid() {
      X509Certificate codeSigning =
          BcCertificate.bare()
              .extension(
                  Extension.extendedKeyUsage,
                  new ExtendedKeyUsage(
                      new KeyPurposeId[] {
                        KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_codeSigning
                      }))
              .build();
      assertThat(
              CertificateChecks.extendedKeyUsages(List.of("serverAuth", "clientAuth"))
                  .evaluate(codeSigning))
          .contains(
              "extended key usages are [clientAuth, 1.3.6.1.5.5.7.3.3], expected [serverAuth,"
                  + " clientAuth]");
      assertThat(
              CertificateChecks.extendedKeyUsages(List.of("serverAuth")).evaluate(Generated.QWAC))
          .contains("extended key usages are [serverAuth, clientAuth], expected [serverAuth]");
    }
  }

  @Nested
  class QcComplianceAndType {
    @Test
    void theGeneratorsProductionCertificatesPass() {
      Check<X509Certificate> eseal = CertificateChecks.qcComplianceAndType("eseal");
      assertThat(eseal.name())
          .isEqualTo(CertificateChecks.NAME_QC_COMPLIANCE_AND_TYPE)
          .isEqualTo("CheckQcComplianceAndType");
      assertThat(eseal.evaluate(Generated.QSEALC)).isEmpty();
      assertThat(CertificateChecks.qcComplianceAndType("web").evaluate(Generated.QWAC)).isEmpty();
      assertThat(eseal.evaluate(qc(statement(QC_COMPLIANCE, null), statement(QC_TYPE, seq(ESEAL)))))
          .isEmpty();
    }

    @Test
    void theOtherTypeFails() {
      assertThat(CertificateChecks.qcComplianceAndType("web").evaluate(Generated.QSEALC))
          .contains("QcType is [0.4.0.1862.1.6.2], expected [0.4.0.1862.1.6.3]");
      assertThat(CertificateChecks.qcComplianceAndType("eseal").evaluate(Generated.QWAC))
          .contains("QcType is [0.4.0.1862.1.6.3], expected [0.4.0.1862.1.6.2]");
    }

    @Test
    void noQcComplianceFails() {
      Check<X509Certificate> eseal = CertificateChecks.qcComplianceAndType("eseal");
      assertThat(eseal.evaluate(Generated.SANDBOX))
          .contains("no QcCompliance statement (0.4.0.1862.1.1)");
      assertThat(eseal.evaluate(BcCertificate.bare().build()))
          .contains("no QcCompliance statement (0.4.0.1862.1.1)");
      assertThat(eseal.evaluate(qc(statement(QC_TYPE, seq(ESEAL)))))
          .contains("no QcCompliance statement (0.4.0.1862.1.1)");
    }

    @Test
    void noTypeOrTwoTypesFail() {
      Check<X509Certificate> eseal = CertificateChecks.qcComplianceAndType("eseal");
      assertThat(eseal.evaluate(qc(statement(QC_COMPLIANCE, null))))
          .contains("QcType is [], expected [0.4.0.1862.1.6.2]");
      assertThat(
              eseal.evaluate(
                  qc(statement(QC_COMPLIANCE, null), statement(QC_TYPE, seq(ESEAL, WEB)))))
          .contains("QcType is [0.4.0.1862.1.6.2, 0.4.0.1862.1.6.3], expected [0.4.0.1862.1.6.2]");
      assertThat(
              eseal.evaluate(
                  qc(statement(QC_COMPLIANCE, null), statement(QC_TYPE, new DERUTF8String("x")))))
          .contains("certificate cannot be read: QcType statementInfo is not a SEQUENCE");
    }

    @Test
    void anUnknownTypeIsRefusedUpFront() {
      assertThatThrownBy(() -> CertificateChecks.qcComplianceAndType("qseal"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("QC type must be eseal or web, not qseal");
    }

    private DERSequence seq(String... oids) {
      ASN1Encodable[] values = new ASN1Encodable[oids.length];
      for (int i = 0; i < oids.length; i++) {
        values[i] = new ASN1ObjectIdentifier(oids[i]);
      }
      return new DERSequence(values);
    }
  }

  @Nested
  class Sha256WithStrongRsa {
    private final Check<X509Certificate> check = CertificateChecks.sha256WithStrongRsa();

    @Test
    void theGeneratorsCertificatePasses() {
      assertThat(check.name())
          .isEqualTo(CertificateChecks.NAME_SHA256_AND_RSA2048)
          .isEqualTo("CheckSha256AndRsa2048");
      assertThat(check.evaluate(Generated.QSEALC)).isEmpty();
      assertThat(check.evaluate(BcCertificate.bare().build())).isEmpty();
    }

    @Test
    void sha1Fails() {
      X509Certificate sha1 =
          BcCertificate.bare().key(BcCertificate.rsa2048(), "SHA1withRSA").build();
      assertThat(check.evaluate(sha1))
          .contains(
              "signature algorithm is 1.2.840.113549.1.1.5, expected sha256WithRSAEncryption"
                  + " 1.2.840.113549.1.1.11");
    }

    @Test
    void aShortKeyFails() {
      X509Certificate weak =
          BcCertificate.bare().key(BcCertificate.rsa(1024), "SHA256withRSA").build();
      assertThat(check.evaluate(weak)).contains("RSA key has 1024 bits, expected at least 2048");
    }

    @Test
    void anEcKeyFailsOnBoth() {
      X509Certificate ec = BcCertificate.bare().key(BcCertificate.ec(), "SHA256withECDSA").build();
      assertThat(check.evaluate(ec))
          .contains(
              "signature algorithm is 1.2.840.10045.4.3.2, expected sha256WithRSAEncryption"
                  + " 1.2.840.113549.1.1.11; key algorithm is 1.2.840.10045.2.1, expected"
                  + " rsaEncryption 1.2.840.113549.1.1.1");
    }
  }
}
