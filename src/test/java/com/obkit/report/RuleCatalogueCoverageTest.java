package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.outcomes.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every catalogue rule is on a scenario, every rule tag is in the catalogue, and the catalogue is
 * the contract's.
 */
class RuleCatalogueCoverageTest {
  private static final Pattern TAG = Pattern.compile("@([A-Z]{2,5}-\\d{1,2})\\b");
  private static final Pattern CONTRACT_RULE =
      Pattern.compile("\\*\\*([A-Z]{2,5}-\\d{1,2}) (MUST|SHOULD)\\*\\*");

  private static Set<String> featureRuleTags() throws IOException {
    Set<String> tags = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("features"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.trim().startsWith("@")) {
            Matcher m = TAG.matcher(line);
            while (m.find()) {
              tags.add(m.group(1));
            }
          }
        }
      }
    }
    return tags;
  }

  @Test
  void everyCatalogueRuleHasAScenarioAndEveryTagIsARule() throws IOException {
    Set<String> catalogue =
        RuleCatalogue.load().entries().stream()
            .map(RuleCatalogue.Entry::id)
            .collect(Collectors.toSet());
    Set<String> tagged = featureRuleTags();
    assertThat(tagged).as("rule tags that are not in the catalogue").isSubsetOf(catalogue);
    Set<String> planned =
        RuleCatalogue.load().entries().stream()
            .filter(RuleCatalogue.Entry::planned)
            .map(RuleCatalogue.Entry::id)
            .collect(Collectors.toSet());
    Set<String> untagged = new HashSet<>(catalogue);
    untagged.removeAll(tagged);
    assertThat(untagged).as("catalogue rules without a scenario").isEqualTo(planned);
    assertThat(planned).as("planned rules (contract sections 10 to 15, OAS-1)").hasSize(32);
  }

  /**
   * A scenario's level tag matches its rules: a {@code @should} scenario is about SHOULD rules only
   * (plus ERR-1, which its error bodies owe), a {@code @must} scenario about MUST rules only.
   * Otherwise a broken MUST rule would be reported as a mere warning, or a SHOULD rule fail the
   * run.
   */
  @Test
  void everyScenarioLevelMatchesTheLevelOfItsRules() throws IOException {
    RuleCatalogue catalogue = RuleCatalogue.load();
    List<String> mismatches = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("features"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
        for (String line : Files.readAllLines(f)) {
          String t = line.trim();
          if (!t.startsWith("@") || !(t.contains("@must") || t.contains("@should"))) {
            continue;
          }
          Level level = t.contains("@should") ? Level.SHOULD : Level.MUST;
          Matcher m = TAG.matcher(t);
          while (m.find()) {
            String id = m.group(1);
            Level ruleLevel = catalogue.find(id).map(RuleCatalogue.Entry::level).orElse(null);
            if (!id.equals("ERR-1") && ruleLevel != level) {
              mismatches.add(f.getFileName() + ": " + t + " (" + id + " is " + ruleLevel + ")");
            }
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void theCatalogueHoldsEveryRuleOfTheContractAtItsLevel() throws IOException {
    Path contract = Path.of("..", "shared", "bank-contract.md");
    assertThat(contract)
        .as(
            "the bank's contract must be beside the project in ../shared/bank-contract.md"
                + " (this test compares the rule catalogue with it)")
        .isRegularFile();
    Matcher m = CONTRACT_RULE.matcher(Files.readString(contract));
    Set<String> fromContract = new HashSet<>();
    while (m.find()) {
      fromContract.add(m.group(1) + " " + m.group(2));
    }
    List<String> fromCatalogue =
        RuleCatalogue.load().entries().stream().map(e -> e.id() + " " + e.level()).toList();
    assertThat(fromCatalogue).containsExactlyInAnyOrderElementsOf(fromContract);
    assertThat(RuleCatalogue.load().entries())
        .allSatisfy(e -> assertThat(e.level()).isIn(Level.MUST, Level.SHOULD));
  }
}
