package com.obkit.checks;

import com.obkit.client.HttpExchange;
import java.util.Optional;
import org.iban4j.IbanUtil;

/** Checks of sandbox test accounts (contract section 7). */
public final class AccountChecks {
  private AccountChecks() {}

  /** A test account as the checks see it. */
  public record TestAccount(String iban, String digipass, String currency) {
    public static TestAccount from(HttpExchange x) {
      return new TestAccount(
          TokenChecks.text(x, "iban"),
          TokenChecks.text(x, "digipass"),
          TokenChecks.text(x, "currency"));
    }

    @Override
    public String toString() {
      return "TestAccount[iban=" + iban + ", currency=" + currency + "]";
    }
  }

  /** EnsureIbanOfTenantAndBank (ACC-1): our own rules, then iban4j as a second implementation. */
  public static Check<TestAccount> ibanValidFor(String tenant) {
    return new Check<>(
        "EnsureValidIbanOfTheBank",
        a -> {
          if (a.iban().isBlank()) {
            return Optional.of("no iban in the answer");
          }
          Optional<String> own = Ibans.problem(a.iban(), tenant);
          if (own.isPresent()) {
            return own;
          }
          try {
            IbanUtil.validate(Ibans.normalise(a.iban()));
            return Optional.empty();
          } catch (RuntimeException e) {
            return Optional.of("iban4j rejects " + a.iban() + ": " + e.getMessage());
          }
        });
  }

  /** EnsureDigipassNumber (ACC-2): a digipass number is given, digits only. */
  public static Check<TestAccount> digipassPresent() {
    return Check.that(
        "EnsureDigipassNumber",
        a -> a.digipass().matches("\\d{6,16}"),
        a -> "digipass is missing or not a number (" + a.digipass().length() + " chars)");
  }

  /** EnsureNoTestAccountCreated (ACC-3): the answer carries no IBAN. */
  public static Check<HttpExchange> noAccountCreated() {
    return Check.that(
        "EnsureNoTestAccountCreated",
        x -> x.status() >= 400 && x.jsonText("iban").isEmpty(),
        x -> "a test account was created: " + x.describe());
  }

  /** EnsureNewIbanPerAccount (ACC-2). */
  public static Check<TestAccount> differentIbanFrom(TestAccount other) {
    return Check.that(
        "EnsureNewIbanPerAccount",
        a -> !Ibans.normalise(a.iban()).equals(Ibans.normalise(other.iban())),
        a -> "two accounts share IBAN " + a.iban());
  }
}
