package com.obkit.cli;

import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.PspRole;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates an eIDAS test certificate and saves the Certificate, Private Key (owner-only) and Key
 * Id, the way the bank's API Test Client hands them out (registration page, step 1).
 */
@Command(
    name = "certificate",
    mixinStandardHelpOptions = true,
    description =
        "Generates a test certificate and saves Certificate, Private Key and Key Id into a"
            + " git-ignored folder; an existing private key is kept unless --force.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  kit certificate --organization-id PSDNL-DNB-R000000",
      "  kit certificate --organization-id PSDNL-DNB-R000000 --profile QSEALC --out creds/qsealc",
      "  kit certificate --organization-id PSDNL-DNB-R000000 --force      replace the saved key"
    })
final class CertificateCommand implements Callable<Integer> {

  @Option(
      names = "--organization-id",
      required = true,
      description = "ETSI TS 119 495 organization identifier, e.g. PSDNL-DNB-R000000.")
  String organizationId;

  @Option(
      names = "--profile",
      defaultValue = "SANDBOX",
      description = "SANDBOX, QSEALC or QWAC (default: ${DEFAULT-VALUE}).")
  CertificateProfile profile;

  @Option(
      names = "--roles",
      split = ",",
      defaultValue = "PSP_AI,PSP_PI",
      description = "PSD2 roles (default: ${DEFAULT-VALUE}).")
  List<PspRole> roles;

  @Option(
      names = "--out",
      defaultValue = "credentials",
      description =
          "Folder for certificate.pem, private-key.pem, key-id.txt (never under reports/; default:"
              + " ${DEFAULT-VALUE}). It gets a .gitignore of its own, so git never takes the key.")
  Path out;

  @Option(names = "--force", description = "Replace a private key saved there before.")
  boolean force;

  /**
   * Where the test CA's repository is served, for QWAC and QSEALC certificates. Unset by default,
   * and then the certificate names no OCSP responder, CRL or CA issuers URL at all: the CA lives
   * only as long as this command, so any URL it wrote would answer nothing later, and a bank that
   * checks revocation would fail the certificate with "revocation unknown" for a reason that no
   * setting of the bank can fix. Someone who serves the CA's CRL and OCSP answers gives their base
   * URL here ({@code <url>ocsp}, {@code <url>crl}, {@code <url>ca.crt}). Runs of the kit itself
   * need none of this: they start a live responder and name it.
   */
  @Option(
      names = "--ca-url",
      paramLabel = "URL",
      description =
          "QWAC/QSEALC only: base URL (ending in /) under which the test CA's ocsp, crl and ca.crt"
              + " are served; written into the certificate's AIA and CRL distribution points."
              + " Default: none, as no responder outlives this command.")
  URI caUrl;

  @Override
  public Integer call() throws IOException {
    OrganizationId orgId = OrganizationId.of(organizationId);
    Path key = out.resolve("private-key.pem");
    if (Files.exists(key) && !force) {
      // A private key may be the one a registration at the bank is bound to: never lose it.
      throw new IllegalArgumentException(
          key + " exists: refusing to overwrite a private key (give --force to replace it)");
    }
    TestCa generated =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    TestCa ca = caUrl == null ? generated : generated.publishedAt(caUrl);
    Credentials credentials =
        ca.issue(
            CertificateSpec.builder(orgId).profile(profile).roles(roles).build(),
            KeyPool.generateRsa(2048));
    SavedCredentials saved = CredentialFiles.save(credentials, out);
    // Wherever the folder is, git ignores everything in it, this file too.
    Files.writeString(out.resolve(".gitignore"), "*\n");
    System.out.println("Certificate: " + saved.certificate());
    System.out.println("Private Key: " + saved.privateKey() + " (readable by its owner only)");
    System.out.println("Key Id:      " + credentials.keyId());
    return 0;
  }
}
