package com.obkit.sandbox;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;

/**
 * Sandbox test accounts (contract section 7): a new, valid IBAN of the tenant's country with the
 * bank's bank code (ACC-1), never repeated, and a 10-digit digipass (ACC-2), remembered for the
 * login step of the authorisation flow.
 */
final class TestAccounts {

  /** A test account; {@link #toString()} hides the digipass. */
  record Account(String iban, String currency, String digipass, String country) {
    Account {
      Objects.requireNonNull(iban, "iban");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(digipass, "digipass");
      Objects.requireNonNull(country, "country");
    }

    @Override
    public String toString() {
      return "Account[iban=" + iban + ", currency=" + currency + ", country=" + country + "]";
    }
  }

  private final ConcurrentMap<String, Account> byIban = new ConcurrentHashMap<>();
  private final Secrets secrets;

  TestAccounts(Secrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** A new account for {@code tenant}; retries until the IBAN has never been issued. */
  Account create(Tenant tenant, String currency) {
    return create(tenant, currency, SandboxOptions.defaults());
  }

  /**
   * A new account for {@code tenant}, breaking the ACC-1 / ACC-2 rules named by {@code options}'
   * deviations; retries until the IBAN has never been issued (ACC-2).
   */
  Account create(Tenant tenant, String currency, SandboxOptions options) {
    boolean sameIban = options.deviates(Deviation.SAME_IBAN_EVERY_TIME);
    // ACC-2: random account digits; the deviation uses the same ones every time.
    IntFunction<String> digits = sameIban ? n -> "1".repeat(n) : secrets::digits;
    // ACC-2: the digipass is a secret (reported to the sandbox's listener), the IBAN digits are
    // not; one
    // digipass per account, drawn before the IBAN retries so that only the issued one is reported.
    String digipass = secrets.digipass(10);
    while (true) {
      Account account =
          new Account(newIban(tenant, digits, options), currency, digipass, tenant.country());
      if (sameIban) {
        byIban.put(account.iban(), account); // the latest digipass wins
        return account;
      }
      if (byIban.putIfAbsent(account.iban(), account) == null) {
        return account;
      }
    }
  }

  /**
   * Whether {@code iban} (spaces and case forgiven, as a PSU types it) and {@code digipass} are a
   * test account of {@code tenant}'s country (be_fr and be_nl are the same Belgian bank).
   */
  boolean authenticates(Tenant tenant, String iban, String digipass) {
    if (iban == null || digipass == null) {
      return false;
    }
    Account account = byIban.get(iban.replace(" ", "").toUpperCase(Locale.ROOT));
    return account != null
        && account.country().equals(tenant.country())
        && Secrets.same(account.digipass(), digipass.trim());
  }

  Optional<Account> byIban(String iban) {
    return Optional.ofNullable(byIban.get(iban));
  }

  int size() {
    return byIban.size();
  }

  /**
   * ACC-1: an IBAN of the tenant's country and this bank, each deviation breaking one part of it.
   */
  private static String newIban(Tenant tenant, IntFunction<String> digits, SandboxOptions options) {
    boolean otherBank = options.deviates(Deviation.IBAN_WRONG_BANK_CODE);
    String country = options.deviates(Deviation.IBAN_WRONG_COUNTRY) ? "NL" : tenant.country();
    String iban =
        switch (country) {
          // NLkk TRIO 0xxx xxxx xx
          case "NL" -> Ibans.iban("NL", (otherBank ? "ABNA" : "TRIO") + "0" + digits.apply(9));
          // BEkk 523x xxxx xxcc, cc = first ten digits mod 97 (97 for 0)
          case "BE" -> {
            String first10 = (otherBank ? "001" : "523") + digits.apply(7);
            int check = Ibans.belgianNationalCheck(first10);
            if (options.deviates(Deviation.BELGIAN_NATIONAL_CHECK_WRONG)) {
              check = check % 97 + 1; // another value in 1..97
            }
            yield Ibans.iban("BE", first10 + String.format("%02d", check));
          }
          // GBkk TRIO 1658 10xx xxxx
          case "GB" ->
              Ibans.iban("GB", (otherBank ? "BARC200000" : "TRIO165810") + digits.apply(8));
          default -> throw new IllegalStateException("no account format for " + tenant);
        };
    if (options.deviates(Deviation.IBAN_BAD_CHECK_DIGITS)) {
      int wrong =
          (Integer.parseInt(iban.substring(2, 4)) - 2 + 1) % 97 + 2; // another value in 2..98
      iban = iban.substring(0, 2) + String.format("%02d", wrong) + iban.substring(4);
    }
    return iban;
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    byIban.clear();
  }
}
