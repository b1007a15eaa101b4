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
    description = "Generates a test certificate and saves Certificate, Private Key and Key Id.")
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
      required = true,
      description =
          "Folder for certificate.pem, private-key.pem, key-id.txt (never under reports/).")
  Path out;

  @Override
  public Integer call() {
    OrganizationId orgId = OrganizationId.of(organizationId);
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    Credentials credentials =
        ca.issue(
            CertificateSpec.builder(orgId).profile(profile).roles(roles).build(),
            KeyPool.generateRsa(2048));
    SavedCredentials saved = CredentialFiles.save(credentials, out);
    System.out.println("Certificate: " + saved.certificate());
    System.out.println("Private Key: " + saved.privateKey() + " (readable by its owner only)");
    System.out.println("Key Id:      " + credentials.keyId());
    return 0;
  }
}
