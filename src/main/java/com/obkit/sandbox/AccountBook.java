package com.obkit.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The books of the test accounts (contract sections 13 and 14): each account opens with {@link
 * #OPENING_BALANCE} booked as one credit on the day it is created, and every executed payment books
 * a debit and lowers the balance (PIS-5). Each account has a public {@code resourceId}, the path
 * segment of its reads.
 *
 * <p>Debits are signed (negative, BG) and name the creditor: the contract lets a bank show the
 * direction either way (section 13), and a signed amount keeps the sum of the booked transactions
 * equal to the balance.
 */
final class AccountBook {

  /** What every test account holds when it is created. */
  static final BigDecimal OPENING_BALANCE = new BigDecimal("1000.00");

  /**
   * One booked transaction.
   *
   * @param amount signed: positive for a credit, negative for a debit
   * @param counterpartyName the debtor of a credit or the creditor of a debit
   * @param counterpartyIban that party's IBAN, when known
   */
  record Entry(
      String transactionId,
      LocalDate bookingDate,
      BigDecimal amount,
      String currency,
      String counterpartyName,
      Optional<String> counterpartyIban,
      Optional<String> remittance) {
    Entry {
      Objects.requireNonNull(transactionId, "transactionId");
      Objects.requireNonNull(bookingDate, "bookingDate");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(counterpartyName, "counterpartyName");
      Objects.requireNonNull(counterpartyIban, "counterpartyIban");
      Objects.requireNonNull(remittance, "remittance");
    }

    boolean isDebit() {
      return amount.signum() < 0;
    }
  }

  /** An account's book as read at one moment. */
  record Snapshot(
      String iban,
      String resourceId,
      String currency,
      String country,
      BigDecimal balance,
      List<Entry> booked) {
    Snapshot {
      Objects.requireNonNull(iban, "iban");
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(balance, "balance");
      booked = List.copyOf(booked);
    }
  }

  /** One account's book; guarded by its own monitor (balance and entries change together). */
  private static final class Ledger {
    final String iban;
    final String resourceId;
    final String currency;
    final String country;
    private BigDecimal balance = BigDecimal.ZERO.setScale(2);
    private final List<Entry> entries = new ArrayList<>();

    Ledger(String iban, String resourceId, String currency, String country) {
      this.iban = iban;
      this.resourceId = resourceId;
      this.currency = currency;
      this.country = country;
    }

    synchronized void book(Entry entry) {
      balance = balance.add(entry.amount());
      entries.add(entry);
    }

    synchronized boolean debit(Entry entry) {
      if (balance.add(entry.amount()).signum() < 0) {
        return false;
      }
      book(entry);
      return true;
    }

    synchronized Snapshot snapshot() {
      return new Snapshot(iban, resourceId, currency, country, balance, entries);
    }
  }

  private final ConcurrentMap<String, Ledger> byIban = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Ledger> byResourceId = new ConcurrentHashMap<>();
  private final Secrets secrets;

  AccountBook(Secrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /**
   * Opens the book of a new test account with its opening credit; an IBAN opened before keeps its
   * book (only {@link Deviation#SAME_IBAN_EVERY_TIME} repeats an IBAN).
   */
  void open(TestAccounts.Account account, LocalDate today) {
    byIban.computeIfAbsent(
        account.iban(),
        iban -> {
          Ledger ledger =
              new Ledger(iban, secrets.identifier(12), account.currency(), account.country());
          ledger.book(
              new Entry(
                  secrets.identifier(12),
                  today,
                  OPENING_BALANCE,
                  account.currency(),
                  "Reference sandbox",
                  Optional.empty(),
                  Optional.of("Opening balance of the test account")));
          byResourceId.put(ledger.resourceId, ledger);
          return ledger;
        });
  }

  Optional<Snapshot> byIban(String iban) {
    return Optional.ofNullable(iban == null ? null : byIban.get(iban)).map(Ledger::snapshot);
  }

  Optional<Snapshot> byResourceId(String resourceId) {
    return Optional.ofNullable(resourceId == null ? null : byResourceId.get(resourceId))
        .map(Ledger::snapshot);
  }

  /** Every account of {@code country} (only {@link Deviation#ACCOUNT_LIST_SHOWS_ALL_ACCOUNTS}). */
  List<Snapshot> ofCountry(String country) {
    return byIban.values().stream()
        .filter(l -> l.country.equals(country))
        .map(Ledger::snapshot)
        .toList();
  }

  /**
   * PIS-2, PIS-5: books a debit of {@code amount} to the creditor; false, booking nothing, when the
   * balance does not cover it.
   */
  boolean debit(
      String iban,
      BigDecimal amount,
      String currency,
      String creditorName,
      String creditorIban,
      Optional<String> remittance,
      LocalDate today) {
    Ledger ledger = byIban.get(iban);
    if (ledger == null) {
      return false;
    }
    return ledger.debit(
        new Entry(
            secrets.identifier(12),
            today,
            amount.negate(),
            currency,
            creditorName,
            Optional.of(creditorIban),
            remittance));
  }

  /** Whether {@code iban} holds at least {@code amount}. */
  boolean covers(String iban, BigDecimal amount) {
    return byIban(iban).map(s -> s.balance().compareTo(amount) >= 0).orElse(false);
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    byIban.clear();
    byResourceId.clear();
  }
}
