package com.obkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last step of {@code mvn -Pconformance verify}: reads {@code verdict.json} and fails the build unless the
 * verdict is CONFORMANT, after the report has been published. Throws rather than exiting, so Maven reports it.
 */
public final class VerdictGate {
  private VerdictGate() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "reports/verdict.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no verdict at " + file + ": the conformance run did not finish (see the output above)");
    }
    JsonNode verdict = new ObjectMapper().readTree(file.toFile());
    String outcome = verdict.path("verdict").asText();
    System.out.println("Verdict: " + outcome + "   (report: " + file.resolveSibling("allure-report/index.html") + ", rule table: " + file.resolveSibling("verdict.html") + ")");
    if (!outcome.equals(Verdict.Outcome.CONFORMANT.label())) {
      throw new IllegalStateException("VERDICT: " + outcome + " " + verdict.path("failedMustRules"));
    }
  }
}
