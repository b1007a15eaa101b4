package com.obkit.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account information consent request (contract section 10): its body and the two headers it
 * travels with. Immutable; negative scenarios (CON-2) derive a broken request from {@link
 * #detailed} with the {@code with…} methods, so the body stays a plain value, not validated here: a
 * {@code frequencyPerDay} of 5 or an IBAN that is no IBAN must reach the bank.
 *
 * @param ibans the accounts named in {@code access.accounts}, {@code access.balances} and {@code
 *     access.transactions}, each list naming all of them, in order
 * @param validUntil the {@code validUntil} text (an ISO date, or anything a scenario sends)
 * @param frequencyPerDay {@code frequencyPerDay}
 * @param recurringIndicator {@code recurringIndicator}
 * @param combinedServiceIndicator {@code combinedServiceIndicator}
 * @param psuIpAddress the {@code PSU-IP-Address} header, if sent
 * @param redirectUri the {@code TPP-Redirect-URI} header, if sent
 */
public record ConsentRequest(
    List<String> ibans,
    String validUntil,
    int frequencyPerDay,
    boolean recurringIndicator,
    boolean combinedServiceIndicator,
    Optional<String> psuIpAddress,
    Optional<String> redirectUri) {

  /** How far ahead a detailed consent is valid: within the contract's "at most 90 days". */
  static final int VALID_DAYS = 89;

  public ConsentRequest {
    ibans = List.copyOf(Objects.requireNonNull(ibans, "ibans"));
    if (ibans.isEmpty()) {
      throw new IllegalArgumentException("a detailed consent names at least one account");
    }
    Objects.requireNonNull(validUntil, "validUntil");
    psuIpAddress = HeaderValues.require("PSU-IP-Address", psuIpAddress);
    redirectUri = HeaderValues.require("TPP-Redirect-URI", redirectUri);
  }

  /**
   * The consent a conformant bank must grant (CON-1): accounts, balances and transactions of the
   * one test account, valid for {@value #VALID_DAYS} days, 4 reads a day, recurring, no combined
   * service.
   *
   * @param iban the test account
   * @param psuIpAddress the PSU's IP address
   * @param redirectUri one of the client's registered redirect URIs
   * @param today the run's date (the clock is the caller's, so the body is reproducible)
   */
  public static ConsentRequest detailed(
      String iban, String psuIpAddress, String redirectUri, LocalDate today) {
    return new ConsentRequest(
        List.of(Objects.requireNonNull(iban, "iban")),
        today.plusDays(VALID_DAYS).toString(),
        4,
        true,
        false,
        Optional.of(psuIpAddress),
        Optional.of(redirectUri));
  }

  /** The same request without {@code PSU-IP-Address} (CON-2). */
  public ConsentRequest withoutPsuIpAddress() {
    return new ConsentRequest(
        ibans,
        validUntil,
        frequencyPerDay,
        recurringIndicator,
        combinedServiceIndicator,
        Optional.empty(),
        redirectUri);
  }

  /** The same request without {@code TPP-Redirect-URI} (CON-2). */
  public ConsentRequest withoutRedirectUri() {
    return new ConsentRequest(
        ibans,
        validUntil,
        frequencyPerDay,
        recurringIndicator,
        combinedServiceIndicator,
        psuIpAddress,
        Optional.empty());
  }

  /** The same request with another {@code TPP-Redirect-URI} (CON-4: an unregistered one). */
  public ConsentRequest withRedirectUri(String uri) {
    return new ConsentRequest(
        ibans,
        validUntil,
        frequencyPerDay,
        recurringIndicator,
        combinedServiceIndicator,
        psuIpAddress,
        Optional.of(uri));
  }

  /** The same request with another {@code frequencyPerDay} (CON-2: above 4). */
  public ConsentRequest withFrequencyPerDay(int perDay) {
    return new ConsentRequest(
        ibans,
        validUntil,
        perDay,
        recurringIndicator,
        combinedServiceIndicator,
        psuIpAddress,
        redirectUri);
  }

  /** The same request with another {@code combinedServiceIndicator} (CON-2: true). */
  public ConsentRequest withCombinedServiceIndicator(boolean combined) {
    return new ConsentRequest(
        ibans,
        validUntil,
        frequencyPerDay,
        recurringIndicator,
        combined,
        psuIpAddress,
        redirectUri);
  }

  /**
   * The same request naming {@code iban} wherever it named an account (CON-2: a value that is not
   * an IBAN).
   */
  public ConsentRequest withIban(String iban) {
    return new ConsentRequest(
        List.of(Objects.requireNonNull(iban, "iban")),
        validUntil,
        frequencyPerDay,
        recurringIndicator,
        combinedServiceIndicator,
        psuIpAddress,
        redirectUri);
  }

  /**
   * The body as sent (contract section 10), compact JSON in UTF-8, fields in the contract's order:
   * {@code access} (accounts, balances, transactions), {@code recurringIndicator}, {@code
   * validUntil}, {@code frequencyPerDay}, {@code combinedServiceIndicator}. A fresh array each
   * call: these are the bytes the Digest hashes.
   */
  public byte[] json() {
    ObjectNode body = JsonBodies.object();
    ObjectNode access = body.putObject("access");
    for (String list : List.of("accounts", "balances", "transactions")) {
      ArrayNode accounts = access.putArray(list);
      ibans.forEach(iban -> accounts.addObject().put("iban", iban));
    }
    body.put("recurringIndicator", recurringIndicator);
    body.put("validUntil", validUntil);
    body.put("frequencyPerDay", frequencyPerDay);
    body.put("combinedServiceIndicator", combinedServiceIndicator);
    return JsonBodies.bytes(body);
  }
}
