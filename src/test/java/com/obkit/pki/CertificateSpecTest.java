package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateSpecTest {

  private static final OrganizationId ORG = OrganizationId.of("PSDES-BDE-3DFD21");

  @Test
  void builderDefaultsDescribeASandboxTestCertificate() {
    Instant before = Instant.now();
    CertificateSpec spec = CertificateSpec.builder(ORG).build();
    Instant after = Instant.now();

    assertThat(spec.commonName()).isEqualTo("TPP PSDES-BDE-3DFD21");
    assertThat(spec.organizationId()).contains(ORG);
    assertThat(spec.rawOrganizationIdentifier()).isEmpty();
    assertThat(spec.subjectOrganizationIdentifier()).contains("PSDES-BDE-3DFD21");
    assertThat(spec.organization()).isEqualTo("Conformance Kit TPP");
    assertThat(spec.country()).isEqualTo("ES");
    assertThat(spec.roles()).containsExactly(PspRole.PSP_AI, PspRole.PSP_PI);
    assertThat(spec.ncaName()).isEqualTo("Competent Authority BDE");
    assertThat(spec.ncaId()).isEqualTo("ES-BDE");
    assertThat(spec.profile()).isEqualTo(CertificateProfile.SANDBOX);
    assertThat(spec.psd2Statement()).isTrue();
    assertThat(spec.psd2QcStatement())
        .contains(
            new Psd2QcStatement(
                List.of(PspRole.PSP_AI, PspRole.PSP_PI), "Competent Authority BDE", "ES-BDE"));
    assertThat(spec.notBefore())
        .isBetween(before.minus(Duration.ofMinutes(1)), after.minus(Duration.ofMinutes(1)));
    assertThat(spec.notAfter())
        .isBetween(before.plus(Duration.ofDays(365)), after.plus(Duration.ofDays(365)));
  }

  @Test
  void builderOverridesEveryField() {
    Instant from = Instant.parse("2020-01-01T00:00:00Z");
    Instant to = Instant.parse("2020-06-01T00:00:00Z");
    CertificateSpec spec =
        CertificateSpec.builder(ORG)
            .commonName("acme.example.nl")
            .domain("acme.example.nl")
            .organization("Acme BV")
            .country("NL")
            .roles(List.of(PspRole.PSP_IC))
            .ncaName("Banco de España")
            .ncaId("ES-BDE")
            .profile(CertificateProfile.QWAC)
            .validity(from, to)
            .withoutPsd2Statement()
            .locality("Utrecht")
            .stateOrProvince("Utrecht")
            .businessCategory("Business Entity")
            .jurisdictionCountry("BE")
            .registrationNumber("KVK 12345678")
            .pdsUrl(java.net.URI.create("https://acme.example.nl/pds"))
            .negativeTest()
            .build();

    assertThat(spec.commonName()).isEqualTo("acme.example.nl");
    assertThat(spec.domain()).isEqualTo("acme.example.nl");
    assertThat(spec.organization()).isEqualTo("Acme BV");
    assertThat(spec.country()).isEqualTo("NL");
    assertThat(spec.roles()).containsExactly(PspRole.PSP_IC);
    assertThat(spec.ncaName()).isEqualTo("Banco de España");
    assertThat(spec.profile()).isEqualTo(CertificateProfile.QWAC);
    assertThat(spec.notBefore()).isEqualTo(from);
    assertThat(spec.notAfter()).isEqualTo(to);
    assertThat(spec.psd2Statement()).isFalse();
    assertThat(spec.psd2QcStatement()).isEmpty();
    assertThat(spec.locality()).isEqualTo("Utrecht");
    assertThat(spec.stateOrProvince()).isEqualTo("Utrecht");
    assertThat(spec.businessCategory()).isEqualTo("Business Entity");
    assertThat(spec.jurisdictionCountry()).isEqualTo("BE");
    assertThat(spec.registrationNumber()).isEqualTo("KVK 12345678");
    assertThat(spec.pdsUrl()).isEqualTo(java.net.URI.create("https://acme.example.nl/pds"));
    assertThat(spec.negativeTest()).isTrue();
  }

  @Test
  void withoutOrganizationIdentifierEmptiesBothForms() {
    CertificateSpec spec =
        CertificateSpec.builder(ORG)
            .rawOrganizationIdentifier("x")
            .withoutOrganizationIdentifier()
            .build();

    assertThat(spec.organizationId()).isEmpty();
    assertThat(spec.rawOrganizationIdentifier()).isEmpty();
    assertThat(spec.subjectOrganizationIdentifier()).isEmpty();
    assertThat(spec.ncaId()).as("defaults still come from the org id").isEqualTo("ES-BDE");
  }

  @Test
  void rawOrganizationIdentifierReplacesTheValidOne() {
    CertificateSpec spec =
        CertificateSpec.builder(ORG).rawOrganizationIdentifier("PSD-DNB-1").build();

    assertThat(spec.organizationId()).isEmpty();
    assertThat(spec.subjectOrganizationIdentifier()).contains("PSD-DNB-1");
  }

  @Test
  void constructorRefusesBothIdentifierForms() {
    Instant now = Instant.now();
    assertThatThrownBy(
            () ->
                new CertificateSpec(
                    "cn",
                    Optional.of(ORG),
                    Optional.of("raw"),
                    "O",
                    "ES",
                    List.of(),
                    "n",
                    "i",
                    CertificateProfile.SANDBOX,
                    now,
                    now.plusSeconds(1),
                    true,
                    "L",
                    "ST",
                    "tpp.example.com",
                    CertificateSpec.PRIVATE_ORGANIZATION,
                    "ES",
                    "123",
                    CertificateSpec.DEFAULT_PDS_URL,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exclusive");
  }

  @Test
  void invalidFieldsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).commonName(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commonName");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).country("nl").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("country 'nl'");
    Instant now = Instant.now();
    assertThatThrownBy(
            () -> CertificateSpec.builder(ORG).validity(now, now.minusSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notBefore");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).profile(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("profile");
    assertThatThrownBy(() -> CertificateSpec.builder(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void rolesAreCopied() {
    List<PspRole> roles = new java.util.ArrayList<>(List.of(PspRole.PSP_AS));
    CertificateSpec spec = CertificateSpec.builder(ORG).roles(roles).build();
    roles.add(PspRole.PSP_IC);
    assertThat(spec.roles()).containsExactly(PspRole.PSP_AS);
  }

  // --- production profiles
  // ------------------------------------------------------------------------

  @Test
  void productionDefaultsTakeCnFromOrganizationOrDomainAndValidityOf200Days() {
    Instant before = Instant.now();
    CertificateSpec seal =
        CertificateSpec.builder(ORG)
            .profile(CertificateProfile.QSEALC)
            .organization("Acme Pagos S.L.")
            .build();
    CertificateSpec web = CertificateSpec.builder(ORG).profile(CertificateProfile.QWAC).build();

    assertThat(seal.commonName()).isEqualTo("Acme Pagos S.L.");
    assertThat(web.commonName()).isEqualTo("psdes-bde-3dfd21.tpp.example.com");
    assertThat(web.domain()).isEqualTo("psdes-bde-3dfd21.tpp.example.com");
    assertThat(web.locality()).isEqualTo("Capital City");
    assertThat(web.stateOrProvince()).isEqualTo("Capital Region");
    assertThat(web.businessCategory()).isEqualTo("Private Organization");
    assertThat(web.jurisdictionCountry()).isEqualTo("ES");
    assertThat(web.registrationNumber()).isEqualTo("3DFD21");
    assertThat(web.pdsUrl()).isEqualTo(URI.create("https://www.example.com/obkit/pds/en.pdf"));
    assertThat(web.negativeTest()).isFalse();
    for (CertificateSpec spec : List.of(seal, web)) {
      assertThat(Duration.between(spec.notBefore(), spec.notAfter()))
          .isEqualTo(Duration.ofDays(200).minusSeconds(1));
      assertThat(spec.notBefore()).isBetween(before.minus(Duration.ofMinutes(1)), Instant.now());
    }
  }

  @Test
  void aProductionValidityLongerThan200DaysIsRefusedNamingNotAfter() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = from.plus(Duration.ofDays(200));
    assertThatThrownBy(
            () ->
                CertificateSpec.builder(ORG)
                    .profile(CertificateProfile.QSEALC)
                    .validity(from, to)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "notAfter 2026-07-20T00:00:00Z is more than 200 days after notBefore"
                + " 2026-01-01T00:00:00Z: a QSEALC certificate is valid for at most 200 days (call"
                + " negativeTest() for one that breaks the limit on purpose)");
    // 200 days including both ends is the limit itself.
    assertThat(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QWAC)
                .validity(from, to.minusSeconds(1))
                .build()
                .notAfter())
        .isEqualTo(Instant.parse("2026-07-19T23:59:59Z"));
    assertThat(
            CertificateSpec.builder(ORG)
                .profile(CertificateProfile.QWAC)
                .validity(from, to.plus(Duration.ofDays(200)))
                .negativeTest()
                .build()
                .negativeTest())
        .isTrue();
    assertThat(
            CertificateSpec.builder(ORG)
                .validity(from, to.plus(Duration.ofDays(200)))
                .build()
                .profile())
        .as("the sandbox profile has no limit")
        .isEqualTo(CertificateProfile.SANDBOX);
  }

  @Test
  void aCommonNameThatIsNotTheOrganizationOrTheDomainIsRefused() {
    assertThatThrownBy(
            () ->
                CertificateSpec.builder(ORG)
                    .profile(CertificateProfile.QSEALC)
                    .organization("Acme BV")
                    .commonName("Acme")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "commonName 'Acme' must equal organization 'Acme BV' in a QSEALC certificate (a seal is"
                + " named after its organization)");
    assertThatThrownBy(
            () ->
                CertificateSpec.builder(ORG)
                    .profile(CertificateProfile.QWAC)
                    .domain("acme.example.nl")
                    .commonName("Acme")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "commonName 'Acme' must equal domain 'acme.example.nl' in a QWAC certificate (the CN"
                + " repeats the subjectAltName dNSName)");
  }

  @Test
  void invalidProductionFieldsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).locality(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("locality must not be blank");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).stateOrProvince("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stateOrProvince must not be blank");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).domain("Acme.NL").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "domain 'Acme.NL' is not a fully qualified DNS name in lowercase (labels of letters,"
                + " digits and hyphens, e.g. tpp.example.com)");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).domain("localhost").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("domain 'localhost' is not a fully qualified DNS name");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).businessCategory("Company").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "businessCategory 'Company' is none of the EV Guidelines' Private Organization,"
                + " Government Entity, Business Entity, Non-Commercial Entity");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).jurisdictionCountry("Spain").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "jurisdictionCountry 'Spain' is not an ISO 3166-1 alpha-2 code (two uppercase letters)");
    assertThatThrownBy(() -> CertificateSpec.builder(ORG).registrationNumber("Nº 1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "registrationNumber 'Nº 1' is not a PrintableString of 1 to 64 characters (letters,"
                + " digits, space and '()+,-./:=?)");
    assertThatThrownBy(
            () -> CertificateSpec.builder(ORG).pdsUrl(URI.create("http://x.example/pds")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "pdsUrl 'http://x.example/pds' is not an absolute https URL (ETSI EN 319 412-5 QcPDS)");
  }

  @Test
  void defaultDomainIsALowercaseLabelOfTheOrganizationId() {
    assertThat(CertificateSpec.Builder.defaultDomain(OrganizationId.of("PSDBE-NBB-1234.567.890")))
        .isEqualTo("psdbe-nbb-1234-567-890.tpp.example.com");
    assertThat(
            CertificateSpec.Builder.defaultDomain(
                OrganizationId.of("PSDDE-BAFIN-" + "X".repeat(80))))
        .hasSize(63 + ".tpp.example.com".length());
  }
}
