package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference sandbox started on its own, in another JVM, over HTTPS, and the kit pointed at it
 * with {@code kit.baseUrl} and {@code kit.http.trustCertificate}: nothing depends on running in one
 * process.
 */
class StandaloneSandboxConformanceIT {

  private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");

  @Test
  void conformanceRunPassesAgainstTheSandboxInAnotherProcess(@TempDir Path dir) throws Exception {
    Path serverCert = dir.resolve("server.pem");
    Process sandbox =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.obkit.sandbox.SandboxMain",
                "--port",
                "0",
                "--tls",
                "--server-cert-out",
                serverCert.toString())
            .redirectErrorStream(true)
            .start();
    try {
      String baseUrl =
          CompletableFuture.supplyAsync(() -> awaitBaseUrl(sandbox)).get(60, TimeUnit.SECONDS);
      KitConfig config =
          KitConfig.load(
              Map.of(
                  "kit.baseUrl",
                  baseUrl,
                  "kit.http.trustCertificate",
                  serverCert.toString(),
                  "kit.sca.settleDelay",
                  "0s",
                  "kit.budget.spend",
                  "true"),
              Map.of());

      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features")).run(config, dir.resolve("reports"), false);

      assertThat(result.verdict()).isEqualTo("CONFORMANT");
      assertThat(result.resultsByScenario()).hasSize(167);
      // Expiry (the initial access token, an access token, a consent) needs the embedded
      // sandbox's clock, and two scenarios are about production: reported as not applicable
      // here, never as passed.
      assertThat(result.resultsByScenario().values()).containsOnly("passed", "not applicable");
      assertThat(
              result.resultsByScenario().values().stream().filter("not applicable"::equals).count())
          .isEqualTo(5);
    } finally {
      sandbox.destroy();
      sandbox.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String awaitBaseUrl(Process process) {
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          // Keep draining so the child never blocks on a full pipe.
          Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
          drain.setDaemon(true);
          drain.start();
          return m.group(1);
        }
      }
      throw new IllegalStateException(
          "the sandbox exited before listening (exit " + process.waitFor() + ")");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
