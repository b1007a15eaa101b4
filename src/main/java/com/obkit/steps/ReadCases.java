package com.obkit.steps;

import com.obkit.checks.AccountReadChecks;
import com.obkit.checks.ErrorChecks;
import com.obkit.client.AccountAccess;
import com.obkit.client.HttpExchange;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The account reads and confirmations of contract section 13 with one thing broken, each the happy
 * flow's request with one change, and the composite preconditions they need (another consent's
 * token, a second account's consent, an expired consent).
 */
public final class ReadCases {
  private final ScenarioContext ctx;
  private final ResourceJourney resources;
  private final AccountJourney accounts;
  private final GrantJourney grants;
  private final ReadJourney reads;
  private final OtherTppJourney other;
  private final Refusals refusals;
  private final Applicability applicability;
  private Authorisable otherPayment;
  private String secondResourceId;

  public ReadCases(
      ScenarioContext ctx,
      ResourceJourney resources,
      AccountJourney accounts,
      GrantJourney grants,
      ReadJourney reads,
      OtherTppJourney other,
      Refusals refusals,
      Applicability applicability) {
    this.ctx = ctx;
    this.resources = resources;
    this.accounts = accounts;
    this.grants = grants;
    this.reads = reads;
    this.other = other;
    this.refusals = refusals;
    this.applicability = applicability;
  }

  /** The consent's own access, or, before any token was issued for it, its id alone. */
  public AccountAccess consentAccess() {
    Authorisable consent = resources.consent();
    return grants.hasGrant(consent) ? reads.access(consent) : reads.accessWithoutGrant(consent);
  }

  /** CNF-2: the confirmation without a token, or with another consent's. */
  public HttpExchange confirmConsent(ReadDefect defect) {
    Authorisable consent = resources.consent();
    return switch (defect) {
      case NO_ACCESS_TOKEN -> reads.confirm(consent, Optional.empty());
      case ANOTHER_CONSENTS_TOKEN -> reads.confirm(consent, Optional.of(anotherConsentsToken()));
      default -> throw new IllegalArgumentException("not a confirmation defect: " + defect);
    };
  }

  /** AIS-3 / AIS-4: the account list with one thing of the consent's access changed. */
  public HttpExchange readAccountList(ReadDefect defect) {
    AccountAccess mine = reads.access(resources.consent());
    AccountAccess changed =
        switch (defect) {
          case NO_ACCESS_TOKEN -> mine.withoutAccessToken();
          case UNKNOWN_ACCESS_TOKEN ->
              mine.withAccessToken("kit-unknown-token-" + UUID.randomUUID());
          case EXPIRED_ACCESS_TOKEN -> expired(mine);
          case ANOTHER_CONSENTS_TOKEN -> mine.withAccessToken(anotherConsentsToken());
          case UNKNOWN_CONSENT_ID -> mine.withConsentId(ResourceJourney.unknownId());
          case OTHER_TPPS_CONSENT -> mine.withConsentId(other.consentId());
        };
    return reads.accountList(changed);
  }

  /** PIS-4: another payment from the test account, authorised, with its own token. */
  public void holdAnotherPaymentsToken() {
    otherPayment = resources.anotherPayment("1.00");
    grants.authorisedAndExchanged(otherPayment);
  }

  public HttpExchange confirmPaymentWithTheOtherPaymentsToken() {
    if (otherPayment == null) {
      throw new IllegalStateException("the TPP holds no token of another payment");
    }
    return reads.confirm(
        resources.payment(), Optional.of(grants.grantFor(otherPayment).accessToken()));
  }

  /** AIS-4: a second test account with a confirmed consent of its own, and its resourceId. */
  public void confirmedConsentOnASecondAccount() {
    accounts.createAccount(ctx.tenant(), Tampering.NONE);
    Authorisable second = resources.consentReceivedOn(accounts.second().iban());
    grants.authorisedAndExchanged(second, ScaJourney.credentialsOf(accounts.second()));
    reads.confirmed(second);
    secondResourceId = reads.resourceIdUnder(second);
  }

  public HttpExchange readSecondAccountsBalances() {
    if (secondResourceId == null) {
      throw new IllegalStateException("the TPP holds no consent on a second account");
    }
    return reads.balancesOf(secondResourceId, reads.access(resources.consent()));
  }

  /** PIS-5: the balances before the payment (AIS-1 precondition). */
  public void balancesBeforePayment() {
    HttpExchange before = reads.balances(reads.access(resources.consent()));
    ctx.conformance().require(Rule.must("AIS-1"), ErrorChecks.status(200), before);
    reads.rememberBalancesBefore();
  }

  /** AIS-2: ages the consent past its validity (a {@code @sandbox-clock} scenario). */
  public void expireConsent() {
    applicability.requireSandboxClock();
    ctx.runtime().sandbox().orElseThrow().expireConsents(resources.registrationClientId());
  }

  /** AIS-5: the first reads answered, the last refused with 429 and the code. */
  public void judgeBudget(int answered, String code) {
    List<HttpExchange> all = reads.repeatedReads();
    Rule ais5 = Rule.should("AIS-5");
    all.subList(0, Math.min(answered, all.size()))
        .forEach(x -> ctx.conformance().expect(ais5, ErrorChecks.status(200), x));
    refusals.berlinGroup(ErrorChecks.status(429), code);
  }

  /** Every repeated read answered with 200. */
  public void judgeAllAnswered(List<Rule> rules) {
    reads.repeatedReads().forEach(x -> ctx.conformance().expect(rules, ErrorChecks.status(200), x));
  }

  /** Every page of the transactions in the shape of section 13, of the test account. */
  public void judgeTransactions(Rule rule) {
    for (HttpExchange page : reads.lastTransactions()) {
      ctx.conformance()
          .expectAll(
              rule,
              page,
              ErrorChecks.status(200),
              AccountReadChecks.transactionsOf(accounts.current().iban()));
    }
  }

  private String anotherConsentsToken() {
    Authorisable another = resources.anotherConsent();
    return grants.authorisedAndExchanged(another).accessToken();
  }

  private AccountAccess expired(AccountAccess mine) {
    applicability.requireSandboxClock();
    ctx.runtime().sandbox().orElseThrow().expireAccessTokens(resources.registrationClientId());
    return mine;
  }
}
