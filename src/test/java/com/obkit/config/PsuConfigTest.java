package com.obkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kit.psu.*}, {@code kit.sca.settleDelay}, {@code kit.budget.spend}. */
class PsuConfigTest {

  @TempDir Path envDir;

  private KitConfig load(Map<String, String> sys) throws Exception {
    return load(sys, Map.of());
  }

  private KitConfig load(Map<String, String> sys, Map<String, String> env) throws Exception {
    if (!Files.exists(envDir.resolve("local.properties"))) {
      Files.writeString(envDir.resolve("local.properties"), "");
    }
    Map<String, String> s = new HashMap<>(sys);
    s.put("kit.envDir", envDir.toString());
    return KitConfig.load(s, env);
  }

  private static PsuSettings settings(
      PsuSettings.Driver driver, Duration settleDelay, boolean spend) {
    return new PsuSettings(
        driver,
        PsuSettings.FormPage.reference(),
        Duration.ofMinutes(5),
        "192.0.2.10",
        settleDelay,
        spend);
  }

  @Test
  void defaultsAgainstTheEmbeddedSandbox() throws Exception {
    KitConfig c = load(Map.of());
    assertThat(c.psu()).isEqualTo(settings(PsuSettings.Driver.FORM, Duration.ZERO, false));
    assertThat(c.psu().form())
        .isEqualTo(
            new PsuSettings.FormPage(
                Optional.of("/auth/[^/?#]+/v1/login(?:[?#]|$)"),
                "iban",
                "digipass",
                "action",
                "login",
                "cancel"));
    // The embedded sandbox's budget is the run's own.
    assertThat(c.maySpendReadBudget()).isTrue();
  }

  @Test
  void againstAnotherBankTheSettleDelayIsOneSecondAndTheBudgetIsKept() throws Exception {
    KitConfig c = load(Map.of("kit.baseUrl", "https://bank.example"));
    assertThat(c.psu()).isEqualTo(settings(PsuSettings.Driver.FORM, Duration.ofSeconds(1), false));
    assertThat(c.maySpendReadBudget()).isFalse();

    KitConfig spending =
        load(Map.of("kit.baseUrl", "https://bank.example", "kit.budget.spend", "true"));
    assertThat(spending.psu().spendBudget()).isTrue();
    assertThat(spending.maySpendReadBudget()).isTrue();
  }

  @Test
  void everyKeyIsRead() throws Exception {
    KitConfig c =
        load(
            Map.of(
                "kit.psu.driver", "manual",
                "kit.psu.form.loginUrlPattern", "^https://login\\.bank\\.example/",
                "kit.psu.form.ibanField", "account",
                "kit.psu.form.digipassField", "otp",
                "kit.psu.form.actionField", "button",
                "kit.psu.form.loginValue", "ok",
                "kit.psu.form.cancelValue", "back",
                "kit.psu.manual.timeout", "90s",
                "kit.psu.ipAddress", "2001:db8::10",
                "kit.sca.settleDelay", "PT0.25S"),
            Map.of("KIT_BUDGET_SPEND", "yes", "KIT_BASEURL", "https://bank.example"));
    assertThat(c.psu())
        .isEqualTo(
            new PsuSettings(
                PsuSettings.Driver.MANUAL,
                new PsuSettings.FormPage(
                    Optional.of("^https://login\\.bank\\.example/"),
                    "account",
                    "otp",
                    "button",
                    "ok",
                    "back"),
                Duration.ofSeconds(90),
                "2001:db8::10",
                Duration.ofMillis(250),
                true));
  }

  @Test
  void noSettleDelayAgainstABankWhenSetToZero() throws Exception {
    KitConfig c = load(Map.of("kit.baseUrl", "https://bank.example", "kit.sca.settleDelay", "0s"));
    assertThat(c.psu().settleDelay()).isEqualTo(Duration.ZERO);
  }

  @Test
  void anEmptyLoginUrlPatternRecognisesTheLoginPageByItsFormAlone() throws Exception {
    Files.writeString(envDir.resolve("local.properties"), "kit.psu.form.loginUrlPattern=\n");
    KitConfig c = load(Map.of());
    assertThat(c.psu().form().loginUrlPattern()).isEqualTo(Optional.empty());
    assertThat(c.psu().form().loginUrl()).isEqualTo(Optional.empty());
  }

  @Test
  void theDefaultPatternFindsTheReferenceLoginPageOnly() {
    var pattern = PsuSettings.FormPage.reference().loginUrl().orElseThrow();
    assertThat(pattern.matcher("https://b.example/auth/nl/v1/login?session=1").find()).isTrue();
    assertThat(pattern.matcher("https://b.example/auth/be_fr/v1/login").find()).isTrue();
    assertThat(pattern.matcher("https://b.example/auth/nl/v1/auth?x=/v1/login").find()).isFalse();
    assertThat(pattern.matcher("https://b.example/auth/nl/v1/loginx").find()).isFalse();
  }

  @Test
  void malformedValuesAreRefusedNamingTheKey() {
    assertRefused(
        "kit.psu.driver",
        "browser",
        "bad value for 'kit.psu.driver' from system property"
            + " -Dkit.psu.driver: 'browser': expected one of [form, manual]");
    assertRefused(
        "kit.psu.manual.timeout",
        "0s",
        "bad value for 'kit.psu.manual.timeout' from system property -Dkit.psu.manual.timeout:"
            + " '0s': must be greater than zero");
    assertRefused(
        "kit.psu.manual.timeout",
        "soon",
        "bad value for 'kit.psu.manual.timeout' from system property -Dkit.psu.manual.timeout:"
            + " 'soon': not a duration (examples: 500ms, 5s, 2m, PT5S)");
    assertRefused(
        "kit.sca.settleDelay",
        "PT-1S",
        "bad value for 'kit.sca.settleDelay' from system property -Dkit.sca.settleDelay:"
            + " 'PT-1S': must not be negative");
    assertRefused(
        "kit.budget.spend",
        "maybe",
        "bad value for 'kit.budget.spend' from system property -Dkit.budget.spend: 'maybe':"
            + " expected true or false");
    assertRefused(
        "kit.psu.form.loginUrlPattern",
        "(",
        "bad value for 'kit.psu.form.loginUrlPattern' from system property"
            + " -Dkit.psu.form.loginUrlPattern: '(': not a regular expression: Unclosed group"
            + " near index 1");
  }

  @Test
  void thePsuIpAddressIsAnAddressLiteral() throws Exception {
    for (String bad :
        new String[] {
          "host.example",
          "256.1.1.1",
          "01.2.3.4",
          "1.2.3",
          "[::1]",
          "1::2::3",
          "fe80::1%eth0",
          "1:2:3:4:5:6:7:8:9",
          "1:2:3:4:5:6:7",
          "::1.2.3.256",
          "12345::1"
        }) {
      assertRefused(
          "kit.psu.ipAddress",
          bad,
          "bad value for 'kit.psu.ipAddress' from system property -Dkit.psu.ipAddress: '"
              + bad
              + "': not an IPv4 or IPv6 address literal (examples: 192.0.2.10, 2001:db8::10)");
    }
    for (String good :
        new String[] {
          "10.0.0.1",
          "255.255.255.255",
          "0.0.0.0",
          "::1",
          "::",
          "2001:db8::10",
          "1:2:3:4:5:6:7:8",
          "::ffff:192.0.2.1",
          "1:2:3:4:5:6:1.2.3.4",
          "fe80::",
          "FE80::A"
        }) {
      assertThat(load(Map.of("kit.psu.ipAddress", good)).psu().ipAddress()).isEqualTo(good);
    }
  }

  @Test
  void theLoginFormsFieldsNeedNamesOfTheirOwn() {
    assertRefused(
        "kit.psu.form.digipassField",
        "iban",
        "conflicting values: 'kit.psu.form.ibanField=iban' from built-in defaults and"
            + " 'kit.psu.form.digipassField=iban' from system property"
            + " -Dkit.psu.form.digipassField are the same: the login form's IBAN, digipass and"
            + " action fields each need a name of their own");
    assertRefused(
        "kit.psu.form.actionField",
        "digipass",
        "conflicting values: 'kit.psu.form.digipassField=digipass' from built-in defaults and"
            + " 'kit.psu.form.actionField=digipass' from system property"
            + " -Dkit.psu.form.actionField are the same: the login form's IBAN, digipass and"
            + " action fields each need a name of their own");
    assertRefused(
        "kit.psu.form.cancelValue",
        "login",
        "conflicting values: 'kit.psu.form.loginValue=login' from built-in defaults and"
            + " 'kit.psu.form.cancelValue=login' from system property -Dkit.psu.form.cancelValue"
            + " are the same: logging in and cancelling must send different values");
  }

  @Test
  void anEmptiedFieldNameIsAMissingKey() throws Exception {
    Files.writeString(envDir.resolve("local.properties"), "kit.psu.form.ibanField=\n");
    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "missing configuration key 'kit.psu.form.ibanField' (set it in env/local.properties,"
                + " as -Dkit.psu.form.ibanField or as environment variable KIT_PSU_FORM_IBANFIELD)");
  }

  @Test
  void aMisspeltPsuKeyNamesTheRightOne() {
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_PSU_DRIVERS", "manual")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown environment variable KIT_PSU_DRIVERS (did you mean KIT_PSU_DRIVER, i.e."
                + " kit.psu.driver?)");
    assertThatThrownBy(() -> load(Map.of(), Map.of("KIT_SCA_SETTLE_DELAY", "1s")))
        .hasMessage(
            "unknown environment variable KIT_SCA_SETTLE_DELAY (did you mean KIT_SCA_SETTLEDELAY,"
                + " i.e. kit.sca.settleDelay?)");
  }

  @Test
  void theRecordFailsFastToo() {
    PsuSettings.FormPage page = PsuSettings.FormPage.reference();
    assertThatThrownBy(
            () ->
                new PsuSettings(
                    PsuSettings.Driver.FORM,
                    page,
                    Duration.ZERO,
                    "192.0.2.10",
                    Duration.ZERO,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the manual timeout must be greater than zero");
    assertThatThrownBy(
            () ->
                new PsuSettings(
                    PsuSettings.Driver.FORM,
                    page,
                    Duration.ofMinutes(5),
                    "192.0.2.10",
                    Duration.ofMillis(-1),
                    false))
        .hasMessage("the settle delay must not be negative");
    assertThatThrownBy(
            () ->
                new PsuSettings(
                    PsuSettings.Driver.FORM,
                    page,
                    Duration.ofMinutes(5),
                    "localhost",
                    Duration.ZERO,
                    false))
        .hasMessage("'localhost' is not an IPv4 or IPv6 address literal");
    assertThatThrownBy(
            () ->
                new PsuSettings.FormPage(Optional.of("["), "iban", "digipass", "action", "l", "c"))
        .hasMessage("not a regular expression: Unclosed character class near index 0");
    assertThatThrownBy(
            () -> new PsuSettings.FormPage(Optional.empty(), "iban", " ", "action", "l", "c"))
        .hasMessage("digipassField must not be blank");
    assertThatThrownBy(() -> new PsuSettings.FormPage(Optional.empty(), "a", "b", "a", "l", "c"))
        .hasMessage("the IBAN, digipass and action fields must have different names");
    assertThatThrownBy(() -> new PsuSettings.FormPage(Optional.empty(), "a", "b", "c", "l", "l"))
        .hasMessage("the login and cancel values must differ");
  }

  @Test
  void theShippedProfilesChooseTheirDriver() throws Exception {
    assertThat(KitConfig.load(Map.of(), Map.of()).psu().driver())
        .isEqualTo(PsuSettings.Driver.FORM);
    KitConfig sandbox =
        KitConfig.load(
            Map.of("kit.env", "sandbox", "kit.accounts", "NL91TRIO0123456789:1234567890"),
            Map.of());
    assertThat(sandbox.psu().driver()).isEqualTo(PsuSettings.Driver.MANUAL);
    assertThat(sandbox.psu().settleDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(sandbox.psu().manualTimeout()).isEqualTo(Duration.ofMinutes(5));
    // Production needs the TPP's certificate files to load; its file is read as it is.
    Properties production = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("env", "production.properties"))) {
      production.load(in);
    }
    assertThat(production.getProperty("kit.psu.driver")).isEqualTo("manual");
  }

  private void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> load(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
