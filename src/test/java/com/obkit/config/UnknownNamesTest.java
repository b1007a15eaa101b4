package com.obkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misspelt name in any layer stops the run and names the closest known key. */
class UnknownNamesTest {

  @TempDir Path envDir;

  private KitConfig load(Map<String, String> sys, Map<String, String> env) {
    Map<String, String> s = new HashMap<>(sys);
    s.put("kit.envDir", envDir.toString());
    return KitConfig.load(s, env);
  }

  private void profile(String content) throws Exception {
    Files.writeString(envDir.resolve("local.properties"), content);
  }

  @Test
  void aMisspeltEnvironmentVariableNamesTheClosestVariableAndKey() throws Exception {
    profile("");
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_BASE_URL", "https://bank.example")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown environment variable KIT_BASE_URL (did you mean KIT_BASEURL, i.e."
                + " kit.baseUrl?)");
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_CREDENTIALS_PKCS12_PASSWORD", "pw")))
        .hasMessage(
            "unknown environment variable KIT_CREDENTIALS_PKCS12_PASSWORD (did you mean"
                + " KIT_CREDENTIALS_PKCS12PASSWORD, i.e. kit.credentials.pkcs12Password?)");
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_PARALELISM", "1")))
        .hasMessage(
            "unknown environment variable KIT_PARALELISM (did you mean KIT_PARALLELISM, i.e."
                + " kit.parallelism?)");
  }

  @Test
  void aMisspeltProfileVariableIsRefusedBeforeAProfileIsChosen() {
    // No profile file at all: the variable is named, not the missing default profile.
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_ENVV", "sandbox")))
        .hasMessage("unknown environment variable KIT_ENVV (did you mean KIT_ENV, i.e. kit.env?)");
  }

  @Test
  void knownAndForeignEnvironmentVariablesPass() throws Exception {
    profile("");
    KitConfig c =
        load(
            Map.of(),
            Map.of(
                "KIT_TENANT", "be_fr",
                "KIT_REGISTRATION_KEEPREDIRECTURIS", "https://tpp.example/cb",
                "KITCHEN", "sink",
                "PATH", "/usr/bin",
                "kit_tenant", "uk"));
    assertThat(c.tenant()).isEqualTo("be_fr");
    assertThat(c.registration().keepRedirectUris()).containsExactly("https://tpp.example/cb");
  }

  @Test
  void aMisspeltSystemPropertyNamesTheClosestKey() throws Exception {
    profile("");
    assertThatThrownBy(() -> load(Map.of("kit.baseURL", "https://bank.example"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key 'kit.baseURL'")
        .hasMessageContaining("system property -Dkit.baseURL")
        .hasMessageContaining("did you mean kit.baseUrl?");
  }

  @Test
  void aMisspeltProfileKeyNamesTheClosestKey() throws Exception {
    profile("kit.registration.keepRedirectUri=https://tpp.example/cb\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key 'kit.registration.keepRedirectUri'")
        .hasMessageContaining("local.properties")
        .hasMessageContaining("did you mean kit.registration.keepRedirectUris?");
  }

  @Test
  void closestKeyIgnoresSeparatorsAndCase() {
    assertThat(ConfigLayers.closestKey("KIT_HTTP_READ_TIMEOUT")).isEqualTo("kit.http.readTimeout");
    assertThat(ConfigLayers.closestKey("kit.production.confirmed"))
        .isEqualTo("kit.production.confirm");
    assertThat(ConfigLayers.closestKey("KIT_CLIENT_ID")).isEqualTo("kit.clientId");
    assertThat(ConfigLayers.closestKey("kit.mtls.privatekey")).isEqualTo("kit.mtls.privateKey");
  }
}
