package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.Rule;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Stage 11: the TPP ends the consent and the refresh token (contract section 15). */
public final class RevocationSteps {
  private final ScenarioContext ctx;
  private final ResourceJourney resources;
  private final GrantJourney grants;
  private final Conformance conformance;

  public RevocationSteps(
      ScenarioContext ctx, ResourceJourney resources, GrantJourney grants, ScenarioKit kit) {
    this.ctx = ctx;
    this.resources = resources;
    this.grants = grants;
    this.conformance = kit.conformance();
  }

  @When("the TPP deletes the consent")
  public void theTppDeletesTheConsent() {
    resources.deleteConsent();
  }

  @Then("the bank deletes it with 204")
  public void theBankDeletesIt() {
    conformance.expect(Rule.must("REV-1"), ErrorChecks.status(204), ctx.last());
  }

  @When("the TPP revokes its refresh token")
  public void theTppRevokesItsRefreshToken() {
    grants.revokeRefreshToken(resources.consent());
  }

  @Then("the bank confirms the revocation with 200")
  public void theBankConfirmsTheRevocation() {
    conformance.expect(Rule.should("REV-2"), ErrorChecks.status(200), ctx.last());
  }
}
