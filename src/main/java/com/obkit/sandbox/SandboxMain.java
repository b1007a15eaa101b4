package com.obkit.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the reference sandbox on its own: {@code mvn -q compile exec:java -Dexec.args="--port
 * 8080"}. Plain HTTP by default so that curl works as on the bank's page; {@code --tls} serves
 * HTTPS with a certificate generated at start ({@code --server-cert-out} writes it as PEM for
 * clients to trust). Runs until Ctrl-C. {@code --deviation NAME} (repeatable) makes it misbehave on
 * purpose, breaking one contract rule per {@link Deviation}; {@code --list-deviations} lists them.
 * Exit codes: 0 after shutdown, 1 when the server cannot start, 2 for bad options (an unknown
 * deviation among them).
 */
@Command(
    name = "reference-sandbox",
    mixinStandardHelpOptions = true,
    version = "reference-sandbox " + Xs2aEndpoints.VERSION,
    description = "Runs the embedded reference sandbox of the bank's XS2A onboarding contract.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  kit sandbox --port 8443                   HTTPS on 127.0.0.1:8443",
      "  kit sandbox --no-tls --port 0             plain HTTP on an ephemeral port",
      "  kit sandbox --list-deviations             the ways it can break the contract"
    })
public final class SandboxMain implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "TCP port, 0 for an ephemeral one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--tls",
      negatable = true,
      defaultValue = "false",
      description = "Serve HTTPS with a generated certificate (default: plain HTTP).")
  private boolean tls;

  @Option(
      names = "--mode",
      defaultValue = "sandbox",
      paramLabel = "sandbox|production",
      description = "sandbox or production (default: ${DEFAULT-VALUE}).")
  private SandboxOptions.Mode mode;

  @Option(
      names = "--token-lifetime",
      defaultValue = "86400",
      paramLabel = "SECONDS",
      description = "Initial access token lifetime (default: ${DEFAULT-VALUE}).")
  private long tokenLifetimeSeconds;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      paramLabel = "MILLIS",
      description = "Delay before every answer (default: ${DEFAULT-VALUE}).")
  private long latencyMillis;

  @Option(
      names = "--release",
      defaultValue = "2026.1",
      paramLabel = "RELEASE",
      description =
          "The bank release imitated: 2026.1 or 2026.2 (another version body and OpenAPI"
              + " documents; default: ${DEFAULT-VALUE}).")
  private String release;

  @Option(
      names = "--max-body-bytes",
      defaultValue = "65536",
      paramLabel = "BYTES",
      description = "Largest accepted request body (default: ${DEFAULT-VALUE}).")
  private int maxBodyBytes;

  @Option(
      names = "--server-cert-out",
      paramLabel = "FILE",
      description = "Write the TLS certificate as PEM (needs --tls).")
  private Path serverCertOut;

  @Option(
      names = "--deviation",
      paramLabel = "NAME",
      description =
          "Break one contract rule on purpose (repeatable; see --list-deviations), e.g. PREFIX_REDIRECT_MATCH.")
  private List<String> deviations = new ArrayList<>();

  @Option(
      names = "--list-deviations",
      description = "List the deviations (name, rule, mode, what goes wrong) and exit.")
  private boolean listDeviations;

  private final Consumer<ReferenceSandbox> awaitShutdown;

  /** For the command line: runs until the JVM shuts down. */
  public SandboxMain() {
    this(SandboxMain::awaitJvmShutdown);
  }

  /** For tests: {@code awaitShutdown} returns when the sandbox should stop. */
  SandboxMain(Consumer<ReferenceSandbox> awaitShutdown) {
    this.awaitShutdown = awaitShutdown;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new SandboxMain()).execute(args));
  }

  public static CommandLine commandLine(SandboxMain main) {
    return new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    if (listDeviations) {
      PrintWriter out = spec.commandLine().getOut();
      for (Deviation d : Deviation.values()) {
        out.println(
            d.name()
                + "\t"
                + d.rule()
                + "\t"
                + d.mode().name().toLowerCase(Locale.ROOT)
                + "\t"
                + d.description());
      }
      out.flush();
      return 0;
    }
    if (serverCertOut != null && !tls) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--server-cert-out needs --tls");
    }
    SandboxOptions options;
    try {
      options =
          SandboxOptions.defaults()
              .withHost(host)
              .withPort(port)
              .withTls(tls)
              .withMode(mode)
              .withTokenLifetime(Duration.ofSeconds(tokenLifetimeSeconds))
              .withLatency(Duration.ofMillis(latencyMillis))
              .withMaxBodyBytes(maxBodyBytes)
              .withDeviations(new LinkedHashSet<>(deviations))
              .withRelease(release);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReferenceSandbox sandbox;
    try {
      sandbox = ReferenceSandbox.start(options);
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    try {
      if (serverCertOut != null) {
        Files.writeString(
            serverCertOut,
            pem(sandbox.serverCertificate().orElseThrow()),
            StandardCharsets.US_ASCII);
      }
      out.println(
          "Reference sandbox ("
              + options.mode().name().toLowerCase(Locale.ROOT)
              + " mode) listening on "
              + sandbox.baseUrl());
      if (!options.deviations().isEmpty()) {
        out.println(
            "Deliberately breaking the contract with: " + String.join(", ", options.deviations()));
      }
      out.println(
          "Try: curl "
              + (tls ? (serverCertOut != null ? "--cacert " + serverCertOut + " " : "-k ") : "")
              + sandbox.baseUrl()
              + "/xs2a-bg/version");
      out.println(
          "Onboarding: GET "
              + sandbox.baseUrl()
              + "/xs2a-bg/{uk|nl|be_fr|be_nl}/onboarding/v1 (signed)");
      out.println("Press Ctrl-C to stop.");
      out.flush();
      awaitShutdown.accept(sandbox);
      return 0;
    } catch (IOException e) {
      err.println("cannot write " + serverCertOut + ": " + e.getMessage());
      err.flush();
      return 1;
    } finally {
      sandbox.close();
    }
  }

  static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the server certificate", e);
    }
  }

  private static void awaitJvmShutdown(ReferenceSandbox sandbox) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  stopped.countDown();
                },
                "reference-sandbox-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
