package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentRequestTest {
  private static final String IBAN = "NL91TRIO0212345678";
  private static final String IP = "192.0.2.10";
  private static final String URI = "https://tpp.example/cb";
  private static final ConsentRequest DETAILED =
      ConsentRequest.detailed(IBAN, IP, URI, LocalDate.of(2024, 1, 1));

  @Test
  void theDetailedConsentIsTheContractsValidForEightyNineDays() {
    assertThat(DETAILED)
        .isEqualTo(
            new ConsentRequest(
                List.of(IBAN), "2024-03-30", 4, true, false, Optional.of(IP), Optional.of(URI)));
  }

  @Test
  void theBodyIsTheContractsJsonInItsOrder() {
    assertThat(new String(DETAILED.json(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"access\":{\"accounts\":[{\"iban\":\""
                + IBAN
                + "\"}],\"balances\":[{\"iban\":\""
                + IBAN
                + "\"}],\"transactions\":[{\"iban\":\""
                + IBAN
                + "\"}]},\"recurringIndicator\":true,\"validUntil\":\"2024-03-30\","
                + "\"frequencyPerDay\":4,\"combinedServiceIndicator\":false}");
  }

  @Test
  void everyListNamesEveryAccountAndTheBodyIsUtf8() {
    ConsentRequest two =
        new ConsentRequest(
            List.of("A1", "Zoë\"€"), "x", 1, false, true, Optional.empty(), Optional.empty());
    String accounts = "[{\"iban\":\"A1\"},{\"iban\":\"Zoë\\\"€\"}]";
    assertThat(two.json())
        .isEqualTo(
            ("{\"access\":{\"accounts\":"
                    + accounts
                    + ",\"balances\":"
                    + accounts
                    + ",\"transactions\":"
                    + accounts
                    + "},\"recurringIndicator\":false,\"validUntil\":\"x\","
                    + "\"frequencyPerDay\":1,\"combinedServiceIndicator\":true}")
                .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachWithChangesOneThing() {
    assertThat(
            List.of(
                DETAILED.withoutPsuIpAddress(),
                DETAILED.withoutRedirectUri(),
                DETAILED.withRedirectUri("https://tpp.example/other"),
                DETAILED.withFrequencyPerDay(5),
                DETAILED.withCombinedServiceIndicator(true),
                DETAILED.withIban("not-an-iban")))
        .isEqualTo(
            List.of(
                new ConsentRequest(
                    List.of(IBAN),
                    "2024-03-30",
                    4,
                    true,
                    false,
                    Optional.empty(),
                    Optional.of(URI)),
                new ConsentRequest(
                    List.of(IBAN), "2024-03-30", 4, true, false, Optional.of(IP), Optional.empty()),
                new ConsentRequest(
                    List.of(IBAN),
                    "2024-03-30",
                    4,
                    true,
                    false,
                    Optional.of(IP),
                    Optional.of("https://tpp.example/other")),
                new ConsentRequest(
                    List.of(IBAN), "2024-03-30", 5, true, false, Optional.of(IP), Optional.of(URI)),
                new ConsentRequest(
                    List.of(IBAN), "2024-03-30", 4, true, true, Optional.of(IP), Optional.of(URI)),
                new ConsentRequest(
                    List.of("not-an-iban"),
                    "2024-03-30",
                    4,
                    true,
                    false,
                    Optional.of(IP),
                    Optional.of(URI))));
  }

  @Test
  void badValuesFailAtConstruction() {
    assertThatThrownBy(
            () ->
                new ConsentRequest(
                    List.of(), "2024-03-30", 4, true, false, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a detailed consent names at least one account");
    assertThatThrownBy(() -> DETAILED.withRedirectUri("https://tpp.example/cb\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "TPP-Redirect-URI holds a control character (index 22): it cannot be a header value");
    assertThatThrownBy(() -> DETAILED.withIban(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("iban");
  }
}
