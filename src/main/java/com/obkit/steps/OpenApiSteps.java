package com.obkit.steps;

import com.obkit.checks.Check;
import com.obkit.client.HttpExchange;
import com.obkit.openapi.OpenApiReferee;
import com.obkit.outcomes.Conformance;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OAS-1 (contract section 1): the bank publishes its OpenAPI documents, they parse, they describe
 * the journey's operations, and the referee judges every answer by them (the referee's findings
 * themselves are recorded as answers arrive, see {@link ScenarioKit}).
 */
public final class OpenApiSteps {

  /** Operations every document must describe, parameters written {@code {}}. */
  static final Map<String, List<String>> REQUIRED_PATHS =
      Map.of(
          "/xs2a-bg/openapi.json",
          List.of(
              "/xs2a-bg/{}/v1/consents",
              "/xs2a-bg/{}/v1/accounts",
              "/xs2a-bg/{}/v1/accounts/{}/balances",
              "/xs2a-bg/{}/v1/accounts/{}/transactions"),
          "/auth/openapi.json",
          List.of("/auth/{}/v1/registration", "/auth/{}/v1/token"));

  /** The onboarding call is described under one of its two paths (contract section 4). */
  static final List<String> ONBOARDING =
      List.of("/xs2a-bg/{}/onboarding/v1", "/xs2a-bg/{}/v1/onboarding");

  static final Check<HttpExchange> DOCUMENT_PARSES =
      new Check<>(
          "EnsureOpenApiDocumentParses",
          x -> {
            if (x.status() != 200) {
              return Optional.of("GET " + x.uri() + " answered " + x.status() + ", not 200");
            }
            return OpenApiReferee.whyNotADocument(x.body())
                .map(why -> "GET " + x.uri() + " is not an OpenAPI document: " + why);
          });

  static final Check<HttpExchange> DOCUMENT_DESCRIBES_THE_JOURNEY =
      new Check<>(
          "EnsureOpenApiDocumentDescribesTheJourney",
          x -> {
            Set<String> paths = OpenApiReferee.pathTemplates(x.body());
            List<String> missing = new ArrayList<>();
            String name = x.uri().getRawPath();
            if (name.startsWith("/xs2a-bg") && ONBOARDING.stream().noneMatch(paths::contains)) {
              missing.add(ONBOARDING.get(0));
            }
            REQUIRED_PATHS.getOrDefault(name, List.of()).stream()
                .filter(p -> !paths.contains(p))
                .forEach(missing::add);
            return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("GET " + x.uri() + " describes no " + String.join(", ", missing));
          });

  static final Check<List<String>> REFEREE_IS_ON =
      Check.that(
          "EnsureOpenApiRefereeJudgedTheAnswers", List::isEmpty, off -> String.join("; ", off));

  private final ScenarioContext ctx;
  private final ScenarioRules rules;
  private final Conformance conformance;
  private final Map<String, HttpExchange> documents = new LinkedHashMap<>();

  public OpenApiSteps(ScenarioContext ctx, ScenarioRules rules) {
    this.ctx = ctx;
    this.rules = rules;
    this.conformance = ctx.conformance();
  }

  @When("the TPP fetches the bank's OpenAPI documents")
  public void fetchDocuments() {
    URI api = ctx.client().endpoints().api();
    URI browser = ctx.client().endpoints().browser();
    documents.put(
        "/xs2a-bg/openapi.json",
        ctx.record(ctx.client().get(api.resolve("/xs2a-bg/openapi.json"))));
    documents.put(
        "/auth/openapi.json", ctx.record(ctx.client().get(browser.resolve("/auth/openapi.json"))));
  }

  @Then(
      "both documents parse as OpenAPI and describe the onboarding, the consent, the account reads and the token endpoint")
  public void documentsParseAndDescribeTheJourney() {
    for (HttpExchange document : documents.values()) {
      if (conformance.expect(rules.subject(), DOCUMENT_PARSES, document)) {
        conformance.expect(rules.subject(), DOCUMENT_DESCRIBES_THE_JOURNEY, document);
      }
    }
  }

  @Then("the bank's OpenAPI documents judged every answer of the scenario")
  public void refereeJudgedEveryAnswer() {
    conformance.expect(rules.subject(), REFEREE_IS_ON, ctx.runtime().refereeOff());
  }
}
