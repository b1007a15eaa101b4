package com.obkit.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A SEPA credit transfer initiation (contract section 14): its body and the two headers it travels
 * with. Immutable; negative scenarios (PIS-3) derive a broken payment from {@link #sepa} with the
 * {@code with…} methods, so values are sent as given, not validated here.
 *
 * @param debtorIban {@code debtorAccount.iban}: the test account
 * @param creditorIban {@code creditorAccount.iban}
 * @param creditorName {@code creditorName}
 * @param currency {@code instructedAmount.currency}
 * @param amount {@code instructedAmount.amount}, sent as a JSON string (BG {@code Amount})
 * @param remittanceInformation {@code remittanceInformationUnstructured}
 * @param psuIpAddress the {@code PSU-IP-Address} header, if sent
 * @param redirectUri the {@code TPP-Redirect-URI} header, if sent
 */
public record PaymentRequest(
    String debtorIban,
    String creditorIban,
    String creditorName,
    String currency,
    String amount,
    String remittanceInformation,
    Optional<String> psuIpAddress,
    Optional<String> redirectUri) {

  public PaymentRequest {
    Objects.requireNonNull(debtorIban, "debtorIban");
    Objects.requireNonNull(creditorIban, "creditorIban");
    Objects.requireNonNull(creditorName, "creditorName");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(remittanceInformation, "remittanceInformation");
    psuIpAddress = HeaderValues.require("PSU-IP-Address", psuIpAddress);
    redirectUri = HeaderValues.require("TPP-Redirect-URI", redirectUri);
  }

  /**
   * The payment a conformant bank must accept (PIS-1): EUR from the test account, to creditor "Kit
   * Creditor", remittance "obkit conformance".
   */
  public static PaymentRequest sepa(
      String debtorIban,
      String creditorIban,
      String amount,
      String psuIpAddress,
      String redirectUri) {
    return new PaymentRequest(
        debtorIban,
        creditorIban,
        "Kit Creditor",
        "EUR",
        amount,
        "obkit conformance",
        Optional.of(psuIpAddress),
        Optional.of(redirectUri));
  }

  /** The same payment in another currency (PIS-3). */
  public PaymentRequest withCurrency(String otherCurrency) {
    return new PaymentRequest(
        debtorIban,
        creditorIban,
        creditorName,
        otherCurrency,
        amount,
        remittanceInformation,
        psuIpAddress,
        redirectUri);
  }

  /** The same payment from another debtor account (PIS-3: an invalid IBAN). */
  public PaymentRequest withDebtorIban(String iban) {
    return new PaymentRequest(
        iban,
        creditorIban,
        creditorName,
        currency,
        amount,
        remittanceInformation,
        psuIpAddress,
        redirectUri);
  }

  /** The same payment to another creditor account (PIS-3: an invalid IBAN). */
  public PaymentRequest withCreditorIban(String iban) {
    return new PaymentRequest(
        debtorIban,
        iban,
        creditorName,
        currency,
        amount,
        remittanceInformation,
        psuIpAddress,
        redirectUri);
  }

  /** The same payment of another amount (PIS-3: negative, zero, three fraction digits). */
  public PaymentRequest withAmount(String otherAmount) {
    return new PaymentRequest(
        debtorIban,
        creditorIban,
        creditorName,
        currency,
        otherAmount,
        remittanceInformation,
        psuIpAddress,
        redirectUri);
  }

  /**
   * The body as sent (contract section 14), compact JSON in UTF-8: {@code instructedAmount}
   * (currency, amount as a string), {@code debtorAccount}, {@code creditorAccount}, {@code
   * creditorName}, {@code remittanceInformationUnstructured}. A fresh array each call.
   */
  public byte[] json() {
    ObjectNode body = JsonBodies.object();
    body.putObject("instructedAmount").put("currency", currency).put("amount", amount);
    body.putObject("debtorAccount").put("iban", debtorIban);
    body.putObject("creditorAccount").put("iban", creditorIban);
    body.put("creditorName", creditorName);
    body.put("remittanceInformationUnstructured", remittanceInformation);
    return JsonBodies.bytes(body);
  }
}
