package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.checks.TokenChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import com.obkit.pki.CertificateSpec;
import com.obkit.signing.DigestAlgorithm;
import com.obkit.signing.SigningProfile;
import com.obkit.signing.Tampering;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Stage 2: the initial access token, and the signature and certificate rules the bank enforces on
 * it.
 */
public final class InitialTokenSteps {
  private static final Rule TOK_1 = Rule.must("TOK-1");

  private final ScenarioContext ctx;
  private final TokenJourney tokens;
  private final Conformance conformance;
  private final ScenarioRules rules;
  private final Refusals refusals;

  public InitialTokenSteps(
      ScenarioContext ctx,
      TokenJourney tokens,
      ScenarioKit kit,
      ScenarioRules rules,
      Refusals refusals) {
    this.ctx = ctx;
    this.tokens = tokens;
    this.conformance = kit.conformance();
    this.rules = rules;
    this.refusals = refusals;
  }

  @When("the TPP requests an initial access token")
  public void theTppRequestsAnInitialAccessToken() {
    tokens.requestToken(Tampering.NONE);
  }

  @When("the TPP requests an initial access token with {breakage}")
  public void theTppRequestsAnInitialAccessTokenWith(Tampering breakage) {
    tokens.requestToken(breakage);
  }

  @When(
      "the TPP requests an initial access token signed with algorithm {string}, headers {string} and digest {string}")
  public void theTppRequestsSignedWith(String algorithm, String headers, String digest) {
    tokens.requestToken(
        new SigningProfile(
            algorithm, List.of(headers.split(" ")), DigestAlgorithm.byLabel(digest).orElseThrow()));
  }

  @When("the TPP requests an initial access token for the tenant {string}")
  public void theTppRequestsForTheTenant(String tenant) {
    tokens.requestTokenIn(tenant);
  }

  @Then("the bank answers {int} with a JSON body")
  public void theBankAnswersWithAJsonBody(int status) {
    // Under the scenario's rule: TOK-1 in the token scenario, SIG-5 where both label and list must
    // work.
    conformance.expectAll(
        rules.subject(), ctx.last(), ErrorChecks.status(status), TokenChecks.jsonBody());
  }

  @Then("the token's scope is {string} and its type is {string}")
  public void theTokensScopeAndType(String scope, String type) {
    conformance.expectAll(
        TOK_1, ctx.last(), TokenChecks.scopeIs(scope), TokenChecks.tokenTypeIs(type));
  }

  @Then("the token expires in {long} seconds")
  public void theTokenExpiresIn(long seconds) {
    conformance.expect(TOK_1, TokenChecks.expiresIn(seconds), ctx.last());
  }

  @Then("the answer carries an access token and an absolute registration link")
  public void theAnswerCarriesTokenAndLink() {
    conformance.expectAll(
        TOK_1,
        ctx.last(),
        TokenChecks.accessTokenPresent(),
        TokenChecks.registrationLinkAbsolute());
  }

  @Then("the bank refuses it with {int} and the Berlin Group code {string}")
  public void theBankRefusesItWith(int status, String code) {
    refusals.berlinGroup(ErrorChecks.status(status), code);
  }

  @Then("the bank refuses it with {int} and the Berlin Group code {string} or {string}")
  public void theBankRefusesItWithEither(int status, String code, String otherCode) {
    refusals.berlinGroup(ErrorChecks.status(status), code, otherCode);
  }

  @Then("the bank answers {int} {string} or {int} {string}")
  public void theBankAnswersOneOf(int status, String code, int otherStatus, String otherCode) {
    refusals.berlinGroup(ErrorChecks.statusIn(status, otherStatus), code, otherCode);
  }

  @Then("no initial access token is issued")
  public void noInitialAccessTokenIsIssued() {
    conformance.expect(rules.subject(), TokenChecks.noAccessToken(), ctx.last());
  }

  @Given("a TPP whose test certificate has {certificateDefect}")
  public void aTppWhoseCertificateHas(UnaryOperator<CertificateSpec.Builder> defect) {
    tokens.useDefectiveCertificate(defect);
  }

  @Given("a TPP with its test certificate")
  public void aTppWithItsTestCertificate() {
    ctx.useNewTpp();
  }

  @When("the TPP registers a new certificate for the same organization identifier")
  public void theTppRegistersANewCertificate() {
    tokens.renewCertificateAndRequestToken();
  }

  @Then("the new certificate got an initial access token")
  public void theNewCertificateGotAToken() {
    conformance.expect(Rule.must("CERT-4"), ErrorChecks.status(200), tokens.renewalAnswer());
  }

  @When("the previous certificate requests an initial access token")
  public void thePreviousCertificateRequestsAToken() {
    tokens.requestTokenWithPreviousCertificate();
  }
}
