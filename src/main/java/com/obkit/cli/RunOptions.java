package com.obkit.cli;

import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.runtime.KitRuntime;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The conformance run's options and the run itself, shared by {@code kit} and {@code kit run}: the
 * same options and exit codes either way.
 */
final class RunOptions {

  @Option(
      names = "--env",
      description = "Profile (kit.env): local, sandbox, production, or a file in env/.")
  String env;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any kit.* key, e.g. --set kit.tenant=be_nl (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--features",
      defaultValue = "features",
      description = "Feature folder (default: ${DEFAULT-VALUE}).")
  Path features;

  @Option(
      names = "--tags",
      description =
          "Only scenarios matching a Cucumber tag expression, e.g. \"@stage:token\" or \"not"
              + " @journey\" (blank: all).")
  String tags;

  @Option(
      names = "--dry-run",
      description =
          "Print the plan (every scenario, whether it changes the registration, the requests it"
              + " would send) and send nothing.")
  boolean dryRun;

  @Option(
      names = "--no-exit",
      description =
          "Return instead of exiting (when run inside Maven, before the report is published).")
  boolean noExit;

  /** Whether the last call ended in a configuration error (then even --no-exit exits). */
  boolean configurationFailed;

  /** The run: its verdict's exit code, or 2 for a configuration error. */
  int call() {
    KitConfig config;
    try {
      config = KitMain.load(env, settings);
      KitRuntime.validate(config);
    } catch (ConfigException e) {
      return configurationError(e);
    }
    ConformanceLauncher launcher = new ConformanceLauncher(Features.folder(features));
    // Maven passes an unset -Dconformance.tags as an empty argument: that means every scenario.
    String tagExpression = tags == null || tags.isBlank() ? null : tags;
    if (dryRun) {
      launcher.plan(config, tagExpression);
      return 0;
    }
    if (config.targetsLiveProduction() && !config.productionConfirmed()) {
      // Do no harm: say what the run would do, and stop before any request.
      launcher.plan(config, tagExpression);
      return configurationError(new ConfigException(KitRuntime.unconfirmedProduction(config)));
    }
    try {
      return launcher.run(config, config.reports(), true, tagExpression).exitCode();
    } catch (ConfigException e) {
      return configurationError(e);
    }
  }

  private int configurationError(ConfigException e) {
    configurationFailed = true;
    System.err.println("CONFIGURATION ERROR: " + e.getMessage());
    return 2;
  }
}
