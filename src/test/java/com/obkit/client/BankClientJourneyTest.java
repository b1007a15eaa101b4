package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.client.FakeBank.Answer;
import com.obkit.client.FakeBank.Received;
import com.obkit.config.KitConfig;
import com.obkit.outcomes.EnvironmentFault;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journey's calls (contract sections 10 to 15) against a fake bank on a loopback port: each
 * call sends exactly the request the contract describes (method, path, headers, body bytes), and no
 * secret it sends or receives reaches an Allure attachment or survives the run's scrubber.
 */
class BankClientJourneyTest {

  private static final Tpp TPP = tpp();
  private static final KitConfig CONFIG = KitConfig.load(Map.of(), Map.of());

  private static final String IBAN = "NL91TRIO0212345678";
  private static final String PSU_IP = "192.0.2.10";
  private static final String REDIRECT = "https://tpp.example/cb";
  private static final String EMPTY_DIGEST = "SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  private static final String CLIENT_ID = "kit-client-id-0001";
  private static final String CLIENT_SECRET = "client-secret-5e8d2c7a9b1f";
  private static final ClientCredentials CLIENT = new ClientCredentials(CLIENT_ID, CLIENT_SECRET);
  private static final String CODE = "code-7f3a9c1e5b2d4f60";
  private static final String VERIFIER = "verifier-Qm9iS2l0VmVyaWZpZXI0MjQyNDI0Mg";
  private static final String ACCESS = "access-token-1a2b3c4d5e6f7a8b";
  private static final String REFRESH = "refresh-token-9f8e7d6c5b4a";
  private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwc3UifQ.c2lnbmF0dXJl";
  private static final String DIGIPASS = "0123456789";
  private static final String SESSION = "session-4d3c2b1a0f9e";
  private static final String STATE = "state-abc";

  private FakeBank bank;
  private SecretRegistry secrets;
  private BankClient client;

  private static Tpp tpp() {
    OrganizationId org = OrganizationId.of("PSDNL-DNB-KITCLIENT01");
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    return new Tpp(org, ca.issue(CertificateSpec.builder(org).build(), KeyPool.generateRsa(2048)));
  }

  @BeforeEach
  void start() throws Exception {
    bank = new FakeBank();
    secrets = new SecretRegistry();
    client =
        new BankClient(
            CONFIG,
            new Transport(CONFIG.http(), List.of()),
            new BankEndpoints(bank.base(), bank.base(), CONFIG.bank().onboardingPath()),
            secrets);
  }

  @AfterEach
  void stop() {
    bank.close();
  }

  // ------------------------------------------------------------------ consents (section 10)

  @Test
  void aConsentIsPostedSignedWithItsBodyAndBothHeaders() {
    bank.answer(r -> Answer.json(201, "{\"consentStatus\":\"received\",\"consentId\":\"c-1\"}"));
    ConsentRequest request =
        ConsentRequest.detailed(IBAN, PSU_IP, REDIRECT, LocalDate.of(2025, 1, 10));

    HttpExchange answer = client.createConsent(TPP, "nl", request);

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/xs2a-bg/nl/v1/consents");
    assertThat(r.bodyText())
        .isEqualTo(
            "{\"access\":{\"accounts\":[{\"iban\":\"NL91TRIO0212345678\"}],"
                + "\"balances\":[{\"iban\":\"NL91TRIO0212345678\"}],"
                + "\"transactions\":[{\"iban\":\"NL91TRIO0212345678\"}]},"
                + "\"recurringIndicator\":true,\"validUntil\":\"2025-04-09\","
                + "\"frequencyPerDay\":4,\"combinedServiceIndicator\":false}");
    assertThat(r.contractHeaders())
        .isEqualTo(
            signed(
                r,
                "Content-Type",
                "application/json",
                "PSU-IP-Address",
                PSU_IP,
                "TPP-Redirect-URI",
                REDIRECT));
    assertThat(answer.method()).isEqualTo("POST");
    assertThat(answer.uri()).isEqualTo(bank.base().resolve("/xs2a-bg/nl/v1/consents"));
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.jsonText("consentId")).isEqualTo("c-1");
  }

  @Test
  void aConsentWithoutTheOptionalHeadersSendsNeither() {
    ConsentRequest request =
        ConsentRequest.detailed(IBAN, PSU_IP, REDIRECT, LocalDate.of(2025, 1, 10))
            .withoutPsuIpAddress()
            .withoutRedirectUri();

    client.createConsent(TPP, "be_fr", request);

    Received r = bank.only();
    assertThat(r.target()).isEqualTo("/xs2a-bg/be_fr/v1/consents");
    assertThat(r.body()).isEqualTo(request.json());
    assertThat(r.contractHeaders()).isEqualTo(signed(r, "Content-Type", "application/json"));
  }

  @Test
  void aConsentCanBeSentWithOneThingOfItsSignatureBroken() {
    ConsentRequest request =
        ConsentRequest.detailed(IBAN, PSU_IP, REDIRECT, LocalDate.of(2025, 1, 10));

    client.createConsent(TPP, "nl", request, Tampering.OMIT_SSL_CERTIFICATE);

    Received r = bank.only();
    Map<String, String> expected =
        signed(
            r,
            "Content-Type",
            "application/json",
            "PSU-IP-Address",
            PSU_IP,
            "TPP-Redirect-URI",
            REDIRECT);
    expected.remove("SSL-Certificate");
    assertThat(r.contractHeaders()).isEqualTo(expected);
  }

  @Test
  void theConsentItsStatusAndItsDeletionAreSignedCallsWithoutBody() {
    client.consent(TPP, "nl", "c-1");
    client.consentStatus(TPP, "nl", "c-1");
    client.deleteConsent(TPP, "nl", "c-1");

    List<Received> all = bank.received();
    assertThat(all.stream().map(r -> r.method() + " " + r.target()).toList())
        .isEqualTo(
            List.of(
                "GET /xs2a-bg/nl/v1/consents/c-1",
                "GET /xs2a-bg/nl/v1/consents/c-1/status",
                "DELETE /xs2a-bg/nl/v1/consents/c-1"));
    for (Received r : all) {
      assertThat(r.body()).isEqualTo(new byte[0]);
      assertThat(r.header("Digest")).isEqualTo(EMPTY_DIGEST);
      assertThat(r.contractHeaders()).isEqualTo(signed(r));
    }
  }

  @Test
  void aHostileIdStaysOneSegmentOfThePath() {
    client.consent(TPP, "nl", "a/../../accounts?x=1#f");
    client.consentStatus(TPP, "nl", "..");
    client.paymentStatus(TPP, "nl", "p 1/%2e");

    assertThat(bank.received().stream().map(Received::target).toList())
        .isEqualTo(
            List.of(
                "/xs2a-bg/nl/v1/consents/a%2F..%2F..%2Faccounts%3Fx%3D1%23f",
                "/xs2a-bg/nl/v1/consents/%2E%2E/status",
                "/xs2a-bg/nl/v1/payments/sepa-credit-transfers/p%201%2F%252e/status"));
  }

  @Test
  void aStatusLinkOfTheBankIsCalledSignedAsGiven() {
    URI link = client.endpoints().xs2aLink("/nl/v1/consents/c-1/status");

    HttpExchange answer = client.signedGet(TPP, link);

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.target()).isEqualTo("/xs2a-bg/nl/v1/consents/c-1/status");
    assertThat(r.contractHeaders()).isEqualTo(signed(r));
    assertThat(answer.uri()).isEqualTo(link);
  }

  // ------------------------------------------------------------------ confirmation (section 13)

  @Test
  void theConfirmationIsASignedPutWithAnEmptyBodyAndTheBearerToken() {
    bank.answer(r -> Answer.json(200, "{\"scaStatus\":\"finalised\"}"));
    URI link = client.endpoints().xs2aLink("/nl/v1/consents/c-1/authorisations/a-1");

    AllureCapture<HttpExchange> call =
        AllureCapture.of(() -> client.confirm(TPP, link, Optional.of(ACCESS), PSU_IP));

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.target()).isEqualTo("/xs2a-bg/nl/v1/consents/c-1/authorisations/a-1");
    assertThat(r.body()).isEqualTo(new byte[0]);
    assertThat(r.header("Digest")).isEqualTo(EMPTY_DIGEST);
    assertThat(r.contractHeaders())
        .isEqualTo(signed(r, "Authorization", "Bearer " + ACCESS, "PSU-IP-Address", PSU_IP));
    assertThat(call.value().status()).isEqualTo(200);
    assertThat(call.attachments().size()).isEqualTo(2);
    assertThat(call.showing(ACCESS)).isEqualTo(List.of());
    assertThat(call.showing(Redactor.mask(ACCESS)).size()).isEqualTo(1);
  }

  @Test
  void aConfirmationWithoutTokenSendsNoAuthorization() {
    client.confirm(
        TPP,
        client.endpoints().xs2aLink("/nl/v1/payments/sepa-credit-transfers/p-1/authorisations/a"),
        Optional.empty(),
        PSU_IP);

    Received r = bank.only();
    assertThat(r.target())
        .isEqualTo("/xs2a-bg/nl/v1/payments/sepa-credit-transfers/p-1/authorisations/a");
    assertThat(r.contractHeaders()).isEqualTo(signed(r, "PSU-IP-Address", PSU_IP));
  }

  // ------------------------------------------------------------------ account reads (section 13)

  @Test
  void theAccountListCarriesConsentTokenAndPsuAddress() {
    AllureCapture<HttpExchange> call =
        AllureCapture.of(
            () -> client.accounts(TPP, "nl", AccountAccess.attended("c-1", ACCESS, PSU_IP)));

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.target()).isEqualTo("/xs2a-bg/nl/v1/accounts");
    assertThat(r.contractHeaders())
        .isEqualTo(
            signed(
                r,
                "Consent-ID",
                "c-1",
                "Authorization",
                "Bearer " + ACCESS,
                "PSU-IP-Address",
                PSU_IP));
    assertThat(call.showing(ACCESS)).isEqualTo(List.of());
    assertThat(secrets.scrub("Bearer " + ACCESS)).isEqualTo("Bearer " + Redactor.mask(ACCESS));
  }

  @Test
  void anUnattendedBalancesReadHasNoPsuAddress() {
    client.balances(TPP, "nl", "r-1", AccountAccess.attended("c-1", ACCESS, PSU_IP).unattended());

    Received r = bank.only();
    assertThat(r.target()).isEqualTo("/xs2a-bg/nl/v1/accounts/r-1/balances");
    assertThat(r.contractHeaders())
        .isEqualTo(signed(r, "Consent-ID", "c-1", "Authorization", "Bearer " + ACCESS));
  }

  @Test
  void aReadWithoutTokenSendsNoAuthorization() {
    client.accounts(TPP, "nl", AccountAccess.attended("c-1", ACCESS, PSU_IP).withoutAccessToken());

    Received r = bank.only();
    assertThat(r.contractHeaders())
        .isEqualTo(signed(r, "Consent-ID", "c-1", "PSU-IP-Address", PSU_IP));
  }

  @Test
  void theBearerTokenIsRegisteredEvenWhenTheBankCannotBeReached() {
    bank.close();
    AccountAccess access = AccountAccess.attended("c-1", ACCESS, PSU_IP);

    assertThatThrownBy(() -> client.accounts(TPP, "nl", access))
        .isInstanceOf(EnvironmentFault.class);
    assertThat(secrets.isRegistered(ACCESS)).isTrue();
  }

  @Test
  void transactionsFollowNextLinksGivenAsTextOrHrefWithTheSameHeaders() {
    String base = "/nl/v1/accounts/r-1/transactions";
    bank.answer(
        r ->
            switch (r.target()) {
              case "/xs2a-bg/nl/v1/accounts/r-1/transactions?bookingStatus=both&dateFrom=2025-01-01" ->
                  page("\"" + base + "?page=2\"");
              case "/xs2a-bg/nl/v1/accounts/r-1/transactions?page=2" ->
                  page("{\"href\":\"" + bank.base() + "/xs2a-bg" + base + "?page=3\"}");
              default -> page(null);
            });
    AccountAccess access = AccountAccess.attended("c-1", ACCESS, PSU_IP);

    List<HttpExchange> pages =
        client.transactions(TPP, "nl", "r-1", access, LocalDate.of(2025, 1, 1));

    List<Received> all = bank.received();
    assertThat(all.stream().map(Received::target).toList())
        .isEqualTo(
            List.of(
                "/xs2a-bg/nl/v1/accounts/r-1/transactions?bookingStatus=both&dateFrom=2025-01-01",
                "/xs2a-bg/nl/v1/accounts/r-1/transactions?page=2",
                "/xs2a-bg/nl/v1/accounts/r-1/transactions?page=3"));
    for (Received r : all) {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.contractHeaders())
          .isEqualTo(
              signed(
                  r,
                  "Consent-ID",
                  "c-1",
                  "Authorization",
                  "Bearer " + ACCESS,
                  "PSU-IP-Address",
                  PSU_IP));
    }
    assertThat(pages.stream().map(p -> p.uri().getRawPath() + "?" + p.uri().getRawQuery()))
        .isEqualTo(all.stream().map(Received::target).toList());
  }

  @Test
  void transactionsStopAfterTwentyPages() {
    bank.answer(r -> page("\"/nl/v1/accounts/r-1/transactions?again\""));

    List<HttpExchange> pages =
        client.transactions(
            TPP,
            "nl",
            "r-1",
            AccountAccess.attended("c-1", ACCESS, PSU_IP),
            LocalDate.of(2025, 1, 1));

    assertThat(pages.size()).isEqualTo(20);
    assertThat(bank.received().size()).isEqualTo(20);
  }

  @Test
  void aNextLinkOffTheApiOriginIsNotFollowed() {
    bank.answer(r -> page("\"https://elsewhere.example/xs2a-bg/nl/v1/accounts/r-1/transactions\""));

    List<HttpExchange> pages =
        client.transactions(
            TPP,
            "nl",
            "r-1",
            AccountAccess.attended("c-1", ACCESS, PSU_IP),
            LocalDate.of(2025, 1, 1));

    assertThat(pages.size()).isEqualTo(1);
    assertThat(bank.received().size()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ payments (section 14)

  @Test
  void aPaymentIsPostedSignedWithItsBodyAndBothHeaders() {
    PaymentRequest payment =
        PaymentRequest.sepa(IBAN, "NL02TRIO0123456789", "12.34", PSU_IP, REDIRECT);

    client.initiatePayment(TPP, "be_nl", payment);

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/xs2a-bg/be_nl/v1/payments/sepa-credit-transfers");
    assertThat(r.bodyText())
        .isEqualTo(
            "{\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"12.34\"},"
                + "\"debtorAccount\":{\"iban\":\"NL91TRIO0212345678\"},"
                + "\"creditorAccount\":{\"iban\":\"NL02TRIO0123456789\"},"
                + "\"creditorName\":\"Kit Creditor\","
                + "\"remittanceInformationUnstructured\":\"obkit conformance\"}");
    assertThat(r.contractHeaders())
        .isEqualTo(
            signed(
                r,
                "Content-Type",
                "application/json",
                "PSU-IP-Address",
                PSU_IP,
                "TPP-Redirect-URI",
                REDIRECT));
  }

  @Test
  void aPaymentStatusIsASignedGet() {
    client.paymentStatus(TPP, "nl", "p-1");

    Received r = bank.only();
    assertThat(r.method() + " " + r.target())
        .isEqualTo("GET /xs2a-bg/nl/v1/payments/sepa-credit-transfers/p-1/status");
    assertThat(r.contractHeaders()).isEqualTo(signed(r));
  }

  // ------------------------------------------------------------------ token (section 12)

  @Test
  void theCodeExchangeIsAnUnsignedBasicFormAndNoSecretReachesTheReport() {
    String answer =
        "{\"access_token\":\""
            + ACCESS
            + "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"refresh_token\":\""
            + REFRESH
            + "\",\"scope\":\"openid offline_access AIS:c-1\",\"id_token\":\""
            + ID_TOKEN
            + "\"}";
    bank.answer(r -> Answer.json(200, answer));
    TokenRequest request = TokenRequest.authorizationCode(CODE, REDIRECT, VERIFIER, CLIENT);

    AllureCapture<HttpExchange> call = AllureCapture.of(() -> client.token("nl", request));

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/auth/nl/v1/token");
    assertThat(r.bodyText())
        .isEqualTo(
            "grant_type=authorization_code&code="
                + CODE
                + "&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb&code_verifier="
                + VERIFIER);
    assertThat(r.contractHeaders())
        .isEqualTo(
            headers(
                "Accept",
                "application/json",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Authorization",
                CLIENT.basicHeader()));
    String basic = CLIENT.basicHeader().substring("Basic ".length());
    for (String secret : List.of(CODE, VERIFIER, CLIENT_SECRET, basic, ACCESS, REFRESH, ID_TOKEN)) {
      assertThat(call.showing(secret)).as(secret).isEqualTo(List.of());
    }
    assertThat(call.attachments().size()).isEqualTo(2);
    assertThat(secrets.scrub(call.value().body()))
        .isEqualTo(
            "{\"access_token\":\""
                + Redactor.mask(ACCESS)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"refresh_token\":\""
                + Redactor.mask(REFRESH)
                + "\",\"scope\":\"openid offline_access AIS:c-1\",\"id_token\":\""
                + Redactor.mask(ID_TOKEN)
                + "\"}");
    assertThat(secrets.scrub(r.bodyText()))
        .isEqualTo(
            "grant_type=authorization_code&code="
                + Redactor.mask(CODE)
                + "&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb&code_verifier="
                + Redactor.mask(VERIFIER));
    assertThat(secrets.scrub(CLIENT.basicHeader()))
        .isEqualTo("Basic " + Redactor.mask(CLIENT_ID + ":" + CLIENT_SECRET));
  }

  @Test
  void aRefreshWithoutBasicSendsOnlyTheForm() {
    client.token("nl", TokenRequest.refresh(REFRESH, CLIENT).withoutBasic());

    Received r = bank.only();
    assertThat(r.bodyText()).isEqualTo("grant_type=refresh_token&refresh_token=" + REFRESH);
    assertThat(r.contractHeaders())
        .isEqualTo(
            headers(
                "Accept", "application/json", "Content-Type", "application/x-www-form-urlencoded"));
    assertThat(secrets.isRegistered(REFRESH)).isTrue();
  }

  @Test
  void theClientSecretIsRegisteredBeforeTheTokenCallCanFail() {
    bank.close();

    assertThatThrownBy(
            () ->
                client.token(
                    "nl", TokenRequest.authorizationCode(CODE, REDIRECT, VERIFIER, CLIENT)))
        .isInstanceOf(EnvironmentFault.class);
    assertThat(List.of(CLIENT_SECRET, CODE, VERIFIER).stream().map(secrets::isRegistered).toList())
        .isEqualTo(List.of(true, true, true));
  }

  // ------------------------------------------------------------------ revocation (section 15)

  @Test
  void aRevocationIsABasicFormWithTokenAndHint() {
    AllureCapture<HttpExchange> call =
        AllureCapture.of(() -> client.revoke("nl", REFRESH, "refresh_token", CLIENT));

    Received r = bank.only();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/auth/nl/v1/token/revoke");
    assertThat(r.bodyText()).isEqualTo("token=" + REFRESH + "&token_type_hint=refresh_token");
    assertThat(r.contractHeaders())
        .isEqualTo(
            headers(
                "Accept",
                "application/json",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Authorization",
                CLIENT.basicHeader()));
    String basic = CLIENT.basicHeader().substring("Basic ".length());
    for (String secret : List.of(REFRESH, CLIENT_SECRET, basic)) {
      assertThat(call.showing(secret)).as(secret).isEqualTo(List.of());
    }
    // The hint names a kind of token: masking it would scrub every "refresh_token" of the run.
    assertThat(secrets.scrub(r.bodyText()))
        .isEqualTo("token=" + Redactor.mask(REFRESH) + "&token_type_hint=refresh_token");
    assertThat(secrets.isRegistered("refresh_token")).isFalse();
  }

  // ------------------------------------------------------------------ the PSU's browser (11)

  @Test
  void theBrowserGetsAPageUnsignedWithTheQueryAsGiven() {
    bank.answer(r -> new Answer(200, Map.of("Content-Type", "text/html"), "<html></html>"));
    URI login = bank.base().resolve("/auth/nl/v1/login?session=" + SESSION + "&x=a%20b");

    AllureCapture<HttpExchange> call = AllureCapture.of(() -> client.browserGet(login));

    Received r = bank.only();
    assertThat(r.method() + " " + r.target())
        .isEqualTo("GET /auth/nl/v1/login?session=" + SESSION + "&x=a%20b");
    assertThat(r.contractHeaders()).isEqualTo(headers("Accept", "text/html"));
    assertThat(call.value().body()).isEqualTo("<html></html>");
    assertThat(call.showing(SESSION)).isEqualTo(List.of());
  }

  @Test
  void theLoginFormIsPostedInOrderAndTheDigipassAndCodeStayHidden() {
    bank.answer(r -> Answer.redirect(REDIRECT + "?code=" + CODE + "&state=" + STATE));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("session", SESSION);
    fields.put("iban", IBAN);
    fields.put("digipass", DIGIPASS);
    fields.put("action", "login");
    URI form = bank.base().resolve("/auth/nl/v1/login");

    AllureCapture<HttpExchange> call = AllureCapture.of(() -> client.browserPostForm(form, fields));

    Received r = bank.only();
    assertThat(r.method() + " " + r.target()).isEqualTo("POST /auth/nl/v1/login");
    assertThat(r.bodyText())
        .isEqualTo(
            "session=" + SESSION + "&iban=" + IBAN + "&digipass=" + DIGIPASS + "&action=login");
    assertThat(r.contractHeaders())
        .isEqualTo(
            headers("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"));
    String location = REDIRECT + "?code=" + CODE + "&state=" + STATE;
    assertThat(call.value().status()).isEqualTo(302);
    assertThat(call.value().header("Location")).isEqualTo(Optional.of(location));
    for (String secret : List.of(SESSION, DIGIPASS, CODE)) {
      assertThat(call.showing(secret)).as(secret).isEqualTo(List.of());
    }
    assertThat(secrets.scrub(location))
        .isEqualTo(REDIRECT + "?code=" + Redactor.mask(CODE) + "&state=" + STATE);
  }

  // ------------------------------------------------------------------ helpers

  /** The headers of a signed XS2A call that accepts JSON, plus {@code extra} name-value pairs. */
  private static Map<String, String> signed(Received r, String... extra) {
    Map<String, String> h =
        ExpectedSignature.expected(TPP.credentials(), r.body(), r.header("X-Request-ID"));
    h.put("Accept", "application/json");
    h.putAll(headers(extra));
    return h;
  }

  private static Map<String, String> headers(String... pairs) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < pairs.length; i += 2) {
      h.put(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  /** A transactions page with {@code next} (JSON text) as its next link, or none. */
  private static Answer page(String next) {
    String links = next == null ? "{}" : "{\"next\":" + next + "}";
    return Answer.json(
        200,
        "{\"account\":{\"iban\":\""
            + IBAN
            + "\"},\"transactions\":{\"booked\":[],\"pending\":[],\"_links\":"
            + links
            + "}}");
  }
}
