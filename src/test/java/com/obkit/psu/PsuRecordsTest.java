package com.obkit.psu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The driver's value types: they fail fast, and their text shows no secret. */
class PsuRecordsTest {

  private static final URI LINK =
      URI.create(
          "https://api.bank.example/auth/nl/v1/auth?response_type=code&state=s3cret-state-1"
              + "&code_challenge=abc&code_challenge_method=S256");
  private static final PsuCredentials PSU = new PsuCredentials("NL91TRIO0123456789", "1234567890");

  @Test
  void aWrongDigipassAddsOneToEveryDigitAndDiffersAlways() {
    assertThat(PSU.wrongDigipass()).isEqualTo("2345678901");
    assertThat(new PsuCredentials("NL91TRIO0123456789", "9999").wrongDigipass()).isEqualTo("0000");
    assertThat(new PsuCredentials("NL91TRIO0123456789", "az-Z9").wrongDigipass())
        .isEqualTo("ba-A0");
    assertThat(new PsuCredentials("NL91TRIO0123456789", "--").wrongDigipass()).isEqualTo("--0");
  }

  @Test
  void theHintIsTheLastTwoCharactersOfALongerDigipass() {
    assertThat(PSU.digipassHint()).isEqualTo("90");
    assertThat(new PsuCredentials("NL91TRIO0123456789", "12").digipassHint()).isEqualTo("");
  }

  @Test
  void credentialsHideTheDigipassAndRefuseBlanks() {
    assertThat(PSU.toString()).isEqualTo("PsuCredentials[iban=NL91TRIO0123456789, digipass=****]");
    assertThatThrownBy(() -> new PsuCredentials(" ", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the IBAN must not be blank");
    assertThatThrownBy(() -> new PsuCredentials("NL91TRIO0123456789", ""))
        .hasMessage("the digipass must not be blank");
    assertThatThrownBy(() -> new PsuCredentials(null, "1"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRequestShowsNoQueryValuesAndNoDigipass() {
    ScaRequest request =
        new ScaRequest(LINK, "https://tpp.example/cb", PSU, PsuAction.LOGIN, Duration.ofSeconds(1));
    assertThat(request.toString())
        .isEqualTo(
            "ScaRequest[authorisationUrl=https://api.bank.example/auth/nl/v1/auth?…,"
                + " redirectUri=https://tpp.example/cb, psu=PsuCredentials[iban=NL91TRIO0123456789,"
                + " digipass=****], action=LOGIN, settleDelay=PT1S]");
  }

  @Test
  void aRequestFailsFast() {
    assertThatThrownBy(
            () ->
                new ScaRequest(
                    URI.create("/auth/nl/v1/auth?state=x"),
                    "https://tpp.example/cb",
                    PSU,
                    PsuAction.LOGIN,
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the authorisation URL must be an absolute http(s) URL with a host: /auth/nl/v1/auth");
    assertThatThrownBy(() -> new ScaRequest(LINK, "/cb", PSU, PsuAction.LOGIN, Duration.ZERO))
        .hasMessage("the redirect URI must be absolute: /cb");
    assertThatThrownBy(
            () ->
                new ScaRequest(
                    LINK, "https://tpp.example/a b", PSU, PsuAction.LOGIN, Duration.ZERO))
        .hasMessage(
            "the redirect URI is not a URI (Illegal character in path): https://tpp.example/a b");
    assertThatThrownBy(
            () ->
                new ScaRequest(
                    LINK, "https://tpp.example/cb", PSU, PsuAction.LOGIN, Duration.ofSeconds(-1)))
        .hasMessage("the settle delay must not be negative: PT-1S");
    assertThatThrownBy(
            () -> new ScaRequest(LINK, "https://tpp.example/cb", PSU, null, Duration.ZERO))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("action");
  }

  @Test
  void actionsSayWhatToDoAndHowOftenTheDigipassIsWrong() {
    assertThat(PsuAction.LOGIN.wrongTries()).isEqualTo(0);
    assertThat(PsuAction.WRONG_DIGIPASS_ONCE.wrongTries()).isEqualTo(1);
    assertThat(PsuAction.WRONG_DIGIPASS_THRICE.wrongTries()).isEqualTo(3);
    assertThat(PsuAction.CANCEL.wrongTries()).isEqualTo(0);
    assertThat(PsuAction.WRONG_DIGIPASS_ONCE.instruction())
        .isEqualTo(
            "Enter the account's IBAN with a WRONG digipass once (for example add 1 to every"
                + " digit); when the bank shows the login page again, log in with the right"
                + " digipass.");
  }

  @Test
  void linksLoseTheirQueryAndDurationsReadAsConfigured() {
    assertThat(Links.withoutQuery(LINK)).isEqualTo("https://api.bank.example/auth/nl/v1/auth");
    assertThat(Links.withoutQuery(URI.create("https://t.example/cb#x?y")))
        .isEqualTo("https://t.example/cb");
    assertThat(Links.text(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Links.text(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(Links.text(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Links.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Links.text(Duration.ZERO)).isEqualTo("0s");
  }
}
