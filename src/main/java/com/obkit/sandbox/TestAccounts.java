package com.obkit.sandbox;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sandbox test accounts (contract section 7): a new, valid IBAN of the tenant's country with the
 * bank's bank code (ACC-1), never repeated, and a 10-digit digipass (ACC-2), remembered for the login
 * step of the authorisation flow.
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
    while (true) {
      Account account = new Account(newIban(tenant), currency, secrets.digits(10), tenant.country());
      if (byIban.putIfAbsent(account.iban(), account) == null) {
        return account;
      }
    }
  }

  /**
   * Whether {@code iban} (spaces and case forgiven, as a PSU types it) and {@code digipass} are a test
   * account of {@code tenant}'s country (be_fr and be_nl are the same Belgian bank).
   */
  boolean authenticates(Tenant tenant, String iban, String digipass) {
    if (iban == null || digipass == null) {
      return false;
    }
    Account account = byIban.get(iban.replace(" ", "").toUpperCase(Locale.ROOT));
    return account != null && account.country().equals(tenant.country()) && Secrets.same(account.digipass(), digipass.trim());
  }

  Optional<Account> byIban(String iban) {
    return Optional.ofNullable(byIban.get(iban));
  }

  int size() {
    return byIban.size();
  }

  private String newIban(Tenant tenant) {
    return switch (tenant.country()) {
      // NLkk TRIO 0xxx xxxx xx
      case "NL" -> Ibans.iban("NL", "TRIO" + "0" + secrets.digits(9));
      // BEkk 523x xxxx xxcc, cc = first ten digits mod 97 (97 for 0)
      case "BE" -> {
        String first10 = "523" + secrets.digits(7);
        yield Ibans.iban("BE", first10 + String.format("%02d", Ibans.belgianNationalCheck(first10)));
      }
      // GBkk TRIO 1658 10xx xxxx
      case "GB" -> Ibans.iban("GB", "TRIO" + "165810" + secrets.digits(8));
      default -> throw new IllegalStateException("no account format for " + tenant);
    };
  }
}
