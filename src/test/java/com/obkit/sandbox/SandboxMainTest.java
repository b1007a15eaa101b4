package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SandboxMainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(SandboxMain main, String... args) {
    CommandLine cl = SandboxMain.commandLine(main);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpWorks() {
    assertThat(
            run(
                new SandboxMain(
                    s -> {
                      throw new AssertionError("must not start");
                    }),
                "--help"))
        .isZero();
    assertThat(out.toString())
        .contains(
            "--port",
            "--[no-]tls",
            "--mode=sandbox|production",
            "--token-lifetime",
            "--latency-ms",
            "--release=RELEASE",
            "--server-cert-out");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--port=abc",
        "--port=70000",
        "--mode=staging",
        "--token-lifetime=0",
        "--latency-ms=-1",
        "--server-cert-out=x.pem",
        "--bogus",
        "--deviation=NO_SUCH_DEVIATION",
        "--release=2025.9"
      })
  void badOptionsAreUsageErrors(String arg) {
    assertThat(
            run(
                new SandboxMain(
                    s -> {
                      throw new AssertionError("must not start");
                    }),
                arg))
        .isEqualTo(2);
    assertThat(err.toString()).isNotBlank();
  }

  @Test
  void runsPrintsTheUrlAndWritesTheCertificate(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("server.pem");
    AtomicInteger status = new AtomicInteger();
    AtomicReference<String> mode = new AtomicReference<>();
    int code =
        run(
            new SandboxMain(
                sandbox -> {
                  HttpResponse<String> r = new SandboxHttp(sandbox).get("/xs2a-bg/version");
                  status.set(r.statusCode());
                  mode.set(sandbox.options().mode().name());
                }),
            "--port",
            "0",
            "--tls",
            "--mode",
            "production",
            "--server-cert-out",
            pem.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(status.get()).isEqualTo(200);
    assertThat(mode.get()).isEqualTo("PRODUCTION");
    assertThat(out.toString()).contains("https://127.0.0.1:", "curl", "/xs2a-bg/version");
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    assertThat(text)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    assertThat(cert.getIssuerX500Principal().getName()).contains("reference sandbox");
  }

  @Test
  void deviationsAreRepeatableAndReachTheSandbox() {
    AtomicReference<java.util.Set<String>> deviations = new AtomicReference<>();
    assertThat(
            run(
                new SandboxMain(sandbox -> deviations.set(sandbox.options().deviations())),
                "--port",
                "0",
                "--deviation",
                "PREFIX_REDIRECT_MATCH",
                "--deviation=digipass_missing"))
        .as(err.toString())
        .isZero();
    assertThat(deviations.get()).containsExactly("DIGIPASS_MISSING", "PREFIX_REDIRECT_MATCH");
    assertThat(out.toString())
        .contains(
            "Deliberately breaking the contract with: DIGIPASS_MISSING, PREFIX_REDIRECT_MATCH");
  }

  @Test
  void anUnknownDeviationIsAUsageErrorNamingTheValidOnes() {
    assertThat(
            run(
                new SandboxMain(
                    s -> {
                      throw new AssertionError("must not start");
                    }),
                "--deviation",
                "PREFIX_MATCH"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("PREFIX_MATCH", "PREFIX_REDIRECT_MATCH");
  }

  @Test
  void listsTheDeviations() {
    assertThat(
            run(
                new SandboxMain(
                    s -> {
                      throw new AssertionError("must not start");
                    }),
                "--list-deviations"))
        .isZero();
    assertThat(out.toString().lines()).hasSize(Deviation.values().length);
    assertThat(out.toString())
        .contains(
            "PREFIX_REDIRECT_MATCH\tAUTH-2\tsandbox\t",
            "TEST_ACCOUNTS_IN_PRODUCTION\tACC-3\tproduction\t");
  }

  @Test
  void plainHttpByDefault() {
    AtomicReference<String> base = new AtomicReference<>();
    assertThat(
            run(new SandboxMain(sandbox -> base.set(sandbox.baseUrl().toString())), "--port", "0"))
        .isZero();
    assertThat(base.get()).startsWith("http://127.0.0.1:");
    assertThat(out.toString()).contains("curl http://127.0.0.1:");
  }
}
