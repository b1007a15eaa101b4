package com.obkit.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.config.BankMode;
import com.obkit.config.KitConfig;
import com.obkit.report.RunHistory;
import com.obkit.runtime.KitSession;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the conformance suite in this JVM through the JUnit Platform launcher, with a given
 * configuration and reports folder, and returns the verdict. Used by the command line and by the
 * kit's self-tests (one in-process run per sandbox deviation).
 */
public final class ConformanceLauncher {

  private final Path features;

  /**
   * @param features the folder of feature files (the top-level {@code features/})
   */
  public ConformanceLauncher(Path features) {
    this.features = features;
  }

  /**
   * The outcome of one run.
   *
   * @param verdict CONFORMANT, NOT CONFORMANT or INCONCLUSIVE
   * @param exitCode the run's exit code (0, 1 or 2; 2 also when the TPP's registration could not be
   *     restored)
   * @param failedMustRules the MUST rule ids broken
   * @param shouldWarnings the SHOULD rule ids broken
   * @param resultsByScenario scenario name + location → result label (passed, failed, warning, ...)
   * @param messages scenario → its message (the reason of a not applicable one, a failure's text)
   * @param failedChecks scenario → the names of its failed checks, in order
   * @param brokenRules scenario → the rules its failed checks broke ({@code SIG-2 MUST})
   * @param waiverProblems the stale and the expired waivers, one line each, in that order
   * @param changes the report's what-changed sections: each title, then its lines indented
   * @param eligibility the self-certification: its status, then each reason (empty when the run
   *     wrote none)
   */
  public record RunResult(
      String verdict,
      int exitCode,
      List<String> failedMustRules,
      List<String> shouldWarnings,
      Map<String, String> resultsByScenario,
      Map<String, String> messages,
      Map<String, List<String>> failedChecks,
      Map<String, List<String>> brokenRules,
      List<String> waiverProblems,
      List<String> changes,
      List<String> eligibility) {}

  /**
   * Runs every feature. {@code fullReports} adds Cucumber JSON, JUnit XML and Allure results to the
   * verdict files; self-tests leave them off.
   */
  public RunResult run(KitConfig config, Path reports, boolean fullReports) {
    return run(config, reports, fullReports, null);
  }

  /**
   * As {@link #run(KitConfig, Path, boolean)}, only the scenarios matching a Cucumber tag
   * expression (e.g. {@code @SIG-3}).
   */
  public RunResult run(KitConfig config, Path reports, boolean fullReports, String tagExpression) {
    return run(config, reports, fullReports ? Mode.FULL : Mode.SILENT, tagExpression);
  }

  /** How much a run writes and prints. */
  public enum Mode {
    /** A user's run: console lines, Cucumber JSON, Allure results, the history store. */
    FULL,
    /** The kit's self-tests: verdict files only, nothing printed, no history. */
    SILENT,
    /** As {@link #SILENT}, with the history store ({@code kit.history}): the history's tests. */
    SILENT_WITH_HISTORY
  }

  /** As {@link #run(KitConfig, Path, boolean, String)}, with the given {@link Mode}. */
  public RunResult run(KitConfig config, Path reports, Mode mode, String tagExpression) {
    boolean fullReports = mode == Mode.FULL;
    // A bad waivers file is a configuration error, before any request and before reports/ is
    // emptied.
    RunHistory.waivers(config);
    if (fullReports) {
      ReportsFolder.clean(reports);
      // Allure has one run-wide lifecycle: point it at this run's folder, so that the results of a
      // run with kit.reports=elsewhere go there, never into another run's report.
      Allure.setLifecycle(
          new AllureLifecycle(new FileSystemResultsWriter(reports.resolve("allure-results"))));
    }
    KitSession.preset(config);
    // A run with full reports is a user's: it prints its lines and verdict. The others are the
    // kit's self-tests: verdict files only, so a build log holds no inner VERDICT lines.
    StringBuilder plugins =
        new StringBuilder(
                switch (mode) {
                  case FULL -> "com.obkit.report.VerdictPlugin:";
                  case SILENT -> "com.obkit.report.SilentVerdictPlugin:";
                  case SILENT_WITH_HISTORY -> "com.obkit.report.SilentHistoryVerdictPlugin:";
                })
            .append(reports);
    if (fullReports) {
      // JUnit XML is the kit's own (reports/junit.xml, see JunitXml): Cucumber's cannot tell a
      // kit error from a bank failure, or a SHOULD warning from a not applicable scenario.
      plugins
          .append(", json:")
          .append(reports.resolve("cucumber.json"))
          .append(", io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm");
    }
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    if (tagExpression != null) {
      builder.configurationParameter("cucumber.filter.tags", tagExpression);
    }
    LauncherDiscoveryRequest request =
        builder
            .selectors(selectDirectory(features.toFile()))
            .filters(EngineFilter.includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", "com.obkit.steps")
            .configurationParameter("cucumber.plugin", plugins.toString())
            .configurationParameter("cucumber.publish.quiet", "true")
            .configurationParameter(
                "cucumber.execution.parallel.enabled", String.valueOf(config.parallelism() > 1))
            .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "cucumber.execution.parallel.config.fixed.parallelism",
                String.valueOf(config.parallelism()))
            .configurationParameter(
                "cucumber.execution.parallel.config.fixed.max-pool-size",
                String.valueOf(config.parallelism()))
            .build();
    try {
      Files.deleteIfExists(reports.resolve("verdict.json"));
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      KitSession.preset(null);
      KitSession.stop();
    }
    RunResult result = read(reports.resolve("verdict.json"));
    if (fullReports) {
      // After the launcher: every plugin has written its files, so the bundle holds them all.
      EvidenceExport.write(config, reports, features, System.err);
    }
    return result;
  }

  /**
   * Prints the plan of a run with {@code config} (a Cucumber dry run: no glue runs, nothing is
   * sent): every scenario, whether it changes the registration, the requests it would send.
   */
  public void plan(KitConfig config, String tagExpression) {
    boolean own = config.ownIdentity();
    boolean forbidden =
        own
            && config.bankMode() == BankMode.PRODUCTION
            && !config.registration().allowProductionRegistration();
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    if (tagExpression != null) {
      builder.configurationParameter("cucumber.filter.tags", tagExpression);
    }
    LauncherFactory.create()
        .execute(
            builder
                .selectors(selectDirectory(features.toFile()))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "com.obkit.steps")
                .configurationParameter("cucumber.execution.dry-run", "true")
                .configurationParameter(
                    "cucumber.plugin", "com.obkit.cli.PlanPlugin:" + own + ":" + forbidden)
                .configurationParameter("cucumber.publish.quiet", "true")
                .build());
  }

  static RunResult read(Path verdictFile) {
    if (!Files.isRegularFile(verdictFile)) {
      throw new IllegalStateException(
          "the run wrote no verdict (" + verdictFile + "): it did not start; see the output above");
    }
    try {
      JsonNode v = new ObjectMapper().readTree(verdictFile.toFile());
      List<String> failed = new ArrayList<>();
      v.path("failedMustRules").forEach(n -> failed.add(n.asText()));
      List<String> warnings = new ArrayList<>();
      v.path("shouldWarnings").forEach(n -> warnings.add(n.asText()));
      Map<String, String> results = new LinkedHashMap<>();
      Map<String, String> messages = new LinkedHashMap<>();
      Map<String, List<String>> checks = new LinkedHashMap<>();
      Map<String, List<String>> rules = new LinkedHashMap<>();
      for (JsonNode o : v.path("outcomes")) {
        String key = o.path("name").asText() + " @ " + o.path("location").asText();
        results.put(key, o.path("result").asText());
        messages.put(key, o.path("message").asText());
        List<String> names = new ArrayList<>();
        o.path("failedChecks").forEach(n -> names.add(n.asText()));
        checks.put(key, names);
        List<String> broken = new ArrayList<>();
        o.path("brokenMustRules").forEach(n -> broken.add(n.asText() + " MUST"));
        o.path("brokenShouldRules").forEach(n -> broken.add(n.asText() + " SHOULD"));
        rules.put(key, broken);
      }
      List<String> waiverProblems = new ArrayList<>();
      v.path("staleWaivers").forEach(n -> waiverProblems.add(n.asText()));
      v.path("expiredWaivers").forEach(n -> waiverProblems.add(n.asText()));
      List<String> changes = new ArrayList<>();
      for (JsonNode section : v.path("changes")) {
        changes.add(section.path("title").asText());
        section.path("lines").forEach(n -> changes.add("  " + n.asText()));
      }
      List<String> eligibility = new ArrayList<>();
      JsonNode e = v.path("eligibility");
      if (e.isObject()) {
        eligibility.add(e.path("status").asText());
        e.path("reasons").forEach(n -> eligibility.add(n.asText()));
      }
      return new RunResult(
          v.path("verdict").asText(),
          v.path("exitCode").asInt(2),
          failed,
          warnings,
          results,
          messages,
          checks,
          rules,
          waiverProblems,
          changes,
          eligibility);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
