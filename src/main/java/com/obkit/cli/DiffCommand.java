package com.obkit.cli;

import com.obkit.history.RunComparison;
import com.obkit.history.RunRecord;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kit diff OLD.json NEW.json}: what changed between two runs ({@code reports/run.json}, or a
 * run of the history store): whether the bank released in between, then the rules and the scenarios
 * that regressed, still fail, are new or were fixed. Exit code 0; 2 when a file is missing,
 * unreadable or not a run record.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compares two runs (run.json): the bank release, then the rules and scenarios that"
            + " regressed, still fail, are new or were fixed.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:compared", "2:a file is missing, unreadable or not a run record"})
final class DiffCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier run.")
  Path older;

  @Parameters(index = "1", paramLabel = "NEW.json", description = "The later run.")
  Path newer;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunRecord before;
    RunRecord after;
    try {
      before = RunRecord.read(older);
      after = RunRecord.read(newer);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      spec.commandLine().getErr().println("kit diff: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    String title =
        "From " + older + " (" + before.start() + ") to " + newer + " (" + after.start() + ")";
    spec.commandLine().getOut().print(RunComparison.between(before, after).render(title));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
