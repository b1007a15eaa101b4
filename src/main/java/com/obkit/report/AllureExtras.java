package com.obkit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What Allure needs besides the results to tell outcomes apart: {@code categories.json} (MUST
 * violations, SHOULD warnings, not applicable, environment or kit errors) and {@code
 * environment.properties} (the verdict and the target). Written into Allure's results folder at the
 * end of a run, if there is one.
 */
final class AllureExtras {
  private AllureExtras() {}

  static void write(Verdict verdict, Path reports) {
    Path results = reports.resolve("allure-results");
    if (!Files.isDirectory(results)) {
      return; // this run wrote no Allure results (a self-test run)
    }
    List<Map<String, Object>> categories =
        List.of(
            Map.of(
                "name",
                "MUST rules broken (bank non-conformance)",
                "matchedStatuses",
                List.of("failed"),
                "messageRegex",
                "(?s).*MUST violated.*"),
            Map.of(
                "name",
                "SHOULD warnings (reported, not failing)",
                "matchedStatuses",
                List.of("skipped"),
                "messageRegex",
                "(?s)SHOULD-WARNING.*"),
            Map.of(
                "name",
                "Not applicable to this bank or configuration",
                "matchedStatuses",
                List.of("skipped"),
                "messageRegex",
                "(?s)NOT-APPLICABLE.*"),
            Map.of(
                "name",
                "Environment faults: the bank could not be reached (not judged)",
                "matchedStatuses",
                List.of("broken", "failed"),
                "messageRegex",
                "(?s)ENVIRONMENT:.*"),
            Map.of("name", "Kit errors (not judged)", "matchedStatuses", List.of("broken")));
    try {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(results.resolve("categories.json").toFile(), categories);
      Files.writeString(
          results.resolve("environment.properties"),
          "Verdict="
              + verdict.line().replace("VERDICT: ", "").replace("\n", " ")
              + "\n"
              + verdict
                  .restore()
                  .map(r -> "Registration=" + r.message().replace("\n", " ") + "\n")
                  .orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Allure categories into " + results, e);
    }
  }
}
