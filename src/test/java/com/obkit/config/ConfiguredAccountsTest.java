package com.obkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.AccountSettings.ConfiguredAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kit.accounts}: {@code [tenant:]IBAN:digipass} items, each account of one tenant. */
class ConfiguredAccountsTest {

  private static final String NL = "NL91TRIO0123456789";
  private static final String GB = "GB33TRIO16581000000001";
  private static final String BE = "BE71523000000069";

  @TempDir Path envDir;

  private KitConfig load(String accounts) throws Exception {
    Files.writeString(envDir.resolve("local.properties"), "kit.accounts.source=config\n");
    Map<String, String> s = new HashMap<>();
    s.put("kit.envDir", envDir.toString());
    s.put("kit.accounts", accounts);
    return KitConfig.load(s, Map.of());
  }

  @Test
  void theTenantFollowsFromAnNlOrGbIbanOrIsNamed() throws Exception {
    KitConfig c =
        load(
            NL
                + ":1111111111; "
                + GB
                + ":2222222222;be_fr:"
                + BE
                + ":3333333333;be_nl:BE68 5390 0754 7034:4444444444;nl:NL02TRIO0123456780:5555555555");
    assertThat(c.accounts().configured())
        .containsExactly(
            new ConfiguredAccount("nl", NL, "1111111111"),
            new ConfiguredAccount("uk", GB, "2222222222"),
            new ConfiguredAccount("be_fr", BE, "3333333333"),
            new ConfiguredAccount("be_nl", "BE68539007547034", "4444444444"),
            new ConfiguredAccount("nl", "NL02TRIO0123456780", "5555555555"));
    assertThat(c.accounts().forTenant("nl"))
        .containsExactly(
            new ConfiguredAccount("nl", NL, "1111111111"),
            new ConfiguredAccount("nl", "NL02TRIO0123456780", "5555555555"));
    assertThat(c.accounts().forTenant("uk"))
        .containsExactly(new ConfiguredAccount("uk", GB, "2222222222"));
    assertThat(c.accounts().forTenant("be_fr"))
        .containsExactly(new ConfiguredAccount("be_fr", BE, "3333333333"));
    assertThat(c.accounts().forTenant("be_nl"))
        .containsExactly(new ConfiguredAccount("be_nl", "BE68539007547034", "4444444444"));
  }

  @Test
  void aTenantWithoutAccountsGivesNoneAndAnUnknownTenantIsRefused() throws Exception {
    AccountSettings accounts = load(NL + ":1111111111").accounts();
    assertThat(accounts.forTenant("be_nl")).isEqualTo(List.of());
    assertThatThrownBy(() -> accounts.forTenant("de"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown tenant 'de'");
  }

  @Test
  void aBelgianIbanNeedsItsTenantNamed() {
    assertThatThrownBy(() -> load(NL + ":1111111111;" + BE + ":3333333333"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'kit.accounts'")
        .hasMessageContaining("system property -Dkit.accounts")
        .hasMessageContaining("account 2 of 2")
        .hasMessageContaining("IBAN " + BE + " is of country BE")
        .hasMessageContaining("be_fr:IBAN:digipass or be_nl:IBAN:digipass");
  }

  @Test
  void aNamedTenantMustBeKnownAndFitTheIbansCountry() {
    assertThatThrownBy(() -> load("uk:" + NL + ":1111111111"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.accounts")
        .hasMessageContaining(
            "IBAN " + NL + " is of country NL but tenant uk's accounts are of country GB");
    assertThatThrownBy(() -> load("be_nl:" + NL + ":1111111111"))
        .hasMessageContaining("but tenant be_nl's accounts are of country BE");
    assertThatThrownBy(() -> load("nl:" + BE + ":1111111111"))
        .hasMessageContaining("but tenant nl's accounts are of country NL");
    assertThatThrownBy(() -> load("be:" + BE + ":1111111111"))
        .hasMessageContaining("unknown tenant 'be'");
  }

  @Test
  void anIbanOfNoTenantsCountryIsRefused() {
    assertThatThrownBy(() -> load("DE89370400440532013000:1111111111"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.accounts")
        .hasMessageContaining("country DE, which is no tenant's");
    assertThatThrownBy(() -> load("nl91trio0123456789:1111111111"))
        .hasMessageContaining("does not start with its country code");
  }

  @Test
  void malformedItemsAreNamedByPosition() {
    for (String bad :
        List.of(
            NL,
            NL + ":",
            ":" + NL + ":1111111111",
            "nl:" + NL + ":1111111111:extra",
            NL + ":1111111111;",
            NL + ":1111111111;;" + GB + ":2")) {
      assertThatThrownBy(() -> load(bad))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("kit.accounts")
          .hasMessageContaining("each account is [tenant:]IBAN:digipass, separated by ';'");
    }
    assertThatThrownBy(() -> load(NL + ":1111111111;;" + GB + ":2"))
        .hasMessageContaining("account 2 of 3");
  }

  @Test
  void digipassNumbersNeverAppearInMessagesOrToString() throws Exception {
    assertThatThrownBy(() -> load(NL + ":7770001234;" + BE + ":8880001234"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("7770001234", "8880001234"));
    assertThatThrownBy(() -> load(NL + ":7770001234;" + NL))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("7770001234"));
    KitConfig c = load(NL + ":7770001234");
    assertThat(c.accounts().configured().get(0))
        .hasToString("ConfiguredAccount[tenant=nl, iban=" + NL + "]");
    assertThat(c.toString()).doesNotContain("7770001234");
  }

  @Test
  void aConfiguredAccountChecksItselfWhenMade() {
    assertThat(new ConfiguredAccount("uk", GB, "1").tenant()).isEqualTo("uk");
    assertThatThrownBy(() -> new ConfiguredAccount("fr", "FR7630006000011234567890189", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown tenant 'fr'");
    assertThatThrownBy(() -> new ConfiguredAccount("nl", GB, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant nl's accounts are of country NL");
    assertThatThrownBy(() -> new ConfiguredAccount("nl", NL, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an IBAN and a digipass number");
    assertThat(AccountSettings.tenantOf(NL)).isEqualTo("nl");
    assertThat(AccountSettings.tenantOf(GB)).isEqualTo("uk");
  }
}
