package com.obkit.cli;

import com.obkit.config.KitConfig;
import com.obkit.report.KitVersion;
import com.obkit.sandbox.port.SandboxCommandLine;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The conformance run from the command line. Exit codes: 0 CONFORMANT, 1 NOT CONFORMANT, 2
 * environment or configuration error (nothing could be judged, or not everything).
 */
@Command(
    name = "kit",
    mixinStandardHelpOptions = true,
    versionProvider = KitMain.Version.class,
    subcommands = {
      RunCommand.class,
      PlanCommand.class,
      CertificateCommand.class,
      CurlCommand.class,
      ServeCommand.class,
      DiffCommand.class,
      VerifyCommand.class
    },
    description =
        "Runs the XS2A onboarding conformance suite and prints the verdict (the same as kit run)."
            + " Commands: run, plan, certificate, curl, sandbox, serve, diff, verify.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:CONFORMANT",
      "1:NOT CONFORMANT (a MUST rule is broken), or a stale waiver",
      "2:INCONCLUSIVE, a configuration error or a user's mistake (one line: ERROR: ...)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kit run                                   the embedded reference sandbox",
      "  kit certificate --organization-id PSDNL-DNB-R000000 --profile QSEALC",
      "  kit sandbox --port 8080                   the reference sandbox alone",
      "  kit verify reports/evidence.zip           check a run's signed evidence",
      "  kit --version"
    })
public final class KitMain implements Callable<Integer> {

  /** Without a command, {@code kit} is {@code kit run}. */
  @Mixin RunOptions run = new RunOptions();

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "On a kit error, print its stack trace too (for a bug report).")
  boolean stacktrace;

  /** The kit's version ({@code --version}), from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"obkit " + KitVersion.current()};
    }
  }

  public static void main(String[] args) {
    CommandLine commandLine = commandLine(new KitMain());
    int code = commandLine.execute(args);
    RunOptions top = ((KitMain) commandLine.getCommand()).run;
    RunOptions sub = ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).options;
    boolean noExit = top.noExit || sub.noExit;
    boolean configurationFailed = top.configurationFailed || sub.configurationFailed;
    if (!noExit || code != 0 && configurationFailed) {
      System.exit(code);
    }
  }

  /**
   * The command line: every command, the reference sandbox as {@code sandbox}, and one-line errors
   * (exit code 2) for a user's mistake.
   */
  public static CommandLine commandLine(KitMain main) {
    CommandLine commandLine = new CommandLine(main);
    commandLine.addSubcommand("sandbox", SandboxCommandLine.named("sandbox"));
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    return commandLine;
  }

  @Override
  public Integer call() {
    return run.call();
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
