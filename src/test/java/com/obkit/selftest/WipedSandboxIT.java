package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.client.BankClient;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.Tpp;
import com.obkit.config.KitConfig;
import com.obkit.outcomes.EnvironmentFault;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import com.obkit.runtime.KitRuntime;
import com.obkit.runtime.KitSession;
import com.obkit.runtime.OwnRegistration;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bank's sandbox is "data wiped a few times a year (then register again)" (contract section 1).
 * With the TPP's own identity the kit notices that the bank no longer knows its registration,
 * registers again once per run with exactly {@code kit.registration.keepRedirectUris}, says so, and
 * ends a run in which it happens a second time clearly instead of registering again.
 */
class WipedSandboxIT {

  static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R737373");
  static final List<String> KEEP = List.of("https://tpp-live.example/ais/return?flow=ais");
  static final List<String> TEST =
      List.of("https://tpp-test.example/kit/return?flow=ais", "https://tpp-test.example/kit/app/");

  /** Registration and the journey's token exchange: enough to see a wipe, quick to run. */
  static final String TAGS = "@REG-1 or @TKN-1";

  @TempDir static Path dir;
  static SavedCredentials pem;

  @BeforeAll
  static void credentials() throws Exception {
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    pem =
        CredentialFiles.save(
            ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048)),
            Files.createDirectories(dir.resolve("pem")));
  }

  private static Map<String, String> settings(ReferenceSandbox bank, String name) {
    Map<String, String> s = new HashMap<>();
    s.put("kit.baseUrl", bank.baseUrl().toString());
    s.put("kit.credentials.source", "pem");
    s.put("kit.credentials.certificate", pem.certificate().toString());
    s.put("kit.credentials.privateKey", pem.privateKey().toString());
    s.put("kit.organizationId", ORG.value());
    s.put("kit.registration.keepRedirectUris", String.join(",", KEEP));
    s.put("kit.registration.testRedirectUris", String.join(",", TEST));
    s.put("kit.registration.secretOut", dir.resolve(name + "-client-secret").toString());
    s.put("kit.history", dir.resolve(name + "-history").toString());
    s.put("kit.sca.settleDelay", "0s");
    return s;
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void aSandboxWipedBeforeTheRunIsRegisteredAgainOnceAndTheRunProceeds() throws Exception {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      KitConfig config = KitConfig.load(settings(bank, "before"), Map.of());
      ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));
      ConformanceLauncher.RunResult first =
          launcher.run(config, dir.resolve("reports-before-1"), false, TAGS);
      assertThat(first.verdict()).isEqualTo("CONFORMANT");
      String firstMessage = KitSession.lastRestoration().orElseThrow().message();
      assertThat(firstMessage).doesNotContain("WIPED");
      String clientIdBefore = bank.state().clientId(ORG.value()).orElseThrow();
      assertThat(dir.resolve("before-history").resolve("registration.properties"))
          .content()
          .contains("clientId=" + clientIdBefore)
          .doesNotContain(Files.readString(dir.resolve("before-client-secret")).trim());

      bank.wipe();
      assertThat(bank.state().registeredOrganizationCount()).isZero();

      ConformanceLauncher.RunResult second =
          launcher.run(config, dir.resolve("reports-before-2"), false, TAGS);

      assertThat(second.verdict()).isEqualTo("CONFORMANT");
      assertThat(second.resultsByScenario()).isEqualTo(first.resultsByScenario());
      OwnRegistration.Restoration restore = KitSession.lastRestoration().orElseThrow();
      assertThat(restore.restored()).isTrue();
      String clientIdAfter = bank.state().clientId(ORG.value()).orElseThrow();
      assertThat(clientIdAfter).isNotEqualTo(clientIdBefore);
      assertThat(restore.message())
          .startsWith("RESTORED: " + ORG + " has exactly the kept redirect URIs " + KEEP)
          .contains(
              "WIPED: the bank no longer knew the registration of "
                  + ORG
                  + " before the run: the token endpoint refused the client_id "
                  + clientIdBefore)
          .contains("401 invalid_client")
          .contains(
              "registered again once with exactly the kept redirect URIs "
                  + KEEP
                  + ", new client_id "
                  + clientIdAfter)
          .contains("the new client_secret is written to " + dir.resolve("before-client-secret"))
          .doesNotContain("WIPED AGAIN");
      assertThat(count(restore.message(), "WIPED")).isEqualTo(1);
      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(KEEP);
      assertThat(bank.state().registeredOrganizationCount()).isEqualTo(1);
    }
  }

  @Test
  void aHealthyRegistrationIsNotRegisteredAgain() throws Exception {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      KitConfig config = KitConfig.load(settings(bank, "healthy"), Map.of());
      ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));
      launcher.run(config, dir.resolve("reports-healthy-1"), false, "@REG-1");
      String clientId = bank.state().clientId(ORG.value()).orElseThrow();
      KitRuntime runtime = KitRuntime.start(config);
      runtime.checkOwnRegistration();
      assertThat(runtime.ownRegistration().orElseThrow().wipesDetected()).isZero();
      assertThat(runtime.ownRegistration().orElseThrow().registrations()).isZero();
      runtime.close();
      assertThat(runtime.restoration().orElseThrow().message())
          .isEqualTo("the run registered nothing with " + ORG + ": nothing to restore");
      assertThat(bank.state().clientId(ORG.value())).contains(clientId);
    }
  }

  /** What a scenario does: one registration with the TPP's identity, through the ledger. */
  private static HttpExchange scenarioRegisters(KitRuntime runtime) {
    BankClient client = runtime.newClient();
    Tpp tpp = runtime.tpps().newTpp();
    return runtime
        .ownRegistration()
        .orElseThrow()
        .exclusively(
            () -> {
              HttpExchange token =
                  client.requestInitialToken(
                      tpp, "nl", runtime.config().bank().signing(), Tampering.NONE);
              return client.register(
                  tpp,
                  URI.create(token.link("registration").orElseThrow()),
                  RegistrationRequest.standard(
                      true,
                      true,
                      true,
                      token.jsonText("access_token"),
                      List.of(KEEP.get(0), TEST.get(0))),
                  Tampering.NONE);
            },
            List.of(KEEP.get(0), TEST.get(0)));
  }

  @Test
  void aSecondWipeInOneRunIsNotRegisteredAgainAndEndsClearly() {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      KitRuntime runtime = KitRuntime.start(KitConfig.load(settings(bank, "twice"), Map.of()));
      OwnRegistration own = runtime.ownRegistration().orElseThrow();
      assertThat(scenarioRegisters(runtime).status()).isEqualTo(201);
      String first = bank.state().clientId(ORG.value()).orElseThrow();

      bank.wipe();
      assertThat(scenarioRegisters(runtime).status()).isEqualTo(201);
      assertThat(own.wipesDetected()).isEqualTo(1);
      String second = bank.state().clientId(ORG.value()).orElseThrow();
      assertThat(second).isNotEqualTo(first);
      assertThat(own.wipeNotes())
          .singleElement()
          .asString()
          .startsWith("WIPED: the bank no longer knew the registration of " + ORG)
          .contains(
              "(client_id " + first + "): a registration answered the new client_id " + second);

      bank.wipe();
      assertThatThrownBy(() -> scenarioRegisters(runtime))
          .isInstanceOf(EnvironmentFault.class)
          .hasMessageContaining("forgot the registration of " + ORG + " twice in this run")
          .hasMessageContaining("registers nothing more");
      assertThat(own.wipesDetected()).isEqualTo(2);

      // Nothing more is sent for the scenarios: after a third wipe the bank still knows nothing.
      bank.wipe();
      assertThatThrownBy(() -> scenarioRegisters(runtime)).isInstanceOf(EnvironmentFault.class);
      assertThat(bank.state().clientId(ORG.value())).isEmpty();

      runtime.close();
      OwnRegistration.Restoration restore = runtime.restoration().orElseThrow();
      assertThat(restore.restored()).isTrue();
      assertThat(restore.message())
          .startsWith("RESTORED: " + ORG + " has exactly the kept redirect URIs " + KEEP)
          .contains("WIPED: ")
          .contains("WIPED AGAIN: the bank forgot the registration of " + ORG);
      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(KEEP);
    }
  }

  @Test
  void wipesDuringAWholeRunAreSeenAndASecondOneEndsTheRunInconclusive() throws Exception {
    try (ReferenceSandbox bank =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withLatency(Duration.ofMillis(20)))) {
      KitConfig config = KitConfig.load(settings(bank, "during"), Map.of());
      CompletableFuture<ConformanceLauncher.RunResult> run =
          CompletableFuture.supplyAsync(
              () ->
                  new ConformanceLauncher(Path.of("features"))
                      .run(config, dir.resolve("reports-during"), false, "not @kit-self-check"));
      for (int wipe = 0; wipe < 2; wipe++) {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> bank.state().clientId(ORG.value()).isPresent());
        bank.wipe();
      }
      ConformanceLauncher.RunResult result = run.get(10, TimeUnit.MINUTES);

      assertThat(result.verdict()).isNotEqualTo("CONFORMANT");
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.messages().values())
          .anyMatch(m -> m.contains("forgot the registration of " + ORG + " twice in this run"));
      OwnRegistration.Restoration restore = KitSession.lastRestoration().orElseThrow();
      assertThat(restore.restored()).isTrue();
      assertThat(count(restore.message(), "WIPED: ")).isEqualTo(1);
      assertThat(count(restore.message(), "WIPED AGAIN: ")).isEqualTo(1);
      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(KEEP);
    }
  }
}
