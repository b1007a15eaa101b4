package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.checks.GrantChecks;
import com.obkit.checks.ScaChecks;
import com.obkit.client.AuthorizationRequest;
import com.obkit.client.ClientCredentials;
import com.obkit.client.HttpExchange;
import com.obkit.client.TokenRequest;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.psu.PsuCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Contract section 12 for one scenario: the token endpoint, with the registration's {@code
 * client_id} and {@code client_secret}. The tokens issued for each consent or payment are kept
 * (never printed); a refresh replaces them with the newest (refresh tokens may rotate).
 */
public final class GrantJourney {

  /** The tokens issued for one consent or payment; {@link #toString()} shows none of them. */
  record Grant(String accessToken, Optional<String> refreshToken) {
    @Override
    public String toString() {
      return "Grant[***]";
    }
  }

  private final ScenarioContext ctx;
  private final RegistrationJourney registration;
  private final ScaJourney sca;
  private final Map<String, Grant> grants = new LinkedHashMap<>();
  private Grant firstOfReusedCode;
  private Grant beforeRefresh;
  private HttpExchange lastExchange;

  public GrantJourney(ScenarioContext ctx, RegistrationJourney registration, ScaJourney sca) {
    this.ctx = ctx;
    this.registration = registration;
    this.sca = sca;
  }

  /**
   * Exchanges the latest authorisation's code, as the contract says, changed by {@code change}
   * (negative scenarios break one thing).
   */
  public HttpExchange exchange(UnaryOperator<TokenRequest> change) {
    return exchange(change, registration.credentials());
  }

  /** Exchanges the latest code with other client credentials (TKN-5: another client's). */
  public HttpExchange exchange(UnaryOperator<TokenRequest> change, ClientCredentials client) {
    ScaJourney.Attempt attempt = sca.attempt();
    // No code to exchange: the scenario stops under SCA-1, which the bank broke, not TKN-1.
    ctx.conformance().require(Rule.must("SCA-1"), ScaChecks.codeIssued(), attempt.outcome());
    TokenRequest request =
        change.apply(
            TokenRequest.authorizationCode(
                attempt.code().orElse(""),
                attempt.subject().redirectUri(),
                attempt.codeVerifier(),
                client));
    HttpExchange answer = ctx.record(ctx.client().token(ctx.tenant(), request));
    lastExchange = answer;
    if (answer.status() == 200 && !answer.jsonText("access_token").isEmpty()) {
      grants.put(attempt.subject().id(), grantOf(answer));
    }
    return answer;
  }

  /** Precondition: the latest code exchanged for an access token (TKN-1). */
  public Grant exchanged() {
    HttpExchange answer = exchange(UnaryOperator.identity());
    Rule tkn1 = Rule.must("TKN-1");
    ctx.conformance().require(tkn1, ErrorChecks.status(200), answer);
    ctx.conformance().require(tkn1, GrantChecks.accessTokenIssued(), answer);
    return grantFor(sca.attempt().subject());
  }

  /** Precondition: {@code subject} authorised by the PSU and its code exchanged (SCA-1, TKN-1). */
  public Grant authorisedAndExchanged(Authorisable subject) {
    sca.authorised(subject);
    return exchanged();
  }

  /** The same, the PSU logging in with another test account's IBAN and digipass. */
  public Grant authorisedAndExchanged(Authorisable subject, PsuCredentials psu) {
    sca.authorised(subject, psu);
    return exchanged();
  }

  /** Exchanges the latest code with one thing broken (TKN-2, TKN-3, TKN-6). */
  public HttpExchange exchangeWith(GrantDefect defect) {
    ClientCredentials mine = registration.credentials();
    return switch (defect) {
      case WRONG_VERIFIER ->
          exchange(r -> r.withCodeVerifier(Optional.of(AuthorizationRequest.newCodeVerifier())));
      case NO_VERIFIER -> exchange(r -> r.withCodeVerifier(Optional.empty()));
      case OTHER_REGISTERED_REDIRECT_URI -> exchange(r -> r.withRedirectUri(otherRegisteredUri()));
      case REDIRECT_URI_TRAILING_SLASH ->
          exchange(r -> r.withRedirectUri(sca.attempt().subject().redirectUri() + "/"));
      case NO_BASIC_HEADER -> exchange(TokenRequest::withoutBasic);
      case WRONG_SECRET -> exchange(r -> r.withCredentials(mine.withSecret(unknown("secret"))));
      case UNKNOWN_CLIENT_ID ->
          exchange(
              r ->
                  r.withCredentials(new ClientCredentials(unknown("client"), mine.clientSecret())));
    };
  }

  /**
   * TKN-6 after REG-2: the code exchanged with the secret of the registration a replay replaced;
   * not applicable when the bank kept the secret (REG-2 leaves that open).
   */
  public HttpExchange exchangeWithReplacedSecret() {
    if (!registration.clientSecretChanged()) {
      throw new NotApplicable(
          "the bank kept the client_secret on replay (REG-2 leaves it open): no replaced secret to"
              + " try");
    }
    return exchange(r -> r.withCredentials(registration.previousCredentials()));
  }

  /** A registered redirect URI other than the one the authorisation request named (TKN-3). */
  private String otherRegisteredUri() {
    String used = sca.attempt().subject().redirectUri();
    return registration.registeredUris().stream()
        .filter(u -> !u.equals(used))
        .findFirst()
        .orElseThrow(
            () -> new NotApplicable("the TPP registered no second redirect URI to present"));
  }

  private static String unknown(String what) {
    return "kit-unknown-" + what + "-" + UUID.randomUUID();
  }

  /** A refresh with the newest refresh token of {@code subject}. */
  public HttpExchange refresh(Authorisable subject) {
    Grant grant = grantFor(subject);
    String refreshToken =
        grant
            .refreshToken()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the bank issued no refresh token for the " + subject.kind().noun()));
    return refreshWith(subject, refreshToken);
  }

  /** A refresh with a given refresh token (TKN-7: one the bank never issued). */
  public HttpExchange refreshWith(Authorisable subject, String refreshToken) {
    ctx.client().secrets().register(refreshToken);
    beforeRefresh = grants.containsKey(subject.id()) ? grantFor(subject) : null;
    HttpExchange answer =
        ctx.record(
            ctx.client()
                .token(
                    ctx.tenant(), TokenRequest.refresh(refreshToken, registration.credentials())));
    if (answer.status() == 200 && !answer.jsonText("access_token").isEmpty()) {
      Grant previous = grantFor(subject);
      Grant fresh = grantOf(answer);
      // Refresh tokens may rotate: keep the newest, or the one we had when none came back.
      grants.put(
          subject.id(),
          new Grant(fresh.accessToken(), fresh.refreshToken().or(previous::refreshToken)));
    }
    return answer;
  }

  /** REV-2: revokes the newest refresh token of {@code subject}. */
  public HttpExchange revokeRefreshToken(Authorisable subject) {
    String refreshToken = grantFor(subject).refreshToken().orElseThrow();
    return ctx.record(
        ctx.client()
            .revoke(ctx.tenant(), refreshToken, "refresh_token", registration.credentials()));
  }

  /** The access token a refresh was to replace (TKN-7). */
  public String accessTokenBeforeRefresh() {
    if (beforeRefresh == null) {
      throw new IllegalStateException("no access token was refreshed");
    }
    return beforeRefresh.accessToken();
  }

  /** Whether an access token was issued for {@code subject}. */
  public boolean hasGrant(Authorisable subject) {
    return grants.containsKey(subject.id());
  }

  /** The newest tokens issued for {@code subject}. */
  public Grant grantFor(Authorisable subject) {
    if (!grants.containsKey(subject.id()) && lastExchange != null) {
      // A later step of a scenario whose exchange was refused: stop under TKN-1.
      Rule tkn1 = Rule.must("TKN-1");
      ctx.conformance().require(tkn1, ErrorChecks.status(200), lastExchange);
      ctx.conformance().require(tkn1, GrantChecks.accessTokenIssued(), lastExchange);
    }
    Grant grant = grants.get(subject.id());
    if (grant == null) {
      throw new IllegalStateException(
          "no access token was issued for the " + subject.kind().noun() + " yet");
    }
    return grant;
  }

  /**
   * TKN-4: presents the latest code a second time, remembering the tokens of its first exchange
   * (which the bank should then revoke).
   */
  public HttpExchange exchangeAgain() {
    firstOfReusedCode = grantFor(sca.attempt().subject());
    return exchange(UnaryOperator.identity());
  }

  /** The tokens of the first exchange of a code that was then presented again (TKN-4). */
  public Grant firstOfReusedCode() {
    if (firstOfReusedCode == null) {
      throw new IllegalStateException("no code was presented a second time");
    }
    return firstOfReusedCode;
  }

  private Grant grantOf(HttpExchange answer) {
    Optional<String> refresh =
        Optional.of(answer.jsonText("refresh_token")).filter(s -> !s.isEmpty());
    return new Grant(answer.jsonText("access_token"), refresh);
  }
}
