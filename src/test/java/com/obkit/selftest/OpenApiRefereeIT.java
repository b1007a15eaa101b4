package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAS-1's referee on whole runs: every answer of the faithful sandbox matches the sandbox's own
 * OpenAPI documents (not one mismatch in the whole suite), and an answer that does not is an OAS-1
 * SHOULD warning of exactly the scenarios that got it, whatever their own rules.
 */
class OpenApiRefereeIT {

  private final ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));

  /** Every evaluated {@code CheckAnswerMatchesOpenApi} of the run, by scenario: its problems. */
  private static Map<String, List<String>> refereeFindings(Path reports) throws IOException {
    JsonNode verdict = new ObjectMapper().readTree(reports.resolve("verdict.json").toFile());
    Map<String, List<String>> findings = new LinkedHashMap<>();
    for (JsonNode o : verdict.path("outcomes")) {
      for (JsonNode check : o.path("checks")) {
        if (check.path("check").asText().equals("CheckAnswerMatchesOpenApi")) {
          findings
              .computeIfAbsent(o.path("name").asText(), k -> new ArrayList<>())
              .add(check.path("problem").asText());
        }
      }
    }
    return findings;
  }

  @Test
  void aMustScenarioGettingAMismatchingAnswerEndsAsBeforePlusAnOas1Warning(@TempDir Path reports)
      throws IOException {
    ConformanceLauncher.RunResult result =
        launcher.run(
            KitConfig.load(Map.of("kit.sandbox.deviations", "BALANCE_AMOUNT_AS_NUMBER"), Map.of()),
            reports,
            false,
            "@AIS-1");

    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    assertThat(result.failedMustRules()).isEmpty();
    assertThat(result.shouldWarnings()).containsExactly("OAS-1");
    Map<String, List<String>> findings = refereeFindings(reports);
    assertThat(findings).isNotEmpty();
    findings
        .values()
        .forEach(
            problems ->
                assertThat(problems)
                    .allSatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "GET /xs2a-bg/{tenant}/v1/accounts/{resourceId}/balances"
                                        + " (getBalances) answered 200 but"
                                        + " $.balances[0].balanceAmount.amount: Instance type"
                                        + " (number) does not match")
                                .endsWith(
                                    "(schema #/components/schemas/BalanceReport, at"
                                        + " /properties/balances/items/properties/balanceAmount"
                                        + "/properties/amount)")));
    result
        .resultsByScenario()
        .forEach(
            (scenario, label) ->
                assertThat(label)
                    .as(scenario)
                    .isEqualTo(
                        findings.containsKey(scenario.substring(0, scenario.indexOf(" @ ")))
                            ? "warning"
                            : "passed"));
  }
}
