package com.obkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.ShouldWarning;
import com.obkit.report.ScenarioOutcome.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Allure needs besides the results to show the kit's outcomes apart, written into Allure's
 * results folder at the end of a run (if there is one), before the report is generated:
 *
 * <ul>
 *   <li>{@code categories.json}: regressions since the last run first, then MUST violations, SHOULD
 *       warnings, waived failures, not applicable, environment faults and kit errors;
 *   <li>the results of scenarios whose Allure status cannot say what the kit decided: a SHOULD
 *       warning becomes {@code unknown} (its own colour, never the grey of not applicable), a
 *       waived failure {@code skipped} with a {@code WAIVED:} message, a regressed scenario's
 *       message starts with {@code REGRESSED:};
 *   <li>{@code environment.properties} (Allure's Environment panel): what was tested;
 *   <li>{@code executor.json}: the CI build that ran it, when there is one.
 * </ul>
 */
final class AllureExtras {
  private AllureExtras() {}

  static final String WAIVED_PREFIX = "WAIVED: ";
  static final String REGRESSED_PREFIX = "REGRESSED: ";

  private static final ObjectMapper JSON = new ObjectMapper();

  static void write(
      Verdict verdict,
      Path reports,
      Set<String> regressedScenarioLocations,
      Optional<Map<String, Object>> executor) {
    Path results = reports.resolve("allure-results");
    if (!Files.isDirectory(results)) {
      return; // this run wrote no Allure results (a self-test run)
    }
    try {
      JSON.copy()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(results.resolve("categories.json").toFile(), categories());
      Files.writeString(results.resolve("environment.properties"), environment(verdict));
      if (executor.isPresent()) {
        JSON.copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(results.resolve("executor.json").toFile(), executor.get());
      }
      relabel(verdict, results, regressedScenarioLocations);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete the Allure results in " + results, e);
    }
  }

  static List<Map<String, Object>> categories() {
    return List.of(
        Map.of(
            "name",
            "Regressions since the last run",
            "matchedStatuses",
            List.of("failed", "unknown"),
            "messageRegex",
            "(?s)" + REGRESSED_PREFIX + ".*"),
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
            List.of("unknown"),
            "messageRegex",
            "(?s).*" + ShouldWarning.PREFIX + ".*"),
        Map.of(
            "name",
            "Waived: known failures (kit.waivers), not failing",
            "matchedStatuses",
            List.of("skipped"),
            "messageRegex",
            "(?s)" + WAIVED_PREFIX + ".*"),
        Map.of(
            "name",
            "Not applicable to this bank or configuration",
            "matchedStatuses",
            List.of("skipped"),
            "messageRegex",
            "(?s)" + NotApplicable.PREFIX + ".*"),
        Map.of(
            "name",
            "Environment faults: the bank could not be reached (not judged)",
            "matchedStatuses",
            List.of("broken", "failed"),
            "messageRegex",
            "(?s)ENVIRONMENT:.*"),
        Map.of("name", "Kit errors (not judged)", "matchedStatuses", List.of("broken")));
  }

  /** Allure's Environment panel: one {@code key=value} line per fact (Java properties syntax). */
  static String environment(Verdict verdict) {
    StringBuilder sb = new StringBuilder();
    line(sb, "Verdict", verdict.line().replace("VERDICT: ", ""));
    verdict.nightly().facts().forEach((k, v) -> line(sb, k, v));
    verdict.restore().ifPresent(r -> line(sb, "Registration", r.message()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String key, String value) {
    sb.append(escape(key, true)).append('=').append(escape(value, false)).append('\n');
  }

  /** Java properties escaping, so that a value with ':' '=' or a line break stays one entry. */
  static String escape(String s, boolean key) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(key ? "\\ " : " ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Rewrites the status and message of results whose outcome Allure's own status cannot show. */
  private static void relabel(Verdict verdict, Path results, Set<String> regressed)
      throws IOException {
    Map<String, ScenarioOutcome> byLocation = new HashMap<>();
    verdict.outcomes().forEach(o -> byLocation.put(o.location(), o));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(results, "*-result.json")) {
      for (Path file : files) {
        JsonNode node = JSON.readTree(file.toFile());
        if (!(node instanceof ObjectNode result)) {
          continue;
        }
        ScenarioOutcome o = byLocation.get(result.path("fullName").asText());
        if (o == null) {
          continue;
        }
        boolean changed = false;
        ObjectNode details =
            result.get("statusDetails") instanceof ObjectNode d
                ? d
                : result.putObject("statusDetails");
        String message = details.path("message").asText("");
        if (o.kind() == Kind.WARNING) {
          result.put("status", "unknown");
          changed = true;
        } else if (o.kind() == Kind.WAIVED) {
          result.put("status", "skipped");
          details.put("message", WAIVED_PREFIX + o.message().orElse("") + "\n" + message);
          changed = true;
        }
        if (regressed.contains(o.location())) {
          details.put("message", REGRESSED_PREFIX + details.path("message").asText(""));
          changed = true;
        }
        if (changed) {
          JSON.writeValue(file.toFile(), result);
        }
      }
    }
  }
}
