package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.evidence.BundleEntry;
import com.obkit.evidence.EvidenceBundle;
import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.Certificates;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kit verify}: exit 0 only when everything holds, 1 with the first that does not, 2 for a
 * file it cannot read.
 */
class VerifyCommandTest {

  static TestCa ca;
  static Credentials seal;

  @TempDir Path dir;

  @BeforeAll
  static void keys() {
    ca = TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    seal =
        ca.issue(
            CertificateSpec.builder(OrganizationId.of("PSDNL-DNB-R515151"))
                .profile(CertificateProfile.QSEALC)
                .build(),
            KeyPool.generateRsa(2048));
  }

  private record Ran(int code, String out, String err) {}

  private static Ran kit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = KitMain.commandLine(new KitMain());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Ran(cl.execute(args), out.toString(), err.toString());
  }

  private Path bundle(Optional<Credentials> signer) {
    Path zip = dir.resolve("evidence.zip");
    EvidenceBundle.write(
        zip,
        List.of(BundleEntry.text("verdict.html", "<p>CONFORMANT</p>")),
        signer,
        "0.1.0",
        Instant.parse("2026-12-02T10:00:00Z"));
    return zip;
  }

  private static String lastLine(String out) {
    List<String> lines = out.lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void aSignedBundleFromTheExpectedTppUnderTheExpectedCaVerifies() throws Exception {
    Path zip = bundle(Optional.of(seal));
    Path caPem = Files.writeString(dir.resolve("ca.pem"), Certificates.toPem(ca.certificate()));
    Ran ran =
        kit(
            "verify",
            zip.toString(),
            "--ca",
            caPem.toString(),
            "--organization-id",
            "PSDNL-DNB-R515151");
    assertThat(ran.code()).as(ran.out() + ran.err()).isEqualTo(0);
    assertThat(ran.err()).isEmpty();
    assertThat(lastLine(ran.out())).isEqualTo("VERIFIED: " + zip);
    assertThat(ran.out().lines().filter(l -> l.startsWith("signed by: PSDNL-DNB-R515151 ")))
        .hasSize(1);
  }

  @Test
  void anotherExpectedTppIsExitCode1NamingBoth() {
    Ran ran =
        kit(
            "verify",
            bundle(Optional.of(seal)).toString(),
            "--organization-id",
            "PSDNL-DNB-R999999");
    assertThat(ran.code()).isEqualTo(1);
    assertThat(lastLine(ran.out()))
        .isEqualTo(
            "NOT VERIFIED: signed by PSDNL-DNB-R515151, not by the expected PSDNL-DNB-R999999");
  }

  @Test
  void anUnsignedBundleIsExitCode1() {
    Ran ran = kit("verify", bundle(Optional.empty()).toString());
    assertThat(ran.code()).isEqualTo(1);
    assertThat(lastLine(ran.out()))
        .isEqualTo(
            "NOT VERIFIED: not signed: the bundle holds no manifest.json.p7s (a run with generated"
                + " credentials has no QSealC of the TPP to sign with)");
  }

  @Test
  void aMissingBundleOrCaFileIsOneLineAndExitCode2() {
    Path missing = dir.resolve("nope.zip");
    assertThat(kit("verify", missing.toString()))
        .isEqualTo(new Ran(2, "", "ERROR: evidence bundle " + missing + " does not exist\n"));
    Path noCa = dir.resolve("ca.pem");
    assertThat(kit("verify", bundle(Optional.of(seal)).toString(), "--ca", noCa.toString()))
        .isEqualTo(new Ran(2, "", "ERROR: --ca: cannot read " + noCa + ": no such file\n"));
  }
}
