package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.obkit.client.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of the account reads with a valid consent and of their refusals (contract section 13,
 * AIS-*; ERR-2). IBANs are compared in electronic form (no spaces, upper case).
 */
public final class AccountReadChecks {
  /** Check name of {@link #exactlyAccount}. */
  public static final String EXACTLY_THE_CONSENTED_ACCOUNT = "EnsureExactlyTheConsentedAccount";

  /** Check name of {@link #balancesOf}. */
  public static final String BALANCES_OF_THE_ACCOUNT = "EnsureBalancesOfTheAccount";

  /** Check name of {@link #transactionsOf}. */
  public static final String TRANSACTIONS_OF_THE_ACCOUNT = "EnsureTransactionsOfTheAccount";

  /** Check name of {@link #noAccountData}. */
  public static final String NO_ACCOUNT_DATA_DISCLOSED = "EnsureNoAccountDataDisclosed";

  /** The fields of the account answers; none belongs in an error. */
  private static final Set<String> ACCOUNT_FIELDS =
      Set.of("accounts", "balances", "transactions", "account");

  /**
   * An IBAN in electronic or print form (groups of four), not inside a longer word; a match counts
   * only when its mod-97 check digits hold, so that error codes and ids are not taken for IBANs.
   */
  private static final Pattern IBAN_LIKE =
      Pattern.compile(
          "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])");

  private AccountReadChecks() {}

  /**
   * EnsureExactlyTheConsentedAccount (AIS-1, section 13): the account list holds exactly one
   * account, the consented one: its {@code iban}, a {@code resourceId} and its {@code currency}.
   */
  public static Check<HttpExchange> exactlyAccount(String iban, String currency) {
    return reading(
        EXACTLY_THE_CONSENTED_ACCOUNT,
        json -> {
          List<String> problems = new ArrayList<>();
          JsonNode accounts = json.get("accounts");
          if (accounts == null || !accounts.isArray()) {
            problems.add("accounts is not an array");
          } else if (accounts.size() != 1) {
            List<String> ibans = new ArrayList<>();
            accounts.forEach(a -> ibans.add(a.path("iban").asText("")));
            problems.add(
                "accounts has "
                    + accounts.size()
                    + " entries "
                    + ibans
                    + ", expected exactly the consented account "
                    + iban);
          } else {
            JsonNode account = accounts.get(0);
            ibanIs(problems, "accounts[0].iban", account.get("iban"), iban);
            if (Json.text(account.get("resourceId")).isEmpty()) {
              problems.add("accounts[0].resourceId is missing");
            }
            textIs(problems, "accounts[0].currency", account.get("currency"), currency);
          }
          return problems;
        });
  }

  /**
   * EnsureBalancesOfTheAccount (AIS-1, section 13): the balances answer names the account and lists
   * at least one balance, each with a {@code balanceType}, and a {@code balanceAmount} with a
   * {@code currency} and an amount that is a decimal string or number.
   */
  public static Check<HttpExchange> balancesOf(String iban) {
    return reading(
        BALANCES_OF_THE_ACCOUNT,
        json -> {
          List<String> problems = new ArrayList<>();
          ibanIs(problems, "account.iban", json.path("account").get("iban"), iban);
          JsonNode balances = json.get("balances");
          if (balances == null || !balances.isArray() || balances.isEmpty()) {
            problems.add("balances is missing or empty");
          } else {
            for (int i = 0; i < balances.size(); i++) {
              JsonNode b = balances.get(i);
              String at = "balances[" + i + "]";
              if (Json.text(b.get("balanceType")).isEmpty()) {
                problems.add(at + ".balanceType is missing");
              }
              money(problems, at + ".balanceAmount", b.path("balanceAmount"));
            }
          }
          return problems;
        });
  }

  /**
   * EnsureTransactionsOfTheAccount (AIS-1, section 13): {@code transactions.booked} is an array (it
   * may be empty), each entry with a {@code transactionAmount} of a readable amount and a currency;
   * {@code account.iban}, when given, is the account's.
   */
  public static Check<HttpExchange> transactionsOf(String iban) {
    return reading(
        TRANSACTIONS_OF_THE_ACCOUNT,
        json -> {
          List<String> problems = new ArrayList<>();
          JsonNode accountIban = json.path("account").get("iban");
          if (accountIban != null) {
            ibanIs(problems, "account.iban", accountIban, iban);
          }
          JsonNode booked = json.path("transactions").get("booked");
          if (booked == null || !booked.isArray()) {
            problems.add("transactions.booked is not an array");
          } else {
            for (int i = 0; i < booked.size(); i++) {
              money(
                  problems,
                  "transactions.booked[" + i + "].transactionAmount",
                  booked.get(i).path("transactionAmount"));
            }
          }
          return problems;
        });
  }

  /**
   * EnsureNoAccountDataDisclosed (AIS-2 to AIS-4 section 13, ERR-2 section 15): a refused read
   * shows no account data: no {@code accounts}, {@code balances}, {@code transactions} or {@code
   * account} field anywhere in its JSON and no IBAN anywhere in its body. The status is {@link
   * ErrorChecks}' to check.
   */
  public static Check<HttpExchange> noAccountData() {
    return new Check<>(
        NO_ACCOUNT_DATA_DISCLOSED,
        x -> {
          List<String> disclosed = new ArrayList<>();
          Set<String> fields =
              x.json().map(j -> Json.fieldsNamed(j, ACCOUNT_FIELDS)).orElse(Set.of());
          if (!fields.isEmpty()) {
            disclosed.add("fields " + fields);
          }
          Set<String> ibans = ibansIn(x.body());
          if (!ibans.isEmpty()) {
            disclosed.add("IBANs " + ibans);
          }
          return disclosed.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "the answer discloses account data: "
                      + String.join(" and ", disclosed)
                      + " ("
                      + x.describe()
                      + ")");
        });
  }

  /**
   * The first account's {@code resourceId} in an account list, for the balances and transactions.
   */
  public static Optional<String> resourceIdOf(HttpExchange accountList) {
    return Json.text(
        accountList.json().map(j -> j.path("accounts").path(0).get("resourceId")).orElse(null));
  }

  /**
   * The {@code resourceId} of the account with {@code iban} (spaces and case forgiven) in an
   * account list, else the first account's: a list that shows more than the consented account (an
   * AIS-1 failure of its own) must not make the kit read someone else's balances.
   */
  public static Optional<String> resourceIdOf(HttpExchange accountList, String iban) {
    JsonNode accounts =
        accountList.json().map(j -> j.path("accounts")).orElse(MissingNode.getInstance());
    for (JsonNode account : accounts) {
      if (Ibans.normalise(account.path("iban").asText("")).equals(Ibans.normalise(iban))) {
        return Json.text(account.get("resourceId"));
      }
    }
    return resourceIdOf(accountList);
  }

  /** The IBANs with valid check digits in {@code text}, in electronic form. */
  static Set<String> ibansIn(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = IBAN_LIKE.matcher(text);
    while (m.find()) {
      String iban = Ibans.normalise(m.group());
      if (Ibans.checkDigitsValid(iban)) {
        found.add(iban);
      }
    }
    return found;
  }

  /** A check of a JSON answer from its problems; the exchange is named after them. */
  private static Check<HttpExchange> reading(
      String name, Function<JsonNode, List<String>> problems) {
    return new Check<>(
        name,
        x -> {
          List<String> found = problems.apply(x.json().orElse(MissingNode.getInstance()));
          return found.isEmpty()
              ? Optional.empty()
              : Optional.of(String.join("; ", found) + " (" + x.describe() + ")");
        });
  }

  static void ibanIs(List<String> problems, String at, JsonNode node, String iban) {
    Optional<String> value = Json.text(node);
    if (value.isEmpty()) {
      problems.add(at + " is missing, expected " + iban);
    } else if (!Ibans.normalise(value.get()).equals(Ibans.normalise(iban))) {
      problems.add(at + " is '" + value.get() + "', expected " + iban);
    }
  }

  private static void textIs(List<String> problems, String at, JsonNode node, String expected) {
    Optional<String> value = Json.text(node);
    if (value.isEmpty()) {
      problems.add(at + " is missing, expected '" + expected + "'");
    } else if (!value.get().equals(expected)) {
      problems.add(at + " is '" + value.get() + "', expected '" + expected + "'");
    }
  }

  /** An amount object: a non-empty {@code currency} and a readable {@code amount}. */
  private static void money(List<String> problems, String at, JsonNode amount) {
    if (Json.text(amount.get("currency")).isEmpty()) {
      problems.add(at + ".currency is missing");
    }
    JsonNode value = amount.get("amount");
    if (value == null) {
      problems.add(at + ".amount is missing");
    } else if (Amounts.of(value).isEmpty()) {
      problems.add(at + ".amount " + value + " is not a decimal string or number");
    }
  }

  /** Check name of {@link #tokenNotEchoed}. */
  public static final String TOKEN_NOT_ECHOED = "EnsureAccessTokenNotEchoed";

  /**
   * EnsureAccessTokenNotEchoed (ERR-2, section 15): an error answer does not repeat the access
   * token the request carried (in a text, a field, anywhere in the body); nothing to judge when the
   * request carried none. The message never shows the token.
   */
  public static Check<HttpExchange> tokenNotEchoed(Optional<String> sent) {
    return Check.that(
        TOKEN_NOT_ECHOED,
        x -> sent.filter(t -> !t.isEmpty()).map(t -> !x.body().contains(t)).orElse(true),
        x -> "the answer repeats the access token the request carried: " + x.describe());
  }
}
