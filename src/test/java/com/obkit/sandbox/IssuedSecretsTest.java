package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener of {@link ReferenceSandbox#start(SandboxOptions, SectorIdentifierFetcher,
 * Consumer)}: it hears exactly the secrets the HTTP answers carried (so a leak test can search for
 * them), never the public identifiers; and the wiring that builds every rule-keeping part with the
 * sandbox's options.
 */
class IssuedSecretsTest {

  private static final String R = "https://tpp.example/callback";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static TestSigner signer;

  private final Queue<String> issued = new ConcurrentLinkedQueue<>();
  private ReferenceSandbox sandbox;
  private SandboxHttp http;

  @BeforeAll
  static void keys() {
    X509Certificate c = TestPki.tpp("PSDNL-DNB-LEAK001").issue(TestPki.Keys.TPP_A);
    signer = new TestSigner(c, TestPki.Keys.TPP_A.getPrivate());
  }

  @BeforeEach
  void start() {
    sandbox =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false), SectorIdentifierFetcher.http(), issued::add);
    http = new SandboxHttp(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private JsonNode testAccount() {
    HttpResponse<String> r = http.post("/xs2a-bg/nl/sandbox/v1/test-accounts", signer.sign(""), "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return SandboxHttp.json(r);
  }

  @Test
  void onboardingRegistrationAndTestAccountReportTheirSecretsAndNothingElse() {
    String accessToken = Flow.token(http, "nl", signer);
    HttpResponse<String> registration = Flow.register(http, "nl", signer, accessToken, List.of(R));
    assertThat(registration.statusCode()).as(registration.body()).isEqualTo(201);
    JsonNode client = SandboxHttp.json(registration);
    String clientId = client.get("client_id").asText();
    String clientSecret = client.get("client_secret").asText();
    JsonNode account = testAccount();
    String iban = account.get("iban").asText();
    String digipass = account.get("digipass").asText();

    // Exactly the three secrets the answers carried, each once: no client_id, no IBAN (digits).
    assertThat(issued).containsExactlyInAnyOrder(accessToken, clientSecret, digipass);
    assertThat(issued).doesNotContain(clientId, iban);
    assertThat(issued).noneSatisfy(value -> assertThat(iban).contains(value));
    assertThat(digipass).matches("\\d{10}");
  }

  @Test
  void everyRegistrationReportsItsNewClientSecret() {
    String token = Flow.token(http, "nl", signer);
    String first =
        SandboxHttp.json(Flow.register(http, "nl", signer, token, List.of(R)))
            .get("client_secret")
            .asText();
    String second =
        SandboxHttp.json(Flow.register(http, "nl", signer, token, List.of(R)))
            .get("client_secret")
            .asText();

    assertThat(first).isNotEqualTo(second);
    assertThat(issued).containsExactlyInAnyOrder(token, first, second);
  }

  @Test
  void authorisationFlowReportsSessionCodeAndTokens() {
    JsonNode client = Flow.registered(http, "nl", signer, List.of(R));
    String clientId = client.get("client_id").asText();
    String clientSecret = client.get("client_secret").asText();
    JsonNode account = testAccount();
    issued.clear(); // the onboarding secrets are covered above

    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", R);
    p.put("scope", "openid offline_access");
    p.put("state", "s1");
    p.put("code_challenge", AuthorizationFlowTest.s256(VERIFIER));
    p.put("code_challenge_method", "S256");
    HttpResponse<String> auth = http.get("/auth/nl/v1/auth?" + SandboxHttp.query(p));
    assertThat(auth.statusCode()).as(auth.body()).isEqualTo(302);
    String session = SandboxHttp.queryOf(SandboxHttp.location(auth).get(0)).get("session");
    HttpResponse<String> login =
        http.post(
            "/auth/nl/v1/login",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            SandboxHttp.form(
                "session",
                session,
                "iban",
                account.get("iban").asText(),
                "digipass",
                account.get("digipass").asText(),
                "action",
                "login"));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    String code = SandboxHttp.queryOf(SandboxHttp.location(login).get(0)).get("code");
    HttpResponse<String> tokens =
        Flow.tokenRequest(
            http,
            clientId,
            clientSecret,
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            R,
            "code_verifier",
            VERIFIER);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode t = SandboxHttp.json(tokens);

    assertThat(issued)
        .containsExactlyInAnyOrder(
            session,
            code,
            VERIFIER, // the client's, as the token endpoint received it
            t.get("access_token").asText(),
            t.get("refresh_token").asText(),
            t.get("id_token").asText());
  }

  @Test
  void theJourneyReportsItsTokensCodesSessionsAndIdTokensButNoIdentifiers() {
    Journey tpp = Journey.register(sandbox, http, "PSDNL-DNB-LEAK002", TestPki.Keys.TPP_B, "nl", R);
    JsonNode account = tpp.testAccount();
    issued.clear();

    Journey.Created consent = tpp.consentOk(account.get("iban").asText());
    assertThat(issued).as("a consent is no secret").isEmpty();
    String session = tpp.loginSession(consent.scaRedirect());
    HttpResponse<String> back = tpp.login(session, account);
    String code = SandboxHttp.queryOf(SandboxHttp.location(back).get(0)).get("code");
    JsonNode t = SandboxHttp.json(tpp.exchange(code));
    Journey.Authorised a =
        new Journey.Authorised(
            consent, t.get("access_token").asText(), t.get("refresh_token").asText(), t);
    List<String> everything = new ArrayList<>(issued);
    assertThat(issued)
        .containsExactly(
            session,
            code,
            VERIFIER, // the client's, as the token endpoint received it
            a.accessToken(),
            a.refreshToken(),
            t.get("id_token").asText());
    issued.clear();

    tpp.confirmConsent(consent, a.accessToken());
    String rid = tpp.resourceId(a);
    tpp.read("accounts/" + rid + "/balances", a);
    tpp.read(Journey.transactions(rid), a);
    Journey.Created payment = tpp.paymentOk(account.get("iban").asText(), "1.00");
    assertThat(issued).as("reads, payments and their ids are no secrets").isEmpty();

    JsonNode refreshed = SandboxHttp.json(tpp.refresh(a.refreshToken()));
    assertThat(issued)
        .containsExactly(
            refreshed.get("access_token").asText(), refreshed.get("refresh_token").asText());
    everything.addAll(issued);
    issued.clear();
    tpp.revoke(refreshed.get("refresh_token").asText(), "refresh_token");
    tpp.xs2a("DELETE", "consents/" + consent.id());
    assertThat(issued).isEmpty();
    assertThat(List.of(consent.id(), consent.authorisationId(), payment.id(), rid))
        .doesNotContainAnyElementsOf(everything);
  }

  @Test
  void refusedRequestsIssueNothing() {
    HttpResponse<String> unsigned = http.get("/xs2a-bg/nl/onboarding/v1");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    HttpResponse<String> badToken = Flow.register(http, "nl", signer, "not-a-token", List.of(R));
    assertThat(badToken.statusCode()).isGreaterThanOrEqualTo(400);

    assertThat(issued).isEmpty();
  }

  @Test
  void aMissingListenerFailsFast() {
    assertThatThrownBy(
            () ->
                ReferenceSandbox.start(
                    SandboxOptions.defaults().withTls(false),
                    SectorIdentifierFetcher.http(),
                    (Consumer<String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("issuedSecrets");
  }

  // ---------------------------------------------------------------- wiring

  private static ScaTargets scaTargets(SandboxOptions options, Secrets secrets) {
    return new ScaTargets(options, new Consents(options.clock(), secrets), new Payments(secrets));
  }

  @Test
  void partsBuiltWithOtherOptionsAreRefused() {
    SandboxOptions faithful = SandboxOptions.defaults();
    SandboxOptions deviant =
        faithful.withDeviations(java.util.Set.of(Deviation.SIGNATURE_NOT_VERIFIED.name()));
    CertificateRegistry registry = new CertificateRegistry();

    assertThatThrownBy(
            () ->
                new RequestVerifier(
                    faithful,
                    new CertificateVerifier(deviant, registry),
                    new SignatureVerifier(faithful)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certificate verifier");
    assertThatThrownBy(
            () ->
                new RequestVerifier(
                    faithful,
                    new CertificateVerifier(faithful, registry),
                    new SignatureVerifier(deviant)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signature verifier");
    RequestVerifier verifier =
        new RequestVerifier(
            deviant, new CertificateVerifier(deviant, registry), new SignatureVerifier(deviant));
    assertThat(verifier.options()).isEqualTo(deviant);

    Secrets secrets = new Secrets();
    ObjectMapper json = new ObjectMapper();
    assertThatThrownBy(
            () ->
                new Xs2aEndpoints(
                    faithful,
                    verifier,
                    registry,
                    new InitialAccessTokens(faithful.clock(), faithful.tokenLifetime(), secrets),
                    new TestAccounts(secrets),
                    new AccountBook(secrets),
                    new ErrorRenderer(faithful, json),
                    json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request verifier");
    assertThatThrownBy(
            () ->
                new AuthorizationEndpoints(
                    faithful,
                    new ClientRegistry(secrets),
                    new AuthorizationStore(faithful.clock(), secrets),
                    scaTargets(faithful, secrets),
                    new LoginPage(
                        faithful,
                        new TestAccounts(secrets),
                        new AuthorizationStore(faithful.clock(), secrets),
                        scaTargets(faithful, secrets)),
                    new ErrorRenderer(deviant, json)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error renderer");
  }
}
