package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.outcomes.Level;
import com.obkit.testsupport.Contract;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.PickleTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every catalogue rule is on a scenario, every rule tag is in the catalogue, and the catalogue is
 * the contract's. Tags are read with the Gherkin parser, per pickle: a pickle carries its effective
 * tags (the Feature's, the Rule's, the Scenario's and its Examples'), so a tag on an Examples table
 * or on the Feature counts for exactly the scenarios it applies to.
 */
class RuleCatalogueCoverageTest {
  private static final Pattern RULE_TAG = Pattern.compile("^@([A-Z]{2,5}-\\d{1,2})$");
  private static final String SELF_CHECK = "@kit-self-check";
  private static final Pattern CONTRACT_RULE =
      Pattern.compile("\\*\\*([A-Z]{2,5}-\\d{1,2}) (MUST|SHOULD)\\*\\*");

  /** A pickle's name, where it comes from, and its effective tags. */
  private record Tagged(String where, Set<String> tags) {
    Set<String> rules() {
      Set<String> rules = new TreeSet<>();
      for (String tag : tags) {
        Matcher m = RULE_TAG.matcher(tag);
        if (m.matches()) {
          rules.add(m.group(1));
        }
      }
      return rules;
    }
  }

  /** Every pickle of every feature file under {@code features/}. */
  private static List<Tagged> pickles() throws IOException {
    GherkinParser parser =
        GherkinParser.builder()
            .includeSource(false)
            .includeGherkinDocument(false)
            .includePickles(true)
            .build();
    List<Tagged> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("features"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
        for (Envelope envelope : parser.parse(f).toList()) {
          envelope.getParseError().ifPresent(e -> errors.add(f + ": " + e.getMessage()));
          envelope
              .getPickle()
              .ifPresent(
                  p ->
                      out.add(
                          new Tagged(
                              f.getFileName() + ": " + p.getName(),
                              p.getTags().stream()
                                  .map(PickleTag::getName)
                                  .collect(Collectors.toCollection(TreeSet::new)))));
        }
      }
    }
    assertThat(errors).as("Gherkin parse errors").isEmpty();
    assertThat(out).as("pickles under features/").isNotEmpty();
    return out;
  }

  @Test
  void everyCatalogueRuleHasAScenarioAndEveryTagIsARule() throws IOException {
    Set<String> catalogue =
        RuleCatalogue.load().entries().stream()
            .map(RuleCatalogue.Entry::id)
            .collect(Collectors.toSet());
    Set<String> tagged = new HashSet<>();
    for (Tagged pickle : pickles()) {
      assertThat(pickle.rules())
          .as("rule tags of " + pickle.where() + " that are not in the catalogue")
          .isSubsetOf(catalogue);
      tagged.addAll(pickle.rules());
    }
    Set<String> planned =
        RuleCatalogue.load().entries().stream()
            .filter(RuleCatalogue.Entry::planned)
            .map(RuleCatalogue.Entry::id)
            .collect(Collectors.toSet());
    Set<String> untagged = new HashSet<>(catalogue);
    untagged.removeAll(tagged);
    assertThat(untagged).as("catalogue rules without a scenario").isEqualTo(planned);
    assertThat(planned).as("planned rules (none: OAS-1 has its scenario and referee)").isEmpty();
  }

  /**
   * A scenario's level tag matches its rules: a {@code @should} pickle is about SHOULD rules only
   * (plus ERR-1 and ERR-2, which its error bodies owe), a {@code @must} pickle about MUST rules
   * only, and a pickle with rule tags has exactly one level. Otherwise a broken MUST rule would be
   * reported as a mere warning, or a SHOULD rule fail the run.
   */
  @Test
  void everyScenarioLevelMatchesTheLevelOfItsRules() throws IOException {
    RuleCatalogue catalogue = RuleCatalogue.load();
    List<String> mismatches = new ArrayList<>();
    for (Tagged pickle : pickles()) {
      boolean must = pickle.tags().contains("@must");
      boolean should = pickle.tags().contains("@should");
      if (pickle.rules().isEmpty()) {
        continue;
      }
      if (must == should) {
        mismatches.add(
            pickle.where() + " " + pickle.tags() + ": needs exactly one of @must, @should");
        continue;
      }
      Level level = should ? Level.SHOULD : Level.MUST;
      for (String id : pickle.rules()) {
        Level ruleLevel = catalogue.find(id).map(RuleCatalogue.Entry::level).orElse(null);
        if (!id.equals("ERR-1") && !id.equals("ERR-2") && ruleLevel != level) {
          mismatches.add(
              pickle.where() + " " + pickle.tags() + " (" + id + " is " + ruleLevel + ")");
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** The kit's self-checks judge the kit, never the bank: no rule tag on them. */
  @Test
  void selfCheckPicklesCarryNoRuleTags() throws IOException {
    List<Tagged> selfChecks =
        pickles().stream().filter(p -> p.tags().contains(SELF_CHECK)).toList();
    assertThat(selfChecks).as("pickles tagged " + SELF_CHECK).isNotEmpty();
    assertThat(selfChecks)
        .allSatisfy(p -> assertThat(p.rules()).as("rule tags of " + p.where()).isEmpty());
  }

  @Test
  void theCatalogueHoldsEveryRuleOfTheContractAtItsLevel() throws IOException {
    Matcher m = CONTRACT_RULE.matcher(Contract.text());
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
