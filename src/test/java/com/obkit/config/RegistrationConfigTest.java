package com.obkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registration keys, the rules of the TPP's own identity, and live production's mutual TLS. */
class RegistrationConfigTest {

  private static final String TEST_CLIENT_URI =
      "https://xs2a-sandbox.triodos.com/xs2a-bg/internalonly/consentFlowPage2.html";

  @TempDir Path dir;
  private Path envDir;
  private Path cert;
  private Path key;

  @BeforeEach
  void files() throws Exception {
    envDir = Files.createDirectories(dir.resolve("env"));
    Files.writeString(envDir.resolve("local.properties"), "");
    // The configuration only checks that the files are readable; the runtime parses them.
    cert = Files.writeString(dir.resolve("cert.pem"), "certificate");
    key = Files.writeString(dir.resolve("key.pem"), "key");
  }

  private KitConfig load(Map<String, String> sys) {
    return load(sys, Map.of());
  }

  private KitConfig load(Map<String, String> sys, Map<String, String> env) {
    Map<String, String> s = new HashMap<>(sys);
    s.put("kit.envDir", envDir.toString());
    return KitConfig.load(s, env);
  }

  private Map<String, String> pem(String... more) {
    Map<String, String> m = new HashMap<>();
    m.put("kit.credentials.source", "pem");
    m.put("kit.credentials.certificate", cert.toString());
    m.put("kit.credentials.privateKey", key.toString());
    m.put("kit.organizationId", "PSDNL-DNB-R000000");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  private Map<String, String> liveProduction(String... more) {
    Map<String, String> m = pem(more);
    m.put("kit.bankMode", "production");
    m.put("kit.baseUrl", "https://api-ma.bank.example");
    m.put("kit.registration.keepRedirectUris", "https://app.tpp.example/cb");
    return m;
  }

  @Test
  void defaultsAreEmptyReadOnlyAndUnconfirmed() {
    KitConfig c = load(Map.of());
    assertThat(c.registration()).isEqualTo(RegistrationSettings.none());
    assertThat(c.registration())
        .isEqualTo(new RegistrationSettings(List.of(), List.of(), Optional.empty(), false));
    assertThat(c.clientId()).isEmpty();
    assertThat(c.productionConfirmed()).isFalse();
    assertThat(c.ownIdentity()).isFalse();
    assertThat(c.targetsLiveProduction()).isFalse();
  }

  @Test
  void registrationKeysParseToTheUsersExactText() throws Exception {
    Path out = Files.createDirectories(dir.resolve("private")).resolve("client-secret.txt");
    KitConfig c =
        load(
            Map.of(
                "kit.registration.keepRedirectUris",
                "https://app.tpp.example/cb/, HTTPS://App.tpp.example:443/cb?x=1",
                "kit.registration.testRedirectUris",
                "  https://tpp.example/t1\nhttp://127.0.0.1:8080/t2,https://tpp.example/t3  ",
                "kit.registration.secretOut",
                out.toString(),
                "kit.production.allowRegistration",
                "true",
                "kit.production.confirm",
                "yes",
                "kit.clientId",
                "PSDNL-DNB-R000000"));
    assertThat(c.registration())
        .isEqualTo(
            new RegistrationSettings(
                List.of("https://app.tpp.example/cb/", "HTTPS://App.tpp.example:443/cb?x=1"),
                List.of(
                    "https://tpp.example/t1", "http://127.0.0.1:8080/t2", "https://tpp.example/t3"),
                Optional.of(out),
                true));
    assertThat(c.clientId()).contains("PSDNL-DNB-R000000");
    assertThat(c.productionConfirmed()).isTrue();
  }

  @Test
  void redirectUrisMustBeAbsoluteHttpWithoutFragment() {
    Map<String, String> cases =
        Map.of(
            "/cb", "is not an absolute http(s) URI with a host",
            "ftp://tpp.example/cb", "is not an absolute http(s) URI with a host",
            "https://tpp.example/cb#top", "carries a fragment",
            "https://tpp.example/cb#", "carries a fragment",
            "https://tpp.example/a b", "is not an absolute http(s) URI with a host",
            "https://tpp.example/c|b", "is not a URI",
            "https://tpp.example/cb https://tpp.example/cb", "is listed twice");
    cases.forEach(
        (bad, why) -> {
          assertThatThrownBy(() -> load(Map.of("kit.registration.testRedirectUris", bad)))
              .as(bad)
              .isInstanceOf(ConfigException.class)
              .hasMessageContaining("'kit.registration.testRedirectUris'")
              .hasMessageContaining("system property -Dkit.registration.testRedirectUris")
              .hasMessageContaining(why);
          assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_REGISTRATION_KEEPREDIRECTURIS", bad)))
              .as(bad)
              .hasMessageContaining("'kit.registration.keepRedirectUris'")
              .hasMessageContaining("environment variable KIT_REGISTRATION_KEEPREDIRECTURIS")
              .hasMessageContaining(why);
        });
  }

  @Test
  void theRecordChecksItsUrisWhenMade() {
    assertThatThrownBy(
            () ->
                new RegistrationSettings(
                    List.of("https://tpp.example/cb#x"), List.of(), Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carries a fragment");
    assertThat(RegistrationSettings.requireRedirectUri("https://tpp.example/cb"))
        .isEqualTo("https://tpp.example/cb");
  }

  @Test
  void theSecretFileNeedsAnExistingDirectoryOutsideTheReports() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "kit.registration.secretOut", dir.resolve("absent/secret.txt").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'kit.registration.secretOut'")
        .hasMessageContaining("system property -Dkit.registration.secretOut")
        .hasMessageContaining("directory " + dir.resolve("absent") + " does not exist");
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "kit.reports", reports.toString(),
                        "kit.registration.secretOut", reports.resolve("secret.txt").toString())))
        .hasMessageContaining("'kit.registration.secretOut'")
        .hasMessageContaining("inside the reports folder " + reports)
        .hasMessageContaining("kit.reports");
    // A nested folder and a path through a symbolic link are inside the reports too.
    Files.createDirectories(reports.resolve("allure-results"));
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "kit.reports", reports.toString(),
                        "kit.registration.secretOut",
                            reports.resolve("allure-results/../allure-results/s").toString())))
        .hasMessageContaining("inside the reports folder");
    Path link = Files.createSymbolicLink(dir.resolve("link"), reports);
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "kit.reports", reports.toString(),
                        "kit.registration.secretOut", link.resolve("secret.txt").toString())))
        .hasMessageContaining("inside the reports folder");
    assertThatThrownBy(() -> load(Map.of("kit.registration.secretOut", dir.toString())))
        .hasMessageContaining("is a directory, not a file");

    Path beside = dir.resolve("secret.txt");
    KitConfig c =
        load(
            Map.of(
                "kit.reports", reports.toString(),
                "kit.registration.secretOut", beside.toString()));
    assertThat(c.registration().secretOut()).contains(beside);
  }

  @Test
  void ownIdentityRequiresTheRedirectUrisToKeep() {
    assertThatThrownBy(() -> load(pem()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing configuration key 'kit.registration.keepRedirectUris'")
        .hasMessageContaining("'kit.credentials.source=pem' from system property")
        .hasMessageContaining("replays registrations with the TPP's own identity")
        .hasMessageContaining("must restore exactly these URIs when it ends")
        .hasMessageContaining(TEST_CLIENT_URI)
        .hasMessageContaining("the live app's URIs")
        .hasMessageContaining("KIT_REGISTRATION_KEEPREDIRECTURIS");

    KitConfig c = load(pem("kit.registration.keepRedirectUris", TEST_CLIENT_URI));
    assertThat(c.ownIdentity()).isTrue();
    assertThat(c.registration().keepRedirectUris()).containsExactly(TEST_CLIENT_URI);
  }

  @Test
  void pkcs12IsOwnIdentityToo() throws Exception {
    Path p12 = Files.writeString(dir.resolve("tpp.p12"), "p12");
    Map<String, String> sys =
        new HashMap<>(
            Map.of(
                "kit.credentials.source", "pkcs12",
                "kit.credentials.pkcs12", p12.toString(),
                "kit.organizationId", "PSDNL-DNB-R000000"));
    Map<String, String> env = Map.of("KIT_CREDENTIALS_PKCS12PASSWORD", "pw");
    assertThatThrownBy(() -> load(sys, env))
        .hasMessageContaining("'kit.registration.keepRedirectUris'")
        .hasMessageContaining("'kit.credentials.source=pkcs12' from system property");
    sys.put("kit.registration.keepRedirectUris", "https://tpp.example/cb");
    assertThat(load(sys, env).ownIdentity()).isTrue();
  }

  @Test
  void ownIdentityRunsOneScenarioAtATime() {
    assertThatThrownBy(
            () ->
                load(
                    pem("kit.registration.keepRedirectUris", TEST_CLIENT_URI),
                    Map.of("KIT_PARALLELISM", "4")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'kit.parallelism'")
        .hasMessageContaining("'kit.parallelism=4' from environment variable KIT_PARALLELISM")
        .hasMessageContaining("'kit.credentials.source=pem' from system property")
        .hasMessageContaining("share one registration and would race");

    assertThat(load(pem("kit.registration.keepRedirectUris", TEST_CLIENT_URI)).parallelism())
        .isEqualTo(1);
    // Generated identities register apart: they may run in parallel.
    assertThat(load(Map.of("kit.parallelism", "4")).parallelism()).isEqualTo(4);
  }

  @Test
  void liveProductionRequiresMutualTls() {
    assertThatThrownBy(() -> load(liveProduction()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'kit.mtls.certificate' and 'kit.mtls.privateKey'")
        .hasMessageContaining("'kit.bankMode=production' from system property")
        .hasMessageContaining("'kit.baseUrl=https://api-ma.bank.example' from system property")
        .hasMessageContaining("mutual TLS")
        .hasMessageContaining("KIT_MTLS_CERTIFICATE")
        .hasMessageContaining("KIT_MTLS_PRIVATEKEY");
    assertThatThrownBy(() -> load(liveProduction("kit.mtls.privateKey", key.toString())))
        .hasMessageContaining("missing configuration key 'kit.mtls.certificate'")
        .hasMessageContaining("'kit.mtls.privateKey=" + key + "' from system property");

    KitConfig c =
        load(
            liveProduction(
                "kit.mtls.certificate", cert.toString(), "kit.mtls.privateKey", key.toString()));
    assertThat(c.targetsLiveProduction()).isTrue();
    assertThat(c.http().mutualTls())
        .contains(new HttpSettings.MutualTls(cert, key, Optional.empty()));
    // The confirmation is the launcher's to enforce, after it has shown what the run would do.
    assertThat(c.productionConfirmed()).isFalse();
    assertThat(c.registration().allowProductionRegistration()).isFalse();
  }

  @Test
  void loopbackAndEmbeddedProductionRunsNeedNoMutualTls() {
    for (String base :
        List.of(
            "http://127.0.0.1:8080",
            "https://127.1.2.3:8443",
            "http://localhost:8080",
            "http://LOCALHOST",
            "http://sandbox.localhost:1",
            "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]")) {
      KitConfig c = load(Map.of("kit.bankMode", "production", "kit.baseUrl", base));
      assertThat(c.targetsLiveProduction()).as(base).isFalse();
      assertThat(c.baseUrl()).contains(URI.create(base));
    }
    KitConfig embedded = load(Map.of("kit.bankMode", "production"));
    assertThat(embedded.embedded()).isTrue();
    assertThat(embedded.targetsLiveProduction()).isFalse();
    // A remote sandbox is not production.
    KitConfig sandbox = load(Map.of("kit.baseUrl", "https://xs2a-sandbox.triodos.com"));
    assertThat(sandbox.targetsLiveProduction()).isFalse();
    // Not loopback: addresses and names that only look alike.
    for (String base :
        List.of("https://128.0.0.1", "https://localhost.bank.example", "https://[::2]")) {
      assertThatThrownBy(() -> load(Map.of("kit.bankMode", "production", "kit.baseUrl", base)))
          .as(base)
          .hasMessageContaining("'kit.mtls.certificate' and 'kit.mtls.privateKey'");
    }
  }

  @Test
  void aClientIdHasNoWhitespace() {
    assertThatThrownBy(() -> load(Map.of("kit.clientId", "abc def")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'kit.clientId'")
        .hasMessageContaining("no whitespace");
    assertThat(load(Map.of(), Map.of("KIT_CLIENTID", " abc-123 ")).clientId()).contains("abc-123");
  }

  @Test
  void booleansAreChecked() {
    assertThatThrownBy(() -> load(Map.of("kit.production.confirm", "sure")))
        .hasMessageContaining("'kit.production.confirm'")
        .hasMessageContaining("expected true or false");
    assertThatThrownBy(() -> load(Map.of("kit.production.allowRegistration", "1")))
        .hasMessageContaining("'kit.production.allowRegistration'")
        .hasMessageContaining("expected true or false");
  }

  @Test
  void shippedSandboxProfileKeepsTheApiTestClientsRedirectUri() {
    KitConfig generated =
        KitConfig.load(
            Map.of("kit.env", "sandbox", "kit.accounts", "NL91TRIO0123456789:1"), Map.of());
    assertThat(generated.registration().keepRedirectUris()).containsExactly(TEST_CLIENT_URI);
    Map<String, String> sys = pem("kit.env", "sandbox", "kit.accounts", "NL91TRIO0123456789:1");
    KitConfig own = KitConfig.load(sys, Map.of());
    assertThat(own.ownIdentity()).isTrue();
    assertThat(own.registration().keepRedirectUris()).containsExactly(TEST_CLIENT_URI);
    assertThat(own.targetsLiveProduction()).isFalse();
  }

  @Test
  void shippedProductionProfileLoadsWithItsVariables() {
    Map<String, String> env =
        Map.of(
            "KIT_CREDENTIALS_CERTIFICATE", cert.toString(),
            "KIT_CREDENTIALS_PRIVATEKEY", key.toString(),
            "KIT_MTLS_CERTIFICATE", cert.toString(),
            "KIT_MTLS_PRIVATEKEY", key.toString(),
            "KIT_ORGANIZATIONID", "PSDNL-DNB-R000000",
            "KIT_REGISTRATION_KEEPREDIRECTURIS", "https://app.tpp.example/cb",
            "KIT_CLIENTID", "PSDNL-DNB-R000000");
    assertThatThrownBy(
            () ->
                KitConfig.load(
                    Map.of("kit.env", "production"),
                    Map.of(
                        "KIT_CREDENTIALS_CERTIFICATE",
                        cert.toString(),
                        "KIT_CREDENTIALS_PRIVATEKEY",
                        key.toString(),
                        "KIT_ORGANIZATIONID",
                        "PSDNL-DNB-R000000",
                        "KIT_REGISTRATION_KEEPREDIRECTURIS",
                        "https://app.tpp.example/cb")))
        .hasMessageContaining("'kit.mtls.certificate' and 'kit.mtls.privateKey'")
        .hasMessageContaining("production.properties");
    KitConfig c = KitConfig.load(Map.of("kit.env", "production"), env);
    assertThat(c.targetsLiveProduction()).isTrue();
    assertThat(c.ownIdentity()).isTrue();
    assertThat(c.clientId()).contains("PSDNL-DNB-R000000");
    assertThat(c.registration())
        .isEqualTo(
            new RegistrationSettings(
                List.of("https://app.tpp.example/cb"), List.of(), Optional.empty(), false));
    assertThat(c.productionConfirmed()).isFalse();
    assertThat(c.accounts().configured()).isEmpty();
  }
}
