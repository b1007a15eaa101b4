package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Section 11: the authorisation endpoint with a consent's or payment's scope, and the reference
 * login page: SCA-1..SCA-3 and the page's own errors (ERR-2: HTML).
 */
class ScaLoginTest {

  private static final String R = "https://tpp.example/sca/cb?flow=ais";
  private static final String R2 = "https://tpp.example/sca/other";

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static Journey tpp;
  private static Journey other;
  private static JsonNode account;
  private static JsonNode second;
  private static String iban;

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withClock(new MutableClock(Instant.now())));
    http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-SCA001", TestPki.Keys.TPP_A, "nl", R, R2);
    other = Journey.register(sandbox, http, "PSDNL-DNB-SCA002", TestPki.Keys.TPP_B, "nl", R);
    account = tpp.testAccount();
    second = tpp.testAccount();
    iban = account.get("iban").asText();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static void errorPage(HttpResponse<String> r, String text) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Location")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
    assertThat(r.body()).contains("<html", Html.escape(text));
  }

  private static Map<String, String> back(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = SandboxHttp.location(r).get(0);
    assertThat(location).startsWith(R + "&");
    return SandboxHttp.queryOf(location);
  }

  private static String wrongDigipass(JsonNode acc) {
    return acc.get("digipass").asText().equals("0000000000") ? "1111111111" : "0000000000";
  }

  // ---------------------------------------------------------------- SCA-1

  @Test
  void sca1TheBrowserGoesBackToExactlyTheRedirectUriWithCodeAndState() {
    Journey.Created c = tpp.consentOk(iban);
    Map<String, String> q = back(tpp.login(tpp.loginSession(c.scaRedirect()), account));
    assertThat(q.keySet()).containsExactly("flow", "code", "state");
    assertThat(q.get("flow")).isEqualTo("ais");
    assertThat(q.get("state")).isEqualTo(Journey.STATE);
    // Spaces and lower case forgiven, as a PSU types an IBAN.
    Journey.Created d = tpp.consentOk(iban);
    String typed = iban.toLowerCase().substring(0, 4) + " " + iban.substring(4);
    assertThat(
            back(tpp.login(
                    tpp.loginSession(d.scaRedirect()),
                    typed,
                    account.get("digipass").asText(),
                    "login"))
                .get("code"))
        .isNotBlank();
  }

  @Test
  void sca1AnAuthorisationWithoutStateComesBackWithoutState() {
    Journey.Created c = tpp.consentOk(iban);
    HttpResponse<String> opened =
        http.get(
            tpp.pathOf(
                c.scaRedirect()
                    + "&code_challenge="
                    + Journey.CHALLENGE
                    + "&code_challenge_method=S256"));
    String session = SandboxHttp.queryOf(SandboxHttp.location(opened).get(0)).get("session");
    assertThat(back(tpp.login(session, account)).keySet()).containsExactly("flow", "code");
  }

  // ---------------------------------------------------------------- SCA-2

  @Test
  void sca2ThreeWrongLoginsEndInAccessDeniedAndARejectedConsent() {
    Journey.Created c = tpp.consentOk(iban);
    String session = tpp.loginSession(c.scaRedirect());
    for (int attempt = 1; attempt <= 2; attempt++) {
      HttpResponse<String> r = tpp.login(session, iban, wrongDigipass(account), "login");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Location")).isEmpty();
      assertThat(r.body())
          .contains(
              "The IBAN and digipass do not match a test account that this authorisation covers ("
                  + (3 - attempt)
                  + (attempt == 2 ? " attempt" : " attempts")
                  + " left).",
              "<form method=\"post\"");
      assertThat(tpp.consentStatus(c.id())).isEqualTo("received");
    }
    Map<String, String> q = back(tpp.login(session, iban, wrongDigipass(account), "login"));
    assertThat(q)
        .containsExactly(
            Map.entry("flow", "ais"),
            Map.entry("error", "access_denied"),
            Map.entry("error_description", "The PSU could not be authenticated (3 wrong attempts)"),
            Map.entry("state", Journey.STATE));
    assertThat(tpp.consentStatus(c.id())).isEqualTo("rejected");
    // The session is over: the right digipass now gets an error page, no code.
    errorPage(tpp.login(session, account), "the login session is unknown or has expired");
  }

  @Test
  void sca2AnAccountTheConsentDoesNotCoverIssuesNoCode() {
    Journey.Created c = tpp.consentOk(iban);
    String session = tpp.loginSession(c.scaRedirect());
    HttpResponse<String> r = tpp.login(session, second);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("do not match a test account that this authorisation covers");
    // A covered account still logs in (one failure so far).
    assertThat(back(tpp.login(session, account)).get("code")).isNotBlank();
  }

  @Test
  void sca2ACancelledLoginEndsInConsentRequiredAndARejectedConsent() {
    Journey.Created c = tpp.consentOk(iban);
    String session = tpp.loginSession(c.scaRedirect());
    Map<String, String> q = back(tpp.login(session, "", "", "cancel"));
    assertThat(q)
        .containsExactly(
            Map.entry("flow", "ais"),
            Map.entry("error", "consent_required"),
            Map.entry("error_description", "The PSU cancelled the authorisation"),
            Map.entry("state", Journey.STATE));
    assertThat(tpp.consentStatus(c.id())).isEqualTo("rejected");
    errorPage(tpp.login(session, account), "the login session is unknown or has expired");
  }

  @Test
  void sca2PaymentsAreCancelledOrRejected() {
    Journey.Created cancelled = tpp.paymentOk(iban, "1.00");
    back(tpp.login(tpp.loginSession(cancelled.scaRedirect()), "", "", "cancel"));
    assertThat(tpp.paymentStatus(cancelled.id())).isEqualTo("CANC");

    Journey.Created rejected = tpp.paymentOk(iban, "1.00");
    String session = tpp.loginSession(rejected.scaRedirect());
    // The debtor account only: another test account of the PSU's bank is not the debtor.
    tpp.login(session, second);
    tpp.login(session, iban, wrongDigipass(account), "login");
    assertThat(back(tpp.login(session, iban, wrongDigipass(account), "login")).get("error"))
        .isEqualTo("access_denied");
    assertThat(tpp.paymentStatus(rejected.id())).isEqualTo("RJCT");
  }

  // ---------------------------------------------------------------- SCA-3

  @Test
  void sca3AScaRedirectIsGoodForOneLoginOnly() {
    Journey.Created c = tpp.consentOk(iban);
    String session = tpp.loginSession(c.scaRedirect());
    // Opened once: a second use finds nothing pending, even before the login.
    errorPage(tpp.openScaRedirect(c.scaRedirect()), ScaTargets.NO_PENDING);
    back(tpp.login(session, account));
    errorPage(tpp.openScaRedirect(c.scaRedirect()), ScaTargets.NO_PENDING);
    errorPage(tpp.openScaRedirect(c.scaRedirect(), "another state"), ScaTargets.NO_PENDING);
  }

  // ---------------------------------------------------------------- the scope at /auth

  @Test
  void theScopeMustNameAPendingConsentOfTheClientWithItsRedirectUri() {
    Journey.Created c = tpp.consentOk(iban);
    String base = c.scaRedirect();
    // Unknown consent, another client's consent: the same page.
    errorPage(
        tpp.openScaRedirect(base.replace("AIS%3A" + c.id(), "AIS%3Aunknown")),
        "the scope names a consent that is not one of this client's");
    Journey.Created theirs = other.consentOk(iban);
    errorPage(
        tpp.openScaRedirect(base.replace("AIS%3A" + c.id(), "AIS%3A" + theirs.id())),
        "the scope names a consent that is not one of this client's");
    errorPage(
        tpp.openScaRedirect(base.replace("AIS%3A" + c.id(), "PIS%3A" + c.id())),
        "the scope names a payment that is not one of this client's");
    // Another registered redirect URI than the consent's TPP-Redirect-URI.
    errorPage(
        tpp.openScaRedirect(base.replace(SandboxHttp.enc(R), SandboxHttp.enc(R2))),
        "redirect_uri is not the TPP-Redirect-URI of the consent");
    // Two targets, or one without id.
    errorPage(
        tpp.openScaRedirect(base.replace("AIS%3A" + c.id(), "AIS%3A" + c.id() + "+AIS%3Ax")),
        "the scope names more than one consent or payment");
    errorPage(
        tpp.openScaRedirect(base.replace("AIS%3A" + c.id(), "AIS%3A")),
        "the scope token AIS: names no id");
    // In another tenant the consent is unknown.
    errorPage(
        tpp.openScaRedirect(base.replace("/auth/nl/", "/auth/be_nl/")),
        "the scope names a consent that is not one of this client's");
    // None of these used the scaRedirect up.
    assertThat(tpp.loginSession(base)).isNotBlank();
  }

  @Test
  void aRejectedOrValidConsentHasNothingPending() {
    Journey.Created c = tpp.consentOk(iban);
    back(tpp.login(tpp.loginSession(c.scaRedirect()), "", "", "cancel"));
    errorPage(tpp.openScaRedirect(c.scaRedirect()), ScaTargets.NO_PENDING);
  }

  @Test
  void plainScopesStillOpenALoginForAnyTestAccount() {
    for (String scope : new String[] {"openid", "openid offline_access", ""}) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("response_type", "code");
      p.put("client_id", tpp.clientId());
      p.put("redirect_uri", R);
      if (!scope.isEmpty()) {
        p.put("scope", scope);
      }
      p.put("state", "s");
      p.put("code_challenge", Journey.CHALLENGE);
      p.put("code_challenge_method", "S256");
      HttpResponse<String> r = http.get("/auth/nl/v1/auth?" + SandboxHttp.query(p));
      assertThat(r.statusCode()).as(scope).isEqualTo(302);
      String session = SandboxHttp.queryOf(SandboxHttp.location(r).get(0)).get("session");
      assertThat(back(tpp.login(session, second)).get("code")).isNotBlank();
    }
  }

  // ---------------------------------------------------------------- the page's own errors

  @Test
  void malformedLoginsAreHtmlErrorPages() {
    Journey.Created c = tpp.consentOk(iban);
    String session = tpp.loginSession(c.scaRedirect());
    String digipass = account.get("digipass").asText();
    Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
    List<String[]> cases =
        List.of(
            new String[] {
              SandboxHttp.form("session", session, "iban", iban, "digipass", digipass),
              "action is missing (login or cancel)"
            },
            new String[] {
              SandboxHttp.form(
                  "session", session, "iban", iban, "digipass", digipass, "action", "submit"),
              "action 'submit' is not login or cancel"
            },
            new String[] {
              SandboxHttp.form("session", session, "digipass", digipass, "action", "login"),
              "the login needs the fields iban and digipass"
            },
            new String[] {
              SandboxHttp.form("session", session, "iban", iban, "action", "login"),
              "the login needs the fields iban and digipass"
            },
            new String[] {
              SandboxHttp.form(
                  "session",
                  session,
                  "session",
                  session,
                  "iban",
                  iban,
                  "digipass",
                  digipass,
                  "action",
                  "login"),
              "field session is repeated"
            },
            new String[] {
              SandboxHttp.form(
                  "session",
                  session,
                  "iban",
                  iban,
                  "digipass",
                  digipass,
                  "action",
                  "login",
                  "action",
                  "cancel"),
              "field action is repeated"
            },
            new String[] {
              SandboxHttp.form("iban", iban, "digipass", digipass, "action", "login"),
              "the login session is unknown or has expired"
            },
            new String[] {"session=%zz", "form body is malformed"});
    for (String[] k : cases) {
      errorPage(http.post("/auth/nl/v1/login", form, k[0]), k[1]);
    }
    errorPage(
        http.post(
            "/auth/nl/v1/login",
            Map.of("Content-Type", "application/json"),
            "{\"session\":\"" + session + "\"}"),
        "the login form must be posted as application/x-www-form-urlencoded");
    errorPage(
        http.get("/auth/nl/v1/login?session=" + session + "&session=x"),
        "parameter session is repeated");
    // None of them counted as a login attempt or ended the session.
    assertThat(back(tpp.login(session, account)).get("code")).isNotBlank();
  }
}
