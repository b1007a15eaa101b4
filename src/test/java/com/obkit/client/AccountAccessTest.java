package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountAccessTest {
  private static final String TOKEN = "access-token-1234567890";
  private static final AccountAccess ATTENDED = AccountAccess.attended("c-1", TOKEN, "192.0.2.10");

  @Test
  void anAttendedReadSendsConsentTokenAndPsuAddressInOrder() {
    assertThat(ATTENDED)
        .isEqualTo(new AccountAccess("c-1", Optional.of(TOKEN), Optional.of("192.0.2.10")));
    assertThat(new ArrayList<>(ATTENDED.headers().entrySet()))
        .isEqualTo(
            List.of(
                Map.entry("Consent-ID", "c-1"),
                Map.entry("Authorization", "Bearer " + TOKEN),
                Map.entry("PSU-IP-Address", "192.0.2.10")));
  }

  @Test
  void eachWithChangesOneThing() {
    assertThat(
            List.of(
                ATTENDED.unattended(),
                ATTENDED.withoutAccessToken(),
                ATTENDED.withAccessToken("other-token-1234"),
                ATTENDED.withConsentId("c-2")))
        .isEqualTo(
            List.of(
                new AccountAccess("c-1", Optional.of(TOKEN), Optional.empty()),
                new AccountAccess("c-1", Optional.empty(), Optional.of("192.0.2.10")),
                new AccountAccess(
                    "c-1", Optional.of("other-token-1234"), Optional.of("192.0.2.10")),
                new AccountAccess("c-2", Optional.of(TOKEN), Optional.of("192.0.2.10"))));
    assertThat(ATTENDED.unattended().withoutAccessToken().headers())
        .isEqualTo(Map.of("Consent-ID", "c-1"));
  }

  @Test
  void aHeaderBreakingValueFailsAtConstruction() {
    assertThatThrownBy(() -> ATTENDED.withConsentId("c-1\r\nAuthorization: Bearer x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Consent-ID holds a control character (index 3): it cannot be a header value");
    assertThatThrownBy(() -> ATTENDED.withConsentId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Consent-ID");
  }

  @Test
  void toStringHidesTheToken() {
    assertThat(ATTENDED.toString())
        .isEqualTo("AccountAccess[consentId=c-1, accessToken=***, psuIpAddress=192.0.2.10]");
    assertThat(ATTENDED.withoutAccessToken().unattended().toString())
        .isEqualTo("AccountAccess[consentId=c-1, accessToken=(none), psuIpAddress=(none)]");
  }
}
