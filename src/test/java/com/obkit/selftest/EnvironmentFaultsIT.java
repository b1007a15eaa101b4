package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.cli.ConformanceLauncher;
import com.obkit.cli.KitMain;
import com.obkit.config.KitConfig;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An unreachable bank is neither a pass nor a bank defect. The run's pre-flight ({@code GET
 * /xs2a-bg/version} before any scenario) finds it so and stops the run with one message naming the
 * URL and the cause, instead of one per scenario: no scenario runs, the verdict is INCONCLUSIVE and
 * the exit code 2.
 */
@Timeout(120)
class EnvironmentFaultsIT {

  @TempDir Path reports;

  private ConformanceLauncher.RunResult runAgainst(String baseUrl) {
    KitConfig config =
        KitConfig.load(
            Map.of(
                "kit.baseUrl",
                baseUrl,
                "kit.http.connectTimeout",
                "1s",
                "kit.http.readTimeout",
                "1s"),
            Map.of());
    return new ConformanceLauncher(Path.of("features"))
        .run(config, reports, false, "@TOK-1 or @REG-2");
  }

  private void assertEnvironmentFaults(
      ConformanceLauncher.RunResult result, String baseUrl, String cause) throws IOException {
    assertThat(result.verdict()).isEqualTo("INCONCLUSIVE");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.failedMustRules()).isEmpty();
    assertThat(result.resultsByScenario()).as("scenarios run").isEmpty();
    String verdict = Files.readString(reports.resolve("verdict.json"));
    JsonNode json = new ObjectMapper().readTree(verdict);
    assertThat(json.path("runError").asText())
        .startsWith(
            "EnvironmentFault: the bank is unreachable: GET "
                + baseUrl
                + "/xs2a-bg/version: "
                + cause);
    // One message for the run, not one per scenario.
    assertThat(verdict.split("the bank is unreachable", -1)).hasSize(2);
    assertThat(verdict).doesNotContain("ENVIRONMENT: GET");
  }

  @Test
  void aClosedPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertEnvironmentFaults(
        runAgainst("https://127.0.0.1:" + port), "https://127.0.0.1:" + port, "connection refused");
  }

  @Test
  void anUnresolvableHost() throws Exception {
    assertEnvironmentFaults(
        runAgainst("https://bank.invalid"), "https://bank.invalid", "unknown host");
  }

  @Test
  void aServerThatNeverAnswers() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accept, then say nothing
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      long start = System.nanoTime();
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      assertEnvironmentFaults(runAgainst(url), url, "timed out");
      // One request, bounded by the 1 s read timeout, not by a hang.
      assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aServerWithAnUntrustedCertificate() throws Exception {
    try (ReferenceSandbox untrusted = ReferenceSandbox.start(SandboxOptions.defaults())) {
      assertEnvironmentFaults(
          runAgainst(untrusted.baseUrl().toString()),
          untrusted.baseUrl().toString(),
          "TLS failure");
    }
  }

  @Test
  void theCommandLineExitsWithTwoForAnOutageAndForBadConfiguration() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KitMain outage = new KitMain();
    int code =
        new CommandLine(outage)
            .execute(
                "--set",
                "kit.baseUrl=http://127.0.0.1:" + port,
                "--set",
                "kit.reports=" + reports,
                "--set",
                "kit.http.connectTimeout=1s",
                "--no-exit");
    assertThat(code).isEqualTo(2);
    int bad = new CommandLine(new KitMain()).execute("--env", "no-such-profile", "--no-exit");
    assertThat(bad).isEqualTo(2);
  }
}
