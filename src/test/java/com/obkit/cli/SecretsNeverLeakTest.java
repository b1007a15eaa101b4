package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.config.KitConfig;
import com.obkit.pki.Certificates;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import com.obkit.sandbox.SectorIdentifierFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A conformance run with full reports, against a sandbox that tells the test every secret it issues
 * (initial access tokens, client secrets, codes, digipass numbers): none of those values appears
 * anywhere the run wrote, in reports, Allure results or captured console output. Run once against
 * the faithful sandbox and once against deviations that make scenarios fail with secrets in the
 * answers they quote.
 */
class SecretsNeverLeakTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "deviations: [{0}]")
  @ValueSource(
      strings = {
        "",
        "SIGNATURE_NOT_REQUIRED,MISSING_TOKEN_ACCEPTED,UNKNOWN_TENANT_ACCEPTED,AUTHORIZATION_SKIPS_LOGIN,UNSIGNED_TEST_ACCOUNT_ACCEPTED"
      })
  void noSecretOfTheRunAppearsInAnythingItWrote(String deviations) throws IOException {
    Queue<String> issued = new ConcurrentLinkedQueue<>();
    SandboxOptions options =
        SandboxOptions.defaults()
            .withDeviations(deviations.isEmpty() ? Set.of() : Set.of(deviations.split(",")));
    Path reports = dir.resolve("reports");
    Path allureResults =
        Path.of(System.getProperty("allure.results.directory", "target/allure-results"));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    try (ReferenceSandbox sandbox =
        ReferenceSandbox.start(options, SectorIdentifierFetcher.http(), issued::add)) {
      Path serverCert =
          Files.writeString(
              dir.resolve("server.pem"),
              Certificates.toPem(sandbox.serverCertificate().orElseThrow()));
      KitConfig config =
          KitConfig.load(
              Map.of(
                  "kit.baseUrl",
                  sandbox.baseUrl().toString(),
                  "kit.http.trustCertificate",
                  serverCert.toString(),
                  "kit.reports",
                  reports.toString()),
              Map.of());
      System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features")).run(config, reports, true);
      assertThat(result.resultsByScenario()).hasSizeGreaterThan(25);
      if (!deviations.isEmpty()) {
        assertThat(result.verdict())
            .isEqualTo("NOT CONFORMANT"); // the failure messages quote the bank's answers
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    List<String> secrets = issued.stream().distinct().toList();
    assertThat(secrets).as("secrets the sandbox issued during the run").hasSizeGreaterThan(50);
    List<String> written = new ArrayList<>();
    written.add(console.toString(StandardCharsets.UTF_8));
    for (Path root : List.of(reports, allureResults)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          written.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(written.size()).as("files searched").isGreaterThan(100);
    List<String> leaks = new ArrayList<>();
    for (String secret : secrets) {
      for (String text : written) {
        if (text.contains(secret)) {
          leaks.add(secret.substring(0, 4) + "…(" + secret.length() + " chars)");
          break;
        }
      }
    }
    assertThat(leaks).as("secrets found in reports or console output").isEmpty();
  }

  /** Writes to the real stream and to a capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
