package com.obkit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.checks.CertificateChecks;
import com.obkit.checks.Conformance;
import com.obkit.checks.Rule;
import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.KeyId;
import com.obkit.pki.PspRole;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Stage 1: the test certificate. These check the kit's own generator against the ETSI profiles, as
 * a MUST under CERT-1 (the certificate-profile rule): a certificate the kit gets wrong would make
 * every later verdict worthless.
 */
public final class CertificateSteps {
  private static final Rule ORG_ID = Rule.must("CERT-1");
  private static final Rule PROFILE = Rule.must("CERT-1");

  private final CertificateWorkbench bench;
  private final Conformance conformance;
  private final TppState tpps;
  private final Journey journey;

  public CertificateSteps(
      CertificateWorkbench bench, ScenarioKit kit, TppState tpps, Journey journey) {
    this.bench = bench;
    this.conformance = kit.conformance();
    this.tpps = tpps;
    this.journey = journey;
  }

  @Given("a TPP with organization identifier {string}")
  public void aTppWithOrganizationIdentifier(String orgId) {
    bench.organizationId(orgId);
  }

  @When("it generates a QSealC with the roles {roles} and the NCA {string} {string}")
  public void itGeneratesAQSealC(List<PspRole> roles, String ncaName, String ncaId) {
    bench.generate(CertificateProfile.QSEALC, roles, ncaName, ncaId);
  }

  @When("it generates a QWAC with the roles {roles} and the NCA {string} {string}")
  public void itGeneratesAQwac(List<PspRole> roles, String ncaName, String ncaId) {
    bench.generate(CertificateProfile.QWAC, roles, ncaName, ncaId);
  }

  @Then("the certificate carries the organization identifier {string}")
  public void theCertificateCarriesTheOrganizationIdentifier(String orgId) {
    conformance.require(
        ORG_ID, CertificateChecks.organizationIdentifier(orgId), bench.issued().certificate());
  }

  @Then("its PSD2 statement names the roles {roles} and the NCA {string} {string}")
  public void itsPsd2StatementNames(List<PspRole> roles, String ncaName, String ncaId) {
    conformance.require(
        PROFILE,
        CertificateChecks.psd2Statement(roles, ncaName, ncaId),
        bench.issued().certificate());
  }

  @Then("its key usages are {string}")
  public void itsKeyUsagesAre(String usages) {
    conformance.require(
        PROFILE, CertificateChecks.keyUsages(list(usages)), bench.issued().certificate());
  }

  @Then("its extended key usages are {string}")
  public void itsExtendedKeyUsagesAre(String usages) {
    conformance.require(
        PROFILE, CertificateChecks.extendedKeyUsages(list(usages)), bench.issued().certificate());
  }

  @Then("its QC statements declare compliance and the type {string}")
  public void itsQcStatementsDeclare(String type) {
    conformance.require(
        PROFILE, CertificateChecks.qcComplianceAndType(type), bench.issued().certificate());
  }

  @Then("it is signed with SHA-256 and an RSA key of at least 2048 bits")
  public void itIsSignedWithSha256() {
    conformance.require(
        PROFILE, CertificateChecks.sha256WithStrongRsa(), bench.issued().certificate());
  }

  @When("a TPP asks for a test certificate with organization identifier {string}")
  public void aTppAsksForATestCertificate(String orgId) {
    bench.tryOrganizationId(orgId);
  }

  @Then("the kit refuses it, naming the identifier")
  public void theKitRefusesItNamingTheIdentifier() {
    assertThat(bench.refusal()).as("refusal of an invalid organization identifier").isPresent();
    assertThat(bench.refusal().orElseThrow().getMessage()).contains("5.2.1");
  }

  @Given("a TPP with a generated test certificate")
  public void aTppWithAGeneratedTestCertificate() {
    tpps.use(journey.newTpp());
  }

  @Then(
      "the Key Id is \"SN=\" followed by the serial number in lowercase hex and \",CA=\" followed by the issuer")
  public void theKeyIdNamesSerialAndIssuer() {
    var cert = tpps.current().credentials().certificate();
    assertThat(tpps.current().credentials().keyId().toString())
        .isEqualTo(
            "SN="
                + cert.getSerialNumber().toString(16)
                + ",CA="
                + cert.getIssuerX500Principal().getName("RFC1779"));
  }

  @Then("the Key Id parses back to the certificate's serial number and issuer")
  public void theKeyIdParsesBack() {
    var credentials = tpps.current().credentials();
    assertThat(KeyId.parse(credentials.keyId().toString()))
        .isEqualTo(KeyId.of(credentials.certificate()));
  }

  @When("it saves its credentials")
  public void itSavesItsCredentials() {
    bench.use(tpps.current().credentials());
    bench.save();
  }

  @Then("the certificate, the private key and the Key Id are written")
  public void theCredentialsAreWritten() throws Exception {
    assertThat(Files.readString(bench.saved().keyId()).trim())
        .isEqualTo(tpps.current().credentials().keyId().toString());
    assertThat(Files.readString(bench.saved().certificate()))
        .startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Then("the private key file is readable by its owner only")
  public void thePrivateKeyIsOwnerOnly() throws Exception {
    assertThat(Files.getPosixFilePermissions(bench.saved().privateKey()))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Then("the saved credentials load back and sign requests the sandbox accepts")
  public void theSavedCredentialsLoadBack() {
    journey.useLoadedCredentials(
        CredentialFiles.loadPem(bench.saved().certificate(), bench.saved().privateKey(), null));
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",\\s*")).toList();
  }
}
