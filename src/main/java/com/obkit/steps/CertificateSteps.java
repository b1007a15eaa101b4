package com.obkit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.checks.CertificateChecks;
import com.obkit.checks.Check;
import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.PspRole;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Stage 1, a self-check of the kit (feature tag {@code @kit-self-check}): the kit's own certificate
 * generator against the ETSI profiles, and the files it keeps. These judge the kit, not the bank: a
 * failure is a kit error (plain assertions), never a bank rule, and the bank's verdict does not
 * count them.
 */
public final class CertificateSteps {
  private final CertificateWorkbench bench;

  public CertificateSteps(CertificateWorkbench bench) {
    this.bench = bench;
  }

  @Given("a TPP with organization identifier {string}")
  public void aTppWithOrganizationIdentifier(String orgId) {
    bench.organizationId(orgId);
  }

  @Given("a generated test certificate")
  public void aGeneratedTestCertificate() {
    bench.generateDefault();
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
    holds(CertificateChecks.organizationIdentifier(orgId));
  }

  @Then("its PSD2 statement names the roles {roles} and the NCA {string} {string}")
  public void itsPsd2StatementNames(List<PspRole> roles, String ncaName, String ncaId) {
    holds(
        CertificateChecks.psd2Statement(
            roles.stream().map(PspRole::name).toList(), ncaName, ncaId));
  }

  @Then("its key usages are {string}")
  public void itsKeyUsagesAre(String usages) {
    holds(CertificateChecks.keyUsages(list(usages)));
  }

  @Then("its extended key usages are {string}")
  public void itsExtendedKeyUsagesAre(String usages) {
    holds(CertificateChecks.extendedKeyUsages(list(usages)));
  }

  @Then("its QC statements declare compliance and the type {string}")
  public void itsQcStatementsDeclare(String type) {
    holds(CertificateChecks.qcComplianceAndType(type));
  }

  @Then("it is signed with SHA-256 and an RSA key of at least 2048 bits")
  public void itIsSignedWithSha256() {
    holds(CertificateChecks.sha256WithStrongRsa());
  }

  @When("a TPP asks for a test certificate with organization identifier {string}")
  public void aTppAsksForATestCertificate(String orgId) {
    bench.tryOrganizationId(orgId);
  }

  @Then("the kit refuses it, naming the identifier {string} and ETSI TS 119 495 section 5.2.1")
  public void theKitRefusesIt(String orgId) {
    assertThat(bench.refusal()).as("refusal of the organization identifier " + orgId).isPresent();
    assertThat(bench.refusal().orElseThrow().getMessage()).contains(orgId).contains("5.2.1");
  }

  @Then(
      "the Key Id is \"SN=\" followed by the serial number in lowercase hex and \",CA=\" followed by the issuer")
  public void theKeyIdNamesSerialAndIssuer() {
    X509Certificate cert = bench.issued().certificate();
    // Computed here from the certificate, not by the kit's Key Id code (contract section 2).
    assertThat(bench.issued().keyId().toString())
        .isEqualTo(
            "SN="
                + cert.getSerialNumber().toString(16)
                + ",CA="
                + cert.getIssuerX500Principal().getName("RFC1779"));
  }

  @When("it saves its credentials")
  public void itSavesItsCredentials() {
    bench.save();
  }

  @Then("the certificate, the private key and the Key Id are written and load back as the same")
  public void theCredentialsAreWrittenAndLoadBack() throws IOException, GeneralSecurityException {
    Credentials issued = bench.issued();
    assertThat(Files.readString(bench.saved().keyId()).trim()).isEqualTo(issued.keyId().toString());
    Credentials loaded =
        CredentialFiles.loadPem(bench.saved().certificate(), bench.saved().privateKey(), null);
    assertThat(loaded.certificate().getEncoded()).isEqualTo(issued.certificate().getEncoded());
    // The loaded key must be the certificate's: sign with it, verify with the certificate.
    byte[] probe = "kit self-check".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(loaded.privateKey());
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(issued.certificate());
    verifier.update(probe);
    assertThat(verifier.verify(signature)).as("the saved key signs for the certificate").isTrue();
  }

  @Then("the private key file is readable by its owner only")
  public void thePrivateKeyIsOwnerOnly() throws IOException {
    assertThat(Files.getPosixFilePermissions(bench.saved().privateKey()))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  /** A check of the kit's own output: its failure is the kit's, so a plain assertion. */
  private void holds(Check<X509Certificate> check) {
    assertThat(check.evaluate(bench.issued().certificate())).as(check.name()).isEmpty();
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",\\s*")).toList();
  }

  static OrganizationId sampleOrganization() {
    return OrganizationId.of("PSDNL-DNB-R000001");
  }
}
