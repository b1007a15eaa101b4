package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ERR-2 (contract section 15): every client error of the endpoints of sections 10 to 15 is a 4xx in
 * the shape of section 8 (tppMessages under {@code /xs2a-bg}, the OAuth shape at the token and
 * revocation endpoints, an HTML page at the authorisation endpoint and the login page), never a
 * 5xx, and never carries a token or account data. Hundreds of malformed requests, each a valid
 * signed request broken in one place, sent as raw bytes; checked by {@link RobustnessTest#problem}.
 */
class JourneyRobustnessTest {

  private static final String R = "https://tpp.example/robust/journey";
  private static final Duration BOUND = Duration.ofSeconds(5);

  private static ReferenceSandbox sandbox;
  private static Journey tpp;
  private static JsonNode account;
  private static Journey.Authorised consent;
  private static Journey.Created payment;
  private static Journey.Authorised paymentTokens;
  private static String rid;

  @BeforeAll
  static void start() {
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
    SandboxHttp http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-ROBJ01", TestPki.Keys.TPP_A, "nl", R);
    account = tpp.testAccount();
    consent = tpp.validConsentOk(account);
    rid = tpp.resourceId(consent);
    payment = tpp.paymentOk(account.get("iban").asText(), "1.00");
    paymentTokens = tpp.authoriseOk(payment, account);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** A signed request as a conformant TPP sends it. */
  private static Wire.Request signed(String method, String path, byte[] body) {
    Wire.Request r =
        Wire.Request.of(method, "/xs2a-bg/nl/v1/" + path).headers(tpp.signer.sign(body));
    if (body.length > 0) {
      r = r.header("Content-Type", "application/json");
    }
    return r.body(body);
  }

  private static Wire.Request signed(String method, String path, String body) {
    return signed(method, path, body.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Wire.Request withTpp(Wire.Request r) {
    return r.header("PSU-IP-Address", Journey.PSU_IP).header("TPP-Redirect-URI", R);
  }

  private static Wire.Request reading(String path) {
    return signed("GET", path, "")
        .header("Consent-ID", consent.created().id())
        .header("Authorization", "Bearer " + consent.accessToken())
        .header("PSU-IP-Address", Journey.PSU_IP);
  }

  private static RobustnessTest.Case c(String family, String name, Wire.Request r) {
    return new RobustnessTest.Case(
        family, name, r, RobustnessTest.Shape.of(r.target()), Set.of(), null);
  }

  // ---------------------------------------------------------------- the cases

  /** JSON bodies that are not what the endpoint wants, for consents and payments alike. */
  static List<String> badJson() {
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "",
                "{",
                "}",
                "[",
                "{}",
                "[]",
                "null",
                "true",
                "42",
                "\"text\"",
                "{'access':{}}",
                "{\"a\":1}{\"b\":2}",
                "{\"a\":1,}",
                "{\"a\":NaN}",
                "{/* comment */}",
                "{\"a\":1e999999}",
                "{\"a\":\"\u0000\"}",
                "\u00ef\u00bb\u00bf{}",
                "{\"a\":\"\u00ff\u00fe\"}",
                "{\"a\":\"" + "x".repeat(3000) + "\"}",
                "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":".repeat(1500) + "1" + "}".repeat(1500)));
    for (String field :
        List.of(
            "access",
            "recurringIndicator",
            "validUntil",
            "frequencyPerDay",
            "combinedServiceIndicator",
            "instructedAmount",
            "debtorAccount",
            "creditorAccount",
            "creditorName")) {
      for (String value : List.of("null", "[]", "{}", "\"\"", "-1", "1e308", "true", "[null]")) {
        bodies.add("{\"" + field + "\":" + value + "}");
      }
    }
    return bodies;
  }

  static List<RobustnessTest.Case> cases() {
    List<RobustnessTest.Case> cases = new ArrayList<>();
    String iban = account.get("iban").asText();
    String consentBody = tpp.consentRequest(iban).toString();
    String paymentBody = tpp.paymentRequest(iban, "1.00").toString();

    // Bodies.
    for (String body : badJson()) {
      String name = Wire.abbreviate(body, 40);
      cases.add(
          c("consent bodies", name, withTpp(signed("POST", "consents", body))).expecting(400));
      cases.add(
          c("payment bodies", name, withTpp(signed("POST", "payments/sepa-credit-transfers", body)))
              .expecting(400));
    }
    for (String type :
        List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonx", "")) {
      cases.add(
          c(
                  "content types",
                  "consent as '" + type + "'",
                  withTpp(signed("POST", "consents", consentBody)).replace("Content-Type", type))
              .expecting(400));
    }

    // Headers of the journey.
    Map<String, String> garbage = new LinkedHashMap<>();
    garbage.put("empty", "");
    garbage.put("spaces", "   ");
    garbage.put("long", "x".repeat(8000));
    garbage.put("latin-1", "\u00ff\u00e9\u00e8");
    garbage.put("quotes", "\"'\"'");
    garbage.put("percent", "%zz%00");
    garbage.put("comma list", "a, b, c");
    for (Map.Entry<String, String> g : garbage.entrySet()) {
      String v = g.getValue();
      cases.add(
          c(
                  "journey headers",
                  "PSU-IP-Address " + g.getKey(),
                  withTpp(signed("POST", "consents", consentBody)).replace("PSU-IP-Address", v))
              .expecting(400));
      cases.add(
          c(
                  "journey headers",
                  "TPP-Redirect-URI " + g.getKey(),
                  withTpp(signed("POST", "consents", consentBody)).replace("TPP-Redirect-URI", v))
              .expecting(400));
      cases.add(
          c(
                  "journey headers",
                  "Consent-ID " + g.getKey(),
                  reading("accounts").replace("Consent-ID", v))
              .expecting(400, 403));
      cases.add(
          c(
                  "journey headers",
                  "Authorization " + g.getKey(),
                  reading("accounts").replace("Authorization", v))
              .expecting(401));
      cases.add(
          c(
                  "journey headers",
                  "Bearer " + g.getKey(),
                  reading("accounts").replace("Authorization", "Bearer " + v))
              .expecting(401));
      cases.add(
          c(
                  "journey headers",
                  "confirmation Authorization " + g.getKey(),
                  signed(
                          "PUT",
                          "payments/sepa-credit-transfers/"
                              + payment.id()
                              + "/authorisations/"
                              + payment.authorisationId(),
                          "")
                      .header("Authorization", v))
              .expecting(401));
    }
    cases.add(
        c(
                "journey headers",
                "two Consent-ID headers",
                reading("accounts").header("Consent-ID", consent.created().id()))
            .expecting(400));
    cases.add(
        c(
                "journey headers",
                "two PSU-IP-Address headers",
                withTpp(signed("POST", "consents", consentBody))
                    .header("PSU-IP-Address", "1.2.3.4"))
            .expecting(400));

    // Every journey endpoint unsigned, and with a digest of another body.
    List<UnaryOperator<Wire.Request>> breaks =
        List.of(
            r -> r.without("Signature"),
            r -> r.replace("Digest", TestSigner.digest("SHA-256", "other".getBytes())),
            r -> r.without("SSL-Certificate"),
            r -> r.replace("TPP-Signature-Certificate", "garbage"));
    List<Wire.Request> endpoints =
        List.of(
            withTpp(signed("POST", "consents", consentBody)),
            signed("GET", "consents/" + consent.created().id(), ""),
            signed("GET", "consents/" + consent.created().id() + "/status", ""),
            signed("DELETE", "consents/" + consent.created().id(), ""),
            signed(
                "PUT",
                "consents/"
                    + consent.created().id()
                    + "/authorisations/"
                    + consent.created().authorisationId(),
                ""),
            reading("accounts"),
            reading("accounts/" + rid + "/balances"),
            reading(Journey.transactions(rid)),
            withTpp(signed("POST", "payments/sepa-credit-transfers", paymentBody)),
            signed("GET", "payments/sepa-credit-transfers/" + payment.id() + "/status", ""));
    for (Wire.Request e : endpoints) {
      for (int i = 0; i < breaks.size(); i++) {
        cases.add(
            c(
                    "signatures",
                    "break " + i + " of " + e.method() + " " + e.target(),
                    breaks.get(i).apply(e))
                .expecting(401));
      }
    }

    // Paths and queries.
    for (String id :
        List.of("x".repeat(2000), "%C3%28", "%E2%82", "..", "%2e%2e", "a%20b", "%00")) {
      cases.add(
          c("ids", "consent " + Wire.abbreviate(id, 12), signed("GET", "consents/" + id, "")));
      cases.add(
          c("ids", "account " + Wire.abbreviate(id, 12), reading("accounts/" + id + "/balances")));
      cases.add(
          c(
              "ids",
              "payment " + Wire.abbreviate(id, 12),
              signed("GET", "payments/sepa-credit-transfers/" + id + "/status", "")));
      cases.add(
          c(
              "ids",
              "product " + Wire.abbreviate(id, 12),
              withTpp(signed("POST", "payments/" + id, paymentBody))));
    }
    for (String query :
        List.of(
            "",
            "bookingStatus=%zz&dateFrom=2000-01-01",
            "bookingStatus=both&dateFrom=%",
            "bookingStatus&dateFrom",
            "bookingStatus=both&dateFrom=2000-01-01&bookingStatus=both",
            "bookingStatus=both&dateFrom=+2000-01-01",
            "bookingStatus=both&dateFrom=99999-01-01",
            "bookingStatus=both&dateFrom=2000-01-01&dateTo=x")) {
      cases.add(
          c("queries", query, reading("accounts/" + rid + "/transactions?" + query))
              .expecting(400));
    }

    // The token and revocation endpoints.
    Map<String, String> basic = Journey.basic(tpp.clientId(), tpp.clientSecret());
    for (String form :
        List.of(
            "grant_type=refresh_token",
            "grant_type=refresh_token&refresh_token=",
            "grant_type=refresh_token&refresh_token=" + "x".repeat(5000),
            "grant_type=refresh_token&refresh_token=%C3%28",
            "grant_type=refresh_token&refresh_token=a&refresh_token=b",
            "grant_type=refresh_token&refresh_token=%zz",
            "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=x",
            "grant_type=authorization_code&code=" + "c".repeat(5000),
            "token=",
            "token_type_hint=refresh_token")) {
      cases.add(
          c(
                  "token forms",
                  Wire.abbreviate(form, 50),
                  Wire.Request.of("POST", "/auth/nl/v1/token").headers(basic).body(form))
              .expecting(400));
      if (form.startsWith("token")) {
        cases.add(
            c(
                    "revocation forms",
                    form,
                    Wire.Request.of("POST", "/auth/nl/v1/token/revoke").headers(basic).body(form))
                .expecting(400));
      }
    }
    cases.add(
        c(
                "revocation forms",
                "no client authentication",
                Wire.Request.of("POST", "/auth/nl/v1/token/revoke")
                    .header("Content-Type", Routes.FORM)
                    .body("token=" + consent.refreshToken()))
            .expecting(401));

    // The authorisation endpoint with consent scopes, and the login page.
    for (String scope :
        List.of(
            "AIS%3A",
            "AIS%3A" + "x".repeat(3000),
            "AIS%3Aa+AIS%3Ab",
            "PIS%3A%C3%28",
            "AIS%3A" + consent.created().id(),
            "PIS%3A" + payment.id())) {
      cases.add(
          c(
                  "consent scopes",
                  Wire.abbreviate(scope, 30),
                  Wire.Request.of(
                      "GET",
                      "/auth/nl/v1/auth?response_type=code&client_id="
                          + tpp.clientId()
                          + "&redirect_uri="
                          + SandboxHttp.enc(R)
                          + "&scope="
                          + scope
                          + "&state=s&code_challenge="
                          + Journey.CHALLENGE
                          + "&code_challenge_method=S256"))
              .expecting(400));
    }
    for (String form :
        List.of(
            "",
            "session=",
            "session=x&action=login",
            "action=cancel",
            "session=%zz",
            "session=" + "s".repeat(5000) + "&action=login&iban=x&digipass=y")) {
      cases.add(
          c(
                  "login forms",
                  Wire.abbreviate(form, 40),
                  Wire.Request.of("POST", "/auth/nl/v1/login")
                      .header("Content-Type", Routes.FORM)
                      .body(form))
              .expecting(400));
    }
    return cases;
  }

  // ---------------------------------------------------------------- the test

  @Test
  @Timeout(120)
  void everyMalformedJourneyRequestIsA4xxInTheContractShapeWithoutSecretsOrAccountData() {
    List<RobustnessTest.Case> cases = cases();
    assertThat(cases).as("malformed cases").hasSizeGreaterThanOrEqualTo(250);
    List<String> leaks =
        List.of(
            consent.accessToken(),
            consent.refreshToken(),
            paymentTokens.accessToken(),
            account.get("iban").asText(),
            rid,
            "balanceAmount",
            "transactionAmount");
    List<String> problems = new ArrayList<>();
    for (RobustnessTest.Case k : cases) {
      Wire.Answer answer = Wire.exchange(sandbox.port(), k.request(), BOUND);
      String problem = RobustnessTest.problem(k, answer);
      if (problem == null && !answer.closed()) {
        String text = answer.text();
        for (String leak : leaks) {
          if (text.contains(leak)) {
            problem = "the error carries '" + Wire.abbreviate(leak, 12) + "': " + answer;
          }
        }
      }
      if (problem != null) {
        problems.add(k + ": " + problem);
      }
    }
    assertThat(problems).as("of %d cases", cases.size()).isEmpty();

    // The sandbox still serves the journey.
    assertThat(tpp.read("accounts", consent).statusCode()).isEqualTo(200);
    assertThat(tpp.confirmPayment(payment, paymentTokens.accessToken()).statusCode())
        .isEqualTo(200);
    assertThat(tpp.paymentStatus(payment.id())).isEqualTo("ACSC");
  }
}
