package com.obkit.cli;

import com.obkit.evidence.BundleVerifier;
import com.obkit.evidence.BundleVerifier.Expectations;
import com.obkit.evidence.BundleVerifier.Verification;
import com.obkit.pki.CredentialFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kit verify evidence.zip}: checks a run's evidence bundle (every entry's SHA-256, the
 * manifest's signature, who signed it) and prints what it says: the signer's organization id, when
 * it was signed, against which bank release, the verdict and the self-certification. Exit code 0
 * only when every check holds; 1 with the first that does not; 2 for a file that cannot be read.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Checks an evidence bundle (reports/evidence.zip): every entry against the manifest's"
            + " SHA-256, the manifest's CMS signature, who signed it; prints the signer, the signing"
            + " time, the bank release, the verdict and the self-certification.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:VERIFIED: every entry, the signature and each expectation hold",
      "1:NOT VERIFIED: the first entry, signature or expectation that does not hold",
      "2:a file is missing or is not a zip or a certificate (one line: ERROR: ...)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kit verify reports/evidence.zip",
      "  kit verify evidence.zip --ca qtsp-ca.pem --organization-id PSDNL-DNB-R000000",
      "",
      "The same signature check with openssl, in the folder the bundle is unpacked into:",
      "  openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json \\",
      "      -CAfile qtsp-ca.pem -purpose any -out /dev/null"
    })
final class VerifyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "The evidence.zip to check.")
  Path bundle;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description =
          "PEM certificate of the CA the signer's certificate must chain to (the qualified trust"
              + " service's CA). Without it, anyone's signature over their own bundle verifies.")
  Path ca;

  @Option(
      names = "--organization-id",
      paramLabel = "ID",
      description = "The organization id (2.5.4.97) the signer must have, e.g. PSDNL-DNB-R000000.")
  String organizationId;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Optional<X509Certificate> anchor =
        Optional.ofNullable(ca).map(file -> CredentialFiles.readCertificate(file, "--ca"));
    Verification v =
        BundleVerifier.verify(
            bundle, new Expectations(anchor, Optional.ofNullable(organizationId)));
    PrintWriter out = spec.commandLine().getOut();
    v.lines().forEach(out::println);
    int code;
    if (v.verified()) {
      out.println("VERIFIED: " + bundle);
      code = 0;
    } else {
      out.println("NOT VERIFIED: " + v.problem().orElseThrow().message());
      code = 1;
    }
    out.flush();
    return code;
  }
}
