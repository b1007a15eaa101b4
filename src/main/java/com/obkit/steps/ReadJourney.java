package com.obkit.steps;

import com.obkit.checks.AccountReadChecks;
import com.obkit.checks.ConfirmationChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.client.AccountAccess;
import com.obkit.client.HttpExchange;
import com.obkit.outcomes.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Contract section 13 for one scenario: confirming an authorisation with its access token, and the
 * account reads of a consent. Reads are attended (with {@code PSU-IP-Address}) unless a step says
 * otherwise, so that they do not spend the account's daily budget of unattended reads (AIS-5).
 */
public final class ReadJourney {
  private final ScenarioContext ctx;
  private final GrantJourney grants;
  private final AccountJourney accounts;
  private final List<HttpExchange> lastTransactions = new ArrayList<>();
  private final List<HttpExchange> repeated = new ArrayList<>();
  private HttpExchange lastBalances;
  private HttpExchange balancesBefore;
  private String resourceId;
  private Authorisable.Kind lastConfirmed;
  private Optional<String> lastAccessToken = Optional.empty();

  public ReadJourney(ScenarioContext ctx, GrantJourney grants, AccountJourney accounts) {
    this.ctx = ctx;
    this.grants = grants;
    this.accounts = accounts;
  }

  /** The rule the latest confirmation answers to: CNF-1 for a consent, PIS-2 for a payment. */
  public Rule confirmationRule() {
    return Rule.must(lastConfirmed == Authorisable.Kind.PAYMENT ? "PIS-2" : "CNF-1");
  }

  /** PUT the confirmation of {@code subject} with an access token, or none (CNF-2). */
  public HttpExchange confirm(Authorisable subject, Optional<String> accessToken) {
    lastConfirmed = subject.kind();
    accessToken.ifPresent(ctx.client().secrets()::register);
    return ctx.record(
        ctx.client()
            .confirm(
                ctx.tpps().current(),
                subject.confirmation(),
                accessToken,
                ctx.config().psu().ipAddress()));
  }

  /** Precondition: {@code subject} confirmed with its own access token (CNF-1 / PIS-2). */
  public void confirmed(Authorisable subject) {
    HttpExchange answer = confirm(subject, Optional.of(grants.grantFor(subject).accessToken()));
    Rule rule = Rule.must(subject.kind() == Authorisable.Kind.CONSENT ? "CNF-1" : "PIS-2");
    ctx.conformance().require(rule, ErrorChecks.statusIn(200, 201), answer);
    ctx.conformance().require(rule, ConfirmationChecks.scaFinalised(), answer);
  }

  /** The consent's own attended access: its id, its newest access token, the PSU's address. */
  public AccountAccess access(Authorisable consent) {
    return AccountAccess.attended(
        consent.id(), grants.grantFor(consent).accessToken(), ctx.config().psu().ipAddress());
  }

  /** Attended access with the consent's id but no token of its own yet (AIS-2, before SCA). */
  public AccountAccess accessWithoutGrant(Authorisable consent) {
    return new AccountAccess(
        consent.id(), Optional.empty(), Optional.of(ctx.config().psu().ipAddress()));
  }

  public HttpExchange accountList(AccountAccess access) {
    access.accessToken().ifPresent(ctx.client().secrets()::register);
    lastAccessToken = access.accessToken();
    HttpExchange answer =
        ctx.record(ctx.client().accounts(ctx.tpps().current(), ctx.tenant(), access));
    if (answer.status() == 200) {
      AccountReadChecks.resourceIdOf(answer, accounts.current().iban())
          .ifPresent(id -> resourceId = id);
    }
    return answer;
  }

  public HttpExchange balances(AccountAccess access) {
    lastBalances =
        ctx.record(
            ctx.client().balances(ctx.tpps().current(), ctx.tenant(), resourceId(access), access));
    return lastBalances;
  }

  /** Balances of the account behind {@code resourceIdOfOther}, with {@code access} (AIS-4). */
  public HttpExchange balancesOf(String resourceIdOfOther, AccountAccess access) {
    return ctx.record(
        ctx.client().balances(ctx.tpps().current(), ctx.tenant(), resourceIdOfOther, access));
  }

  public List<HttpExchange> transactions(AccountAccess access) {
    List<HttpExchange> pages =
        ctx.client()
            .transactions(
                ctx.tpps().current(),
                ctx.tenant(),
                resourceId(access),
                access,
                LocalDate.now().minusDays(90));
    lastTransactions.clear();
    lastTransactions.addAll(pages);
    if (!pages.isEmpty()) {
      ctx.record(pages.get(pages.size() - 1));
    }
    return List.copyOf(pages);
  }

  /** The same balances read {@code times} times in a row (AIS-5). */
  public List<HttpExchange> balancesRepeatedly(AccountAccess access, int times) {
    repeated.clear();
    for (int i = 0; i < times; i++) {
      repeated.add(balances(access));
    }
    return List.copyOf(repeated);
  }

  /** Keeps the latest balances as the ones before a payment (PIS-5). */
  public void rememberBalancesBefore() {
    balancesBefore = lastBalances();
  }

  public HttpExchange balancesBefore() {
    if (balancesBefore == null) {
      throw new IllegalStateException("the balances before the payment were not read");
    }
    return balancesBefore;
  }

  public HttpExchange lastBalances() {
    if (lastBalances == null) {
      throw new IllegalStateException("no balances were read yet");
    }
    return lastBalances;
  }

  public List<HttpExchange> lastTransactions() {
    return List.copyOf(lastTransactions);
  }

  public List<HttpExchange> repeatedReads() {
    return List.copyOf(repeated);
  }

  /** The test account's resourceId, read from the account list first if needed (AIS-1). */
  private String resourceId(AccountAccess access) {
    if (resourceId == null) {
      HttpExchange list = accountList(access);
      Rule ais1 = Rule.must("AIS-1");
      ctx.conformance().require(ais1, ErrorChecks.status(200), list);
      ctx.conformance()
          .require(ais1, AccountReadChecks.exactlyAccount(accounts.current().iban(), "EUR"), list);
    }
    return resourceId;
  }

  /**
   * The resourceId of the account behind another consent, read with that consent's own access and
   * kept apart from the scenario's test account (AIS-4).
   */
  public String resourceIdUnder(Authorisable otherConsent) {
    HttpExchange list =
        ctx.record(ctx.client().accounts(ctx.tpps().current(), ctx.tenant(), access(otherConsent)));
    Rule ais1 = Rule.must("AIS-1");
    ctx.conformance().require(ais1, ErrorChecks.status(200), list);
    return AccountReadChecks.resourceIdOf(list, accounts.second().iban())
        .orElseThrow(() -> new IllegalStateException("the account list names no resourceId"));
  }

  /** The access token the latest account list read carried, if any. */
  public Optional<String> lastAccessToken() {
    return lastAccessToken;
  }

  /** The resourceId the account list gave, once read. */
  public String resourceId() {
    if (resourceId == null) {
      throw new IllegalStateException("the account list was not read yet");
    }
    return resourceId;
  }
}
