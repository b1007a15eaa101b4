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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A retried exchange through the real client: built afresh, so signed afresh, and reported. */
class BankClientRetryTest {

  private static final KitConfig CONFIG = KitConfig.load(Map.of(), Map.of());
  private static final Tpp TPP = tpp();
  private static final Answer GATEWAY =
      new Answer(503, Map.of("Content-Type", "text/html"), "<html>busy</html>");

  private FakeBank bank;
  private BankClient client;

  private static Tpp tpp() {
    OrganizationId org = OrganizationId.of("PSDNL-DNB-KITRETRY01");
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    return new Tpp(org, ca.issue(CertificateSpec.builder(org).build(), KeyPool.generateRsa(2048)));
  }

  @BeforeEach
  void start() throws Exception {
    bank = new FakeBank();
    client =
        new BankClient(
            CONFIG,
            new Transport(CONFIG.http(), List.of()),
            new BankEndpoints(bank.base(), bank.base(), CONFIG.bank().onboardingPath()),
            new SecretRegistry());
  }

  @AfterEach
  void stop() {
    bank.close();
  }

  private void gatewayFirst(Answer then) {
    AtomicInteger n = new AtomicInteger();
    bank.answer(r -> n.incrementAndGet() == 1 ? GATEWAY : then);
  }

  @Test
  void aGatewayAnswerIsRetriedWithANewRequestIdAndSignature() {
    gatewayFirst(Answer.json(200, "{\"access_token\":\"t\"}"));

    HttpExchange answer =
        client.requestInitialToken(TPP, "nl", CONFIG.bank().signing(), Tampering.NONE);

    assertThat(answer.status()).isEqualTo(200);
    List<Received> sent = bank.received();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).header("X-Request-ID")).isNotEqualTo(sent.get(0).header("X-Request-ID"));
    assertThat(sent.get(1).header("Signature")).isNotEqualTo(sent.get(0).header("Signature"));
    assertThat(client.retries())
        .containsExactly(
            "GET "
                + bank.base()
                + "/xs2a-bg/nl/onboarding/v1: answered 503 from a gateway before the bank"
                + " (text/html, not the bank's JSON error body); retried 1x, then answered 200");
  }

  @Test
  void aPostIsRetriedAfterA503ButNotAfterA504() {
    gatewayFirst(Answer.json(201, "{\"consentId\":\"c-1\"}"));
    ConsentRequest request =
        ConsentRequest.detailed(
            "NL91TRIO0212345678",
            "192.0.2.10",
            "https://tpp.example/cb",
            LocalDate.of(2025, 1, 10));
    assertThat(client.createConsent(TPP, "nl", request).status()).isEqualTo(201);
    assertThat(bank.received()).hasSize(2);
    assertThat(bank.received().get(1).bodyText()).isEqualTo(bank.received().get(0).bodyText());

    bank.answer(r -> new Answer(504, Map.of("Content-Type", "text/html"), "<html/>"));
    assertThatThrownBy(() -> client.createConsent(TPP, "nl", request))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessage(
            "ENVIRONMENT: POST "
                + bank.base()
                + "/xs2a-bg/nl/v1/consents failed: answered 504 from a gateway before the bank"
                + " (text/html, not the bank's JSON error body)");
    assertThat(bank.received()).hasSize(3); // a POST after a 504 may have been done: not again
    assertThat(client.retries()).hasSize(1);
  }

  @Test
  void aJson503IsTheBanksAnswerAndNotRetried() {
    bank.answer(
        r ->
            Answer.json(
                503,
                "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"X\",\"text\":\"down\"}]}"));
    assertThat(client.get(bank.base().resolve("/xs2a-bg/version")).status()).isEqualTo(503);
    assertThat(bank.received()).hasSize(1);
    assertThat(client.retries()).isEmpty();
  }
}
