package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.obkit.client.HttpExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks of the payment initiation and its effect on the debtor account (section 14, PIS-*). */
public final class PaymentChecks {
  /** Check name of {@link #transactionStatusIs}. */
  public static final String TRANSACTION_STATUS = "CheckTransactionStatus";

  /** Check name of {@link #paymentIdAndAuthorisationId}. */
  public static final String PAYMENT_ID_AND_AUTHORISATION_ID = "EnsurePaymentIdAndAuthorisationId";

  /** Check name of {@link #balanceLoweredBy}. */
  public static final String BALANCE_LOWERED = "EnsureBalanceLoweredByPayment";

  /** Check name of {@link #paymentBooked}. */
  public static final String PAYMENT_BOOKED = "EnsurePaymentBooked";

  private PaymentChecks() {}

  /**
   * CheckTransactionStatus (PIS-1, PIS-2, SCA-2; section 14): the ISO 20022 {@code
   * transactionStatus} of a payment or status answer is one of {@code statuses}.
   */
  public static Check<HttpExchange> transactionStatusIs(String... statuses) {
    List<String> allowed = List.of(statuses);
    return new Check<>(TRANSACTION_STATUS, x -> Json.fieldIn(x, "transactionStatus", allowed));
  }

  /**
   * EnsurePaymentIdAndAuthorisationId (PIS-1, section 14): the answer names the payment and its
   * authorisation, which the scope, the status and the confirmation need.
   */
  public static Check<HttpExchange> paymentIdAndAuthorisationId() {
    return new Check<>(
        PAYMENT_ID_AND_AUTHORISATION_ID, x -> Json.present(x, "paymentId", "authorisationId"));
  }

  /**
   * EnsureBalanceLoweredByPayment (PIS-5, section 14): on the balances answer after the payment, at
   * least one {@code balanceType} reported both in {@code before} and after has been lowered by
   * exactly {@code amount}. Banks differ in which balance moves first (booked or available), so one
   * suffices.
   */
  public static Check<HttpExchange> balanceLoweredBy(HttpExchange before, BigDecimal amount) {
    Map<String, BigDecimal> was = balancesByType(before);
    return new Check<>(
        BALANCE_LOWERED,
        after -> {
          Map<String, BigDecimal> is = balancesByType(after);
          List<String> seen = new ArrayList<>();
          for (Map.Entry<String, BigDecimal> b : was.entrySet()) {
            BigDecimal now = is.get(b.getKey());
            if (now == null) {
              continue;
            }
            BigDecimal expected = b.getValue().subtract(amount);
            if (now.compareTo(expected) == 0) {
              return Optional.empty();
            }
            seen.add(
                b.getKey()
                    + " was "
                    + b.getValue().toPlainString()
                    + ", is "
                    + now.toPlainString()
                    + ", expected "
                    + expected.toPlainString());
          }
          if (seen.isEmpty()) {
            return Optional.of(
                "no balanceType is reported both before "
                    + was.keySet()
                    + " and after "
                    + is.keySet());
          }
          return Optional.of(
              "no balance was lowered by "
                  + amount.toPlainString()
                  + ": "
                  + String.join("; ", seen));
        });
  }

  /**
   * EnsurePaymentBooked (PIS-5, section 14): among all transaction pages after the payment, a
   * booked or pending transaction of {@code amount} to {@code creditorIban}. Amounts may be signed
   * (BG) or unsigned (this bank), so their absolute values are compared (section 13).
   */
  public static Check<List<HttpExchange>> paymentBooked(BigDecimal amount, String creditorIban) {
    String creditor = Ibans.normalise(creditorIban);
    return new Check<>(
        PAYMENT_BOOKED,
        pages -> {
          int count = 0;
          for (HttpExchange page : pages) {
            JsonNode transactions =
                page.json().map(j -> j.path("transactions")).orElse(MissingNode.getInstance());
            for (String list : List.of("booked", "pending")) {
              JsonNode entries = transactions.path(list);
              if (!entries.isArray()) {
                continue;
              }
              for (JsonNode t : entries) {
                count++;
                Optional<BigDecimal> value = Amounts.of(t.path("transactionAmount").get("amount"));
                Optional<String> to = Json.text(t.path("creditorAccount").get("iban"));
                if (value.isPresent()
                    && value.get().abs().compareTo(amount.abs()) == 0
                    && to.isPresent()
                    && Ibans.normalise(to.get()).equals(creditor)) {
                  return Optional.empty();
                }
              }
            }
          }
          return Optional.of(
              "no booked or pending transaction of "
                  + amount.toPlainString()
                  + " to "
                  + creditorIban
                  + " among "
                  + count
                  + " transactions in "
                  + pages.size()
                  + " answers");
        });
  }

  /** The first readable amount of each {@code balanceType}, in the answer's order. */
  private static Map<String, BigDecimal> balancesByType(HttpExchange x) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    JsonNode balances = x.json().map(j -> j.path("balances")).orElse(MissingNode.getInstance());
    if (balances.isArray()) {
      for (JsonNode b : balances) {
        Optional<String> type = Json.text(b.get("balanceType"));
        Optional<BigDecimal> value = Amounts.of(b.path("balanceAmount").get("amount"));
        if (type.isPresent() && value.isPresent()) {
          amounts.putIfAbsent(type.get(), value.get());
        }
      }
    }
    return amounts;
  }
}
