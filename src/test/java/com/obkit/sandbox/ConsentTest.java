package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Section 10: AIS consents, CON-1..CON-5, and the consent's statuses. */
class ConsentTest {

  private static final String R = "https://tpp.example/consent/cb";
  private static final String R2 = "https://tpp.example/consent/other";

  private static MutableClock clock;
  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static Journey tpp;
  private static Journey other;
  private static JsonNode account;
  private static String iban;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.now());
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withClock(clock));
    http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-CONS01", TestPki.Keys.TPP_A, "nl", R, R2);
    other = Journey.register(sandbox, http, "PSDNL-DNB-CONS02", TestPki.Keys.TPP_B, "nl", R);
    account = tpp.testAccount();
    iban = account.get("iban").asText();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static void formatError(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(Flow.bgCode(r)).isEqualTo("FORMAT_ERROR");
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Flow.bgCode(r)).isEqualTo(code);
  }

  // ---------------------------------------------------------------- CON-1

  @Test
  void con1TheStatusLinkAnswersTheStatusAndTheScaRedirectCarriesTheConsent() {
    Journey.Created c = tpp.consentOk(iban);
    String status = c.json().path("_links").path("status").asText();
    assertThat(status).isEqualTo("/nl/v1/consents/" + c.id() + "/status");
    HttpResponse<String> r = tpp.xs2a("GET", status.substring("/nl/v1/".length()));
    assertThat(SandboxHttp.json(r)).isEqualTo(Journey.json("{'consentStatus':'received'}"));
    Map<String, String> q = SandboxHttp.queryOf(c.scaRedirect());
    assertThat(q)
        .containsExactly(
            Map.entry("response_type", "code"),
            Map.entry("scope", "openid offline_access AIS:" + c.id()),
            Map.entry("client_id", tpp.clientId()),
            Map.entry("redirect_uri", R));
    assertThat(c.id()).isNotEqualTo(tpp.consentOk(iban).id());
  }

  @Test
  void con1ValidityBoundsAndAnIpv6PsuAddressAreAccepted() {
    for (String validUntil :
        new String[] {tpp.today().toString(), tpp.today().plusDays(90).toString()}) {
      ObjectNode body = tpp.consentRequest(iban);
      body.put("validUntil", validUntil);
      assertThat(tpp.postConsent(body, Map.of()).statusCode()).as(validUntil).isEqualTo(201);
    }
    ObjectNode once = tpp.consentRequest(iban);
    once.put("frequencyPerDay", 1);
    once.put("recurringIndicator", false);
    assertThat(tpp.postConsent(once, Map.of()).statusCode()).isEqualTo(201);
    for (String ip : new String[] {"2001:db8::1", "::1", "::ffff:192.0.2.1", "10.0.0.255"}) {
      assertThat(tpp.postConsent(tpp.consentRequest(iban), Map.of("PSU-IP-Address", ip)))
          .satisfies(r -> assertThat(r.statusCode()).as(ip + r.body()).isEqualTo(201));
    }
    // Balances only: fine too.
    ObjectNode balancesOnly = SandboxHttp.JSON.createObjectNode();
    balancesOnly.putObject("access").putArray("balances").addObject().put("iban", iban);
    balancesOnly.put("recurringIndicator", true);
    balancesOnly.put("validUntil", tpp.today().plusDays(1).toString());
    balancesOnly.put("frequencyPerDay", 4);
    balancesOnly.put("combinedServiceIndicator", false);
    assertThat(tpp.postConsent(balancesOnly, Map.of()).statusCode()).isEqualTo(201);
  }

  // ---------------------------------------------------------------- CON-2

  static Map<String, Consumer<ObjectNode>> bodyDefects() {
    Map<String, Consumer<ObjectNode>> d = new LinkedHashMap<>();
    d.put("frequencyPerDay 5", b -> b.put("frequencyPerDay", 5));
    d.put("frequencyPerDay 0", b -> b.put("frequencyPerDay", 0));
    d.put("frequencyPerDay -1", b -> b.put("frequencyPerDay", -1));
    d.put("frequencyPerDay as a string", b -> b.put("frequencyPerDay", "4"));
    d.put("frequencyPerDay 4.5", b -> b.put("frequencyPerDay", 4.5));
    d.put("frequencyPerDay missing", b -> b.remove("frequencyPerDay"));
    d.put("combinedServiceIndicator true", b -> b.put("combinedServiceIndicator", true));
    d.put("combinedServiceIndicator missing", b -> b.remove("combinedServiceIndicator"));
    d.put("combinedServiceIndicator as a string", b -> b.put("combinedServiceIndicator", "false"));
    d.put("recurringIndicator missing", b -> b.remove("recurringIndicator"));
    d.put("validUntil missing", b -> b.remove("validUntil"));
    d.put("validUntil not a date", b -> b.put("validUntil", "2030-13-01"));
    d.put("validUntil with a time", b -> b.put("validUntil", "2030-01-01T00:00:00Z"));
    d.put("validUntil as a number", b -> b.put("validUntil", 20300101));
    d.put("validUntil yesterday", b -> b.put("validUntil", tpp.today().minusDays(1).toString()));
    d.put(
        "validUntil 91 days ahead", b -> b.put("validUntil", tpp.today().plusDays(91).toString()));
    d.put("validUntil 9999-12-31", b -> b.put("validUntil", "9999-12-31"));
    d.put("access missing", b -> b.remove("access"));
    d.put("access empty", b -> b.putObject("access"));
    d.put("access lists empty", b -> b.set("access", Journey.json("{'accounts':[]}")));
    d.put(
        "availableAccounts",
        b -> b.set("access", Journey.json("{'availableAccounts':'allAccounts'}")));
    d.put("allPsd2", b -> b.set("access", Journey.json("{'allPsd2':'allAccounts'}")));
    d.put(
        "availableAccountsWithBalance",
        b -> b.set("access", Journey.json("{'availableAccountsWithBalance':'allAccounts'}")));
    d.put("an unknown access member", b -> ((ObjectNode) b.get("access")).put("cards", "x"));
    d.put("accounts not a list", b -> ((ObjectNode) b.get("access")).put("accounts", iban));
    d.put("an iban with bad check digits", b -> setIban(b, badCheckDigits(iban)));
    d.put("an iban in lower case", b -> setIban(b, iban.toLowerCase()));
    d.put("an iban with spaces", b -> setIban(b, iban.substring(0, 4) + " " + iban.substring(4)));
    d.put("an iban too short", b -> setIban(b, iban.substring(0, iban.length() - 1)));
    d.put("a value that is no IBAN", b -> setIban(b, "not-an-iban"));
    d.put(
        "an iban as a number",
        b -> ((ObjectNode) b.get("access").get("accounts").get(0)).put("iban", 5));
    d.put(
        "a bban instead of an iban",
        b -> b.set("access", Journey.json("{'accounts':[{'bban':'123'}]}")));
    d.put("a valid IBAN of another bank", b -> setIban(b, Journey.CREDITOR_IBAN));
    d.put(
        "a currency other than the account's",
        b -> ((ObjectNode) b.get("access").get("accounts").get(0)).put("currency", "USD"));
    return d;
  }

  private static void setIban(ObjectNode body, String value) {
    ((ObjectNode) body.get("access").get("balances").get(0)).put("iban", value);
  }

  static String badCheckDigits(String iban) {
    int check = Integer.parseInt(iban.substring(2, 4));
    return iban.substring(0, 2)
        + String.format("%02d", check == 98 ? 2 : check + 1)
        + iban.substring(4);
  }

  static Iterable<String> bodyDefectNames() {
    return bodyDefects().keySet();
  }

  @ParameterizedTest
  @MethodSource("bodyDefectNames")
  void con2MalformedConsentBodiesAreFormatErrors(String defect) {
    ObjectNode body = tpp.consentRequest(iban);
    bodyDefects().get(defect).accept(body);
    formatError(tpp.postConsent(body, Map.of()));
  }

  @Test
  void con2AnotherCountrysTestAccountIsNoAccountOfTheTenant() {
    JsonNode belgian = tpp.in("be_nl").testAccount();
    formatError(tpp.postConsent(tpp.consentRequest(belgian.get("iban").asText()), Map.of()));
    // ... and it is one in the Belgian tenants.
    assertThat(
            tpp.in("be_fr")
                .postConsent(tpp.consentRequest(belgian.get("iban").asText()), Map.of())
                .statusCode())
        .isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "localhost", "192.0.2", "192.0.2.256", "01.2.3.4", "1:2:3", "::1::", "x::1"})
  void con2APsuIpAddressThatIsNoIpAddressIsAFormatError(String value) {
    formatError(tpp.postConsent(tpp.consentRequest(iban), Map.of("PSU-IP-Address", value)));
  }

  @Test
  void con2TheHeadersAreRequired() {
    Map<String, String> noIp = new LinkedHashMap<>();
    noIp.put("PSU-IP-Address", null);
    formatError(tpp.postConsent(tpp.consentRequest(iban), noIp));
    Map<String, String> noRedirect = new LinkedHashMap<>();
    noRedirect.put("TPP-Redirect-URI", null);
    formatError(tpp.postConsent(tpp.consentRequest(iban), noRedirect));
  }

  @Test
  void con2BodiesThatAreNotOneJsonObjectAreFormatErrors() {
    for (String body :
        new String[] {
          "", "{", "[]", "\"text\"", "null", "{} {}", "{\"access\":1,\"access\":2}", "not json"
        }) {
      HttpResponse<String> r =
          tpp.xs2a(
              "POST",
              "consents",
              body,
              Journey.headers(
                  "PSU-IP-Address",
                  Journey.PSU_IP,
                  "TPP-Redirect-URI",
                  R,
                  "Content-Type",
                  "application/json"));
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(Flow.bgCode(r)).as(body).isEqualTo("FORMAT_ERROR");
    }
    formatError(tpp.postConsent(tpp.consentRequest(iban), Map.of("Content-Type", "text/plain")));
  }

  // ---------------------------------------------------------------- CON-3

  @Test
  void con3UnsignedOrBadlySignedConsentRequestsAreRefused() {
    String body = tpp.consentRequest(iban).toString();
    Map<String, String> h =
        Journey.headers("PSU-IP-Address", Journey.PSU_IP, "TPP-Redirect-URI", R);
    Map<String, String> unsigned = new LinkedHashMap<>(h);
    unsigned.put("Signature", null);
    refused(tpp.xs2a("POST", "consents", body, unsigned), 401, "SIGNATURE_MISSING");
    Map<String, String> noCertificate = new LinkedHashMap<>(h);
    noCertificate.put("TPP-Signature-Certificate", null);
    refused(tpp.xs2a("POST", "consents", body, noCertificate), 401, "CERTIFICATE_MISSING");
    Map<String, String> noSsl = new LinkedHashMap<>(h);
    noSsl.put("SSL-Certificate", null);
    refused(tpp.xs2a("POST", "consents", body, noSsl), 401, "CERTIFICATE_MISSING");
    Map<String, String> otherDigest = new LinkedHashMap<>(h);
    otherDigest.put("Digest", TestSigner.digest("SHA-256", "{}".getBytes()));
    refused(tpp.xs2a("POST", "consents", body, otherDigest), 401, "SIGNATURE_INVALID");
    // Signed by another key than the certificate's.
    TestSigner wrongKey = new TestSigner(tpp.signer.certificate(), TestPki.Keys.TPP_C.getPrivate());
    refused(
        tpp.signingWith(wrongKey).postConsent(tpp.consentRequest(iban), Map.of()),
        401,
        "SIGNATURE_INVALID");
    // An expired certificate.
    java.security.cert.X509Certificate expired =
        TestPki.tpp("PSDNL-DNB-CONS01")
            .validity(
                Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)))
            .issue(TestPki.Keys.TPP_A);
    HttpResponse<String> r =
        tpp.signingWith(new TestSigner(expired, TestPki.Keys.TPP_A.getPrivate()))
            .postConsent(tpp.consentRequest(iban), Map.of());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(r)).isIn("CERTIFICATE_EXPIRED", "CERTIFICATE_INVALID");
  }

  // ---------------------------------------------------------------- CON-4

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://tpp.example/consent/cb/",
        "https://tpp.example/consent/c",
        "https://TPP.example/consent/cb",
        "https://evil.example/consent/cb",
        "https://tpp.example/consent/cb?x=1"
      })
  void con4AnUnregisteredTppRedirectUriIsRefusedAtCreation(String uri) {
    HttpResponse<String> r =
        tpp.postConsent(tpp.consentRequest(iban), Map.of("TPP-Redirect-URI", uri));
    formatError(r);
    assertThat(Flow.bgText(r)).contains("not exactly one of the client's registered redirect URIs");
  }

  @Test
  void con4EveryRegisteredRedirectUriIsAccepted() {
    Journey.Created c = tpp.redirectingTo(R2).consentOk(iban);
    assertThat(SandboxHttp.queryOf(c.scaRedirect()).get("redirect_uri")).isEqualTo(R2);
  }

  @Test
  void aTppWithoutRegistrationGets403() {
    TestSigner unregistered =
        new TestSigner(
            TestPki.tpp("PSDNL-DNB-CONS99").issue(TestPki.Keys.TPP_C),
            TestPki.Keys.TPP_C.getPrivate());
    refused(
        tpp.signingWith(unregistered).postConsent(tpp.consentRequest(iban), Map.of()),
        403,
        "SERVICE_BLOCKED");
  }

  // ---------------------------------------------------------------- CON-5

  @Test
  void con5UnknownOrForeignConsentIdsAre403ConsentUnknown() {
    Journey.Created mine = tpp.consentOk(iban);
    for (String path :
        new String[] {
          "consents/nope",
          "consents/nope/status",
          "consents/" + mine.id() + "x",
          "consents/nope/authorisations/" + mine.authorisationId()
        }) {
      HttpResponse<String> r = tpp.xs2a("GET", path);
      refused(r, 403, "CONSENT_UNKNOWN");
      assertThat(r.body()).doesNotContain(iban);
    }
    for (String path :
        new String[] {
          "consents/" + mine.id(),
          "consents/" + mine.id() + "/status",
          "consents/" + mine.id() + "/authorisations/" + mine.authorisationId()
        }) {
      HttpResponse<String> r = other.xs2a("GET", path);
      refused(r, 403, "CONSENT_UNKNOWN");
      assertThat(r.body()).doesNotContain(iban);
    }
    refused(other.xs2a("DELETE", "consents/" + mine.id()), 403, "CONSENT_UNKNOWN");
    refused(other.confirmConsent(mine, null), 403, "CONSENT_UNKNOWN");
    // Bound to its tenant, too.
    refused(tpp.in("be_nl").xs2a("GET", "consents/" + mine.id()), 403, "CONSENT_UNKNOWN");
    assertThat(tpp.consentStatus(mine.id())).isEqualTo("received");
  }

  @Test
  void anUnknownTenantIs404() {
    refused(tpp.in("xx").postConsent(tpp.consentRequest(iban), Map.of()), 404, "RESOURCE_UNKNOWN");
  }

  // ---------------------------------------------------------------- statuses

  @Test
  void theScaStatusFollowsTheAuthorisation() {
    Journey.Created c = tpp.consentOk(iban);
    String path = "consents/" + c.id() + "/authorisations/" + c.authorisationId();
    Consumer<String> sca =
        expected ->
            assertThat(SandboxHttp.json(tpp.xs2a("GET", path)))
                .isEqualTo(Journey.json("{'scaStatus':'" + expected + "'}"));
    sca.accept("received");
    String session = tpp.loginSession(c.scaRedirect());
    sca.accept("started");
    HttpResponse<String> back = tpp.login(session, account);
    sca.accept("unconfirmed");
    HttpResponse<String> t =
        tpp.exchange(SandboxHttp.queryOf(SandboxHttp.location(back).get(0)).get("code"));
    tpp.confirmConsent(c, SandboxHttp.json(t).get("access_token").asText());
    sca.accept("finalised");
    refused(
        tpp.xs2a("GET", "consents/" + c.id() + "/authorisations/other"), 403, "RESOURCE_UNKNOWN");
  }

  @Test
  void aConsentExpiresAfterItsValidUntilDayByTheSandboxClock() {
    ObjectNode body = tpp.consentRequest(iban);
    body.put("validUntil", tpp.today().plusDays(1).toString());
    Journey.Created c = tpp.consentOk(body);
    clock.advance(Duration.ofDays(1));
    try {
      assertThat(tpp.consentStatus(c.id())).isEqualTo("received");
      clock.advance(Duration.ofDays(1));
      assertThat(tpp.consentStatus(c.id())).isEqualTo("expired");
    } finally {
      clock.advance(Duration.ofDays(-2));
    }
    // Expired for good, even when the clock goes back.
    assertThat(tpp.consentStatus(c.id())).isEqualTo("expired");
  }

  @Test
  void expireConsentsEndsTheOpenConsentsOfOneClient() {
    Journey third =
        Journey.register(sandbox, http, "PSDNL-DNB-CONS03", TestPki.Keys.TPP_C, "nl", R);
    Journey.Created a = third.consentOk(iban);
    Journey.Created b = third.consentOk(iban);
    Journey.Created mine = tpp.consentOk(iban);
    assertThat(sandbox.expireConsents(third.clientId())).isEqualTo(2);
    assertThat(third.consentStatus(a.id())).isEqualTo("expired");
    assertThat(third.consentStatus(b.id())).isEqualTo("expired");
    assertThat(tpp.consentStatus(mine.id())).isEqualTo("received");
    assertThat(sandbox.expireConsents(third.clientId())).isEqualTo(0);
    assertThat(sandbox.expireConsents("no-such-client")).isEqualTo(0);
  }
}
