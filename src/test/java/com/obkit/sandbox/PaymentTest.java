package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 14: SEPA credit transfers, PIS-1..PIS-5. */
class PaymentTest {

  private static final String R = "https://tpp.example/pis/cb";

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static Journey tpp;
  private static Journey other;
  private static JsonNode account;
  private static String iban;

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withClock(new MutableClock(Instant.now())));
    http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-PIS001", TestPki.Keys.TPP_A, "nl", R);
    other = Journey.register(sandbox, http, "PSDNL-DNB-PIS002", TestPki.Keys.TPP_B, "nl", R);
    account = tpp.testAccount();
    iban = account.get("iban").asText();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Flow.bgCode(r)).isEqualTo(code);
  }

  // ---------------------------------------------------------------- PIS-1

  @Test
  void pis1InTheBelgianTenantsToo() {
    for (String tenant : List.of("be_fr", "be_nl")) {
      Journey be = tpp.in(tenant);
      JsonNode acc = be.testAccount();
      Journey.Created p = be.paymentOk(acc.get("iban").asText(), "5");
      assertThat(p.json().get("transactionStatus").asText()).isEqualTo("RCVD");
      assertThat(SandboxHttp.queryOf(p.scaRedirect()))
          .containsExactly(
              Map.entry("response_type", "code"),
              Map.entry("scope", "openid offline_access PIS:" + p.id()),
              Map.entry("client_id", tpp.clientId()),
              Map.entry("redirect_uri", R));
      assertThat(p.scaRedirect()).startsWith(sandbox.baseUrl() + "/auth/" + tenant + "/v1/auth?");
      HttpResponse<String> details = be.xs2a("GET", "payments/sepa-credit-transfers/" + p.id());
      assertThat(SandboxHttp.json(details))
          .isEqualTo(
              Journey.json(
                  "{'instructedAmount':{'currency':'EUR','amount':'5.00'},'debtorAccount':{'iban':'"
                      + acc.get("iban").asText()
                      + "'},'creditorAccount':{'iban':'"
                      + Journey.CREDITOR_IBAN
                      + "'},'creditorName':'Creditor B.V.',"
                      + "'remittanceInformationUnstructured':'Invoice 42','transactionStatus':'RCVD'}"));
    }
  }

  @Test
  void pis1TheUkTenantAndOtherProductsAre404ProductUnknown() {
    JsonNode uk = tpp.in("uk").testAccount();
    refused(
        tpp.in("uk").postPayment(tpp.paymentRequest(uk.get("iban").asText(), "1.00"), Map.of()),
        404,
        "PRODUCT_UNKNOWN");
    for (String product :
        List.of(
            "instant-sepa-credit-transfers", "uk-domestic-transfers", "SEPA-credit-transfers")) {
      refused(
          tpp.xs2a(
              "POST",
              "payments/" + product,
              tpp.paymentRequest(iban, "1.00").toString(),
              Journey.headers("PSU-IP-Address", Journey.PSU_IP, "TPP-Redirect-URI", R)),
          404,
          "PRODUCT_UNKNOWN");
    }
  }

  // ---------------------------------------------------------------- PIS-3

  static Map<String, Consumer<ObjectNode>> defects() {
    Map<String, Consumer<ObjectNode>> d = new LinkedHashMap<>();
    d.put("currency USD", b -> amount(b).put("currency", "USD"));
    d.put("currency eur", b -> amount(b).put("currency", "eur"));
    d.put("currency missing", b -> amount(b).remove("currency"));
    d.put("amount 12.345", b -> amount(b).put("amount", "12.345"));
    d.put("amount 0", b -> amount(b).put("amount", "0"));
    d.put("amount 0.00", b -> amount(b).put("amount", "0.00"));
    d.put("amount -1.00", b -> amount(b).put("amount", "-1.00"));
    d.put("amount +1.00", b -> amount(b).put("amount", "+1.00"));
    d.put("amount 1e2", b -> amount(b).put("amount", "1e2"));
    d.put("amount 012.30", b -> amount(b).put("amount", "012.30"));
    d.put("amount 12,34", b -> amount(b).put("amount", "12,34"));
    d.put("amount 12.", b -> amount(b).put("amount", "12."));
    d.put("amount empty", b -> amount(b).put("amount", ""));
    d.put("amount a JSON number", b -> amount(b).put("amount", 12.34));
    d.put("amount missing", b -> amount(b).remove("amount"));
    d.put("instructedAmount missing", b -> b.remove("instructedAmount"));
    d.put(
        "debtor iban invalid",
        b -> b.putObject("debtorAccount").put("iban", ConsentTest.badCheckDigits(iban)));
    d.put("debtor missing", b -> b.remove("debtorAccount"));
    d.put(
        "debtor of another bank",
        b -> b.putObject("debtorAccount").put("iban", Journey.CREDITOR_IBAN));
    d.put(
        "creditor iban invalid",
        b -> b.putObject("creditorAccount").put("iban", "NL00TRIO0000000000"));
    d.put(
        "creditor iban with spaces",
        b -> b.putObject("creditorAccount").put("iban", "NL91 ABNA 0417 1643 00"));
    d.put("creditor missing", b -> b.remove("creditorAccount"));
    d.put("creditorName missing", b -> b.remove("creditorName"));
    d.put("creditorName blank", b -> b.put("creditorName", " "));
    d.put("creditorName of 71 characters", b -> b.put("creditorName", "x".repeat(71)));
    d.put(
        "remittance of 141 characters",
        b -> b.put("remittanceInformationUnstructured", "x".repeat(141)));
    d.put("remittance a number", b -> b.put("remittanceInformationUnstructured", 42));
    return d;
  }

  private static ObjectNode amount(ObjectNode body) {
    return (ObjectNode) body.get("instructedAmount");
  }

  static Iterable<String> defectNames() {
    return defects().keySet();
  }

  @ParameterizedTest
  @MethodSource("defectNames")
  void pis3MalformedPaymentsAreFormatErrors(String defect) {
    ObjectNode body = tpp.paymentRequest(iban, "12.34");
    defects().get(defect).accept(body);
    refused(tpp.postPayment(body, Map.of()), 400, "FORMAT_ERROR");
  }

  @Test
  void pis3TheHeadersAndTheDebtorAreChecked() {
    for (String header : List.of("PSU-IP-Address", "TPP-Redirect-URI")) {
      Map<String, String> without = new LinkedHashMap<>();
      without.put(header, null);
      refused(tpp.postPayment(tpp.paymentRequest(iban, "1.00"), without), 400, "FORMAT_ERROR");
    }
    refused(
        tpp.postPayment(tpp.paymentRequest(iban, "1.00"), Map.of("TPP-Redirect-URI", R + "/other")),
        400,
        "FORMAT_ERROR");
    // A Belgian test account is not a debtor in nl; a USD account is no SEPA debtor.
    JsonNode belgian = tpp.in("be_nl").testAccount();
    refused(
        tpp.postPayment(tpp.paymentRequest(belgian.get("iban").asText(), "1.00"), Map.of()),
        400,
        "FORMAT_ERROR");
    HttpResponse<String> usd =
        http.post(
            "/xs2a-bg/nl/sandbox/v1/test-accounts",
            tpp.signer.sign("{\"currency\":\"USD\"}"),
            "{\"currency\":\"USD\"}");
    refused(
        tpp.postPayment(
            tpp.paymentRequest(SandboxHttp.json(usd).get("iban").asText(), "1.00"), Map.of()),
        400,
        "FORMAT_ERROR");
    // Unsigned.
    Map<String, String> unsigned = new LinkedHashMap<>();
    unsigned.put("Signature", null);
    refused(tpp.postPayment(tpp.paymentRequest(iban, "1.00"), unsigned), 401, "SIGNATURE_MISSING");
  }

  @Test
  void pis3AmountsOfUpToTwoDecimalsAreAccepted() {
    for (String amount : List.of("0.01", "1", "1.5", "999.99", "12345678901234.99")) {
      assertThat(tpp.postPayment(tpp.paymentRequest(iban, amount), Map.of()).statusCode())
          .as(amount)
          .isEqualTo(201);
    }
  }

  // ---------------------------------------------------------------- PIS-2, PIS-4, PIS-5

  @Test
  void pis4AConsentsOrAnotherPaymentsTokenDoesNotConfirm() {
    Journey.Created p = tpp.paymentOk(iban, "3.00");
    Journey.Authorised own = tpp.authoriseOk(p, account);
    Journey.Authorised consent = tpp.authoriseOk(tpp.consentOk(iban), account);
    Journey.Authorised another = tpp.authoriseOk(tpp.paymentOk(iban, "4.00"), account);
    for (String token : new String[] {null, consent.accessToken(), another.accessToken(), "x"}) {
      HttpResponse<String> r = tpp.confirmPayment(p, token);
      refused(r, 401, "TOKEN_INVALID");
      assertThat(tpp.paymentStatus(p.id())).isEqualTo("RCVD");
    }
    assertThat(Flow.bgText(tpp.confirmPayment(p, consent.accessToken())))
        .isEqualTo("Given access token is not coupled to the given payment");
    assertThat(tpp.confirmPayment(p, own.accessToken()).statusCode()).isEqualTo(200);
    assertThat(tpp.paymentStatus(p.id())).isEqualTo("ACSC");
  }

  @Test
  void pis2AConfirmedPaymentIsExecutedOnceAndAnUncoveredOneRejected() {
    JsonNode acc = tpp.testAccount();
    String debtor = acc.get("iban").asText();
    Journey.Authorised reader = tpp.validConsentOk(acc);
    String rid = tpp.resourceId(reader);

    Journey.Created p = tpp.paymentOk(debtor, "600.00");
    Journey.Authorised a = tpp.authoriseOk(p, acc);
    assertThat(tpp.confirmPayment(p, a.accessToken()).statusCode()).isEqualTo(200);
    assertThat(tpp.confirmPayment(p, a.accessToken()).statusCode()).isEqualTo(200);
    assertThat(tpp.paymentStatus(p.id())).isEqualTo("ACSC");
    assertThat(tpp.balance(reader, rid)).isEqualTo("400.00");

    // 400.00 left: 400.01 is not covered.
    Journey.Created big = tpp.paymentOk(debtor, "400.01");
    Journey.Authorised b = tpp.authoriseOk(big, acc);
    HttpResponse<String> confirmed = tpp.confirmPayment(big, b.accessToken());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(tpp.paymentStatus(big.id())).isEqualTo("RJCT");
    assertThat(tpp.balance(reader, rid)).isEqualTo("400.00");
    JsonNode booked =
        SandboxHttp.json(tpp.read(Journey.transactions(rid), reader))
            .path("transactions")
            .path("booked");
    assertThat(booked.size()).isEqualTo(2);
    assertThat(booked.get(1).path("transactionAmount").path("amount").asText())
        .isEqualTo("-600.00");

    // The rest exactly.
    Journey.Created rest = tpp.paymentOk(debtor, "400");
    assertThat(tpp.confirmPayment(rest, tpp.authoriseOk(rest, acc).accessToken()).statusCode())
        .isEqualTo(200);
    assertThat(tpp.paymentStatus(rest.id())).isEqualTo("ACSC");
    assertThat(tpp.balance(reader, rid)).isEqualTo("0.00");
  }

  @Test
  void paymentStatusesOfUnknownOrForeignPaymentsAre403() {
    Journey.Created p = tpp.paymentOk(iban, "1.00");
    for (String path :
        List.of(
            "payments/sepa-credit-transfers/unknown/status",
            "payments/sepa-credit-transfers/unknown",
            "payments/sepa-credit-transfers/" + p.id() + "/authorisations/other")) {
      refused(tpp.xs2a("GET", path), 403, "RESOURCE_UNKNOWN");
    }
    for (String path :
        List.of(
            "payments/sepa-credit-transfers/" + p.id() + "/status",
            "payments/sepa-credit-transfers/" + p.id())) {
      HttpResponse<String> r = other.xs2a("GET", path);
      refused(r, 403, "RESOURCE_UNKNOWN");
      assertThat(r.body()).doesNotContain(iban);
    }
    refused(other.confirmPayment(p, null), 403, "RESOURCE_UNKNOWN");
    assertThat(
            SandboxHttp.json(
                tpp.xs2a(
                    "GET",
                    "payments/sepa-credit-transfers/"
                        + p.id()
                        + "/authorisations/"
                        + p.authorisationId())))
        .isEqualTo(Journey.json("{'scaStatus':'received'}"));
  }
}
