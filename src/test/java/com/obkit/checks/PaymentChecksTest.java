package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The payment's checks (PIS-*, section 14): the bank's answers next to each way they break. */
class PaymentChecksTest {
  private static final BigDecimal AMOUNT = new BigDecimal("12.34");
  private static final String CREDITOR = "NL97TRIO0123456788";

  private static final HttpExchange PAYMENT =
      json(
          201,
          "{\"transactionStatus\":\"RCVD\",\"paymentId\":\"p-1\",\"authorisationId\":\"a-1\","
              + "\"_links\":{\"scaRedirect\":\"https://api.bank.example/auth/nl/v1/auth?scope=PIS%3Ap-1\","
              + "\"self\":\"/nl/v1/payments/sepa-credit-transfers/p-1\"}}");

  /** Balances before the payment: a booked balance as a string, an available one as a number. */
  private static final HttpExchange BEFORE =
      balances("closingBooked", "\"100.00\"", "interimAvailable", "100");

  private static Optional<String> wrong(String message) {
    return Optional.of(message);
  }

  /** A balances answer from pairs of balanceType and JSON amount. */
  private static HttpExchange balances(String... typeAndAmount) {
    StringBuilder b =
        new StringBuilder("{\"account\":{\"iban\":\"NL70TRIO0123456789\"},\"balances\":[");
    for (int i = 0; i < typeAndAmount.length; i += 2) {
      b.append(i == 0 ? "" : ",")
          .append("{\"balanceType\":\"")
          .append(typeAndAmount[i])
          .append("\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":")
          .append(typeAndAmount[i + 1])
          .append("}}");
    }
    return json(200, b.append("]}").toString());
  }

  private static Optional<String> lowered(HttpExchange after) {
    return PaymentChecks.balanceLoweredBy(BEFORE, AMOUNT).evaluate(after);
  }

  private static String transaction(String amount, String creditorIban) {
    return "{\"transactionAmount\":{\"currency\":\"EUR\",\"amount\":"
        + amount
        + "},\"creditorAccount\":{\"iban\":\""
        + creditorIban
        + "\"},\"creditorName\":\"Creditor\"}";
  }

  private static HttpExchange page(String booked, String pending) {
    return json(
        200,
        "{\"account\":{\"iban\":\"NL70TRIO0123456789\"},\"transactions\":{\"booked\":["
            + booked
            + "],\"pending\":["
            + pending
            + "],\"_links\":{}}}");
  }

  private static Optional<String> booked(HttpExchange... pages) {
    return PaymentChecks.paymentBooked(AMOUNT, CREDITOR).evaluate(List.of(pages));
  }

  private static String notBooked(int transactions, int answers) {
    return "no booked or pending transaction of 12.34 to "
        + CREDITOR
        + " among "
        + transactions
        + " transactions in "
        + answers
        + " answers";
  }

  @Test
  void transactionStatusIs() {
    Check<HttpExchange> check = PaymentChecks.transactionStatusIs("RCVD");
    assertThat(check.name()).isEqualTo("CheckTransactionStatus");
    assertThat(check.name()).isEqualTo(PaymentChecks.TRANSACTION_STATUS);
    assertThat(check.evaluate(PAYMENT)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"transactionStatus\":\"PDNG\"}")))
        .isEqualTo(wrong("transactionStatus is 'PDNG', expected 'RCVD'"));
    Check<HttpExchange> accepted =
        PaymentChecks.transactionStatusIs("ACTC", "ACCP", "ACSP", "ACSC", "ACWC");
    assertThat(accepted.evaluate(json(200, "{\"transactionStatus\":\"ACSC\"}")))
        .isEqualTo(Optional.empty());
    assertThat(accepted.evaluate(json(200, "{\"transactionStatus\":\"RJCT\"}")))
        .isEqualTo(
            wrong("transactionStatus is 'RJCT', expected one of [ACTC, ACCP, ACSP, ACSC, ACWC]"));
    assertThat(check.evaluate(bare(404)))
        .isEqualTo(wrong("no transactionStatus in " + DESCRIBED + " -> 404, expected 'RCVD'"));
  }

  @Test
  void paymentIdAndAuthorisationId() {
    Check<HttpExchange> check = PaymentChecks.paymentIdAndAuthorisationId();
    assertThat(check.name()).isEqualTo("EnsurePaymentIdAndAuthorisationId");
    assertThat(check.name()).isEqualTo(PaymentChecks.PAYMENT_ID_AND_AUTHORISATION_ID);
    assertThat(check.evaluate(PAYMENT)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(201, "{\"paymentId\":\"p-1\"}")))
        .isEqualTo(
            wrong(
                "no authorisationId in "
                    + DESCRIBED
                    + " -> 201 (body: { \"paymentId\" : \"p-1\" })"));
    assertThat(check.evaluate(json(201, "{\"consentId\":\"c\",\"authorisationId\":\"a\"}")))
        .isEqualTo(
            wrong(
                "no paymentId in "
                    + DESCRIBED
                    + " -> 201 (body: { \"consentId\" : \"c\", \"authorisationId\" : \"a\" })"));
  }

  @Test
  void aBalanceLoweredByTheAmountPasses() {
    Check<HttpExchange> check = PaymentChecks.balanceLoweredBy(BEFORE, AMOUNT);
    assertThat(check.name()).isEqualTo("EnsureBalanceLoweredByPayment");
    assertThat(check.name()).isEqualTo(PaymentChecks.BALANCE_LOWERED);
    assertThat(lowered(balances("closingBooked", "\"87.66\"", "interimAvailable", "100")))
        .isEqualTo(Optional.empty());
    assertThat(lowered(balances("closingBooked", "\"100.00\"", "interimAvailable", "87.66")))
        .isEqualTo(Optional.empty());
    assertThat(lowered(balances("interimAvailable", "\"87.660\""))).isEqualTo(Optional.empty());
    // The first balance of a type counts, on both sides.
    assertThat(
            PaymentChecks.balanceLoweredBy(
                    balances("closingBooked", "100", "closingBooked", "50"), AMOUNT)
                .evaluate(balances("closingBooked", "87.66", "closingBooked", "0")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void aBalanceNotLoweredByExactlyTheAmountFails() {
    assertThat(lowered(BEFORE))
        .isEqualTo(
            wrong(
                "no balance was lowered by 12.34: closingBooked was 100.00, is 100.00, expected"
                    + " 87.66; interimAvailable was 100, is 100, expected 87.66"));
    assertThat(lowered(balances("closingBooked", "\"75.32\"")))
        .isEqualTo(
            wrong(
                "no balance was lowered by 12.34: closingBooked was 100.00, is 75.32, expected 87.66"));
    assertThat(lowered(balances("closingBooked", "112.34")))
        .isEqualTo(
            wrong(
                "no balance was lowered by 12.34: closingBooked was 100.00, is 112.34, expected 87.66"));
    assertThat(
            PaymentChecks.balanceLoweredBy(
                    balances("closingBooked", "100", "closingBooked", "50"), AMOUNT)
                .evaluate(balances("closingBooked", "37.66")))
        .isEqualTo(
            wrong(
                "no balance was lowered by 12.34: closingBooked was 100, is 37.66, expected 87.66"));
  }

  @Test
  void balancesWithoutACommonReadableTypeFail() {
    assertThat(lowered(balances("expected", "\"87.66\"")))
        .isEqualTo(
            wrong(
                "no balanceType is reported both before [closingBooked, interimAvailable] and after"
                    + " [expected]"));
    assertThat(lowered(json(401, "{\"tppMessages\":[]}")))
        .isEqualTo(
            wrong(
                "no balanceType is reported both before [closingBooked, interimAvailable] and after"
                    + " []"));
    assertThat(lowered(bare(500)))
        .isEqualTo(
            wrong(
                "no balanceType is reported both before [closingBooked, interimAvailable] and after"
                    + " []"));
    assertThat(lowered(balances("closingBooked", "\"87,66\"")))
        .isEqualTo(
            wrong(
                "no balanceType is reported both before [closingBooked, interimAvailable] and after"
                    + " []"));
    assertThat(
            lowered(
                json(
                    200,
                    "{\"balances\":[{\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"87.66\"}},"
                        + "\"closingBooked\"]}")))
        .isEqualTo(
            wrong(
                "no balanceType is reported both before [closingBooked, interimAvailable] and after"
                    + " []"));
    assertThat(
            lowered(
                json(
                    200,
                    "{\"balances\":{\"balanceType\":\"closingBooked\","
                        + "\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"87.66\"}}}")))
        .isEqualTo(
            wrong(
                "no balanceType is reported both before [closingBooked, interimAvailable] and after"
                    + " []"));
  }

  @Test
  void aTransactionOfTheAmountToTheCreditorPasses() {
    Check<List<HttpExchange>> check = PaymentChecks.paymentBooked(AMOUNT, CREDITOR);
    assertThat(check.name()).isEqualTo("EnsurePaymentBooked");
    assertThat(check.name()).isEqualTo(PaymentChecks.PAYMENT_BOOKED);
    assertThat(booked(page(transaction("\"-12.34\"", CREDITOR), ""))).isEqualTo(Optional.empty());
    assertThat(booked(page("", transaction("12.340", "nl97 trio 0123 4567 88"))))
        .isEqualTo(Optional.empty());
    assertThat(
            booked(
                page(transaction("\"1.00\"", CREDITOR), ""),
                page("", transaction("\"12.34\"", CREDITOR))))
        .isEqualTo(Optional.empty());
    assertThat(
            PaymentChecks.paymentBooked(AMOUNT.negate(), "NL97 TRIO 0123 4567 88")
                .evaluate(List.of(page(transaction("\"12.34\"", CREDITOR), ""))))
        .isEqualTo(Optional.empty());
  }

  @Test
  void noTransactionOfTheAmountToTheCreditorFails() {
    assertThat(booked(page(transaction("\"12.35\"", CREDITOR), transaction("\"-1\"", CREDITOR))))
        .isEqualTo(wrong(notBooked(2, 1)));
    assertThat(booked(page(transaction("\"12.34\"", "NL70TRIO0123456789"), "")))
        .isEqualTo(wrong(notBooked(1, 1)));
    assertThat(booked(page(transaction("\"12,34\"", CREDITOR), "")))
        .isEqualTo(wrong(notBooked(1, 1)));
    assertThat(
            booked(page("{\"transactionAmount\":{\"currency\":\"EUR\",\"amount\":\"12.34\"}}", "")))
        .isEqualTo(wrong(notBooked(1, 1)));
    assertThat(
            booked(
                json(
                    200,
                    "{\"transactions\":{\"booked\":" + transaction("\"12.34\"", CREDITOR) + "}}"),
                bare(500)))
        .isEqualTo(wrong(notBooked(0, 2)));
    assertThat(booked()).isEqualTo(wrong(notBooked(0, 0)));
  }
}
