package com.obkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.history.HistoryStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last step of {@code mvn -Pconformance verify}, once the Allure report is generated: keeps
 * Allure's new history in the history store (its trend across runs), links each scenario of {@code
 * verdict.html} to its page in the Allure report, and ends the build with the verdict's exit code:
 * 0 CONFORMANT, 1 NOT CONFORMANT (or whatever {@code kit.failOn} and the waivers decided), 2
 * environment or configuration error.
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
    int code = publish(file);
    if (code != 0) {
      // The report is published; the build's exit code carries the verdict.
      System.out.flush();
      System.exit(code);
    }
  }

  /** Publishes the report of the run whose {@code verdict.json} is given; returns its exit code. */
  static int publish(Path verdictFile) throws IOException {
    JsonNode verdict = new ObjectMapper().readTree(verdictFile.toFile());
    Path reports = verdictFile.toAbsolutePath().getParent();
    Path report = reports.resolve("allure-report");
    String history = verdict.path("tested").path("History").asText("");
    if (!history.isEmpty() && Files.isDirectory(report)) {
      new HistoryStore(Path.of(history), Integer.MAX_VALUE).keepAllureHistory(report);
    }
    linkScenarios(reports.resolve("verdict.html"), report);
    String outcome = verdict.path("verdict").asText();
    int code = verdict.path("exitCode").asInt(2);
    Path single = reports.resolve("allure-single").resolve("index.html");
    System.out.println(
        "VERDICT: "
            + outcome
            + " (exit code "
            + code
            + ")   report: "
            + (Files.isRegularFile(single) ? single : report.resolve("index.html"))
            + " (opens from a file; the linked folder report: kit serve)   rule table: "
            + reports.resolve("verdict.html"));
    return code;
  }

  /**
   * Replaces each scenario's placeholder link in {@code verdict.html} with the Allure report's own
   * page of it ({@code #testresult/<uid>}); the report gives each test result its id when it is
   * generated, matched here by the scenario's location (Allure's {@code fullName}).
   */
  static void linkScenarios(Path page, Path report) throws IOException {
    Path cases = report.resolve("data").resolve("test-cases");
    if (!Files.isRegularFile(page) || !Files.isDirectory(cases)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, String> uids = new LinkedHashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(cases, "*.json")) {
      for (Path f : files) {
        JsonNode c = json.readTree(f.toFile());
        uids.put(c.path("fullName").asText(), c.path("uid").asText());
      }
    }
    String html = Files.readString(page);
    for (Map.Entry<String, String> e : uids.entrySet()) {
      html =
          html.replace(
              "\""
                  + VerdictPage.SCENARIO_ANCHOR
                  + VerdictPage.esc(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                  + "\"",
              "\"allure-report/index.html#testresult/" + e.getValue() + "\"");
    }
    Files.writeString(page, html);
  }
}
