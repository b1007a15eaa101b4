package com.obkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.signing.DigestAlgorithm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitConfigTest {

  @TempDir Path envDir;

  private KitConfig load(Map<String, String> sys, Map<String, String> env) {
    Map<String, String> s = new HashMap<>(sys);
    s.put("kit.envDir", envDir.toString());
    return KitConfig.load(s, env);
  }

  private void profile(String name, String content) throws Exception {
    Files.writeString(envDir.resolve(name + ".properties"), content);
  }

  @Test
  void defaultsTargetTheEmbeddedSandbox() throws Exception {
    profile("local", "");
    KitConfig c = load(Map.of(), Map.of());
    assertThat(c.env()).isEqualTo("local");
    assertThat(c.embedded()).isTrue();
    assertThat(c.tenant()).isEqualTo("nl");
    assertThat(c.bank().signing().algorithmLabel()).isEqualTo("SHA256withRSA");
    assertThat(c.bank().signing().signedHeaders()).containsExactly("digest", "x-request-id");
    assertThat(c.bank().registrationToken()).isEqualTo(TokenPlacement.BOTH);
    assertThat(c.http().readTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void layersApplyInOrderDefaultsFileSystemPropertiesEnvironment() throws Exception {
    profile(
        "bank", "kit.baseUrl=https://file.example\nkit.tenant=uk\nkit.digest.algorithm=SHA-512\n");
    KitConfig fromFile = load(Map.of("kit.env", "bank"), Map.of());
    assertThat(fromFile.baseUrl()).contains(URI.create("https://file.example"));
    assertThat(fromFile.authBaseUrl()).contains(URI.create("https://file.example"));
    assertThat(fromFile.tenant()).isEqualTo("uk");
    assertThat(fromFile.bank().signing().digestAlgorithm()).isEqualTo(DigestAlgorithm.SHA_512);

    KitConfig sysWins = load(Map.of("kit.env", "bank", "kit.tenant", "be_fr"), Map.of());
    assertThat(sysWins.tenant()).isEqualTo("be_fr");

    KitConfig envWins =
        load(
            Map.of("kit.env", "bank", "kit.tenant", "be_fr"),
            Map.of("KIT_TENANT", "be_nl", "KIT_BASEURL", "http://127.0.0.1:8080/"));
    assertThat(envWins.tenant()).isEqualTo("be_nl");
    assertThat(envWins.baseUrl()).contains(URI.create("http://127.0.0.1:8080"));
    assertThat(envWins.embedded()).isFalse();
  }

  @Test
  void unknownProfileNamesTheFileAndTheProfilesPresent() throws Exception {
    profile("local", "");
    profile("sandbox", "");
    assertThatThrownBy(() -> load(Map.of("kit.env", "prod"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.env=prod")
        .hasMessageContaining("prod.properties")
        .hasMessageContaining("local, sandbox");
  }

  @Test
  void unknownKeyInAFileIsATypoNotADefault() throws Exception {
    profile("local", "kit.baseURL=https://x.example\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.baseURL")
        .hasMessageContaining("local.properties");
  }

  @Test
  void malformedValuesNameTheKeyAndTheSource() throws Exception {
    profile("local", "kit.baseUrl=htp:/nohost\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .hasMessageContaining("kit.baseUrl")
        .hasMessageContaining("local.properties")
        .hasMessageContaining("htp:/nohost");
    profile("local", "");
    assertThatThrownBy(() -> load(Map.of("kit.tenant", "de"), Map.of()))
        .hasMessageContaining("kit.tenant")
        .hasMessageContaining("system property")
        .hasMessageContaining("unknown tenant 'de'");
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_HTTP_READTIMEOUT", "soon")))
        .hasMessageContaining("kit.http.readTimeout")
        .hasMessageContaining("environment variable KIT_HTTP_READTIMEOUT");
    assertThatThrownBy(() -> load(Map.of("kit.signature.headers", "x-request-id"), Map.of()))
        .hasMessageContaining("must contain 'digest'");
    assertThatThrownBy(() -> load(Map.of("kit.organizationId", "PSDNL-DNB-"), Map.of()))
        .hasMessageContaining("kit.organizationId")
        .hasMessageContaining("5.2.1");
    assertThatThrownBy(() -> load(Map.of("kit.parallelism", "0"), Map.of()))
        .hasMessageContaining("between 1 and 64");
  }

  @Test
  void missingKeysOfAChosenCredentialSourceAreNamed() throws Exception {
    profile("local", "kit.credentials.source=pkcs12\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing configuration key 'kit.credentials.pkcs12'")
        .hasMessageContaining("KIT_CREDENTIALS_PKCS12");
  }

  @Test
  void unreadableFilesAreNamed() throws Exception {
    profile("local", "");
    assertThatThrownBy(
            () -> load(Map.of("kit.http.trustCertificate", "/nonexistent/ca.pem"), Map.of()))
        .hasMessageContaining("kit.http.trustCertificate")
        .hasMessageContaining("/nonexistent/ca.pem");
  }

  @Test
  void passwordsNeverAppearInMessagesOrToString() throws Exception {
    profile("local", "");
    Path p12 = Files.writeString(envDir.resolve("x.p12"), "not really");
    KitConfig c =
        load(
            Map.of(
                "kit.credentials.source", "pkcs12",
                "kit.credentials.pkcs12", p12.toString(),
                "kit.credentials.pkcs12Password", "s3cret-Pa55",
                "kit.organizationId", "PSDNL-DNB-R1",
                "kit.registration.keepRedirectUris", "https://tpp.example/cb"),
            Map.of());
    assertThat(c.toString()).doesNotContain("s3cret-Pa55");
    assertThat(c.credentials().pkcs12Password().orElseThrow().value()).isEqualTo("s3cret-Pa55");
    assertThat(
            c.settings().stream()
                .filter(x -> x.key().startsWith("kit.credentials."))
                .map(x -> x.key() + "=" + x.value() + " from " + x.source())
                .toList())
        .containsExactly(
            "kit.credentials.source=pkcs12 from system property -Dkit.credentials.source",
            "kit.credentials.pkcs12=" + p12 + " from system property -Dkit.credentials.pkcs12",
            "kit.credentials.pkcs12Password=**** from system property"
                + " -Dkit.credentials.pkcs12Password");
  }

  @Test
  void accountsFromConfigurationNeedOneInTheSandbox() throws Exception {
    profile("local", "kit.accounts.source=config\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing configuration key 'kit.accounts'")
        .hasMessageContaining("'kit.accounts.source=config' from")
        .hasMessageContaining("local.properties")
        .hasMessageContaining("at least one account");
    KitConfig one = load(Map.of("kit.accounts", "NL91TRIO0123456789:1234567890"), Map.of());
    assertThat(one.accounts().configured())
        .containsExactly(
            new AccountSettings.ConfiguredAccount("nl", "NL91TRIO0123456789", "1234567890"));
    KitConfig two =
        load(
            Map.of("kit.accounts", "NL91TRIO0123456789:1234567890; NL02TRIO0123456780:0987654321"),
            Map.of());
    assertThat(two.accounts().configured())
        .extracting(AccountSettings.ConfiguredAccount::iban)
        .containsExactly("NL91TRIO0123456789", "NL02TRIO0123456780");
  }

  @Test
  void productionNeedsNoAccounts() throws Exception {
    profile("local", "kit.accounts.source=config\nkit.bankMode=production\n");
    KitConfig c = load(Map.of(), Map.of());
    assertThat(c.accounts().source()).isEqualTo(AccountSettings.Source.CONFIG);
    assertThat(c.accounts().configured()).isEmpty();
  }

  @Test
  void shippedProfilesLoad() {
    KitConfig local = KitConfig.load(Map.of(), Map.of());
    assertThat(local.embedded()).isTrue();
    KitConfig sandbox =
        KitConfig.load(
            Map.of(
                "kit.env", "sandbox", "kit.accounts", "NL91TRIO0123456789:1;NL02TRIO0123456780:2"),
            Map.of());
    assertThat(sandbox.baseUrl()).contains(URI.create("https://xs2a-sandbox.triodos.com"));
    assertThat(sandbox.tenant()).isEqualTo("nl");
    assertThat(sandbox.bank().sendSslCertificate()).isTrue();
    assertThatThrownBy(() -> KitConfig.load(Map.of("kit.env", "production"), Map.of()))
        .hasMessageContaining("kit.credentials.certificate");
  }
}
