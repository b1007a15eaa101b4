package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Section 7: ACC-1 (valid IBAN of the tenant's country and bank), ACC-2 (digipass, new IBANs),
 * ACC-3.
 */
class TestAccountsTest {

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static TestSigner signer;

  @BeforeAll
  static void start() {
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
    http = new SandboxHttp(sandbox);
    X509Certificate c = TestPki.tpp("PSDNL-DNB-ACC0001").issue(TestPki.Keys.TPP_A);
    signer = new TestSigner(c, TestPki.Keys.TPP_A.getPrivate());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static HttpResponse<String> create(String tenant, String body) {
    Map<String, String> h = new LinkedHashMap<>(signer.sign(body));
    if (!body.isEmpty()) {
      h.put("Content-Type", "application/json");
    }
    return http.post("/xs2a-bg/" + tenant + "/sandbox/v1/test-accounts", h, body);
  }

  private static JsonNode created(String tenant, String body) {
    HttpResponse<String> r = create(tenant, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return SandboxHttp.json(r);
  }

  @ParameterizedTest
  @CsvSource({
    "nl,NL,^NL\\d\\dTRIO0\\d{9}$",
    "be_fr,BE,^BE\\d\\d523\\d{9}$",
    "be_nl,BE,^BE\\d\\d523\\d{9}$",
    "uk,GB,^GB\\d\\dTRIO165810\\d{8}$"
  })
  void acc1ValidIbanOfTheTenantsCountryAndBank(String tenant, String country, String pattern) {
    for (int i = 0; i < 25; i++) {
      JsonNode account = created(tenant, "");
      String iban = account.get("iban").asText();
      assertThat(iban).matches(pattern);
      IbanUtil.validate(iban); // iban4j: length and mod-97 check digits
      assertThat(Iban.valueOf(iban).getCountryCode()).isEqualTo(CountryCode.valueOf(country));
      if (country.equals("BE")) {
        String account12 = iban.substring(4);
        int expected =
            new BigInteger(account12.substring(0, 10)).mod(BigInteger.valueOf(97)).intValue();
        assertThat(Integer.parseInt(account12.substring(10)))
            .isEqualTo(expected == 0 ? 97 : expected);
      }
      assertThat(account.get("currency").asText()).isEqualTo("EUR");
      assertThat(account.get("digipass").asText()).matches("\\d{10}");
    }
  }

  @Test
  void acc2EveryAccountIsNewOver200() {
    Set<String> ibans = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(ibans.add(created(i % 2 == 0 ? "nl" : "be_nl", "").get("iban").asText())).isTrue();
    }
    assertThat(sandbox.state().testAccountCount()).isGreaterThanOrEqualTo(200);
  }

  @Test
  void currencyFromTheBody() {
    assertThat(created("uk", "{\"currency\":\"GBP\"}").get("currency").asText()).isEqualTo("GBP");
    assertThat(created("nl", "{}").get("currency").asText()).isEqualTo("EUR");
    assertThat(created("nl", "  ").get("currency").asText()).isEqualTo("EUR");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "[]",
        "\"EUR\"",
        "{\"currency\":\"XYZ\"}",
        "{\"currency\":\"eur\"}",
        "{\"currency\":5}",
        "{\"currency\":\"EUR\"} x"
      })
  void malformedBodyIsFormatError(String body) {
    HttpResponse<String> r = create("nl", body);
    assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
    assertThat(Flow.bgCode(r)).isEqualTo("FORMAT_ERROR");
  }

  @Test
  void acc3UnsignedRequestIsRefused() {
    Map<String, String> h = new LinkedHashMap<>(signer.sign(""));
    h.remove("Signature");
    HttpResponse<String> r = http.post("/xs2a-bg/nl/sandbox/v1/test-accounts", h, "");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(r)).isEqualTo("SIGNATURE_MISSING");
  }

  @Test
  void digestCoversTheJsonBody() {
    Map<String, String> h = new LinkedHashMap<>(signer.sign("{\"currency\":\"EUR\"}"));
    HttpResponse<String> r =
        http.post("/xs2a-bg/nl/sandbox/v1/test-accounts", h, "{\"currency\":\"USD\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Flow.bgCode(r)).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void acc3ProductionRefusesTestAccounts() {
    try (ReferenceSandbox production =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withMode(SandboxOptions.Mode.PRODUCTION))) {
      HttpResponse<String> r =
          new SandboxHttp(production)
              .post("/xs2a-bg/nl/sandbox/v1/test-accounts", signer.sign(""), "");
      assertThat(r.statusCode()).isEqualTo(403);
      JsonNode m = SandboxHttp.json(r).get("tppMessages").get(0);
      assertThat(m.get("category").asText()).isEqualTo("ERROR");
      assertThat(m.get("code").asText()).isEqualTo("SERVICE_BLOCKED");
      assertThat(production.state().testAccountCount()).isZero();
    }
  }

  @Test
  void unknownTenant() {
    HttpResponse<String> r = create("de", "");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Flow.bgCode(r)).isEqualTo("RESOURCE_UNKNOWN");
  }
}
