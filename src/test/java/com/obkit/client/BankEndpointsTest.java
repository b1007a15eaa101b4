package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankEndpointsTest {
  private static final String API = "https://xs2a-sandbox.triodos.com";
  private final BankEndpoints endpoints =
      new BankEndpoints(
          URI.create(API + "/"), URI.create("https://api.triodos.com"), "/xs2a-bg/{tenant}/x");

  @Test
  void theJourneysUrisFollowTheContract() {
    assertThat(
            List.of(
                endpoints.consents("nl"),
                endpoints.consent("nl", "c-1"),
                endpoints.consentStatus("nl", "c-1"),
                endpoints.payments("be_fr"),
                endpoints.paymentStatus("be_fr", "p-1"),
                endpoints.accounts("uk"),
                endpoints.balances("uk", "r-1"),
                endpoints.transactions("uk", "r-1"),
                endpoints.revocation("be_nl")))
        .isEqualTo(
            List.of(
                URI.create(API + "/xs2a-bg/nl/v1/consents"),
                URI.create(API + "/xs2a-bg/nl/v1/consents/c-1"),
                URI.create(API + "/xs2a-bg/nl/v1/consents/c-1/status"),
                URI.create(API + "/xs2a-bg/be_fr/v1/payments/sepa-credit-transfers"),
                URI.create(API + "/xs2a-bg/be_fr/v1/payments/sepa-credit-transfers/p-1/status"),
                URI.create(API + "/xs2a-bg/uk/v1/accounts"),
                URI.create(API + "/xs2a-bg/uk/v1/accounts/r-1/balances"),
                URI.create(API + "/xs2a-bg/uk/v1/accounts/r-1/transactions"),
                URI.create(API + "/auth/be_nl/v1/token/revoke")));
  }

  @Test
  void idsAndTenantsAreEncodedAsOnePathSegment() {
    assertThat(
            List.of(
                endpoints.consent("nl", "../../accounts"),
                endpoints.consent("nl", ".."),
                endpoints.consent("nl", "."),
                endpoints.consent("nl", "a.b~c_d-e"),
                endpoints.balances("nl", "ü ?#&=+%2F"),
                endpoints.consents("nl/../uk")))
        .isEqualTo(
            List.of(
                URI.create(API + "/xs2a-bg/nl/v1/consents/..%2F..%2Faccounts"),
                URI.create(API + "/xs2a-bg/nl/v1/consents/%2E%2E"),
                URI.create(API + "/xs2a-bg/nl/v1/consents/%2E"),
                URI.create(API + "/xs2a-bg/nl/v1/consents/a.b~c_d-e"),
                URI.create(API + "/xs2a-bg/nl/v1/accounts/%C3%BC%20%3F%23%26%3D%2B%252F/balances"),
                URI.create(API + "/xs2a-bg/nl%2F..%2Fuk/v1/consents")));
  }

  @Test
  void anEmptyIdIsRefusedRatherThanNamingTheCollection() {
    assertThatThrownBy(() -> endpoints.consent("nl", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an empty id or tenant would change the path");
  }

  @Test
  void relativeLinksResolveUnderXs2aBgAndAbsoluteOnesStayAsGiven() {
    String scaRedirect =
        "https://api.triodos.com/auth/nl/v1/auth?response_type=code&scope=openid+AIS%3Ac-1";
    assertThat(
            List.of(
                endpoints.xs2aLink("/nl/v1/consents/c-1/status"),
                endpoints.xs2aLink("nl/v1/consents/c-1"),
                endpoints.xs2aLink(" /nl/v1/accounts/r-1/transactions?page=2&x=a%20b "),
                endpoints.xs2aLink(scaRedirect)))
        .isEqualTo(
            List.of(
                URI.create(API + "/xs2a-bg/nl/v1/consents/c-1/status"),
                URI.create(API + "/xs2a-bg/nl/v1/consents/c-1"),
                URI.create(API + "/xs2a-bg/nl/v1/accounts/r-1/transactions?page=2&x=a%20b"),
                URI.create(scaRedirect)));
  }

  @Test
  void aLinkThatIsNoUriIsRefusedNamingIt() {
    assertThatThrownBy(() -> endpoints.xs2aLink("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an XS2A link is blank");
    assertThatThrownBy(() -> endpoints.xs2aLink("/nl/v1/consents/a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("an XS2A link is not a URI: ");
  }
}
