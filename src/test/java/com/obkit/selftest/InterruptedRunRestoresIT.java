package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run with the TPP's own identity: the kit, a process of its own, is
 * stopped (SIGTERM, the same shutdown as SIGINT) after it changed the registration, and still
 * leaves exactly the kept redirect URIs registered at the bank.
 */
class InterruptedRunRestoresIT {
  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R616161");
  private static final List<String> KEEP = List.of("https://tpp-live.example/app/");

  @Test
  void anInterruptedRunStillRestoresTheKeptUris(@TempDir Path dir) throws Exception {
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    SavedCredentials pem =
        CredentialFiles.save(
            ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048)), dir);
    try (ReferenceSandbox bank =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withLatency(Duration.ofMillis(50)))) {
      Process kit =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "com.obkit.cli.KitMain",
                  "--set",
                  "kit.baseUrl=" + bank.baseUrl(),
                  "--set",
                  "kit.credentials.source=pem",
                  "--set",
                  "kit.credentials.certificate=" + pem.certificate(),
                  "--set",
                  "kit.credentials.privateKey=" + pem.privateKey(),
                  "--set",
                  "kit.organizationId=" + ORG.value(),
                  "--set",
                  "kit.registration.keepRedirectUris=" + String.join(",", KEEP),
                  "--set",
                  "kit.registration.testRedirectUris=https://tpp-test.example/kit/return?flow=ais,https://tpp-test.example/kit/app/",
                  "--set",
                  "kit.reports=" + dir.resolve("reports"))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("kit.log").toFile())
              .start();
      try {
        // Wait until the run has replaced the registration with URIs of a scenario.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    bank.state()
                        .redirectUris(ORG.value())
                        .contains("https://tpp-test.example/kit/return?flow=ais"));
        assertThat(bank.state().redirectUris(ORG.value()))
            .as("changed by the run")
            .isNotEqualTo(KEEP);
        kit.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertThat(kit.waitFor(30, TimeUnit.SECONDS)).as("the kit stopped").isTrue();
      } finally {
        kit.destroyForcibly();
      }
      assertThat(bank.state().redirectUris(ORG.value()))
          .as("registered after Ctrl-C")
          .isEqualTo(KEEP);
    }
  }
}
