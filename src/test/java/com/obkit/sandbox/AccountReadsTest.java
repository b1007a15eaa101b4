package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section 13: the confirmation (CNF-1, CNF-2) and the account reads (AIS-1..AIS-5). */
class AccountReadsTest {

  private static final String R = "https://tpp.example/ais/cb";

  private static MutableClock clock;
  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static Journey tpp;
  private static Journey other;
  private static JsonNode account;
  private static JsonNode second;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now());
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withClock(clock));
    http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-AIS001", TestPki.Keys.TPP_A, "nl", R);
    other = Journey.register(sandbox, http, "PSDNL-DNB-AIS002", TestPki.Keys.TPP_B, "nl", R);
    account = tpp.testAccount();
    second = tpp.testAccount();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String iban(JsonNode acc) {
    return acc.get("iban").asText();
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Flow.bgCode(r)).isEqualTo(code);
    assertThat(r.body()).doesNotContain("balances", "booked", iban(account), iban(second));
  }

  // ---------------------------------------------------------------- CNF-1, CNF-2

  @Test
  void cnf1ARepeatedConfirmationIsFinalisedAgain() {
    Journey.Authorised a = tpp.validConsentOk(account);
    HttpResponse<String> again = tpp.confirmConsent(a.created(), a.accessToken());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(again).get("scaStatus").asText()).isEqualTo("finalised");
    assertThat(tpp.consentStatus(a.created().id())).isEqualTo("valid");
  }

  @Test
  void cnf2NoTokenOrAnotherConsentsOrPaymentsTokenIs401AndTheConsentStaysReceived() {
    Journey.Created c = tpp.consentOk(iban(account));
    Journey.Authorised own = tpp.authoriseOk(c, account);
    Journey.Authorised another = tpp.authoriseOk(tpp.consentOk(iban(account)), account);
    Journey.Authorised payment = tpp.authoriseOk(tpp.paymentOk(iban(account), "1.00"), account);
    HttpResponse<String> none = tpp.confirmConsent(c, null);
    refused(none, 401, "TOKEN_INVALID");
    assertThat(Flow.bgText(none))
        .isEqualTo("an access token (Authorization: Bearer) of the consent is required");
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer error=\"invalid_token\"");
    for (String token : List.of(another.accessToken(), payment.accessToken())) {
      HttpResponse<String> r = tpp.confirmConsent(c, token);
      refused(r, 401, "TOKEN_INVALID");
      assertThat(Flow.bgText(r))
          .isEqualTo("Given access token is not coupled to the given consent");
    }
    refused(tpp.confirmConsent(c, "unknown-token"), 401, "TOKEN_INVALID");
    HttpResponse<String> basic =
        tpp.xs2a(
            "PUT",
            "consents/" + c.id() + "/authorisations/" + c.authorisationId(),
            "",
            Map.of("Authorization", "Basic " + own.accessToken()));
    refused(basic, 401, "TOKEN_INVALID");
    assertThat(tpp.consentStatus(c.id())).isEqualTo("received");
    // The wrong authorisation id, a body that is not JSON.
    refused(
        tpp.xs2a(
            "PUT",
            "consents/" + c.id() + "/authorisations/other",
            "",
            Map.of("Authorization", "Bearer " + own.accessToken())),
        403,
        "RESOURCE_UNKNOWN");
    refused(
        tpp.xs2a(
            "PUT",
            "consents/" + c.id() + "/authorisations/" + c.authorisationId(),
            "not json",
            Map.of("Authorization", "Bearer " + own.accessToken())),
        400,
        "FORMAT_ERROR");
    assertThat(tpp.consentStatus(c.id())).isEqualTo("received");
    // With its own token it is confirmed (an empty JSON object as body is tolerated).
    HttpResponse<String> ok =
        tpp.xs2a(
            "PUT",
            "consents/" + c.id() + "/authorisations/" + c.authorisationId(),
            "{}",
            Map.of("Authorization", "Bearer " + own.accessToken()));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(tpp.consentStatus(c.id())).isEqualTo("valid");
  }

  @Test
  void aClosedConsentCannotBeConfirmed() {
    Journey.Created c = tpp.consentOk(iban(account));
    Journey.Authorised a = tpp.authoriseOk(c, account);
    assertThat(tpp.xs2a("DELETE", "consents/" + c.id()).statusCode()).isEqualTo(204);
    HttpResponse<String> r = tpp.confirmConsent(c, a.accessToken());
    refused(r, 401, "CONSENT_INVALID");
    assertThat(Flow.bgText(r))
        .isEqualTo("Operation not possible on consent " + c.id() + " with status terminatedByTpp");
  }

  // ---------------------------------------------------------------- AIS-1

  @Test
  void ais1TheListHoldsExactlyTheConsentedAccountsWithTheirServices() {
    ObjectNode body = tpp.consentRequest(List.of(iban(account), iban(second)));
    // second: account list and balances only.
    ((ObjectNode) body.get("access"))
        .putArray("transactions")
        .addObject()
        .put("iban", iban(account));
    Journey.Created c = tpp.consentOk(body);
    Journey.Authorised a = tpp.authoriseOk(c, account);
    tpp.confirmConsent(c, a.accessToken());
    JsonNode list = SandboxHttp.json(tpp.read("accounts", a)).get("accounts");
    assertThat(list.size()).isEqualTo(2);
    assertThat(list.get(0).get("iban").asText()).isEqualTo(iban(account));
    assertThat(list.get(1).get("iban").asText()).isEqualTo(iban(second));
    String rid2 = list.get(1).get("resourceId").asText();
    assertThat(list.get(1).get("_links"))
        .isEqualTo(Journey.json("{'balances':'/nl/v1/accounts/" + rid2 + "/balances'}"));
    assertThat(tpp.read("accounts/" + rid2 + "/balances", a).statusCode()).isEqualTo(200);
    refused(tpp.read(Journey.transactions(rid2), a), 403, "RESOURCE_UNKNOWN");
    // The account's details.
    HttpResponse<String> details = tpp.read("accounts/" + rid2, a);
    assertThat(SandboxHttp.json(details).get("account")).isEqualTo(list.get(1));
  }

  @Test
  void ais1TransactionsFilterByDateAndBookingStatus() {
    Journey.Authorised a = tpp.validConsentOk(account);
    String rid = tpp.resourceId(a);
    String path = "accounts/" + rid + "/transactions?";
    JsonNode booked =
        SandboxHttp.json(tpp.read(path + "bookingStatus=booked&dateFrom=" + tpp.today(), a))
            .get("transactions");
    assertThat(booked.has("pending")).isFalse();
    assertThat(booked.get("booked").size()).isEqualTo(1);
    JsonNode pending =
        SandboxHttp.json(tpp.read(path + "bookingStatus=pending&dateFrom=" + tpp.today(), a))
            .get("transactions");
    assertThat(pending.has("booked")).isFalse();
    assertThat(pending.get("pending").size()).isEqualTo(0);
    JsonNode later =
        SandboxHttp.json(
                tpp.read(path + "bookingStatus=both&dateFrom=" + tpp.today().plusDays(1), a))
            .get("transactions");
    assertThat(later.get("booked").size()).isEqualTo(0);
    JsonNode before =
        SandboxHttp.json(
                tpp.read(
                    path
                        + "bookingStatus=both&dateFrom=2000-01-01&dateTo="
                        + tpp.today().minusDays(1),
                    a))
            .get("transactions");
    assertThat(before.get("booked").size()).isEqualTo(0);
    for (String query :
        List.of(
            "dateFrom=2000-01-01",
            "bookingStatus=both",
            "bookingStatus=information&dateFrom=2000-01-01",
            "bookingStatus=BOTH&dateFrom=2000-01-01",
            "bookingStatus=both&dateFrom=01-01-2000",
            "bookingStatus=both&dateFrom=2000-02-30",
            "bookingStatus=both&dateFrom=2000-01-01&dateFrom=2000-01-02",
            "bookingStatus=both&dateFrom=2000-01-02&dateTo=2000-01-01",
            "bookingStatus=both&dateFrom=%E9")) {
      HttpResponse<String> r = tpp.read(path + query, a);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(Flow.bgCode(r)).as(query).isEqualTo("FORMAT_ERROR");
    }
  }

  // ---------------------------------------------------------------- AIS-2

  @Test
  void ais2AReceivedConsentIsNotReadEvenWithItsToken() {
    Journey.Created c = tpp.consentOk(iban(account));
    Journey.Authorised a = tpp.authoriseOk(c, account);
    HttpResponse<String> r = tpp.read("accounts", a);
    refused(r, 401, "CONSENT_INVALID");
    assertThat(Flow.bgText(r))
        .isEqualTo("Operation not possible on consent " + c.id() + " with status received");
  }

  @Test
  void ais2AnExpiredConsentIsNotRead() {
    ObjectNode body = tpp.consentRequest(iban(account));
    body.put("validUntil", tpp.today().toString());
    Journey.Created c = tpp.consentOk(body);
    Journey.Authorised a = tpp.authoriseOk(c, account);
    tpp.confirmConsent(c, a.accessToken());
    String rid = tpp.resourceId(a);
    clock.advance(Duration.ofDays(1));
    try {
      JsonNode t = SandboxHttp.json(tpp.refresh(a.refreshToken()));
      HttpResponse<String> r =
          tpp.read("accounts/" + rid + "/balances", c.id(), t.get("access_token").asText(), true);
      refused(r, 401, "CONSENT_INVALID");
      assertThat(Flow.bgText(r))
          .isEqualTo("Operation not possible on consent " + c.id() + " with status expired");
    } finally {
      clock.advance(Duration.ofDays(-1));
    }
    Journey own = Journey.register(sandbox, http, "PSDNL-DNB-AIS003", TestPki.Keys.TPP_C, "nl", R);
    JsonNode acc = own.testAccount();
    Journey.Authorised b = own.validConsentOk(acc);
    assertThat(sandbox.expireConsents(own.clientId())).isEqualTo(1);
    HttpResponse<String> r = own.read("accounts", b);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(r)).isEqualTo("CONSENT_INVALID");
  }

  // ---------------------------------------------------------------- AIS-3

  @Test
  void ais3ReadsNeedALiveTokenOfExactlyTheConsent() {
    Journey.Authorised a = tpp.validConsentOk(account);
    Journey.Authorised another = tpp.validConsentOk(account);
    Journey.Authorised payment = tpp.authoriseOk(tpp.paymentOk(iban(account), "1.00"), account);
    String id = a.created().id();
    for (String token :
        new String[] {
          null, "unknown", another.accessToken(), payment.accessToken(), a.refreshToken()
        }) {
      HttpResponse<String> r = tpp.read("accounts", id, token, true);
      refused(r, 401, "TOKEN_INVALID");
      if (token != null) {
        assertThat(r.body()).doesNotContain(token);
      }
    }
    sandbox.expireAccessTokens(tpp.clientId());
    HttpResponse<String> expired = tpp.read("accounts", a);
    refused(expired, 401, "TOKEN_INVALID");
    assertThat(Flow.bgText(expired)).isEqualTo("Access token is invalid or expired");
  }

  // ---------------------------------------------------------------- AIS-4

  @Test
  void ais4UnknownOrForeignConsentIdsAre403() {
    Journey.Authorised mine = tpp.validConsentOk(account);
    refused(tpp.read("accounts", "unknown", mine.accessToken(), true), 403, "CONSENT_UNKNOWN");
    // Another TPP with our consent id and our token (a stolen one): still unknown to it.
    refused(
        other.read("accounts", mine.created().id(), mine.accessToken(), true),
        403,
        "CONSENT_UNKNOWN");
    refused(tpp.read("accounts", null, mine.accessToken(), true), 400, "FORMAT_ERROR");
    refused(
        tpp.xs2a(
            "GET",
            "accounts",
            "",
            Map.of(
                "Consent-ID",
                mine.created().id() + ", " + mine.created().id(),
                "Authorization",
                "Bearer " + mine.accessToken())),
        403,
        "CONSENT_UNKNOWN");
  }

  @Test
  void ais4AResourceTheConsentDoesNotCoverIsNeverRead() {
    Journey.Authorised mine = tpp.validConsentOk(account);
    Journey.Authorised theirs = tpp.validConsentOk(second);
    String foreign = tpp.resourceId(theirs);
    for (String path :
        List.of(
            "accounts/" + foreign,
            "accounts/" + foreign + "/balances",
            Journey.transactions(foreign),
            "accounts/unknown/balances")) {
      refused(tpp.read(path, mine), 403, "RESOURCE_UNKNOWN");
    }
  }

  // ---------------------------------------------------------------- AIS-5

  @Test
  void ais5TheFifthUnattendedReadOfAnAccountOnADayIs429() {
    Journey.Authorised a = tpp.validConsentOk(account);
    String rid = tpp.resourceId(a);
    String id = a.created().id();
    String balances = "accounts/" + rid + "/balances";
    for (int i = 1; i <= 2; i++) {
      assertThat(tpp.read(balances, id, a.accessToken(), false).statusCode()).isEqualTo(200);
      assertThat(tpp.read(Journey.transactions(rid), id, a.accessToken(), false).statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> fifth = tpp.read(balances, id, a.accessToken(), false);
    refused(fifth, 429, "ACCESS_EXCEEDED");
    assertThat(Flow.bgText(fifth))
        .isEqualTo("The daily limit of 4 unattended requests for this account has been reached");
    refused(
        tpp.read(Journey.transactions(rid), id, a.accessToken(), false), 429, "ACCESS_EXCEEDED");
    // With the PSU present nothing is counted, and the account list is never counted.
    for (int i = 0; i < 6; i++) {
      assertThat(tpp.read(balances, id, a.accessToken(), true).statusCode()).isEqualTo(200);
      assertThat(tpp.read("accounts", id, a.accessToken(), false).statusCode()).isEqualTo(200);
    }
    // Another consent on the same account has a budget of its own.
    Journey.Authorised b = tpp.validConsentOk(account);
    assertThat(tpp.read(balances, b.created().id(), b.accessToken(), false).statusCode())
        .isEqualTo(200);
    // The next day (sandbox clock) the budget is back.
    clock.advance(Duration.ofDays(1));
    try {
      String fresh = SandboxHttp.json(tpp.refresh(a.refreshToken())).get("access_token").asText();
      assertThat(tpp.read(balances, id, fresh, false).statusCode()).isEqualTo(200);
    } finally {
      clock.advance(Duration.ofDays(-1));
    }
  }

  @Test
  void ais5AConsentsFrequencyIsItsBudget() {
    ObjectNode body = tpp.consentRequest(iban(account));
    body.put("frequencyPerDay", 2);
    Journey.Created c = tpp.consentOk(body);
    Journey.Authorised a = tpp.authoriseOk(c, account);
    tpp.confirmConsent(c, a.accessToken());
    String balances = "accounts/" + tpp.resourceId(a) + "/balances";
    assertThat(tpp.read(balances, c.id(), a.accessToken(), false).statusCode()).isEqualTo(200);
    assertThat(tpp.read(balances, c.id(), a.accessToken(), false).statusCode()).isEqualTo(200);
    refused(tpp.read(balances, c.id(), a.accessToken(), false), 429, "ACCESS_EXCEEDED");
  }

  @Test
  void aMalformedPsuIpAddressIsAFormatError() {
    Journey.Authorised a = tpp.validConsentOk(account);
    refused(
        tpp.xs2a(
            "GET",
            "accounts",
            "",
            Map.of(
                "Consent-ID",
                a.created().id(),
                "Authorization",
                "Bearer " + a.accessToken(),
                "PSU-IP-Address",
                "not-an-ip")),
        400,
        "FORMAT_ERROR");
  }
}
