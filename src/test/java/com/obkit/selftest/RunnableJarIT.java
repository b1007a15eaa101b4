package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.obkit.report.KitVersion;
import com.obkit.testsupport.Openssl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable kit as a TPP uses it: the jar {@code mvn package} built, started with {@code java
 * -jar} from an empty folder, so its features, profiles and rule catalogue can only come from
 * inside it. A run against the reference sandbox it starts itself, a run with the TPP's own
 * credentials against {@code kit sandbox} whose signed evidence {@code kit verify} and openssl
 * accept, every command's help, the version, and a user's mistake as one line.
 */
class RunnableJarIT {

  @TempDir Path work;

  /** What one process printed and returned. */
  private record Ran(int code, String out, String err) {}

  /** {@code java -jar <the kit jar> args...} with this JVM's java. */
  private static List<String> javaJar(String... args) {
    Path jar = Path.of(System.getProperty("obkit.jar"));
    assertThat(jar).as("the runnable jar (mvn package)").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  private Ran kit(String... args) throws IOException, InterruptedException {
    List<String> command = javaJar(args);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the jar ended").isTrue();
      return new Ran(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aRunFromAnEmptyFolderAgainstTheSandboxTheJarStartsIsConformant() throws Exception {
    Ran ran = kit("run", "--tags", "@stage:test-accounts", "--set", "kit.history=none");
    assertThat(ran.code()).as(ran.err()).isEqualTo(0);
    List<String> lines = ran.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("VERDICT: CONFORMANT");
    assertThat(ran.out())
        .contains("PASS ")
        .contains("(features/05_test_accounts/create_test_account.feature:");
    assertThat(work.resolve("reports/verdict.json")).isRegularFile();
    assertThat(work.resolve("reports/run.json")).isRegularFile();
    // Nothing was unpacked into the working folder: the features went to a temporary folder.
    assertThat(Files.exists(work.resolve("features"))).isFalse();
    // Generated credentials: the evidence is written, but there is no QSealC of the TPP to sign
    // it with, and kit verify says so.
    Ran verify = kit("verify", "reports/evidence.zip");
    assertThat(verify.code()).isEqualTo(1);
    List<String> said = verify.out().lines().toList();
    assertThat(said.get(said.size() - 1))
        .isEqualTo(
            "NOT VERIFIED: not signed: the bundle holds no manifest.json.p7s (a run with generated"
                + " credentials has no QSealC of the TPP to sign with)");
  }

  /**
   * The self-certification a TPP hands its bank, all from the one jar: a QSealC from {@code kit
   * certificate}, the reference sandbox from {@code kit sandbox} in a process of its own (a bank
   * apart), the whole run with the TPP's own credentials, then {@code kit verify} and the README's
   * openssl line on the signed evidence.
   */
  @Test
  void anOwnCredentialsRunAgainstKitSandboxGivesSignedEvidenceBothVerifiersAccept()
      throws Exception {
    String org = "PSDNL-DNB-R515151";
    Ran certificate =
        kit("certificate", "--organization-id", org, "--profile", "QSEALC", "--out", "creds");
    assertThat(certificate.code()).as(certificate.err()).isEqualTo(0);
    Path sandboxOut = work.resolve("sandbox.txt");
    Process sandbox =
        new ProcessBuilder(javaJar("sandbox", "--port", "0"))
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(sandboxOut.toFile())
            .start();
    try {
      String baseUrl = awaitListening(sandboxOut, sandbox);
      Ran run =
          kit(
              "run",
              "--env",
              "sandbox",
              "--set",
              "kit.baseUrl=" + baseUrl,
              "--set",
              "kit.history=none",
              "--set",
              "kit.sca.settleDelay=0s",
              "--set",
              "kit.accounts.source=sandbox-api",
              "--set",
              "kit.psu.driver=form",
              "--set",
              "kit.budget.spend=true",
              "--set",
              "kit.credentials.source=pem",
              "--set",
              "kit.credentials.certificate=creds/certificate.pem",
              "--set",
              "kit.credentials.privateKey=creds/private-key.pem",
              "--set",
              "kit.organizationId=" + org,
              "--set",
              "kit.registration.keepRedirectUris=https://tpp.example/live",
              "--set",
              "kit.registration.testRedirectUris=https://tpp.example/t1,https://tpp.example/t2");
      assertThat(run.code()).as(run.out() + run.err()).isEqualTo(0);
      List<String> lines = run.out().lines().toList();
      assertThat(lines.get(lines.size() - 1)).isEqualTo("VERDICT: CONFORMANT");
      assertThat(lines.get(lines.size() - 2)).startsWith("SELF-CERTIFICATION: READY |");
      assertThat(run.err())
          .contains("Evidence: reports/evidence.zip (")
          .contains(" entries, signed with the QSealC of " + org + ")");
    } finally {
      sandbox.destroy();
      sandbox.waitFor(30, TimeUnit.SECONDS);
    }
    Path ca = work.resolve("ca.pem");
    String chain = Files.readString(work.resolve("creds/certificate.pem"));
    Files.writeString(ca, chain.substring(chain.indexOf("-----BEGIN CERTIFICATE-----", 1)));
    Ran verify = kit("verify", "reports/evidence.zip", "--ca", "ca.pem", "--organization-id", org);
    assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(0);
    List<String> said = verify.out().lines().toList();
    assertThat(said.get(said.size() - 1)).isEqualTo("VERIFIED: reports/evidence.zip");
    assertThat(said).contains("verdict: CONFORMANT");
    assertThat(said.stream().filter(l -> l.startsWith("signed by: " + org + " "))).hasSize(1);
    assertThat(said.stream().filter(l -> l.startsWith("SELF-CERTIFICATION: READY |"))).hasSize(1);
    assumeTrue(Openssl.installed(), "openssl is not installed");
    Path unpacked = Files.createDirectories(work.resolve("unpacked"));
    try (ZipFile zip = new ZipFile(work.resolve("reports/evidence.zip").toFile())) {
      for (String name : List.of("manifest.json", "manifest.json.p7s")) {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
          Files.copy(in, unpacked.resolve(name));
        }
      }
    }
    Files.copy(ca, unpacked.resolve("ca.pem"));
    assertThat(Openssl.cmsVerify(unpacked))
        .as(Files.readString(unpacked.resolve("openssl.txt")))
        .isEqualTo(0);
  }

  /** The sandbox's base URL, once its first line says it listens (polled, with a deadline). */
  private static String awaitListening(Path out, Process sandbox) throws Exception {
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = listening.matcher(Files.readString(out));
      if (m.find()) {
        return m.group(1);
      }
      assertThat(sandbox.isAlive()).as("kit sandbox: " + Files.readString(out)).isTrue();
      // Polling the process's output: it prints the line once, when the port is bound.
      sandbox.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("kit sandbox did not say it listens: " + Files.readString(out));
  }

  @Test
  void everyCommandHasHelpWithExamplesAndTheVersionIsTheKits() throws Exception {
    for (String command : List.of("run", "certificate", "curl", "sandbox")) {
      Ran ran = kit(command, "--help");
      assertThat(ran.code()).as(command).isEqualTo(0);
      assertThat(ran.out()).as(command).contains("\nExamples:\n");
    }
    for (String command : List.of("plan", "serve", "diff", "verify")) {
      assertThat(kit(command, "--help").code()).as(command).isEqualTo(0);
    }
    assertThat(kit("--version")).isEqualTo(new Ran(0, "obkit " + KitVersion.current() + "\n", ""));
  }

  @Test
  void aUsersMistakeIsOneLineAndExitCode2() throws Exception {
    Ran ran = kit("certificate", "--organization-id", "NL-123");
    assertThat(ran.code()).isEqualTo(2);
    assertThat(ran.out()).isEmpty();
    assertThat(ran.err())
        .isEqualTo(
            "ERROR: organization identifier 'NL-123' does not follow ETSI TS 119 495 section"
                + " 5.2.1 (PSD<CC>-<AUTHORITY>-<number>, e.g. PSDNL-DNB-R000000)\n");
    Ran missing =
        kit("curl", "--certificate", "nope.pem", "--private-key", "nope.pem", "--url", "http://x");
    assertThat(missing).isEqualTo(new Ran(2, "", "ERROR: cannot read nope.pem: no such file\n"));
  }
}
