package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production profiles read back with the test's own DER reader ({@link Der}), not with Bouncy
 * Castle, which built them: every extension and subject attribute a qualified trust service puts
 * into a QWAC or QSealC, exactly.
 */
class ProductionProfileTest {

  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R000000");
  private static final URI REPOSITORY = URI.create("http://ca.example.com/repo/");

  private static final String PSD2 =
      "SEQUENCE{OID 0.4.0.19495.2,SEQUENCE{SEQUENCE{SEQUENCE{OID 0.4.0.19495.1.3,UTF8String"
          + " \"PSP_AI\"},SEQUENCE{OID 0.4.0.19495.1.2,UTF8String \"PSP_PI\"}},UTF8String"
          + " \"Competent Authority DNB\",UTF8String \"NL-DNB\"}}";
  private static final String PDS =
      "SEQUENCE{OID 0.4.0.1862.1.5,SEQUENCE{SEQUENCE{IA5String"
          + " \"https://www.example.com/obkit/pds/en.pdf\",PrintableString \"en\"}}}";
  private static final String AIA =
      "SEQUENCE{SEQUENCE{OID 1.3.6.1.5.5.7.48.1,[6] \"http://ca.example.com/repo/ocsp\"},"
          + "SEQUENCE{OID 1.3.6.1.5.5.7.48.2,[6] \"http://ca.example.com/repo/ca.crt\"}}";
  private static final String CRL_DP =
      "SEQUENCE{SEQUENCE{[0]{[0]{[6] \"http://ca.example.com/repo/crl\"}}}}";
  private static final String CABF_ORG_ID =
      "SEQUENCE{PrintableString \"PSD\",PrintableString \"NL\",UTF8String \"DNB-R000000\"}";

  private final TestCa unpublished =
      TestCa.create("CN=Kit Test CA, O=Conformance Kit, C=NL", TestKeys.ca());
  private final TestCa ca = unpublished.publishedAt(REPOSITORY);

  private X509Certificate qwac() {
    return ca.issue(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QWAC)
                .organization("Acme Payments B.V.")
                .locality("Zeist")
                .stateOrProvince("Utrecht")
                .domain("acme-payments.example.com")
                .registrationNumber("12345678")
                .build(),
            TestKeys.subject())
        .certificate();
  }

  private X509Certificate qsealc() {
    return ca.issue(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QSEALC)
                .organization("Acme Payments B.V.")
                .locality("Zeist")
                .stateOrProvince("Utrecht")
                .build(),
            TestKeys.subject())
        .certificate();
  }

  // --- QWAC
  // ----------------------------------------------------------------------------------------

  @Test
  void qwacSubjectHasLocalityStateEvAttributesAndTheDomainAsCn() {
    assertThat(Der.subject(qwac()))
        .containsExactly(
            "2.5.4.6 PrintableString NL",
            "2.5.4.8 UTF8String Utrecht",
            "2.5.4.7 UTF8String Zeist",
            "2.5.4.10 UTF8String Acme Payments B.V.",
            "2.5.4.97 UTF8String PSDNL-DNB-R000000",
            "1.3.6.1.4.1.311.60.2.1.3 PrintableString NL",
            "2.5.4.15 UTF8String Private Organization",
            "2.5.4.5 PrintableString 12345678",
            "2.5.4.3 UTF8String acme-payments.example.com");
  }

  @Test
  void qwacHasExactlyTheExtensionsOfAQualifiedWebsiteCertificate() {
    X509Certificate cert = qwac();
    assertThat(cert.getCriticalExtensionOIDs()).isEqualTo(Set.of("2.5.29.19", "2.5.29.15"));
    assertThat(cert.getNonCriticalExtensionOIDs())
        .isEqualTo(
            Set.of(
                "2.5.29.14",
                "2.5.29.35",
                "2.5.29.37",
                "2.5.29.32",
                "2.23.140.3.1",
                "2.5.29.17",
                "1.3.6.1.5.5.7.1.1",
                "2.5.29.31",
                "1.3.6.1.5.5.7.1.3"));
  }

  @Test
  void qwacPoliciesAreEvEvcpQcpWAndQcpWPsd2() {
    assertThat(Der.extension(qwac(), "2.5.29.32").render())
        .isEqualTo(
            "SEQUENCE{SEQUENCE{OID 2.23.140.1.1},SEQUENCE{OID 0.4.0.2042.1.4},"
                + "SEQUENCE{OID 0.4.0.194112.1.4},SEQUENCE{OID 0.4.0.19495.3.1}}");
  }

  @Test
  void qwacSubjectAltNameIsTheDomainAndEqualsTheCn() {
    X509Certificate cert = qwac();
    assertThat(Der.extension(cert, "2.5.29.17").render())
        .isEqualTo("SEQUENCE{[2] \"acme-payments.example.com\"}");
    List<String> subject = Der.subject(cert);
    assertThat(subject.get(subject.size() - 1))
        .isEqualTo(
            "2.5.4.3 UTF8String " + Der.extension(cert, "2.5.29.17").children(0x30).get(0).text());
  }

  @Test
  void qwacQcStatementsAreComplianceWebPdsAndPsd2() {
    assertThat(Der.extension(qwac(), "1.3.6.1.5.5.7.1.3").render())
        .isEqualTo(
            "SEQUENCE{SEQUENCE{OID 0.4.0.1862.1.1},"
                + "SEQUENCE{OID 0.4.0.1862.1.6,SEQUENCE{OID 0.4.0.1862.1.6.3}},"
                + PDS
                + ","
                + PSD2
                + "}");
  }

  @Test
  void qwacExtendedKeyUsageIsServerAndClientAuth() {
    assertThat(Der.extension(qwac(), "2.5.29.37").render())
        .isEqualTo("SEQUENCE{OID 1.3.6.1.5.5.7.3.1,OID 1.3.6.1.5.5.7.3.2}");
  }

  // --- QSealC
  // --------------------------------------------------------------------------------------

  @Test
  void qsealcSubjectHasLocalityStateAndTheOrganizationAsCnButNoEvAttributes() {
    assertThat(Der.subject(qsealc()))
        .containsExactly(
            "2.5.4.6 PrintableString NL",
            "2.5.4.8 UTF8String Utrecht",
            "2.5.4.7 UTF8String Zeist",
            "2.5.4.10 UTF8String Acme Payments B.V.",
            "2.5.4.97 UTF8String PSDNL-DNB-R000000",
            "2.5.4.3 UTF8String Acme Payments B.V.");
  }

  @Test
  void qsealcHasExactlyTheExtensionsOfAQualifiedSealCertificate() {
    X509Certificate cert = qsealc();
    assertThat(cert.getCriticalExtensionOIDs()).isEqualTo(Set.of("2.5.29.19", "2.5.29.15"));
    assertThat(cert.getNonCriticalExtensionOIDs())
        .isEqualTo(
            Set.of(
                "2.5.29.14",
                "2.5.29.35",
                "2.5.29.32",
                "2.23.140.3.1",
                "1.3.6.1.5.5.7.1.1",
                "2.5.29.31",
                "1.3.6.1.5.5.7.1.3"));
  }

  @Test
  void qsealcPolicyIsQcpL() {
    assertThat(Der.extension(qsealc(), "2.5.29.32").render())
        .isEqualTo("SEQUENCE{SEQUENCE{OID 0.4.0.194112.1.1}}");
  }

  @Test
  void qsealcQcStatementsAreComplianceEsealPdsAndPsd2() {
    assertThat(Der.extension(qsealc(), "1.3.6.1.5.5.7.1.3").render())
        .isEqualTo(
            "SEQUENCE{SEQUENCE{OID 0.4.0.1862.1.1},"
                + "SEQUENCE{OID 0.4.0.1862.1.6,SEQUENCE{OID 0.4.0.1862.1.6.2}},"
                + PDS
                + ","
                + PSD2
                + "}");
  }

  // --- both production profiles
  // --------------------------------------------------------------------

  @Test
  void bothCarryTheCabfOrganizationIdentifierDerivedFromThePsd2OrganizationId() {
    assertThat(Der.extension(qwac(), "2.23.140.3.1").render()).isEqualTo(CABF_ORG_ID);
    assertThat(Der.extension(qsealc(), "2.23.140.3.1").render()).isEqualTo(CABF_ORG_ID);
  }

  @Test
  void cabfOrganizationIdentifierOfAnotherAuthorityKeepsNcaAndNumberAsReference() {
    X509Certificate cert =
        ca.issue(
                CertificateSpec.builder(OrganizationId.of("PSDBE-NBB-1234.567.890"))
                    .profile(CertificateProfile.QSEALC)
                    .build(),
                TestKeys.subject())
            .certificate();
    assertThat(Der.extension(cert, "2.23.140.3.1").render())
        .isEqualTo(
            "SEQUENCE{PrintableString \"PSD\",PrintableString \"BE\",UTF8String"
                + " \"NBB-1234.567.890\"}");
  }

  @Test
  void bothNameTheOcspResponderTheCaCertificateAndTheCrl() {
    for (X509Certificate cert : List.of(qwac(), qsealc())) {
      assertThat(Der.extension(cert, "1.3.6.1.5.5.7.1.1").render()).isEqualTo(AIA);
      assertThat(Der.extension(cert, "2.5.29.31").render()).isEqualTo(CRL_DP);
    }
  }

  @Test
  void bothHaveAnAuthorityKeyIdentifierWithTheKeyIdentifierOnly() {
    byte[] caSki = Der.extension(ca.certificate(), "2.5.29.14").expect(Der.OCTET_STRING).value();
    for (X509Certificate cert : List.of(qwac(), qsealc())) {
      List<Der> aki = Der.extension(cert, "2.5.29.35").children(Der.SEQUENCE);
      assertThat(aki).hasSize(1);
      assertThat(aki.get(0).tag()).as("[0] keyIdentifier").isEqualTo(0x80);
      assertThat(aki.get(0).value()).isEqualTo(caSki);
    }
  }

  @Test
  void bothAreValidForExactly200DaysCountedInclusively() {
    for (X509Certificate cert : List.of(qwac(), qsealc())) {
      Duration validity =
          Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant())
              .plusSeconds(1);
      assertThat(validity).isEqualTo(Duration.ofDays(200));
    }
  }

  @Test
  void defaultsFillEveryProductionField() {
    X509Certificate cert =
        ca.issue(
                CertificateSpec.builder(ORG).profile(CertificateProfile.QWAC).build(),
                TestKeys.subject())
            .certificate();
    assertThat(Der.subject(cert))
        .containsExactly(
            "2.5.4.6 PrintableString NL",
            "2.5.4.8 UTF8String Noord-Holland",
            "2.5.4.7 UTF8String Amsterdam",
            "2.5.4.10 UTF8String Conformance Kit TPP",
            "2.5.4.97 UTF8String PSDNL-DNB-R000000",
            "1.3.6.1.4.1.311.60.2.1.3 PrintableString NL",
            "2.5.4.15 UTF8String Private Organization",
            "2.5.4.5 PrintableString R000000",
            "2.5.4.3 UTF8String psdnl-dnb-r000000.tpp.example.com");
    assertThat(Der.extension(cert, "2.5.29.17").render())
        .isEqualTo("SEQUENCE{[2] \"psdnl-dnb-r000000.tpp.example.com\"}");
  }

  @Test
  void aCaWithoutRepositoryNamesNoRevocationService() {
    X509Certificate cert =
        unpublished
            .issue(
                CertificateSpec.builder(ORG).profile(CertificateProfile.QSEALC).build(),
                TestKeys.subject())
            .certificate();
    assertThat(cert.getExtensionValue("1.3.6.1.5.5.7.1.1")).isNull();
    assertThat(cert.getExtensionValue("2.5.29.31")).isNull();
    assertThat(unpublished.repository()).isEmpty();
    assertThat(ca.repository()).contains(REPOSITORY);
  }

  @Test
  void aRawOrganizationIdentifierStaysVerbatimAndGetsNoCabfExtension() {
    X509Certificate cert =
        ca.issue(
                CertificateSpec.builder(ORG)
                    .profile(CertificateProfile.QSEALC)
                    .rawOrganizationIdentifier("psdnl-dnb-not valid")
                    .build(),
                TestKeys.subject())
            .certificate();
    assertThat(Der.subject(cert)).contains("2.5.4.97 UTF8String psdnl-dnb-not valid");
    assertThat(cert.getExtensionValue("2.23.140.3.1")).isNull();
  }

  @Test
  void expiredProductionCertificatesStillIssueForCert2() {
    Instant now = Instant.now();
    X509Certificate cert =
        ca.issue(
                CertificateSpec.builder(ORG)
                    .profile(CertificateProfile.QSEALC)
                    .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                    .build(),
                TestKeys.subject())
            .certificate();
    assertThat(cert.getNotAfter().toInstant()).isBefore(now);
  }

  @Test
  void aNegativeTestSpecMayBeValidLongerThan200Days() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2027-01-01T00:00:00Z");
    X509Certificate cert =
        ca.issue(
                CertificateSpec.builder(ORG)
                    .profile(CertificateProfile.QWAC)
                    .validity(from, to)
                    .negativeTest()
                    .build(),
                TestKeys.subject())
            .certificate();
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(from);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(to);
  }

  // --- the sandbox profile stays as it is
  // ----------------------------------------------------------

  @Test
  void sandboxCertificatesGainNothing() {
    X509Certificate cert =
        ca.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject()).certificate();
    assertThat(Der.subject(cert))
        .containsExactly(
            "2.5.4.6 PrintableString NL",
            "2.5.4.10 UTF8String Conformance Kit TPP",
            "2.5.4.97 UTF8String PSDNL-DNB-R000000",
            "2.5.4.3 UTF8String TPP PSDNL-DNB-R000000");
    assertThat(cert.getNonCriticalExtensionOIDs())
        .isEqualTo(Set.of("2.5.29.14", "2.5.29.35", "1.3.6.1.5.5.7.1.3"));
    assertThat(Der.extension(cert, "2.5.29.35").children(Der.SEQUENCE))
        .extracting(Der::tag)
        .as("keyIdentifier, authorityCertIssuer, authorityCertSerialNumber as before")
        .containsExactly(0x80, 0xA1, 0x82);
    Duration validity =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    assertThat(validity).isGreaterThan(Duration.ofDays(365));
  }
}
