package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {
  private static final String DEBTOR = "NL91TRIO0212345678";
  private static final String CREDITOR = "NL02TRIO0123456789";
  private static final String IP = "192.0.2.10";
  private static final String URI = "https://tpp.example/cb";
  private static final PaymentRequest SEPA =
      PaymentRequest.sepa(DEBTOR, CREDITOR, "12.30", IP, URI);

  private static PaymentRequest payment(
      String debtor, String creditor, String currency, String amount) {
    return new PaymentRequest(
        debtor,
        creditor,
        "Kit Creditor",
        currency,
        amount,
        "obkit conformance",
        Optional.of(IP),
        Optional.of(URI));
  }

  @Test
  void aSepaPaymentIsInEuroToTheKitsCreditor() {
    assertThat(SEPA).isEqualTo(payment(DEBTOR, CREDITOR, "EUR", "12.30"));
  }

  @Test
  void theBodyIsTheContractsJsonWithTheAmountAsAString() {
    assertThat(new String(SEPA.json(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"12.30\"},"
                + "\"debtorAccount\":{\"iban\":\""
                + DEBTOR
                + "\"},\"creditorAccount\":{\"iban\":\""
                + CREDITOR
                + "\"},\"creditorName\":\"Kit Creditor\","
                + "\"remittanceInformationUnstructured\":\"obkit conformance\"}");
  }

  @Test
  void eachWithChangesOneThing() {
    assertThat(
            List.of(
                SEPA.withCurrency("USD"),
                SEPA.withDebtorIban("NL00XXXX"),
                SEPA.withCreditorIban("BE00"),
                SEPA.withAmount("-1.005")))
        .isEqualTo(
            List.of(
                payment(DEBTOR, CREDITOR, "USD", "12.30"),
                payment("NL00XXXX", CREDITOR, "EUR", "12.30"),
                payment(DEBTOR, "BE00", "EUR", "12.30"),
                payment(DEBTOR, CREDITOR, "EUR", "-1.005")));
  }

  @Test
  void badValuesFailAtConstruction() {
    assertThatThrownBy(() -> SEPA.withAmount(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("amount");
    assertThatThrownBy(() -> PaymentRequest.sepa(DEBTOR, CREDITOR, "1.00", "192.0.2.1\n", URI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PSU-IP-Address holds a control character (index 9): it cannot be a header value");
  }
}
