package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.client.BankClient;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.Tpp;
import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import com.obkit.runtime.KitRuntime;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict is true in every configuration users run: the whole suite against the faithful
 * reference sandbox (started on its own, reached over loopback like any bank) in every combination
 * of credentials (generated, PEM, PKCS#12), accounts (sandbox API, configuration) and bank mode
 * (sandbox, production). Each is CONFORMANT with exactly its declared not-applicable scenarios and
 * reasons; and with the TPP's own identity the bank has exactly the kept redirect URIs registered
 * after the run.
 */
class ConfigurationMatrixIT {

  static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R424242");
  static final List<String> KEEP =
      List.of("https://tpp-live.example/ais/return?flow=ais", "https://tpp-live.example/app/");
  static final List<String> TEST =
      List.of("https://tpp-test.example/kit/return?flow=ais", "https://tpp-test.example/kit/app/");

  @TempDir static Path dir;
  static SavedCredentials pem;
  static Path pkcs12;

  @BeforeAll
  static void credentials() throws Exception {
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    Credentials tpp = ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048));
    pem = CredentialFiles.save(tpp, Files.createDirectories(dir.resolve("pem")));
    pkcs12 = dir.resolve("tpp.p12");
    CredentialFiles.savePkcs12(tpp, pkcs12, "matrix-pass".toCharArray());
  }

  enum Credentialing {
    GENERATED,
    PEM,
    PKCS12
  }

  enum Accounts {
    SANDBOX_API,
    CONFIG
  }

  enum Mode {
    SANDBOX,
    PRODUCTION
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Credentialing c : Credentialing.values()) {
      for (Accounts a : Accounts.values()) {
        for (Mode m : Mode.values()) {
          all.add(Arguments.of(c, a, m));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} credentials, accounts from {1}, {2}")
  @MethodSource("matrix")
  void everyConfigurationIsConformantWithItsDeclaredNotApplicableList(
      Credentialing credentials, Accounts accounts, Mode mode) throws Exception {
    SandboxOptions options =
        SandboxOptions.defaults()
            .withTls(false)
            .withMode(
                mode == Mode.SANDBOX
                    ? SandboxOptions.Mode.SANDBOX
                    : SandboxOptions.Mode.PRODUCTION);
    try (ReferenceSandbox bank = ReferenceSandbox.start(options)) {
      Map<String, String> settings = settings(credentials, mode, bank.baseUrl());
      boolean own = credentials != Credentialing.GENERATED;
      if (own && mode == Mode.PRODUCTION) {
        // The TPP's live registration exists before the run; production is read-only.
        settings.put("kit.clientId", registerLive(settings));
      }
      if (accounts == Accounts.CONFIG) {
        if (mode == Mode.SANDBOX) {
          settings.put("kit.accounts", accountsMadeByHand(settings));
        }
        settings.put("kit.accounts.source", "config");
      }
      KitConfig config = KitConfig.load(settings, Map.of());

      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features"))
              .run(config, dir.resolve("reports-" + credentials + accounts + mode), false);

      Map<String, String> notApplicable = new TreeMap<>();
      result
          .resultsByScenario()
          .forEach(
              (scenario, outcome) -> {
                if (outcome.equals("not applicable")) {
                  notApplicable.put(scenario, result.messages().get(scenario));
                }
              });
      writeActual(credentials + " " + accounts + " " + mode, notApplicable);
      Map<String, String> notPassed = new TreeMap<>();
      result
          .resultsByScenario()
          .forEach(
              (scenario, outcome) -> {
                if (!outcome.equals("passed") && !outcome.equals("not applicable")) {
                  notPassed.put(scenario, outcome + ": " + result.messages().get(scenario));
                }
              });
      assertThat(result.verdict())
          .as("scenarios that did not pass: %s", notPassed)
          .isEqualTo("CONFORMANT");
      assertThat(result.resultsByScenario()).hasSize(167);
      assertThat(result.resultsByScenario().values()).containsOnly("passed", "not applicable");
      assertThat(notApplicable)
          .as("not applicable in %s %s %s (matrix/not-applicable.tsv)", credentials, accounts, mode)
          .isEqualTo(declared(credentials + " " + accounts + " " + mode));
      if (own) {
        assertThat(bank.state().redirectUris(ORG.value()))
            .as("registered after the run")
            .isEqualTo(KEEP);
      }
    }
  }

  @Test
  void productionRegistersOnlyWhenAllowedAndRestoresTheKeptUris() throws Exception {
    try (ReferenceSandbox bank =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withMode(SandboxOptions.Mode.PRODUCTION))) {
      Map<String, String> settings = settings(Credentialing.PEM, Mode.PRODUCTION, bank.baseUrl());
      settings.put("kit.clientId", registerLive(settings));
      settings.put("kit.production.allowRegistration", "true");
      settings.put("kit.registration.secretOut", dir.resolve("client-secret.txt").toString());

      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features"))
              .run(
                  KitConfig.load(settings, Map.of()),
                  dir.resolve("reports-allowed"),
                  false,
                  "@REG-2");

      assertThat(result.verdict()).isEqualTo("CONFORMANT");
      // @REG-2: two registration scenarios pass, one needs a second URI it may not register; the
      // three journey scenarios need sandbox test accounts.
      assertThat(result.resultsByScenario().values())
          .containsExactlyInAnyOrder(
              "passed",
              "passed",
              "not applicable",
              "not applicable",
              "not applicable",
              "not applicable");
      assertThat(bank.state().redirectUris(ORG.value())).isEqualTo(KEEP);
      assertThat(Files.getPosixFilePermissions(dir.resolve("client-secret.txt")))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      assertThat(Files.readString(dir.resolve("client-secret.txt")).trim()).hasSize(43);
    }
  }

  @Test
  void aProductionRunAgainstARealHostStopsBeforeAnyRequestWithoutConfirmation() {
    Map<String, String> settings =
        settings(Credentialing.PEM, Mode.PRODUCTION, URI.create("https://api-ma.triodos.invalid"));
    settings.put("kit.mtls.certificate", pem.certificate().toString());
    settings.put("kit.mtls.privateKey", pem.privateKey().toString());
    KitConfig config = KitConfig.load(settings, Map.of());
    assertThat(config.targetsLiveProduction()).isTrue();
    assertThatThrownBy(() -> KitRuntime.start(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.production.confirm is not true")
        .hasMessageContaining("registering nothing (production is read-only)");
  }

  /**
   * Appends what this configuration found not applicable to {@code
   * target/matrix-not-applicable.actual.tsv}, in the declared file's format: after a change to the
   * features, review it and copy it over {@code src/test/resources/matrix/not-applicable.tsv}.
   */
  private static synchronized void writeActual(String combination, Map<String, String> found)
      throws Exception {
    StringBuilder rows = new StringBuilder();
    found.forEach(
        (scenario, reason) ->
            rows.append(combination)
                .append('\t')
                .append(scenario)
                .append('\t')
                .append(reason)
                .append('\n'));
    Files.writeString(
        Path.of("target", "matrix-not-applicable.actual.tsv"),
        rows.toString(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The declared not-applicable scenarios of one configuration, with their reasons. */
  private static Map<String, String> declared(String combination) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (var in = ConfigurationMatrixIT.class.getResourceAsStream("/matrix/not-applicable.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length == 3 && f[0].equals(combination)) {
          out.put(f[1], f[2]);
        }
      }
    }
    return out;
  }

  private static Map<String, String> settings(Credentialing c, Mode mode, URI baseUrl) {
    Map<String, String> s = new HashMap<>();
    s.put("kit.baseUrl", baseUrl.toString());
    // A sandbox on loopback needs no settling time between a consent and its scaRedirect.
    s.put("kit.sca.settleDelay", "0s");
    if (mode == Mode.PRODUCTION) {
      s.put("kit.bankMode", "production");
      s.put("kit.sslCertificateHeader", "false");
    }
    switch (c) {
      case PEM -> {
        s.put("kit.credentials.source", "pem");
        s.put("kit.credentials.certificate", pem.certificate().toString());
        s.put("kit.credentials.privateKey", pem.privateKey().toString());
      }
      case PKCS12 -> {
        s.put("kit.credentials.source", "pkcs12");
        s.put("kit.credentials.pkcs12", pkcs12.toString());
        s.put("kit.credentials.pkcs12Password", "matrix-pass");
      }
      case GENERATED -> {}
    }
    if (c != Credentialing.GENERATED) {
      s.put("kit.organizationId", ORG.value());
      s.put("kit.registration.keepRedirectUris", String.join(",", KEEP));
      s.put("kit.registration.testRedirectUris", String.join(",", TEST));
    }
    return s;
  }

  /** The TPP's registration as it stands before a production run: the kept (live) URIs. */
  private static String registerLive(Map<String, String> settings) {
    KitConfig config = KitConfig.load(settings, Map.of());
    try (KitRuntime runtime = KitRuntime.start(config)) {
      BankClient client = runtime.newClient();
      Tpp tpp = runtime.tpps().newTpp();
      HttpExchange token =
          client.requestInitialToken(tpp, "nl", config.bank().signing(), Tampering.NONE);
      HttpExchange registered =
          client.register(
              tpp,
              URI.create(token.json().orElseThrow().path("_links").path("registration").asText()),
              RegistrationRequest.standard(true, true, true, token.jsonText("access_token"), KEEP),
              Tampering.NONE);
      assertThat(registered.status()).isEqualTo(201);
      return registered.jsonText("client_id");
    }
  }

  /** Accounts made the way a user makes them in the bank's API Test Client: one per tenant. */
  private static String accountsMadeByHand(Map<String, String> settings) {
    KitConfig config = KitConfig.load(settings, Map.of());
    List<String> items = new ArrayList<>();
    try (KitRuntime runtime = KitRuntime.start(config)) {
      BankClient client = runtime.newClient();
      Tpp tpp = runtime.tpps().newTpp();
      for (String tenant : List.of("nl", "be_fr", "be_nl", "uk")) {
        HttpExchange x = client.createTestAccount(tpp, tenant, "EUR", Tampering.NONE);
        assertThat(x.status()).isEqualTo(201);
        items.add(tenant + ":" + x.jsonText("iban") + ":" + x.jsonText("digipass"));
      }
    }
    return String.join(";", items);
  }
}
