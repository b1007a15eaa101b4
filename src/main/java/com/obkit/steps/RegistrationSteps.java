package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.checks.RegistrationChecks;
import com.obkit.checks.TokenChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import com.obkit.signing.Tampering;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stage 3: dynamic client registration of redirect URIs, and its replay. */
public final class RegistrationSteps {
  private static final Rule REG_1 = Rule.must("REG-1");
  private static final Rule REG_2 = Rule.must("REG-2");

  private final ScenarioContext ctx;
  private final TokenJourney tokens;
  private final RegistrationJourney registration;
  private final Conformance conformance;
  private final Refusals refusals;

  public RegistrationSteps(
      ScenarioContext ctx,
      TokenJourney tokens,
      RegistrationJourney registration,
      ScenarioKit kit,
      Refusals refusals) {
    this.ctx = ctx;
    this.tokens = tokens;
    this.registration = registration;
    this.conformance = kit.conformance();
    this.refusals = refusals;
  }

  @Given("the TPP holds an initial access token")
  public void theTppHoldsAnInitialAccessToken() {
    tokens.obtainToken();
  }

  @Given("the TPP has registered the redirect URI(s) {string}")
  public void theTppHasRegistered(String uris) {
    registration.registerSuccessfully(list(uris));
  }

  @When("the TPP registers the redirect URI(s) {string}")
  public void theTppRegisters(String uris) {
    registration.register(list(uris));
  }

  @When("the TPP registers the redirect URI {string} at the registration link")
  public void theTppRegistersAtTheLink(String uri) {
    registration.register(List.of(uri));
  }

  @When("the TPP registers no redirect URI")
  public void theTppRegistersNoRedirectUri() {
    registration.register(List.of());
  }

  @When("the TPP registers the redirect URI {string} unsigned with the token only in the form")
  public void theTppRegistersAsThePageShows(String uri) {
    registration.register(
        r -> r.withTokens(r.formToken().or(r::bearerToken), Optional.empty()).withSigned(false),
        List.of(uri));
  }

  @When("the TPP registers the redirect URI {string} with the token only as Bearer header")
  public void theTppRegistersWithBearerOnly(String uri) {
    registration.register(
        r -> r.withTokens(Optional.empty(), r.bearerToken().or(r::formToken)), List.of(uri));
  }

  @When("the TPP registers the redirect URI {string} with {tokenDefect}")
  public void theTppRegistersWithTokenDefect(String uri, String defect) {
    registration.registerWithTokenDefect(defect, uri);
  }

  @When("the TPP registers the redirect URI {string} with a token of another organization")
  public void theTppRegistersWithAnotherOrganizationsToken(String uri) {
    registration.registerWithToken(tokens.tokenOfAnotherOrganization(), uri);
  }

  @When("the TPP registers the redirect URI {string} with the sector identifier URI {string}")
  public void theTppRegistersWithSectorIdentifier(String uri, String sectorUri) {
    registration.register(r -> r.withSectorIdentifierUri(sectorUri), List.of(uri));
  }

  @When("the TPP registers the redirect URI {string} with {breakage}")
  public void theTppRegistersWithBreakage(String uri, Tampering breakage) {
    registration.register(List.of(uri), breakage);
  }

  @When("the TPP replays the whole flow with the redirect URI {string}")
  public void theTppReplays(String uri) {
    registration.replay(List.of(uri));
  }

  @Given("the TPP has replayed the whole flow with the redirect URI {string}")
  public void theTppHasReplayed(String uri) {
    registration.replayedSuccessfully(List.of(uri));
  }

  @When("the TPP replays the whole flow in the tenant {string} with the redirect URI {string}")
  public void theTppReplaysInTenant(String tenant, String uri) {
    ctx.switchTenant(tenant);
    registration.replay(List.of(uri));
  }

  @When("the TPP renews its certificate and replays the whole flow with the redirect URI {string}")
  public void theTppRenewsAndReplays(String uri) {
    tokens.renewCertificate();
    registration.replay(List.of(uri));
  }

  @Then("the registration is created")
  public void theRegistrationIsCreated() {
    conformance.expectAll(
        REG_1, registration.lastRegistration(), ErrorChecks.status(201), TokenChecks.jsonBody());
  }

  @Then("the answer holds a client_id and a client_secret")
  public void theAnswerHoldsClientIdAndSecret() {
    conformance.expectAll(
        REG_1,
        registration.lastRegistration(),
        RegistrationChecks.clientIdPresent(),
        RegistrationChecks.clientSecretPresent());
  }

  @Then("the answer lists exactly the registered redirect URIs")
  public void theAnswerListsExactlyTheRegisteredUris() {
    conformance.expect(
        REG_1,
        RegistrationChecks.redirectUrisAre(registration.registeredUris()),
        registration.lastRegistration());
  }

  @Then("the registered redirect URIs are replaced by the new list, not added to")
  public void theRegisteredUrisAreReplaced() {
    conformance.expect(
        REG_2,
        RegistrationChecks.redirectUrisAre(registration.registeredUris()),
        registration.lastRegistration());
  }

  @Then("the client_id is the same as before")
  public void theClientIdIsTheSameAsBefore() {
    conformance.expect(
        REG_2,
        RegistrationChecks.sameClientIdAs(registration.registeredClientId(0)),
        registration.registeredClientId(registration.registrations().size() - 1));
  }

  @Then("the bank refuses the registration with 400 or 401 and the OAuth error {string}")
  public void theBankRefusesWith400Or401(String error) {
    refusals.oauth(ErrorChecks.statusIn(400, 401), error);
  }

  @Then("the bank refuses the registration with {int}")
  public void theBankRefusesTheRegistrationWith(int status) {
    refusals.oauth(ErrorChecks.status(status));
  }

  @Then("the bank refuses the registration with {int} and the OAuth error {string}")
  public void theBankRefusesWithError(int status, String error) {
    refusals.oauth(ErrorChecks.status(status), error);
  }

  @Then("the bank refuses the registration with {int} and the OAuth error {string} or {string}")
  public void theBankRefusesWithEitherError(int status, String error, String otherError) {
    refusals.oauth(ErrorChecks.status(status), error, otherError);
  }

  @Then("the bank refuses the registration with {int} and the code {string}")
  public void theBankRefusesWithCode(int status, String code) {
    refusals.oauth(ErrorChecks.status(status), code);
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",\\s*"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
