package com.obkit.report;

import com.obkit.checks.NotApplicable;
import com.obkit.checks.ShouldWarning;
import com.obkit.client.EnvironmentFault;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Cucumber plugin that prints one line per scenario as it finishes and, at the end, the summary and
 * the verdict ({@code CONFORMANT} / {@code NOT CONFORMANT}), and writes the verdict and the rule
 * table to the reports folder given as its argument ({@code
 * com.obkit.report.VerdictPlugin:reports}).
 */
public final class VerdictPlugin implements ConcurrentEventListener {

  private final Path reports;
  private final PrintStream out = System.out;
  private final ConcurrentLinkedQueue<ScenarioOutcome> outcomes = new ConcurrentLinkedQueue<>();

  public VerdictPlugin(String reportsDirectory) {
    this.reports = Path.of(reportsDirectory);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
  }

  private void finished(TestCaseFinished event) {
    ScenarioOutcome outcome = outcomeOf(event.getTestCase(), event.getResult());
    outcomes.add(outcome);
    synchronized (out) {
      out.println(Verdict.consoleLine(outcome));
    }
  }

  static ScenarioOutcome outcomeOf(TestCase testCase, Result result) {
    List<String> tags = testCase.getTags();
    Optional<Throwable> error = Optional.ofNullable(result.getError());
    ScenarioOutcome.Kind kind = classify(result.getStatus(), error);
    Optional<String> message =
        error.map(
            e -> firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    String location =
        testCase.getUri().toString().replaceFirst("^.*?/features/", "features/")
            + ":"
            + testCase.getLocation().getLine();
    return new ScenarioOutcome(
        testCase.getName(),
        location,
        ScenarioOutcome.ruleIds(tags),
        tags.contains("@should"),
        kind,
        message,
        result.getDuration());
  }

  static ScenarioOutcome.Kind classify(Status status, Optional<Throwable> error) {
    return switch (status) {
      case PASSED -> ScenarioOutcome.Kind.PASSED;
      case SKIPPED -> {
        Throwable t = error.orElse(null);
        if (t instanceof ShouldWarning) {
          yield ScenarioOutcome.Kind.WARNING;
        }
        yield t instanceof NotApplicable
            ? ScenarioOutcome.Kind.NOT_APPLICABLE
            : ScenarioOutcome.Kind.ERROR;
      }
      case FAILED -> {
        Throwable t = error.orElse(null);
        if (t instanceof EnvironmentFault) {
          yield ScenarioOutcome.Kind.ENVIRONMENT;
        }
        yield t instanceof AssertionError
            ? ScenarioOutcome.Kind.FAILED
            : ScenarioOutcome.Kind.ERROR;
      }
      default ->
          ScenarioOutcome.Kind.ERROR; // undefined, pending, ambiguous steps: a defect of the kit
    };
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private void runFinished(TestRunFinished event) {
    // A run-level failure (the @BeforeAll hook: configuration, credentials, the embedded sandbox)
    // ran no scenario.
    Optional<String> runError =
        Optional.ofNullable(event.getResult())
            .map(Result::getError)
            .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage());
    Verdict verdict = Verdict.of(new ArrayList<>(outcomes), runError);
    synchronized (out) {
      out.println();
      out.println(verdict.summary());
    }
    verdict.write(reports);
    AllureExtras.write(verdict);
  }

  static Duration total(List<ScenarioOutcome> list) {
    return list.stream().map(ScenarioOutcome::duration).reduce(Duration.ZERO, Duration::plus);
  }
}
