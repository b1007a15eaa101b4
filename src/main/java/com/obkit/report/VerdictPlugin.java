package com.obkit.report;

import com.obkit.history.ExecutorInfo;
import com.obkit.history.HistoryStore;
import com.obkit.outcomes.CheckEvidence;
import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.EnvironmentFault;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.RetryEvidence;
import com.obkit.outcomes.RuleViolation;
import com.obkit.outcomes.ShouldWarning;
import com.obkit.report.Verdict.Restore;
import com.obkit.runtime.KitSession;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Cucumber plugin that prints one line per scenario as it finishes and, at the end, the summary and
 * the verdict ({@code CONFORMANT} / {@code NOT CONFORMANT}), and writes the verdict and the rule
 * table to the reports folder given as its argument ({@code
 * com.obkit.report.VerdictPlugin:reports}).
 */
public final class VerdictPlugin implements ConcurrentEventListener {

  private final Path reports;
  private final PrintStream out;
  private final boolean keepHistory;
  private final ConcurrentLinkedQueue<ScenarioOutcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Map<UUID, List<CheckResult>> evidence = new ConcurrentHashMap<>();
  private final Map<UUID, List<String>> retries = new ConcurrentHashMap<>();

  public VerdictPlugin(String reportsDirectory) {
    this(reportsDirectory, System.out, true);
  }

  /**
   * @param reportsDirectory where the verdict files go
   * @param out where the per-scenario lines and the summary go
   * @param keepHistory whether the run reads and writes the history store ({@code kit.history}): a
   *     user's run does; the kit's self-tests' inner runs do not
   */
  VerdictPlugin(String reportsDirectory, PrintStream out, boolean keepHistory) {
    this.reports = Path.of(reportsDirectory);
    this.out = out;
    this.keepHistory = keepHistory;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(EmbedEvent.class, this::embedded);
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
  }

  /** A scenario's check evidence, attached by its last hook (see {@link CheckEvidence}). */
  private void embedded(EmbedEvent event) {
    if (CheckEvidence.MEDIA_TYPE.equals(event.getMediaType())) {
      evidence.put(event.getTestCase().getId(), CheckEvidence.fromJson(event.getData()));
    } else if (RetryEvidence.MEDIA_TYPE.equals(event.getMediaType())) {
      retries.put(event.getTestCase().getId(), RetryEvidence.fromJson(event.getData()));
    }
  }

  private void finished(TestCaseFinished event) {
    List<CheckResult> checks = evidence.remove(event.getTestCase().getId());
    ScenarioOutcome outcome =
        outcomeOf(event.getTestCase(), event.getResult(), checks == null ? List.of() : checks)
            .withRetries(retries.getOrDefault(event.getTestCase().getId(), List.of()));
    retries.remove(event.getTestCase().getId());
    outcomes.add(outcome);
    synchronized (out) {
      out.println(Verdict.consoleLine(outcome));
    }
  }

  static ScenarioOutcome outcomeOf(TestCase testCase, Result result, List<CheckResult> checks) {
    List<String> tags = testCase.getTags();
    Optional<Throwable> error = Optional.ofNullable(result.getError());
    ScenarioOutcome.Kind kind = classify(result.getStatus(), error);
    List<CheckResult> failures = failuresOf(error);
    Optional<String> message =
        error.map(
            e -> firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    if (kind == ScenarioOutcome.Kind.ERROR) {
      // A kit defect names no bank rule: the message says it is the kit's.
      message =
          error.map(
              e ->
                  "kit error: "
                      + e.getClass().getSimpleName()
                      + ": "
                      + firstLine(e.getMessage() == null ? "" : e.getMessage()));
    }
    String location =
        testCase.getUri().toString().replaceFirst("^.*?/features/", "features/")
            + ":"
            + testCase.getLocation().getLine();
    return new ScenarioOutcome(
        testCase.getName(),
        location,
        ScenarioOutcome.ruleIds(tags),
        tags.contains("@kit-self-check"),
        kind,
        message,
        failures,
        checks,
        result.getDuration());
  }

  /** The typed findings a check runner threw; nothing for any other throwable. */
  private static List<CheckResult> failuresOf(Optional<Throwable> error) {
    Throwable t = error.orElse(null);
    if (t instanceof RuleViolation v) {
      return v.failures();
    }
    if (t instanceof ShouldWarning w) {
      return w.failures();
    }
    return List.of();
  }

  /**
   * The kind of outcome from the throwable's type alone: only a check runner's {@link
   * RuleViolation} is a bank failure; any other assertion or exception is a kit error.
   */
  static ScenarioOutcome.Kind classify(Status status, Optional<Throwable> error) {
    Throwable t = error.orElse(null);
    return switch (status) {
      case PASSED -> ScenarioOutcome.Kind.PASSED;
      case SKIPPED -> {
        if (t instanceof ShouldWarning) {
          yield ScenarioOutcome.Kind.WARNING;
        }
        yield t instanceof NotApplicable
            ? ScenarioOutcome.Kind.NOT_APPLICABLE
            : ScenarioOutcome.Kind.ERROR;
      }
      case FAILED -> {
        if (t instanceof EnvironmentFault) {
          yield ScenarioOutcome.Kind.ENVIRONMENT;
        }
        yield t instanceof RuleViolation ? ScenarioOutcome.Kind.FAILED : ScenarioOutcome.Kind.ERROR;
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
    // With the TPP's own identity the run ended by restoring its registration (the @AfterAll hook,
    // which Cucumber runs before this event).
    Optional<Restore> restore =
        KitSession.lastRestoration().map(r -> new Restore(r.restored(), r.message()));
    Verdict verdict =
        Verdict.of(new ArrayList<>(outcomes), runError, restore)
            .withCircuitBreaker(KitSession.lastCircuitBreaker());
    Set<String> regressed = Set.of();
    Optional<KitSession.RunStart> start = KitSession.lastStart();
    if (start.isPresent()) {
      RunHistory.Completed completed =
          RunHistory.complete(
              verdict,
              start.get().config(),
              start.get().at(),
              Instant.now(),
              KitSession.lastRuntime()
                  .map(BankFacts::of)
                  .orElseGet(() -> RunHistory.Bank.unknown("the run did not start")),
              keepHistory);
      verdict = completed.verdict();
      completed.record().write(reports.resolve("run.json"));
      regressed =
          verdict.outcomes().stream()
              .filter(o -> completed.regressedScenarios().contains(RunHistory.key(o)))
              .map(ScenarioOutcome::location)
              .collect(Collectors.toSet());
    }
    synchronized (out) {
      out.println();
      out.println(verdict.summary());
    }
    verdict.write(reports);
    AllureExtras.write(verdict, reports, regressed, ExecutorInfo.fromEnvironment(System.getenv()));
    if (keepHistory && start.isPresent()) {
      // Allure's trend, retries and flaky marks need its history in the results before the
      // report is generated; the publish step keeps the new one (VerdictGate).
      start
          .get()
          .config()
          .nightly()
          .history()
          .ifPresent(
              dir ->
                  new HistoryStore(dir, start.get().config().nightly().historyLimit())
                      .restoreAllureHistory(reports.resolve("allure-results")));
    }
  }

  static Duration total(List<ScenarioOutcome> list) {
    return list.stream().map(ScenarioOutcome::duration).reduce(Duration.ZERO, Duration::plus);
  }
}
