package com.obkit.steps;

import com.obkit.checks.AccountChecks.TestAccount;
import com.obkit.checks.ConsentChecks;
import com.obkit.checks.ScaChecks;
import com.obkit.client.AuthorizationRequest;
import com.obkit.client.Callback;
import com.obkit.client.HttpExchange;
import com.obkit.client.ScaOutcome;
import com.obkit.outcomes.Rule;
import com.obkit.psu.Browser;
import com.obkit.psu.PsuAction;
import com.obkit.psu.PsuCredentials;
import com.obkit.psu.PsuDriver;
import com.obkit.psu.PsuDrivers;
import com.obkit.psu.ScaRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Contract section 11 for one scenario: the PSU's part of SCA, done by the configured PSU driver
 * ({@code kit.psu.driver}). The kit appends a fresh random {@code state} and a PKCE S256 challenge
 * to the bank's {@code scaRedirect} (never building the scope itself), and remembers the verifier
 * for the token exchange. A {@code scaRedirect} is opened once, except by {@link #reopen()}
 * (SCA-3).
 */
public final class ScaJourney {
  /** One authorisation the kit started: what it sent, and what came of it. */
  record Attempt(
      Authorisable subject, URI url, String state, String codeVerifier, ScaOutcome outcome) {
    Optional<String> code() {
      return outcome.callback().flatMap(Callback::code);
    }

    @Override
    public String toString() {
      return "Attempt[" + subject.kind().noun() + "]";
    }
  }

  private final ScenarioContext ctx;
  private final RegistrationJourney registration;
  private final AccountJourney accounts;
  private Attempt last;

  public ScaJourney(
      ScenarioContext ctx, RegistrationJourney registration, AccountJourney accounts) {
    this.ctx = ctx;
    this.registration = registration;
    this.accounts = accounts;
  }

  /** The PSU authorises {@code subject} with the scenario's test account, doing {@code action}. */
  public ScaOutcome authorise(Authorisable subject, PsuAction action) {
    return authorise(subject, action, credentialsOf(accounts.current()));
  }

  /** The PSU authorises {@code subject} with the given account's IBAN and digipass. */
  public ScaOutcome authorise(Authorisable subject, PsuAction action, PsuCredentials psu) {
    requireScaRedirect(subject);
    String state = AuthorizationRequest.newState();
    String verifier = AuthorizationRequest.newCodeVerifier();
    ctx.client().secrets().register(verifier);
    URI url =
        URI.create(
            subject.scaRedirect().orElseThrow()
                + (subject.scaRedirect().orElseThrow().getRawQuery() == null ? "?" : "&")
                + "state="
                + state
                + "&code_challenge="
                + AuthorizationRequest.s256(verifier)
                + "&code_challenge_method=S256");
    ScaOutcome outcome = driver().authorise(request(url, subject, psu, action));
    last = new Attempt(subject, url, state, verifier, outcome);
    outcome.lastPage().ifPresent(ctx::record);
    return outcome;
  }

  /**
   * Precondition: {@code subject} was authorised by the PSU and the bank sent a code back (SCA-1).
   */
  public Attempt authorised(Authorisable subject) {
    return authorised(subject, credentialsOf(accounts.current()));
  }

  /** The same with the given account's IBAN and digipass. */
  public Attempt authorised(Authorisable subject, PsuCredentials psu) {
    authorise(subject, PsuAction.LOGIN, psu);
    Rule sca1 = Rule.must("SCA-1");
    ctx.conformance().require(sca1, ScaChecks.codeIssued(), last.outcome());
    return last;
  }

  /** SCA-3: the PSU opens the same {@code scaRedirect}, with the same state, a second time. */
  public ScaOutcome reopen() {
    Attempt first = attempt();
    ScaOutcome outcome =
        driver()
            .authorise(
                request(
                    first.url(),
                    first.subject(),
                    credentialsOf(accounts.current()),
                    PsuAction.LOGIN));
    last = new Attempt(first.subject(), first.url(), first.state(), first.codeVerifier(), outcome);
    outcome.lastPage().ifPresent(ctx::record);
    return outcome;
  }

  /** The latest authorisation. */
  public Attempt attempt() {
    if (last == null) {
      throw new IllegalStateException("the PSU has not been sent to authorise anything yet");
    }
    return last;
  }

  /** The latest authorisation's outcome. */
  public ScaOutcome outcome() {
    return attempt().outcome();
  }

  /** The rule a missing or wrong {@code scaRedirect} breaks: CON-1 or PIS-1. */
  private void requireScaRedirect(Authorisable subject) {
    Rule rule = Rule.must(subject.kind() == Authorisable.Kind.CONSENT ? "CON-1" : "PIS-1");
    ctx.conformance()
        .require(
            rule,
            ConsentChecks.scaRedirect(
                ctx.client().endpoints().authorization(ctx.tenant()),
                registration.clientId(),
                subject.redirectUri(),
                subject.scopeItem()),
            subject.created());
  }

  private ScaRequest request(URI url, Authorisable subject, PsuCredentials psu, PsuAction action) {
    return new ScaRequest(
        url, subject.redirectUri(), psu, action, ctx.config().psu().settleDelay());
  }

  private PsuDriver driver() {
    return PsuDrivers.from(
        ctx.config().psu(), new ClientBrowser(ctx), ctx.client().secrets(), System.out, System.in);
  }

  static PsuCredentials credentialsOf(TestAccount account) {
    return new PsuCredentials(account.iban(), account.digipass());
  }

  /** The PSU's browser is the scenario's client, unsigned, never following redirects itself. */
  private record ClientBrowser(ScenarioContext ctx) implements Browser {
    @Override
    public HttpExchange get(URI uri) {
      return ctx.client().browserGet(uri);
    }

    @Override
    public HttpExchange postForm(URI uri, Map<String, String> fields) {
      return ctx.client().browserPostForm(uri, fields);
    }
  }
}
