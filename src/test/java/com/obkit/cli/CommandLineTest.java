package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.report.KitVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a user meets it: every command has help with examples, --version prints the
 * kit's version, and a user's mistake is one line on standard error with exit code 2.
 */
class CommandLineTest {

  @TempDir Path dir;

  /** What one command line printed and returned. */
  private record Ran(int code, String out, String err) {}

  private static Ran kit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = KitMain.commandLine(new KitMain());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Ran(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    assertThat(KitMain.commandLine(new KitMain()).getSubcommands().keySet())
        .containsExactly(
            "run", "plan", "certificate", "curl", "serve", "diff", "verify", "sandbox");
    for (String command : List.of("run", "certificate", "curl", "sandbox")) {
      Ran ran = kit(command, "--help");
      assertThat(ran.code()).as(command).isEqualTo(0);
      assertThat(ran.out()).as(command).contains("\nExamples:\n");
    }
    Ran top = kit("--help");
    assertThat(top.code()).isEqualTo(0);
    assertThat(top.out()).contains("\nExamples:\n");
  }

  @Test
  void versionPrintsTheKitsVersion() {
    assertThat(kit("--version")).isEqualTo(new Ran(0, "obkit " + KitVersion.current() + "\n", ""));
  }

  @Test
  void aBadOrganizationIdIsOneLineAndExitCode2() {
    Ran ran = kit("certificate", "--organization-id", "NL-123", "--out", dir.toString());
    assertThat(ran.code()).isEqualTo(2);
    assertThat(ran.err())
        .isEqualTo(
            "ERROR: organization identifier 'NL-123' does not follow ETSI TS 119 495 section"
                + " 5.2.1 (PSD<CC>-<AUTHORITY>-<number>, e.g. PSDNL-DNB-R000000)\n");
  }

  @Test
  void credentialsUnderReportsAreOneLineAndExitCode2() {
    Path reports = dir.resolve("reports").resolve("creds");
    Ran ran =
        kit("certificate", "--organization-id", "PSDNL-DNB-R000001", "--out", reports.toString());
    assertThat(ran.code()).isEqualTo(2);
    assertThat(ran.err())
        .isEqualTo(
            "ERROR: refusing to write credentials to "
                + reports
                + ": it lies inside a 'reports' folder, and reports are published\n");
    assertThat(Files.exists(reports)).isFalse();
  }

  @Test
  void aMissingCertificateFileIsOneLineAndExitCode2() {
    Path missing = dir.resolve("nope.pem");
    Ran ran =
        kit(
            "curl",
            "--certificate",
            missing.toString(),
            "--private-key",
            missing.toString(),
            "--url",
            "http://127.0.0.1/x");
    assertThat(ran).isEqualTo(new Ran(2, "", "ERROR: cannot read " + missing + ": no such file\n"));
  }

  @Test
  void anExistingPrivateKeyIsKeptUnlessForced() throws Exception {
    Path out = dir.resolve("creds");
    assertThat(
            kit("certificate", "--organization-id", "PSDNL-DNB-R000001", "--out", out.toString())
                .code())
        .isEqualTo(0);
    assertThat(Files.readString(out.resolve(".gitignore"))).isEqualTo("*\n");
    byte[] key = Files.readAllBytes(out.resolve("private-key.pem"));

    Ran again =
        kit("certificate", "--organization-id", "PSDNL-DNB-R000001", "--out", out.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err())
        .isEqualTo(
            "ERROR: "
                + out.resolve("private-key.pem")
                + " exists: refusing to overwrite a private key (give --force to replace it)\n");
    assertThat(Files.readAllBytes(out.resolve("private-key.pem"))).isEqualTo(key);

    assertThat(
            kit(
                    "certificate",
                    "--organization-id",
                    "PSDNL-DNB-R000001",
                    "--out",
                    out.toString(),
                    "--force")
                .code())
        .isEqualTo(0);
    assertThat(Files.readAllBytes(out.resolve("private-key.pem"))).isNotEqualTo(key);
  }

  @Test
  void aFormBodyIsFormEncodedAndJsonStaysJson() {
    assertThat(CurlCommand.contentTypeOf("grant_type=authorization_code&code=abc"))
        .isEqualTo("application/x-www-form-urlencoded");
    assertThat(CurlCommand.contentTypeOf(" {\"redirect_uris\":[]}")).isEqualTo("application/json");
    assertThat(CurlCommand.contentTypeOf("[1]")).isEqualTo("application/json");
  }

  @Test
  void aProductionCertificateNamesARepositoryOnlyWhenGivenOne() throws Exception {
    Path none = dir.resolve("none");
    Path named = dir.resolve("named");
    assertThat(
            kit(
                    "certificate",
                    "--organization-id",
                    "PSDNL-DNB-R000001",
                    "--profile",
                    "QWAC",
                    "--out",
                    none.toString())
                .code())
        .isEqualTo(0);
    assertThat(
            kit(
                    "certificate",
                    "--organization-id",
                    "PSDNL-DNB-R000001",
                    "--profile",
                    "QSEALC",
                    "--ca-url",
                    "http://ca.example.com/kit/",
                    "--out",
                    named.toString())
                .code())
        .isEqualTo(0);

    java.security.cert.X509Certificate plain = certificate(none);
    java.security.cert.X509Certificate published = certificate(named);
    assertThat(plain.getExtensionValue("1.3.6.1.5.5.7.1.1")).isNull();
    assertThat(plain.getExtensionValue("2.5.29.31")).isNull();
    assertThat(plain.getExtensionValue("2.5.29.32")).as("still a production profile").isNotNull();
    // The URL is written as given (IA5String inside the extension), so its bytes are visible.
    assertThat(
            new String(
                published.getExtensionValue("2.5.29.31"),
                java.nio.charset.StandardCharsets.US_ASCII))
        .contains("http://ca.example.com/kit/crl");
    assertThat(
            new String(
                published.getExtensionValue("1.3.6.1.5.5.7.1.1"),
                java.nio.charset.StandardCharsets.US_ASCII))
        .contains("http://ca.example.com/kit/ocsp")
        .contains("http://ca.example.com/kit/ca.crt");

    Ran bad =
        kit(
            "certificate",
            "--organization-id",
            "PSDNL-DNB-R000001",
            "--profile",
            "QSEALC",
            "--ca-url",
            "http://ca.example.com/kit",
            "--out",
            dir.resolve("bad").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "ERROR: repository base 'http://ca.example.com/kit' is not an absolute http(s) URL"
                + " ending in '/'\n");
  }

  private static java.security.cert.X509Certificate certificate(Path folder) throws Exception {
    try (var in = Files.newInputStream(folder.resolve("certificate.pem"))) {
      return (java.security.cert.X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void anUnknownCommandIsExitCode2() {
    assertThat(kit("bogus").code()).isEqualTo(2);
  }
}
