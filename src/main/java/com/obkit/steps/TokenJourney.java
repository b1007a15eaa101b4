package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.checks.TokenChecks;
import com.obkit.client.HttpExchange;
import com.obkit.client.Tpp;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.pki.CertificateSpec;
import com.obkit.signing.SigningProfile;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * Contract sections 3 and 4 for one scenario: the TPP's certificate (defective, renewed) and the
 * initial access token. Preconditions are checked under the rule they depend on (TOK-1), so a
 * broken precondition names its rule.
 */
public final class TokenJourney {

  /** An initial access token and the registration link it came with (never printed). */
  record InitialToken(String accessToken, URI registrationLink) {
    @Override
    public String toString() {
      return "InitialToken[link=" + registrationLink + "]";
    }
  }

  private final ScenarioContext ctx;
  private InitialToken token;
  private HttpExchange renewalAnswer;

  public TokenJourney(ScenarioContext ctx) {
    this.ctx = ctx;
  }

  /** Acts as a TPP whose otherwise valid certificate has one defect. */
  public void useDefectiveCertificate(UnaryOperator<CertificateSpec.Builder> defect) {
    if (!ctx.runtime().tpps().generates()) {
      throw new NotApplicable(
          "certificates come from files (kit.credentials.source): the kit cannot make a defective one");
    }
    ctx.tpps().use(ctx.runtime().tpps().issue(ctx.runtime().tpps().freshOrganizationId(), defect));
  }

  /** A renewal (CERT-4): a new certificate for the same organization id gets its first token. */
  public HttpExchange renewCertificateAndRequestToken() {
    renewCertificate();
    renewalAnswer = requestToken(Tampering.NONE);
    return renewalAnswer;
  }

  /** The onboarding answer to the renewed certificate. */
  public HttpExchange renewalAnswer() {
    if (renewalAnswer == null) {
      throw new IllegalStateException("the TPP has not renewed its certificate");
    }
    return renewalAnswer;
  }

  /** A new certificate for the same organization id; the old one is kept to try after (CERT-4). */
  public void renewCertificate() {
    if (!ctx.runtime().tpps().generates()) {
      throw new NotApplicable(
          "certificates come from files (kit.credentials.source): the kit cannot renew one");
    }
    ctx.tpps().renewTo(ctx.runtime().tpps().renew(ctx.tpps().current()));
  }

  public HttpExchange requestToken(Tampering tampering) {
    return requestToken(
        ctx.tpps().current(), ctx.tenant(), ctx.config().bank().signing(), tampering);
  }

  public HttpExchange requestToken(SigningProfile signing) {
    return requestToken(ctx.tpps().current(), ctx.tenant(), signing, Tampering.NONE);
  }

  public HttpExchange requestTokenIn(String otherTenant) {
    return requestToken(
        ctx.tpps().current(), otherTenant, ctx.config().bank().signing(), Tampering.NONE);
  }

  /** The previous certificate (before a renewal) asks for a token. */
  public HttpExchange requestTokenWithPreviousCertificate() {
    Tpp previous =
        ctx.tpps()
            .previous()
            .orElseThrow(
                () -> new IllegalStateException("the TPP has not renewed its certificate"));
    return requestToken(previous, ctx.tenant(), ctx.config().bank().signing(), Tampering.NONE);
  }

  private HttpExchange requestToken(
      Tpp tpp, String inTenant, SigningProfile signing, Tampering tampering) {
    requireSslCertificateHeaderFor(tampering);
    HttpExchange last =
        ctx.record(ctx.client().requestInitialToken(tpp, inTenant, signing, tampering));
    token = null;
    if (last.status() == 200) {
      String access = last.jsonText("access_token");
      String link =
          last.json().map(j -> j.path("_links").path("registration").asText("")).orElse("");
      // Only a usable answer is kept: a missing token or a link that is not absolute makes the
      // next step obtain the token again, under TOK-1, instead of posting to nowhere.
      if (!access.isEmpty() && TokenChecks.registrationLinkAbsolute().evaluate(last).isEmpty()) {
        token = new InitialToken(access, URI.create(link));
      }
    }
    return last;
  }

  /** SSL-Certificate rules (SIG-7) exist only where the header is sent (the sandbox). */
  private void requireSslCertificateHeaderFor(Tampering tampering) {
    if ((tampering == Tampering.OMIT_SSL_CERTIFICATE
            || tampering == Tampering.GARBLED_SSL_CERTIFICATE)
        && !ctx.config().bank().sendSslCertificate()) {
      throw new NotApplicable(
          "the SSL-Certificate header is sandbox-only and kit.sslCertificateHeader is false");
    }
  }

  /** Precondition: a valid initial access token for the current TPP and tenant (TOK-1). */
  public InitialToken obtainToken() {
    HttpExchange last = requestToken(Tampering.NONE);
    ctx.conformance().require(Rule.must("TOK-1"), ErrorChecks.status(200), last);
    ctx.conformance().require(Rule.must("TOK-1"), TokenChecks.accessTokenPresent(), last);
    ctx.conformance().require(Rule.must("TOK-1"), TokenChecks.registrationLinkAbsolute(), last);
    return token;
  }

  /** The scenario's initial access token, obtained first if it has none. */
  public InitialToken tokenOrObtain() {
    return token != null ? token : obtainToken();
  }

  /** A token issued to a different organization id (REG-6). */
  public String tokenOfAnotherOrganization() {
    if (!ctx.runtime().tpps().generates()) {
      throw new NotApplicable(
          "needs a second organization: certificates come from files (kit.credentials.source),"
              + " so the kit acts as one TPP only");
    }
    Tpp other = ctx.newTpp();
    HttpExchange x =
        ctx.client()
            .requestInitialToken(
                other, ctx.tenant(), ctx.config().bank().signing(), Tampering.NONE);
    ctx.conformance().require(Rule.must("TOK-1"), ErrorChecks.status(200), x);
    return x.jsonText("access_token");
  }

  /** Makes the current token expire, where the bank under test allows it (the embedded sandbox). */
  public String expiredToken() {
    String access = tokenOrObtain().accessToken();
    ctx.runtime()
        .sandbox()
        .orElseThrow(
            () ->
                new NotApplicable(
                    "token expiry (REG-3) needs the bank's token lifetime ("
                        + "expires_in of the onboarding answer) to pass; only the embedded sandbox can age a token"))
        .expireInitialAccessTokens(ctx.tpps().current().organizationId().value());
    return access;
  }
}
