package com.obkit.selftest;

import com.obkit.cli.ConformanceLauncher;
import com.obkit.sandbox.Deviation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: with {@code -Dobkit.dumpExpectedFailures=true} it runs every deviation's filtered run
 * once and writes what actually failed to {@code target/expected-failures.actual.tsv} (and the
 * messages to {@code target/expected-failures.messages.tsv}), as a draft of {@code
 * src/test/resources/expected-failures.tsv}. Every row must be reviewed before it is checked in.
 */
class ExpectedFailuresGenerator {

  @Test
  @EnabledIfSystemProperty(named = "obkit.dumpExpectedFailures", matches = "true")
  void dumpActualFailuresOfEveryDeviation(@TempDir Path reports) throws IOException {
    ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));
    List<String> rows = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    Map<String, Integer> scenariosPerRule = new TreeMap<>();
    rows.add(ExpectedFailures.HEADER);
    int i = 0;
    for (Deviation deviation : Deviation.values()) {
      ConformanceLauncher.RunResult result =
          launcher.run(
              DeviationsAreCaughtIT.configWith(deviation),
              reports.resolve(String.valueOf(i++)),
              false,
              "@" + deviation.rule());
      scenariosPerRule.put(deviation.rule(), result.resultsByScenario().size());
      result
          .resultsByScenario()
          .forEach(
              (scenario, label) -> {
                if (ExpectedFailures.isJudgedClean(label)) {
                  return;
                }
                rows.add(
                    ExpectedFailures.row(
                        deviation.name(),
                        scenario,
                        label,
                        result.failedChecks().get(scenario),
                        result.brokenRules().get(scenario)));
                messages.add(
                    deviation.name()
                        + "\t"
                        + deviation.rule()
                        + "\t"
                        + scenario
                        + "\t"
                        + label
                        + "\t"
                        + result.messages().get(scenario).replace('\n', ' ').replace('\t', ' '));
              });
      messages.add(
          deviation.name()
              + "\tVERDICT\t"
              + result.verdict()
              + "\tMUST="
              + result.failedMustRules()
              + "\tSHOULD="
              + result.shouldWarnings());
    }
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("expected-failures.actual.tsv"), rows, StandardCharsets.UTF_8);
    Files.write(target.resolve("expected-failures.messages.tsv"), messages, StandardCharsets.UTF_8);
    List<String> counts = new ArrayList<>();
    scenariosPerRule.forEach((rule, n) -> counts.add(rule + "\t" + n));
    Files.write(target.resolve("scenarios-per-rule.actual.tsv"), counts, StandardCharsets.UTF_8);
  }
}
