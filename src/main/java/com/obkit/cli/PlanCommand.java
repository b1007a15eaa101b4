package com.obkit.cli;

import com.obkit.config.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kit plan}: what a conformance run with this configuration would do, without touching the
 * network: every scenario, whether it changes the TPP's registration, and the requests it would
 * send.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Lists every scenario a run would execute, whether it changes the TPP's registration, and"
            + " the requests it would send. Sends nothing.")
final class PlanCommand implements Callable<Integer> {

  @Option(names = "--env", description = "Profile (kit.env): local, sandbox, production.")
  String env;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any kit.* key (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--tags", description = "Only scenarios matching a tag expression (@REG-2).")
  String tags;

  @Option(
      names = "--features",
      defaultValue = "features",
      description = "Feature folder (default: ${DEFAULT-VALUE}).")
  Path features;

  @Override
  public Integer call() {
    try {
      new ConformanceLauncher(Features.folder(features)).plan(KitMain.load(env, settings), tags);
      return 0;
    } catch (ConfigException e) {
      System.err.println("CONFIGURATION ERROR: " + e.getMessage());
      return 2;
    }
  }
}
