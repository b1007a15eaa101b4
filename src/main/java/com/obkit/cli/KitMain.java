package com.obkit.cli;

import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.runtime.KitRuntime;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The conformance run from the command line. Exit codes: 0 CONFORMANT, 1 NOT CONFORMANT, 2
 * environment or configuration error (nothing could be judged, or not everything).
 */
@Command(
    name = "kit",
    mixinStandardHelpOptions = true,
    subcommands = {
      PlanCommand.class,
      CertificateCommand.class,
      CurlCommand.class,
      ServeCommand.class,
      DiffCommand.class
    },
    description =
        "Runs the XS2A onboarding conformance suite and prints the verdict. Subcommands: plan,"
            + " certificate, curl, serve, diff.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:CONFORMANT",
      "1:NOT CONFORMANT (a MUST rule is broken)",
      "2:environment or configuration error"
    })
public final class KitMain implements Callable<Integer> {

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

  public static void main(String[] args) {
    KitMain main = new KitMain();
    int code = new CommandLine(main).execute(args);
    if (!main.noExit || code != 0 && main.configurationFailed) {
      System.exit(code);
    }
  }

  private boolean configurationFailed;

  @Override
  public Integer call() {
    KitConfig config;
    try {
      config = load(env, settings);
      KitRuntime.validate(config);
    } catch (ConfigException e) {
      return configurationError(e);
    }
    ConformanceLauncher launcher = new ConformanceLauncher(features);
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

  /** The configuration from this JVM's system properties, environment, profile and settings. */
  static KitConfig load(String env, Map<String, String> settings) {
    Map<String, String> sys = new HashMap<>();
    System.getProperties().forEach((k, v) -> sys.put(String.valueOf(k), String.valueOf(v)));
    if (env != null) {
      sys.put("kit.env", env);
    }
    sys.putAll(settings);
    return KitConfig.load(sys, System.getenv());
  }
}
