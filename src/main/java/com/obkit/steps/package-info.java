/**
 * Cucumber glue: step definitions of one to three lines that delegate to the scenario's journeys
 * ({@link com.obkit.steps.TokenJourney}, {@link com.obkit.steps.RegistrationJourney}, {@link
 * com.obkit.steps.AuthorisationJourney}, {@link com.obkit.steps.AccountJourney}, sharing a {@link
 * com.obkit.steps.ScenarioContext}) and to named checks; all created fresh per scenario by
 * PicoContainer. Nothing depends on this package.
 */
package com.obkit.steps;
