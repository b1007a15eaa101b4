package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey of contract sections 10 to 15 over HTTP, as a conformant TPP walks it:
 * registration, test account, consent, SCA at the reference login page, token (Basic, PKCE),
 * confirmation, account reads, a payment with its SCA, token and confirmation, the booked debit,
 * the consent's deletion and the refresh token's revocation. Every answer is compared whole.
 */
class JourneyTest {

  private static final String R = "https://tpp.example/journey/cb";

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withClock(new MutableClock(Instant.now())));
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aConformantTppWalksTheWholeJourney() {
    Journey tpp = Journey.register(sandbox, http, "PSDNL-DNB-JRNY01", TestPki.Keys.TPP_A, "nl", R);
    JsonNode account = tpp.testAccount();
    String iban = account.get("iban").asText();
    String base = sandbox.baseUrl().toString();

    // Section 10: the consent.
    HttpResponse<String> created = tpp.postConsent(tpp.consentRequest(iban), Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode c = SandboxHttp.json(created);
    String consentId = c.get("consentId").asText();
    String aid = c.get("authorisationId").asText();
    String self = "/nl/v1/consents/" + consentId;
    assertThat(c)
        .isEqualTo(
            Journey.json(
                "{'consentStatus':'received','consentId':'"
                    + consentId
                    + "','authorisationId':'"
                    + aid
                    + "','_links':{'scaOAuth':'"
                    + base
                    + "/auth/nl/.well-known/openid-configuration','scaRedirect':'"
                    + base
                    + "/auth/nl/v1/auth?response_type=code&scope=openid+offline_access+AIS%3A"
                    + consentId
                    + "&client_id="
                    + tpp.clientId()
                    + "&redirect_uri="
                    + SandboxHttp.enc(R)
                    + "','self':'"
                    + self
                    + "','status':'"
                    + self
                    + "/status','scaStatus':'"
                    + self
                    + "/authorisations/"
                    + aid
                    + "','confirmation':'"
                    + self
                    + "/authorisations/"
                    + aid
                    + "'}}"));
    assertThat(tpp.consentStatus(consentId)).isEqualTo("received");
    HttpResponse<String> details = tpp.xs2a("GET", "consents/" + consentId);
    assertThat(SandboxHttp.json(details))
        .isEqualTo(
            Journey.json(
                "{'access':{'accounts':[{'iban':'"
                    + iban
                    + "'}],'balances':[{'iban':'"
                    + iban
                    + "'}],'transactions':[{'iban':'"
                    + iban
                    + "'}]},'recurringIndicator':true,'validUntil':'"
                    + tpp.today().plusDays(30)
                    + "','frequencyPerDay':4,"
                    + "'lastActionDate':'"
                    + tpp.today()
                    + "','consentStatus':'received','_links':{'self':'"
                    + self
                    + "','status':'"
                    + self
                    + "/status'}}"));

    // Section 11: the PSU at the reference login page.
    String scaRedirect = c.path("_links").path("scaRedirect").asText();
    String session = tpp.loginSession(scaRedirect);
    HttpResponse<String> page = http.get("/auth/nl/v1/login?session=" + session);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<form method=\"post\" action=\"/auth/nl/v1/login\">",
            "<input type=\"hidden\" name=\"session\" value=\"" + session + "\">",
            "name=\"iban\"",
            "name=\"digipass\"",
            "<button type=\"submit\" name=\"action\" value=\"login\">",
            "<button type=\"submit\" name=\"action\" value=\"cancel\">");
    HttpResponse<String> back = tpp.login(session, account);
    assertThat(back.statusCode()).isEqualTo(302);
    String location = SandboxHttp.location(back).get(0);
    Map<String, String> q = SandboxHttp.queryOf(location);
    assertThat(location).startsWith(R + "?code=");
    assertThat(q.keySet()).containsExactly("code", "state");
    assertThat(q.get("state")).isEqualTo(Journey.STATE);
    assertThat(tpp.consentStatus(consentId)).isEqualTo("received");

    // Section 12: the token.
    HttpResponse<String> tokens = tpp.exchange(q.get("code"));
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode t = SandboxHttp.json(tokens);
    assertThat(t.properties().stream().map(Map.Entry::getKey))
        .containsExactly(
            "access_token", "token_type", "expires_in", "refresh_token", "scope", "id_token");
    assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.get("expires_in").isInt()).isTrue();
    assertThat(t.get("expires_in").asInt()).isEqualTo(600);
    assertThat(t.get("scope").asText()).isEqualTo("openid offline_access AIS:" + consentId);
    assertThat(t.get("id_token").asText().split("\\.")).hasSize(3);
    String accessToken = t.get("access_token").asText();
    String refreshToken = t.get("refresh_token").asText();
    assertThat(tpp.consentStatus(consentId)).as("before the confirmation").isEqualTo("received");

    // Section 13: the confirmation.
    HttpResponse<String> confirmed =
        tpp.confirmConsent(new Journey.Created(consentId, aid, scaRedirect, c), accessToken);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(SandboxHttp.json(confirmed))
        .isEqualTo(
            Journey.json(
                "{'scaStatus':'finalised','authorisationId':'"
                    + aid
                    + "','_links':{'scaStatus':'"
                    + self
                    + "/authorisations/"
                    + aid
                    + "','status':'"
                    + self
                    + "/status'}}"));
    assertThat(tpp.consentStatus(consentId)).isEqualTo("valid");

    // Section 13: the reads.
    Journey.Authorised consent =
        new Journey.Authorised(
            new Journey.Created(consentId, aid, scaRedirect, c), accessToken, refreshToken, t);
    HttpResponse<String> list = tpp.read("accounts", consent);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    String rid = SandboxHttp.json(list).path("accounts").path(0).path("resourceId").asText();
    String accountPath = "/nl/v1/accounts/" + rid;
    assertThat(SandboxHttp.json(list))
        .isEqualTo(
            Journey.json(
                "{'accounts':[{'resourceId':'"
                    + rid
                    + "','iban':'"
                    + iban
                    + "','currency':'EUR','name':'Sandbox test account','cashAccountType':'CACC',"
                    + "'status':'enabled','_links':{'balances':'"
                    + accountPath
                    + "/balances','transactions':'"
                    + accountPath
                    + "/transactions'}}]}"));
    HttpResponse<String> balances = tpp.read("accounts/" + rid + "/balances", consent);
    assertThat(SandboxHttp.json(balances)).isEqualTo(balancesJson(iban, "1000.00"));
    HttpResponse<String> transactions = tpp.read(Journey.transactions(rid), consent);
    JsonNode opening = SandboxHttp.json(transactions).path("transactions").path("booked").path(0);
    assertThat(SandboxHttp.json(transactions))
        .isEqualTo(
            Journey.json(
                "{'account':{'iban':'"
                    + iban
                    + "'},'transactions':{'booked':[{'transactionId':'"
                    + opening.path("transactionId").asText()
                    + "','bookingDate':'"
                    + tpp.today()
                    + "','valueDate':'"
                    + tpp.today()
                    + "',"
                    + "'transactionAmount':{'currency':'EUR','amount':'1000.00'},"
                    + "'debtorName':'Reference sandbox',"
                    + "'remittanceInformationUnstructured':'Opening balance of the test account'}],"
                    + "'pending':[],'_links':{'account':'"
                    + accountPath
                    + "'}}}"));

    // Section 14: a payment, its SCA, token and confirmation.
    HttpResponse<String> initiated = tpp.postPayment(tpp.paymentRequest(iban, "12.34"), Map.of());
    assertThat(initiated.statusCode()).as(initiated.body()).isEqualTo(201);
    JsonNode p = SandboxHttp.json(initiated);
    String paymentId = p.get("paymentId").asText();
    String paid = p.get("authorisationId").asText();
    String pself = "/nl/v1/payments/sepa-credit-transfers/" + paymentId;
    assertThat(p)
        .isEqualTo(
            Journey.json(
                "{'transactionStatus':'RCVD','paymentId':'"
                    + paymentId
                    + "','authorisationId':'"
                    + paid
                    + "','_links':{'scaOAuth':'"
                    + base
                    + "/auth/nl/.well-known/openid-configuration','scaRedirect':'"
                    + base
                    + "/auth/nl/v1/auth?response_type=code&scope=openid+offline_access+PIS%3A"
                    + paymentId
                    + "&client_id="
                    + tpp.clientId()
                    + "&redirect_uri="
                    + SandboxHttp.enc(R)
                    + "','self':'"
                    + pself
                    + "','status':'"
                    + pself
                    + "/status','scaStatus':'"
                    + pself
                    + "/authorisations/"
                    + paid
                    + "','confirmation':'"
                    + pself
                    + "/authorisations/"
                    + paid
                    + "'}}"));
    Journey.Created payment =
        new Journey.Created(paymentId, paid, p.path("_links").path("scaRedirect").asText(), p);
    Journey.Authorised pa = tpp.authoriseOk(payment, account);
    assertThat(pa.tokens().get("scope").asText())
        .isEqualTo("openid offline_access PIS:" + paymentId);
    assertThat(tpp.paymentStatus(paymentId)).as("before the confirmation").isEqualTo("RCVD");
    HttpResponse<String> paymentConfirmed = tpp.confirmPayment(payment, pa.accessToken());
    assertThat(paymentConfirmed.statusCode()).as(paymentConfirmed.body()).isEqualTo(200);
    assertThat(SandboxHttp.json(paymentConfirmed).get("scaStatus").asText()).isEqualTo("finalised");
    assertThat(tpp.paymentStatus(paymentId)).isEqualTo("ACSC");

    // PIS-5: the debit on the debtor's account.
    assertThat(SandboxHttp.json(tpp.read("accounts/" + rid + "/balances", consent)))
        .isEqualTo(balancesJson(iban, "987.66"));
    JsonNode booked =
        SandboxHttp.json(tpp.read(Journey.transactions(rid), consent))
            .path("transactions")
            .path("booked");
    assertThat(booked.size()).isEqualTo(2);
    assertThat(booked.get(1))
        .isEqualTo(
            Journey.json(
                "{'transactionId':'"
                    + booked.get(1).path("transactionId").asText()
                    + "','bookingDate':'"
                    + tpp.today()
                    + "','valueDate':'"
                    + tpp.today()
                    + "',"
                    + "'transactionAmount':{'currency':'EUR','amount':'-12.34'},"
                    + "'creditorName':'Creditor B.V.','creditorAccount':{'iban':'"
                    + Journey.CREDITOR_IBAN
                    + "'},'remittanceInformationUnstructured':'Invoice 42'}"));

    // Section 15: the consent deleted, the refresh token revoked.
    HttpResponse<String> deleted = tpp.xs2a("DELETE", "consents/" + consentId);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(tpp.consentStatus(consentId)).isEqualTo("terminatedByTpp");
    HttpResponse<String> afterDelete = tpp.read("accounts/" + rid + "/balances", consent);
    assertThat(afterDelete.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(afterDelete)).isEqualTo("CONSENT_INVALID");

    HttpResponse<String> refreshed = tpp.refresh(refreshToken);
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String newRefresh = SandboxHttp.json(refreshed).get("refresh_token").asText();
    assertThat(newRefresh).isNotEqualTo(refreshToken);
    HttpResponse<String> revoked = tpp.revoke(newRefresh, "refresh_token");
    assertThat(revoked.statusCode()).isEqualTo(200);
    HttpResponse<String> afterRevoke = tpp.refresh(newRefresh);
    assertThat(afterRevoke.statusCode()).isEqualTo(400);
    assertThat(Flow.oauthError(afterRevoke)).isEqualTo("invalid_grant");
  }

  static JsonNode balancesJson(String iban, String amount) {
    String today =
        java.time.LocalDate.ofInstant(sandbox.options().clock().instant(), java.time.ZoneOffset.UTC)
            .toString();
    return Journey.json(
        "{'account':{'iban':'"
            + iban
            + "'},'balances':[{'balanceType':'closingBooked','balanceAmount':{'currency':'EUR',"
            + "'amount':'"
            + amount
            + "'},'referenceDate':'"
            + today
            + "'},{'balanceType':'interimAvailable',"
            + "'balanceAmount':{'currency':'EUR','amount':'"
            + amount
            + "'},'referenceDate':'"
            + today
            + "'}]}");
  }
}
