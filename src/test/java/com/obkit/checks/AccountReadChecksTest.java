package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.html;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The account reads (AIS-*, section 13): the bank's shapes next to variants each breaking one
 * thing.
 */
class AccountReadChecksTest {
  private static final String IBAN = "NL70TRIO0123456789";
  private static final String OTHER_IBAN = "NL97TRIO0123456788";
  private static final String AT_200 = " (" + DESCRIBED + " -> 200)";

  private static final String ACCOUNT_ENTRY =
      "{\"iban\":\""
          + IBAN
          + "\",\"currency\":\"EUR\",\"resourceId\":\"r-1\",\"cashAccountType\":\"CACC\","
          + "\"name\":\"Test\",\"status\":\"enabled\",\"_links\":{\"balances\":\"/nl/v1/accounts/r-1/balances\","
          + "\"transactions\":\"/nl/v1/accounts/r-1/transactions\"}}";
  private static final HttpExchange ACCOUNTS = json(200, "{\"accounts\":[" + ACCOUNT_ENTRY + "]}");

  private static final HttpExchange BALANCES =
      json(
          200,
          "{\"account\":{\"iban\":\""
              + IBAN
              + "\"},\"balances\":["
              + "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"100.00\"},"
              + "\"referenceDate\":\"2024-01-02\"},"
              + "{\"balanceType\":\"interimAvailable\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":100.00}}]}");

  private static final HttpExchange TRANSACTIONS =
      json(
          200,
          "{\"account\":{\"iban\":\""
              + IBAN
              + "\"},\"transactions\":{\"booked\":[{\"transactionId\":\"t1\",\"bookingDate\":\"2024-01-02\","
              + "\"transactionAmount\":{\"currency\":\"EUR\",\"amount\":\"-12.34\"},"
              + "\"creditorAccount\":{\"iban\":\""
              + OTHER_IBAN
              + "\"},\"creditorName\":\"X\"},"
              + "{\"transactionAmount\":{\"currency\":\"EUR\",\"amount\":5}}],"
              + "\"pending\":[],\"_links\":{}}}");

  private static final String CONSENT_INVALID =
      "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"CONSENT_INVALID\","
          + "\"text\":\"Operation not possible on consent c-123 with status expired\"}]}";

  private static Optional<String> wrong(String message) {
    return Optional.of(message);
  }

  private static HttpExchange accounts(String entries) {
    return json(200, "{\"accounts\":[" + entries + "]}");
  }

  private static HttpExchange balances(String entries) {
    return json(200, "{\"account\":{\"iban\":\"" + IBAN + "\"},\"balances\":[" + entries + "]}");
  }

  private static HttpExchange booked(String entries) {
    return json(200, "{\"transactions\":{\"booked\":[" + entries + "]}}");
  }

  @Test
  void exactlyTheConsentedAccountPasses() {
    Check<HttpExchange> check = AccountReadChecks.exactlyAccount(IBAN, "EUR");
    assertThat(check.name()).isEqualTo("EnsureExactlyTheConsentedAccount");
    assertThat(check.name()).isEqualTo(AccountReadChecks.EXACTLY_THE_CONSENTED_ACCOUNT);
    assertThat(check.evaluate(ACCOUNTS)).isEqualTo(Optional.empty());
    assertThat(
            AccountReadChecks.exactlyAccount("nl70 trio 0123 4567 89", "EUR")
                .evaluate(
                    accounts(
                        "{\"iban\":\"NL70 TRIO 0123 4567 89\",\"currency\":\"EUR\",\"resourceId\":\"r\"}")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void anAccountListWithoutExactlyOneAccountFails() {
    Check<HttpExchange> check = AccountReadChecks.exactlyAccount(IBAN, "EUR");
    assertThat(check.evaluate(json(401, CONSENT_INVALID)))
        .isEqualTo(wrong("accounts is not an array (" + DESCRIBED + " -> 401)"));
    assertThat(check.evaluate(json(200, "{\"accounts\":" + ACCOUNT_ENTRY + "}")))
        .isEqualTo(wrong("accounts is not an array" + AT_200));
    assertThat(check.evaluate(bare(200))).isEqualTo(wrong("accounts is not an array" + AT_200));
    assertThat(check.evaluate(accounts("")))
        .isEqualTo(
            wrong(
                "accounts has 0 entries [], expected exactly the consented account "
                    + IBAN
                    + AT_200));
    assertThat(
            check.evaluate(
                accounts(
                    ACCOUNT_ENTRY + ",{\"iban\":\"" + OTHER_IBAN + "\",\"resourceId\":\"r-2\"}")))
        .isEqualTo(
            wrong(
                "accounts has 2 entries ["
                    + IBAN
                    + ", "
                    + OTHER_IBAN
                    + "], expected exactly the consented account "
                    + IBAN
                    + AT_200));
  }

  @Test
  void anotherAccountOrOneWithoutResourceIdOrCurrencyFails() {
    Check<HttpExchange> check = AccountReadChecks.exactlyAccount(IBAN, "EUR");
    assertThat(
            check.evaluate(
                accounts(
                    "{\"iban\":\"" + OTHER_IBAN + "\",\"currency\":\"EUR\",\"resourceId\":\"r\"}")))
        .isEqualTo(wrong("accounts[0].iban is '" + OTHER_IBAN + "', expected " + IBAN + AT_200));
    assertThat(check.evaluate(accounts("{\"currency\":\"EUR\",\"resourceId\":\"r\"}")))
        .isEqualTo(wrong("accounts[0].iban is missing, expected " + IBAN + AT_200));
    assertThat(check.evaluate(accounts("{\"iban\":\"" + IBAN + "\",\"currency\":\"EUR\"}")))
        .isEqualTo(wrong("accounts[0].resourceId is missing" + AT_200));
    assertThat(
            check.evaluate(
                accounts("{\"iban\":\"" + IBAN + "\",\"currency\":\"EUR\",\"resourceId\":\" \"}")))
        .isEqualTo(wrong("accounts[0].resourceId is missing" + AT_200));
    assertThat(
            check.evaluate(
                accounts("{\"iban\":\"" + IBAN + "\",\"currency\":\"GBP\",\"resourceId\":\"r\"}")))
        .isEqualTo(wrong("accounts[0].currency is 'GBP', expected 'EUR'" + AT_200));
    assertThat(check.evaluate(accounts("{\"iban\":\"" + IBAN + "\",\"resourceId\":\"r\"}")))
        .isEqualTo(wrong("accounts[0].currency is missing, expected 'EUR'" + AT_200));
    assertThat(check.evaluate(accounts("{}")))
        .isEqualTo(
            wrong(
                "accounts[0].iban is missing, expected "
                    + IBAN
                    + "; accounts[0].resourceId is missing; accounts[0].currency is missing,"
                    + " expected 'EUR'"
                    + AT_200));
  }

  @Test
  void balancesOfTheAccountPass() {
    Check<HttpExchange> check = AccountReadChecks.balancesOf(IBAN);
    assertThat(check.name()).isEqualTo("EnsureBalancesOfTheAccount");
    assertThat(check.name()).isEqualTo(AccountReadChecks.BALANCES_OF_THE_ACCOUNT);
    assertThat(check.evaluate(BALANCES)).isEqualTo(Optional.empty());
    assertThat(AccountReadChecks.balancesOf("nl70trio0123456789").evaluate(BALANCES))
        .isEqualTo(Optional.empty());
  }

  @Test
  void balancesOfAnotherAccountOrWithoutBalancesFail() {
    Check<HttpExchange> check = AccountReadChecks.balancesOf(IBAN);
    String ok =
        "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"1\"}}";
    assertThat(
            check.evaluate(
                json(
                    200,
                    "{\"account\":{\"iban\":\"" + OTHER_IBAN + "\"},\"balances\":[" + ok + "]}")))
        .isEqualTo(wrong("account.iban is '" + OTHER_IBAN + "', expected " + IBAN + AT_200));
    assertThat(check.evaluate(json(200, "{\"balances\":[" + ok + "]}")))
        .isEqualTo(wrong("account.iban is missing, expected " + IBAN + AT_200));
    assertThat(check.evaluate(balances("")))
        .isEqualTo(wrong("balances is missing or empty" + AT_200));
    assertThat(
            check.evaluate(
                json(200, "{\"account\":{\"iban\":\"" + IBAN + "\"},\"balances\":" + ok + "}")))
        .isEqualTo(wrong("balances is missing or empty" + AT_200));
    assertThat(check.evaluate(json(401, CONSENT_INVALID)))
        .isEqualTo(
            wrong(
                "account.iban is missing, expected "
                    + IBAN
                    + "; balances is missing or empty ("
                    + DESCRIBED
                    + " -> 401)"));
  }

  @Test
  void aBalanceWithoutTypeCurrencyOrReadableAmountFails() {
    Check<HttpExchange> check = AccountReadChecks.balancesOf(IBAN);
    String ok =
        "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"1\"}}";
    assertThat(
            check.evaluate(
                balances(ok + ",{\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"1\"}}")))
        .isEqualTo(wrong("balances[1].balanceType is missing" + AT_200));
    assertThat(
            check.evaluate(
                balances(
                    "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"amount\":\"1\"}}")))
        .isEqualTo(wrong("balances[0].balanceAmount.currency is missing" + AT_200));
    assertThat(
            check.evaluate(
                balances(
                    "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"12,34\"}}")))
        .isEqualTo(
            wrong(
                "balances[0].balanceAmount.amount \"12,34\" is not a decimal string or number"
                    + AT_200));
    assertThat(
            check.evaluate(
                balances(
                    "{\"balanceType\":\"closingBooked\",\"balanceAmount\":{\"currency\":\"EUR\"}}")))
        .isEqualTo(wrong("balances[0].balanceAmount.amount is missing" + AT_200));
    assertThat(check.evaluate(balances("{\"balanceType\":\"closingBooked\"}")))
        .isEqualTo(
            wrong(
                "balances[0].balanceAmount.currency is missing;"
                    + " balances[0].balanceAmount.amount is missing"
                    + AT_200));
  }

  @Test
  void transactionsOfTheAccountPass() {
    Check<HttpExchange> check = AccountReadChecks.transactionsOf(IBAN);
    assertThat(check.name()).isEqualTo("EnsureTransactionsOfTheAccount");
    assertThat(check.name()).isEqualTo(AccountReadChecks.TRANSACTIONS_OF_THE_ACCOUNT);
    assertThat(check.evaluate(TRANSACTIONS)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(booked(""))).isEqualTo(Optional.empty());
    assertThat(
            check.evaluate(
                json(200, "{\"account\":{\"bban\":\"x\"},\"transactions\":{\"booked\":[]}}")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void transactionsOfAnotherAccountOrWithoutBookedOrReadableAmountsFail() {
    Check<HttpExchange> check = AccountReadChecks.transactionsOf(IBAN);
    assertThat(
            check.evaluate(
                json(
                    200,
                    "{\"account\":{\"iban\":\""
                        + OTHER_IBAN
                        + "\"},\"transactions\":{\"booked\":[]}}")))
        .isEqualTo(wrong("account.iban is '" + OTHER_IBAN + "', expected " + IBAN + AT_200));
    assertThat(
            check.evaluate(
                json(200, "{\"account\":{\"iban\":\"\"},\"transactions\":{\"booked\":[]}}")))
        .isEqualTo(wrong("account.iban is missing, expected " + IBAN + AT_200));
    assertThat(check.evaluate(json(200, "{\"transactions\":{\"pending\":[]}}")))
        .isEqualTo(wrong("transactions.booked is not an array" + AT_200));
    assertThat(check.evaluate(json(200, "{\"transactions\":{\"booked\":{}}}")))
        .isEqualTo(wrong("transactions.booked is not an array" + AT_200));
    assertThat(check.evaluate(json(401, CONSENT_INVALID)))
        .isEqualTo(wrong("transactions.booked is not an array (" + DESCRIBED + " -> 401)"));
    assertThat(
            check.evaluate(
                booked(
                    "{\"transactionAmount\":{\"currency\":\"EUR\",\"amount\":\"1\"}},"
                        + "{\"transactionAmount\":{\"currency\":\"EUR\",\"amount\":true}}")))
        .isEqualTo(
            wrong(
                "transactions.booked[1].transactionAmount.amount true is not a decimal string or number"
                    + AT_200));
    assertThat(check.evaluate(booked("{\"transactionAmount\":{\"amount\":\"1\"}}")))
        .isEqualTo(wrong("transactions.booked[0].transactionAmount.currency is missing" + AT_200));
    assertThat(check.evaluate(booked("{}")))
        .isEqualTo(
            wrong(
                "transactions.booked[0].transactionAmount.currency is missing;"
                    + " transactions.booked[0].transactionAmount.amount is missing"
                    + AT_200));
  }

  @Test
  void aRefusalWithoutAccountDataPasses() {
    Check<HttpExchange> check = AccountReadChecks.noAccountData();
    assertThat(check.name()).isEqualTo("EnsureNoAccountDataDisclosed");
    assertThat(check.name()).isEqualTo(AccountReadChecks.NO_ACCOUNT_DATA_DISCLOSED);
    assertThat(check.evaluate(json(401, CONSENT_INVALID))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(403, "{\"accounts\":null}"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(bare(404))).isEqualTo(Optional.empty());
    // Check digits that fail mod 97, an IBAN inside a longer word, error codes: no IBAN.
    assertThat(
            check.evaluate(
                html(404, "<p>NL00TRIO0123456789 XNL70TRIO0123456789 NL70TRIO0123456789X</p>")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void aRefusalWithAccountFieldsOrAnIbanFails() {
    Check<HttpExchange> check = AccountReadChecks.noAccountData();
    assertThat(check.evaluate(json(403, "{\"accounts\":[]}")))
        .isEqualTo(
            wrong(
                "the answer discloses account data: fields [accounts] (" + DESCRIBED + " -> 403)"));
    assertThat(
            check.evaluate(
                json(
                    403,
                    "{\"tppMessages\":[],\"details\":[{\"balances\":[],\"account\":{\"iban\":\""
                        + OTHER_IBAN
                        + "\"}}]}")))
        .isEqualTo(
            wrong(
                "the answer discloses account data: fields [balances, account] and IBANs ["
                    + OTHER_IBAN
                    + "] ("
                    + DESCRIBED
                    + " -> 403)"));
    assertThat(
            check.evaluate(
                json(
                    400,
                    "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"FORMAT_ERROR\","
                        + "\"text\":\"resource of NL97 TRIO 0123 4567 88 and NL97TRIO0123456788, not "
                        + IBAN
                        + "\"}]}")))
        .isEqualTo(
            wrong(
                "the answer discloses account data: IBANs ["
                    + OTHER_IBAN
                    + ", "
                    + IBAN
                    + "] ("
                    + DESCRIBED
                    + " -> 400)"));
    assertThat(check.evaluate(json(400, "{\"transactions\":{}}")))
        .isEqualTo(
            wrong(
                "the answer discloses account data: fields [transactions] ("
                    + DESCRIBED
                    + " -> 400)"));
  }

  @Test
  void ibansAreFoundInElectronicAndPrintForm() {
    assertThat(AccountReadChecks.ibansIn("a NL70 TRIO 0123 4567 89, b BE71 0961 2345 6769."))
        .isEqualTo(Set.of(IBAN, "BE71096123456769"));
    assertThat(AccountReadChecks.ibansIn("GB33BUKB20201555555555"))
        .isEqualTo(Set.of("GB33BUKB20201555555555"));
    assertThat(AccountReadChecks.ibansIn("CONSENT_UNKNOWN NL70TRIO012")).isEqualTo(Set.of());
  }

  @Test
  void resourceIdOf() {
    assertThat(AccountReadChecks.resourceIdOf(ACCOUNTS)).isEqualTo(Optional.of("r-1"));
    assertThat(AccountReadChecks.resourceIdOf(accounts(""))).isEqualTo(Optional.empty());
    assertThat(AccountReadChecks.resourceIdOf(accounts("{\"resourceId\":\"\"}")))
        .isEqualTo(Optional.empty());
    assertThat(AccountReadChecks.resourceIdOf(bare(401))).isEqualTo(Optional.empty());
  }

  @Test
  void tokenNotEchoedFailsOnlyWhenTheBodyRepeatsTheTokenSent() {
    String token = "tok-4f3a9c";
    HttpExchange echoed =
        json(401, "{\"tppMessages\":[{\"code\":\"TOKEN_INVALID\",\"text\":\"" + token + "\"}]}");
    HttpExchange plain =
        json(401, "{\"tppMessages\":[{\"code\":\"TOKEN_INVALID\",\"text\":\"invalid\"}]}");
    Check<HttpExchange> check = AccountReadChecks.tokenNotEchoed(Optional.of(token));
    assertThat(check.name()).isEqualTo("EnsureAccessTokenNotEchoed");
    assertThat(check.evaluate(plain)).isEmpty();
    assertThat(check.evaluate(echoed))
        .contains(
            "the answer repeats the access token the request carried: " + DESCRIBED + " -> 401");
    assertThat(AccountReadChecks.tokenNotEchoed(Optional.empty()).evaluate(echoed)).isEmpty();
    assertThat(AccountReadChecks.tokenNotEchoed(Optional.of("")).evaluate(echoed)).isEmpty();
  }

  @Test
  void resourceIdOfTheAccountWithTheIbanElseTheFirst() {
    HttpExchange two =
        json(
            200,
            "{\"accounts\":[{\"iban\":\"NL97TRIO0123456788\",\"resourceId\":\"r-other\"},"
                + "{\"iban\":\"NL70 TRIO 0123 4567 89\",\"resourceId\":\"r-mine\"}]}");
    assertThat(AccountReadChecks.resourceIdOf(two, IBAN)).isEqualTo(Optional.of("r-mine"));
    assertThat(AccountReadChecks.resourceIdOf(two, "NL13TRIO0000000001"))
        .isEqualTo(Optional.of("r-other"));
    assertThat(AccountReadChecks.resourceIdOf(json(200, "{}"), IBAN)).isEqualTo(Optional.empty());
  }
}
