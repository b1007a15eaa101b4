package com.obkit.steps;

import com.obkit.client.ConsentRequest;
import com.obkit.client.PaymentRequest;
import io.cucumber.java.ParameterType;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feature files' words for one thing broken in the journey after onboarding (contract sections
 * 10 to 15), each the standard request with one change.
 */
public final class JourneyParameterTypes {
  private static final Map<String, UnaryOperator<ConsentRequest>> CONSENT_DEFECTS =
      Map.of(
          "without a PSU-IP-Address", ConsentRequest::withoutPsuIpAddress,
          "without a TPP-Redirect-URI", ConsentRequest::withoutRedirectUri,
          "with a frequencyPerDay of 5", r -> r.withFrequencyPerDay(5),
          "naming a value that is not an IBAN", r -> r.withIban("NOT-AN-IBAN-0000"),
          "with the combined service indicator", r -> r.withCombinedServiceIndicator(true));

  private static final Pattern AMOUNT = Pattern.compile("^of the amount \"(.*)\"$");

  /** A consent request with one defect (CON-2). */
  @ParameterType(
      "without a PSU-IP-Address|without a TPP-Redirect-URI|with a frequencyPerDay of 5"
          + "|naming a value that is not an IBAN|with the combined service indicator")
  public UnaryOperator<ConsentRequest> consentDefect(String phrase) {
    return CONSENT_DEFECTS.get(phrase);
  }

  /** A payment with one defect (PIS-3). */
  @ParameterType(
      "in GBP|to a creditor IBAN that is not valid|from a debtor IBAN that is not valid"
          + "|of the amount \"[^\"]*\"")
  public UnaryOperator<PaymentRequest> paymentDefect(String phrase) {
    Matcher amount = AMOUNT.matcher(phrase);
    if (amount.matches()) {
      String value = amount.group(1);
      return r -> r.withAmount(value);
    }
    return switch (phrase) {
      case "in GBP" -> r -> r.withCurrency("GBP");
      case "to a creditor IBAN that is not valid" ->
          r -> r.withCreditorIban(ResourceJourney.INVALID_IBAN);
      case "from a debtor IBAN that is not valid" ->
          r -> r.withDebtorIban(ResourceJourney.withWrongCheckDigits(r.debtorIban()));
      default -> throw new IllegalArgumentException("unknown payment defect: " + phrase);
    };
  }

  /** A token request with one defect (TKN-2, TKN-3, TKN-6). */
  @ParameterType(
      "a wrong code_verifier|no code_verifier|the other registered redirect URI"
          + "|the redirect URI, trailing slash added|no Basic header|a wrong client_secret"
          + "|an unknown client_id")
  public GrantDefect grantDefect(String phrase) {
    return GrantDefect.byPhrase(phrase);
  }

  /** An account read with one defect (AIS-3, AIS-4). */
  @ParameterType(
      "without an access token|with an access token the bank never issued|with an expired access token"
          + "|with the access token of another consent|with a consent id the bank never issued"
          + "|with the other TPP's consent")
  public ReadDefect readDefect(String phrase) {
    return ReadDefect.byPhrase(phrase);
  }

  /** A confirmation with one defect (CNF-2). */
  @ParameterType("without an access token|with the access token of another consent")
  public ReadDefect confirmationDefect(String phrase) {
    return ReadDefect.byPhrase(phrase);
  }
}
