package com.obkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.client.BankClient;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.Tpp;
import com.obkit.config.KitConfig;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the TPP's own identity the run ends by replaying the registration with exactly the kept
 * redirect URIs; when that fails, the restoration says so and what is registered now.
 */
class RestoreTest {
  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R515151");
  private static final List<String> KEEP = List.of("https://tpp-live.example/app/");
  private static final List<String> CHANGED =
      List.of("https://tpp-live.example/app/", "https://tpp-test.example/kit/cb");

  @TempDir static Path dir;
  static SavedCredentials pem;

  @BeforeAll
  static void credentials() {
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    pem =
        CredentialFiles.save(
            ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048)), dir);
  }

  private static KitConfig config(URI bank) {
    return KitConfig.load(
        Map.of(
            "kit.baseUrl", bank.toString(),
            "kit.credentials.source", "pem",
            "kit.credentials.certificate", pem.certificate().toString(),
            "kit.credentials.privateKey", pem.privateKey().toString(),
            "kit.organizationId", ORG.value(),
            "kit.registration.keepRedirectUris", String.join(",", KEEP)),
        Map.of());
  }

  /** What a scenario does: a registration with other URIs, recorded in the ledger. */
  private static void registerChanged(KitRuntime runtime) {
    BankClient client = runtime.newClient();
    Tpp tpp = runtime.tpps().newTpp();
    HttpExchange token =
        client.requestInitialToken(tpp, "nl", runtime.config().bank().signing(), Tampering.NONE);
    // As a scenario does: sent and recorded in one step, so a restore on Ctrl-C cannot miss it.
    HttpExchange answer =
        runtime
            .ownRegistration()
            .orElseThrow()
            .exclusively(
                () ->
                    client.register(
                        tpp,
                        URI.create(
                            token
                                .json()
                                .orElseThrow()
                                .path("_links")
                                .path("registration")
                                .asText()),
                        RegistrationRequest.standard(
                            true, true, true, token.jsonText("access_token"), CHANGED),
                        Tampering.NONE),
                CHANGED);
    assertThat(answer.status()).isEqualTo(201);
  }

  @Test
  void theEndOfTheRunLeavesExactlyTheKeptUrisRegistered() {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      KitRuntime runtime = KitRuntime.start(config(bank.baseUrl()));
      registerChanged(runtime);
      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(CHANGED);

      runtime.close();

      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(KEEP);
      OwnRegistration.Restoration r = runtime.restoration().orElseThrow();
      assertThat(r.restored()).isTrue();
      assertThat(r.registrations()).isEqualTo(2);
      assertThat(r.message())
          .startsWith("RESTORED: " + ORG + " has exactly the kept redirect URIs " + KEEP);
    }
  }

  @Test
  void aRestoreThatFailsSaysWhatIsRegisteredNow() {
    KitRuntime runtime;
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      runtime = KitRuntime.start(config(bank.baseUrl()));
      registerChanged(runtime);
    } // the bank goes away before the run ends
    runtime.close();

    OwnRegistration.Restoration r = runtime.restoration().orElseThrow();
    assertThat(r.restored()).isFalse();
    assertThat(r.message())
        .startsWith("RESTORE FAILED for " + ORG + ": ")
        .contains("Registered now, as far as the kit knows: " + CHANGED)
        .endsWith("Replay the registration with " + KEEP + " before using the client.");
  }

  @Test
  void nothingIsRegisteredOnceTheRestoreRan() {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      KitRuntime runtime = KitRuntime.start(config(bank.baseUrl()));
      registerChanged(runtime);
      runtime.close();
      assertThatThrownBy(() -> registerChanged(runtime))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the run is ending: the TPP's registration was restored, nothing more is registered");
      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(KEEP);
    }
  }

  @Test
  void aRunThatRegisteredNothingRestoresNothing() {
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      KitRuntime runtime = KitRuntime.start(config(bank.baseUrl()));
      runtime.close();
      assertThat(runtime.restoration().orElseThrow().registrations()).isZero();
      assertThat(bank.state().clientCount()).isZero();
    }
  }

  @Test
  void secretOutIsWrittenOwnerOnlyWhenTheSecretChanges() throws Exception {
    Path out = dir.resolve("secret.txt");
    try (ReferenceSandbox bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      Map<String, String> settings =
          new HashMap<>(
              Map.of(
                  "kit.baseUrl", bank.baseUrl().toString(),
                  "kit.credentials.source", "pem",
                  "kit.credentials.certificate", pem.certificate().toString(),
                  "kit.credentials.privateKey", pem.privateKey().toString(),
                  "kit.organizationId", ORG.value(),
                  "kit.registration.keepRedirectUris", String.join(",", KEEP),
                  "kit.registration.secretOut", out.toString()));
      KitRuntime runtime = KitRuntime.start(KitConfig.load(settings, Map.of()));
      registerChanged(runtime);
      runtime.close();
      assertThat(Files.getPosixFilePermissions(out))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readString(out).trim()).hasSize(43);
    }
  }
}
