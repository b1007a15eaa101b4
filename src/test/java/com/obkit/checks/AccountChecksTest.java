package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.checks.AccountChecks.TestAccount;
import com.obkit.client.HttpExchange;
import org.junit.jupiter.api.Test;

/** The test account checks (ACC): a passing account next to each way it fails. */
class AccountChecksTest {
  /** NL, the bank's code TRIO, valid check digits. */
  private static final String NL_IBAN = "NL70TRIO0123456789";

  private static final String OTHER_NL_IBAN = "NL97TRIO0123456788";

  private static TestAccount account(String iban, String digipass) {
    return new TestAccount(iban, digipass, "EUR");
  }

  @Test
  void testAccountIsReadFromTheAnswerAndNeverShowsTheDigipass() {
    TestAccount a =
        TestAccount.from(
            json(
                201,
                "{\"iban\":\"" + NL_IBAN + "\",\"digipass\":\"12345678\",\"currency\":\"EUR\"}"));
    assertThat(a).isEqualTo(new TestAccount(NL_IBAN, "12345678", "EUR"));
    assertThat(a.toString()).isEqualTo("TestAccount[iban=" + NL_IBAN + ", currency=EUR]");
  }

  @Test
  void ibanValidFor() {
    Check<TestAccount> check = AccountChecks.ibanValidFor("nl");
    assertThat(check.name()).isEqualTo("EnsureValidIbanOfTheBank");
    assertThat(check.evaluate(account(NL_IBAN, "1"))).isEmpty();
    assertThat(check.evaluate(account("nl70 trio 0123 4567 89", "1"))).isEmpty();
    assertThat(check.evaluate(account(" ", "1"))).contains("no iban in the answer");
    assertThat(check.evaluate(account("NL00TRIO0123456789", "1")))
        .contains("IBAN NL00TRIO0123456789 fails the ISO 13616 mod-97 check");
    assertThat(AccountChecks.ibanValidFor("uk").evaluate(account(NL_IBAN, "1")))
        .contains("IBAN " + NL_IBAN + " is not of the tenant's country GB");
  }

  @Test
  void digipassPresent() {
    Check<TestAccount> check = AccountChecks.digipassPresent();
    assertThat(check.name()).isEqualTo("EnsureDigipassNumber");
    assertThat(check.evaluate(account(NL_IBAN, "123456"))).isEmpty();
    assertThat(check.evaluate(account(NL_IBAN, "1234567890123456"))).isEmpty();
    assertThat(check.evaluate(account(NL_IBAN, "12345")))
        .contains("digipass is missing or not a number (5 chars)");
    assertThat(check.evaluate(account(NL_IBAN, "12345678901234567")))
        .contains("digipass is missing or not a number (17 chars)");
    assertThat(check.evaluate(account(NL_IBAN, "12345a")))
        .contains("digipass is missing or not a number (6 chars)");
    assertThat(check.evaluate(account(NL_IBAN, "")))
        .contains("digipass is missing or not a number (0 chars)");
  }

  @Test
  void noAccountCreated() {
    Check<HttpExchange> check = AccountChecks.noAccountCreated();
    assertThat(check.name()).isEqualTo("EnsureNoTestAccountCreated");
    assertThat(check.evaluate(json(400, "{\"tppMessages\":[]}"))).isEmpty();
    assertThat(check.evaluate(json(201, "{}")))
        .contains("a test account was created: " + DESCRIBED + " -> 201");
    assertThat(check.evaluate(json(400, "{\"iban\":\"" + NL_IBAN + "\"}")))
        .contains("a test account was created: " + DESCRIBED + " -> 400");
    assertThat(check.evaluate(json(399, "{}"))).isPresent();
  }

  @Test
  void differentIbanFrom() {
    Check<TestAccount> check = AccountChecks.differentIbanFrom(account(NL_IBAN, "1"));
    assertThat(check.name()).isEqualTo("EnsureNewIbanPerAccount");
    assertThat(check.evaluate(account(OTHER_NL_IBAN, "1"))).isEmpty();
    assertThat(check.evaluate(account("nl70 trio 0123 4567 89", "1")))
        .contains("two accounts share IBAN nl70 trio 0123 4567 89");
  }
}
