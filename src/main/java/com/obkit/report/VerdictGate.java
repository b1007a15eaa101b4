package com.obkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last step of {@code mvn -Pconformance verify}: reads {@code verdict.json} after the report
 * has been published and ends the build with the verdict's exit code: 0 CONFORMANT, 1 NOT
 * CONFORMANT, 2 environment or configuration error.
 */
public final class VerdictGate {
  private VerdictGate() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "reports/verdict.json");
    if (!Files.isRegularFile(file)) {
      System.err.println(
          "no verdict at " + file + ": the conformance run did not finish (see the output above)");
      System.exit(2);
    }
    JsonNode verdict = new ObjectMapper().readTree(file.toFile());
    String outcome = verdict.path("verdict").asText();
    int code = verdict.path("exitCode").asInt(2);
    System.out.println(
        "VERDICT: "
            + outcome
            + " (exit code "
            + code
            + ")   report: "
            + file.resolveSibling("allure-report/index.html")
            + "   rule table: "
            + file.resolveSibling("verdict.html"));
    if (code != 0) {
      // The report is published; the build's exit code carries the verdict (1 not conformant, 2
      // inconclusive).
      System.out.flush();
      System.exit(code);
    }
  }
}
