package com.obkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kit.identities}: the pool lives in the history store, so it needs one. */
class IdentitiesConfigTest {

  @TempDir Path envDir;

  private KitConfig load(Map<String, String> sys) throws Exception {
    Files.writeString(envDir.resolve("local.properties"), "");
    Map<String, String> s = new HashMap<>(sys);
    s.put("kit.envDir", envDir.toString());
    return KitConfig.load(s, Map.of());
  }

  @Test
  void freshIsTheDefault() throws Exception {
    assertThat(load(Map.of()).nightly().identities()).isEqualTo(NightlySettings.Identities.FRESH);
  }

  @Test
  void aPoolIsKeptInTheDefaultHistoryStore() throws Exception {
    KitConfig c = load(Map.of("kit.identities", "pool"));
    assertThat(c.nightly().identities()).isEqualTo(NightlySettings.Identities.POOL);
    assertThat(c.nightly().history()).contains(Path.of(".obkit", "history", "local-nl"));
  }

  @Test
  void aPoolWithoutAHistoryStoreIsAConfigurationErrorNamingBothKeys() {
    assertThatThrownBy(() -> load(Map.of("kit.identities", "pool", "kit.history", "none")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "conflicting values: 'kit.identities=pool' from system property -Dkit.identities and"
                + " 'kit.history=none' from system property -Dkit.history")
        .hasMessageContaining("kit.identities=fresh");
  }

  @Test
  void freshIdentitiesNeedNoHistoryStore() throws Exception {
    assertThat(load(Map.of("kit.history", "none")).nightly().history()).isEmpty();
  }
}
