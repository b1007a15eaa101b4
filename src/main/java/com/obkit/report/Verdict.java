package com.obkit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.obkit.outcomes.CheckEvidence;
import com.obkit.outcomes.Level;
import com.obkit.report.ScenarioOutcome.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run's verdict: {@code CONFORMANT} when no MUST scenario failed, {@code NOT CONFORMANT} with
 * the broken MUST rule ids otherwise, {@code INCONCLUSIVE} when the kit could not judge
 * (environment or kit errors). SHOULD rules broken are warnings and never change it.
 */
public final class Verdict {

  /** The three verdicts. */
  public enum Outcome {
    CONFORMANT,
    NOT_CONFORMANT,
    INCONCLUSIVE;

    public String label() {
      return name().replace('_', ' ');
    }
  }

  private final List<ScenarioOutcome> outcomes;
  private final Set<String> failedMustRules;
  private final Set<String> warnedShouldRules;
  private final Outcome outcome;
  private final Optional<String> runError;
  private final Optional<Restore> restore;
  private final Set<String> waivedRules;
  private final Nightly nightly;

  /**
   * What a run knows beyond its own scenarios: the waivers that failed it, what changed since
   * earlier runs, and what makes its exit code 1 ({@code kit.failOn}).
   *
   * @param staleWaivers waivers in force that matched no failure (each fails the run, as an
   *     expected failure that does not happen does)
   * @param expiredWaivers expired waivers that would have matched a failure (that failure counts)
   * @param failOnRegression {@code kit.failOn=regression}: a broken MUST rule gives exit code 1
   *     only when it is in {@code regressedMustRules}
   * @param regressedMustRules MUST rules failing now that did not fail in the previous run (all
   *     failing ones when there is no previous run)
   * @param sections the report's "what changed" sections, each a title and its lines
   * @param facts what was tested (target, profile, tenant, bank mode, start, kit version, the
   *     bank's fingerprint), in order
   */
  public record Nightly(
      List<String> staleWaivers,
      List<String> expiredWaivers,
      boolean failOnRegression,
      Set<String> regressedMustRules,
      List<Section> sections,
      Map<String, String> facts) {
    public Nightly {
      staleWaivers = List.copyOf(staleWaivers);
      expiredWaivers = List.copyOf(expiredWaivers);
      regressedMustRules = Set.copyOf(regressedMustRules);
      sections = List.copyOf(sections);
      facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Nothing known beyond the run itself (self-tests, a run without history). */
    public static Nightly none() {
      return new Nightly(List.of(), List.of(), false, Set.of(), List.of(), Map.of());
    }
  }

  /**
   * One "what changed" section of the report.
   *
   * @param title e.g. "Since the last run (2026-12-01T02:00:00Z)"
   * @param lines one change per line, regressions first
   * @param regressions how many of them are regressions
   */
  public record Section(String title, List<String> lines, int regressions) {
    public Section {
      lines = List.copyOf(lines);
    }
  }

  private final Optional<String> circuitBreaker;
  private final Optional<Eligibility> eligibility;

  /**
   * What the kit did at the end of a run with the TPP's own identity: it replayed the registration
   * with exactly the kept redirect URIs.
   *
   * @param restored whether the bank has exactly those URIs registered again
   * @param message the line for people (what is registered now, when it failed)
   */
  public record Restore(boolean restored, String message) {}

  private Verdict(
      List<ScenarioOutcome> outcomes,
      Optional<String> runError,
      Optional<Restore> restore,
      Nightly nightly,
      Optional<String> circuitBreaker,
      Optional<Eligibility> eligibility) {
    this.circuitBreaker = circuitBreaker;
    this.eligibility = eligibility;
    this.outcomes = List.copyOf(outcomes);
    this.runError = runError;
    this.restore = restore;
    this.nightly = nightly;
    this.failedMustRules = new TreeSet<>();
    this.warnedShouldRules = new TreeSet<>();
    this.waivedRules = new TreeSet<>();
    // Typed findings only: the rules the failed checks were called with, at their levels.
    for (ScenarioOutcome o : outcomes) {
      failedMustRules.addAll(o.brokenMustRules());
      warnedShouldRules.addAll(o.brokenShouldRules());
      waivedRules.addAll(o.waivedRules());
    }
    boolean errors =
        runError.isPresent()
            || outcomes.stream()
                .anyMatch(o -> o.kind() == Kind.ERROR || o.kind() == Kind.ENVIRONMENT);
    // Bank defects are certain even during an outage elsewhere; an outage alone is never a pass.
    this.outcome =
        !failedMustRules.isEmpty()
            ? Outcome.NOT_CONFORMANT
            : errors || outcomes.isEmpty() ? Outcome.INCONCLUSIVE : Outcome.CONFORMANT;
  }

  public static Verdict of(List<ScenarioOutcome> outcomes) {
    return new Verdict(
        outcomes,
        Optional.empty(),
        Optional.empty(),
        Nightly.none(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A verdict for a run that may have failed as a whole ({@code runError}: why no scenario could
   * run).
   */
  public static Verdict of(List<ScenarioOutcome> outcomes, Optional<String> runError) {
    return new Verdict(
        outcomes, runError, Optional.empty(), Nightly.none(), Optional.empty(), Optional.empty());
  }

  /** A verdict with the restore of the TPP's registration at the end of the run, if any. */
  public static Verdict of(
      List<ScenarioOutcome> outcomes, Optional<String> runError, Optional<Restore> restore) {
    return new Verdict(
        outcomes, runError, restore, Nightly.none(), Optional.empty(), Optional.empty());
  }

  /** This verdict with its scenarios' outcomes replaced (waived ones), all else kept. */
  public Verdict withOutcomes(List<ScenarioOutcome> replaced) {
    return new Verdict(replaced, runError, restore, nightly, circuitBreaker, eligibility);
  }

  /** This verdict with a run-level error, all else kept. */
  public Verdict withRunError(String error) {
    return new Verdict(outcomes, Optional.of(error), restore, nightly, circuitBreaker, eligibility);
  }

  /** This verdict with what the run knows beyond its scenarios (waivers, history, failOn). */
  public Verdict with(Nightly nightly) {
    return new Verdict(outcomes, runError, restore, nightly, circuitBreaker, eligibility);
  }

  public Nightly nightly() {
    return nightly;
  }

  /** The rules whose only failures were waived. */
  public Set<String> waivedRules() {
    Set<String> only = new TreeSet<>(waivedRules);
    only.removeAll(failedMustRules);
    only.removeAll(warnedShouldRules);
    return only;
  }

  /**
   * The same verdict, saying why the run's circuit breaker opened ({@code kit.circuitBreaker}), if
   * it did. Its scenarios are environment faults, so the verdict is INCONCLUSIVE already.
   */
  public Verdict withCircuitBreaker(Optional<String> reason) {
    return new Verdict(outcomes, runError, restore, nightly, reason, eligibility);
  }

  /** This verdict with the run's eligibility for self-certification, all else kept. */
  public Verdict withEligibility(Eligibility e) {
    return new Verdict(outcomes, runError, restore, nightly, circuitBreaker, Optional.of(e));
  }

  /**
   * Whether the run is evidence for going to production ({@link Eligibility}); empty for a run that
   * knows nothing of its configuration (unit tests of the report alone).
   */
  public Optional<Eligibility> eligibility() {
    return eligibility;
  }

  /** Why the run's circuit breaker opened, if it did. */
  public Optional<String> circuitBreaker() {
    return circuitBreaker;
  }

  /** The restore of the TPP's registration at the end of the run (own identity only). */
  public Optional<Restore> restore() {
    return restore;
  }

  public Optional<String> runError() {
    return runError;
  }

  /**
   * The process exit code: 0 conformant, 1 not conformant, 2 environment or configuration error.
   */
  public int exitCode() {
    if (restore.isPresent() && !restore.get().restored()) {
      return 2; // the bank is left changed: an environment error, whatever was judged
    }
    return switch (outcome) {
      case CONFORMANT -> nightly.staleWaivers().isEmpty() ? 0 : 1;
      case NOT_CONFORMANT -> {
        boolean worse = !nightly.failOnRegression() || !nightly.regressedMustRules().isEmpty();
        yield worse || !nightly.staleWaivers().isEmpty() ? 1 : 0;
      }
      case INCONCLUSIVE -> 2;
    };
  }

  public Outcome outcome() {
    return outcome;
  }

  public Set<String> failedMustRules() {
    return failedMustRules;
  }

  public Set<String> warnedShouldRules() {
    return warnedShouldRules;
  }

  public List<ScenarioOutcome> outcomes() {
    return outcomes;
  }

  /** The one line a nightly job greps for. */
  public String line() {
    StringBuilder sb = new StringBuilder("VERDICT: ").append(outcome.label());
    if (!failedMustRules.isEmpty()) {
      sb.append(" | failed MUST rules: ").append(String.join(", ", failedMustRules));
    }
    if (!warnedShouldRules.isEmpty()) {
      sb.append(" | SHOULD warnings: ").append(String.join(", ", warnedShouldRules));
    }
    Set<String> waived = waivedRules();
    if (!waived.isEmpty()) {
      sb.append(" | WAIVED: ").append(String.join(", ", waived));
    }
    if (!nightly.staleWaivers().isEmpty()) {
      sb.append(" | ")
          .append(nightly.staleWaivers().size())
          .append(" stale waiver(s): the run fails (exit code 1)");
    }
    if (!nightly.expiredWaivers().isEmpty()) {
      sb.append(" | ").append(nightly.expiredWaivers().size()).append(" expired waiver(s)");
    }
    if (nightly.failOnRegression() && outcome == Outcome.NOT_CONFORMANT) {
      sb.append(
          nightly.regressedMustRules().isEmpty()
              ? " | kit.failOn=regression: nothing got worse (exit code 0)"
              : " | regressed: " + String.join(", ", new TreeSet<>(nightly.regressedMustRules())));
    }
    long environment = count(Kind.ENVIRONMENT);
    if (environment > 0) {
      sb.append(" | ")
          .append(environment)
          .append(" scenario(s) not judged: the bank could not be reached");
    }
    long errors = outcomes.stream().filter(o -> o.kind() == Kind.ERROR).count();
    if (errors > 0) {
      sb.append(" | ").append(errors).append(" scenario(s) not judged: kit error");
    }
    runError.ifPresent(e -> sb.append(" | the run could not start: ").append(e));
    restore
        .filter(r -> !r.restored())
        .ifPresent(r -> sb.append(" | the TPP's registration was NOT restored (exit code 2)"));
    return sb.toString();
  }

  /** Scenarios of the bank's verdict (not the kit's self-checks) of one kind. */
  public long count(Kind kind) {
    return outcomes.stream().filter(o -> !o.selfCheck() && o.kind() == kind).count();
  }

  /** The kit's self-checks ({@code @kit-self-check}): never part of the bank's counts. */
  public List<ScenarioOutcome> selfChecks() {
    return outcomes.stream().filter(ScenarioOutcome::selfCheck).toList();
  }

  /** Console summary: counts per kind, failures, warnings apart, and the verdict line. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    long bank = outcomes.stream().filter(o -> !o.selfCheck()).count();
    sb.append("Conformance summary: ").append(bank).append(" scenarios: ");
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, count(k));
    }
    sb.append(counts.get(Kind.PASSED))
        .append(" passed, ")
        .append(counts.get(Kind.FAILED))
        .append(" failed (MUST), ")
        .append(counts.get(Kind.WARNING))
        .append(" warnings (SHOULD), ")
        .append(counts.get(Kind.WAIVED))
        .append(" waived, ")
        .append(counts.get(Kind.NOT_APPLICABLE))
        .append(" not applicable, ")
        .append(counts.get(Kind.ENVIRONMENT))
        .append(" environment faults, ")
        .append(counts.get(Kind.ERROR))
        .append(" kit errors\n");
    List<ScenarioOutcome> self = selfChecks();
    if (!self.isEmpty()) {
      long selfPassed = self.stream().filter(o -> o.kind() == Kind.PASSED).count();
      sb.append("Kit self-checks (the kit's own certificate generator, not the bank): ")
          .append(selfPassed)
          .append(" passed, ")
          .append(self.size() - selfPassed)
          .append(" failed (kit errors)\n");
    }
    appendList(sb, "Failures (MUST rules broken):", Kind.FAILED);
    appendList(sb, "Warnings (SHOULD rules broken, not failing the run):", Kind.WARNING);
    appendList(sb, "Waived (known failures, kit.waivers; not failing the run):", Kind.WAIVED);
    appendList(
        sb, "Environment faults (the bank could not be reached; not judged):", Kind.ENVIRONMENT);
    appendList(sb, "Kit errors (not judged):", Kind.ERROR);
    appendList(sb, "Not applicable here:", Kind.NOT_APPLICABLE);
    restore.ifPresent(r -> sb.append(r.message()).append('\n'));
    appendLines(
        sb,
        "Stale waivers (they waived nothing: remove them or fix the kit):",
        nightly.staleWaivers());
    appendLines(sb, "Expired waivers (no longer applied):", nightly.expiredWaivers());
    for (Section section : nightly.sections()) {
      appendLines(sb, section.title() + ":", section.lines());
    }
    circuitBreaker.ifPresent(c -> sb.append(breakerLine(c)).append('\n'));
    eligibility.ifPresent(e -> sb.append(e.line()).append('\n'));
    sb.append(line());
    return sb.toString();
  }

  private static void appendLines(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append(title).append('\n');
    lines.forEach(l -> sb.append("  - ").append(l).append('\n'));
  }

  /**
   * "Circuit breaker opened after 5 consecutive environment faults (kit.circuitBreaker); last: …"
   */
  static String breakerLine(String reason) {
    return reason.replaceFirst("^circuit breaker open after", "Circuit breaker opened after");
  }

  private void appendList(StringBuilder sb, String title, Kind kind) {
    List<ScenarioOutcome> list = outcomes.stream().filter(o -> o.kind() == kind).toList();
    if (list.isEmpty()) {
      return;
    }
    sb.append(title).append('\n');
    for (ScenarioOutcome o : list) {
      sb.append("  - ").append(o.name()).append(" (").append(o.location()).append(")");
      o.message().ifPresent(m -> sb.append("\n      ").append(m));
      sb.append('\n');
    }
  }

  /** One console line per finished scenario. */
  static String consoleLine(ScenarioOutcome o) {
    String mark =
        switch (o.kind()) {
          case PASSED -> "PASS   ";
          case FAILED -> "FAIL   ";
          case WARNING -> "WARN   ";
          case WAIVED -> "WAIVED ";
          case NOT_APPLICABLE -> "N/A    ";
          case ENVIRONMENT -> "ENV    ";
          case ERROR -> "ERROR  ";
        };
    if (o.selfCheck() && o.kind() == Kind.PASSED) {
      mark = "SELF   "; // the kit's own check, not a bank scenario
    }
    String line =
        mark
            + String.format("%5d ms ", o.duration().toMillis())
            + (o.selfCheck() ? "[kit self-check]" : o.rules())
            + " "
            + o.name()
            + (o.retries().isEmpty() ? "" : " (retried: " + o.retries().size() + " exchange(s))");
    return o.kind() == Kind.PASSED ? line : line + "\n         " + o.message().orElse("");
  }

  /** The rule table: each catalogue rule, its scenarios, and its result. */
  public Map<String, RuleRow> ruleTable(RuleCatalogue catalogue) {
    Map<String, RuleRow> table = new LinkedHashMap<>();
    for (RuleCatalogue.Entry e : catalogue.entries()) {
      List<ScenarioOutcome> scenarios =
          outcomes.stream().filter(o -> o.rules().contains(e.id())).toList();
      String result;
      if (failedMustRules.contains(e.id())) {
        result = "FAILED";
      } else if (warnedShouldRules.contains(e.id())) {
        result = "WARNING";
      } else if (waivedRules.contains(e.id())) {
        result = "WAIVED";
      } else if (scenarios.isEmpty()) {
        result = "NOT COVERED";
      } else if (scenarios.stream().allMatch(o -> o.kind() == Kind.NOT_APPLICABLE)) {
        result = "NOT APPLICABLE";
      } else if (scenarios.stream()
          .anyMatch(o -> o.kind() == Kind.ERROR || o.kind() == Kind.ENVIRONMENT)) {
        result = "NOT JUDGED";
      } else {
        result = "PASSED";
      }
      table.put(
          e.id(),
          new RuleRow(
              e.id(),
              e.level(),
              e.statement(),
              scenarios.stream().map(o -> o.name() + " [" + o.kind().label() + "]").toList(),
              result));
    }
    return table;
  }

  /**
   * One row of the rule table.
   *
   * @param id rule id
   * @param level MUST or SHOULD
   * @param statement the rule
   * @param scenarios the scenarios tagged with it and their outcome
   * @param result PASSED, FAILED, WARNING, WAIVED, NOT APPLICABLE, NOT JUDGED or NOT COVERED
   */
  public record RuleRow(
      String id, Level level, String statement, List<String> scenarios, String result) {}

  private static Map<String, Object> outcomeJson(ScenarioOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("location", o.location());
    m.put("rules", o.rules());
    m.put("selfCheck", o.selfCheck());
    m.put("result", o.kind().label());
    m.put("message", o.message().orElse(""));
    m.put("brokenMustRules", o.brokenMustRules());
    m.put("brokenShouldRules", o.brokenShouldRules());
    m.put("failedChecks", o.failedChecks());
    m.put("checks", o.evidence().stream().map(CheckEvidence::toNode).toList());
    m.put("retries", o.retries());
    return m;
  }

  /**
   * Writes {@code verdict.json} and {@code verdict.html} (the rule table as a page) into {@code
   * reports}.
   */
  public void write(Path reports) {
    RuleCatalogue catalogue = RuleCatalogue.load();
    Map<String, RuleRow> table = ruleTable(catalogue);
    try {
      Files.createDirectories(reports);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("verdict", outcome.label());
      json.put("exitCode", exitCode());
      json.put("runError", runError.orElse(""));
      restore.ifPresent(
          r -> json.put("restore", Map.of("restored", r.restored(), "message", r.message())));
      circuitBreaker.ifPresent(c -> json.put("circuitBreaker", c));
      json.put("failedMustRules", failedMustRules);
      json.put("shouldWarnings", warnedShouldRules);
      json.put("waivedRules", waivedRules());
      json.put("staleWaivers", nightly.staleWaivers());
      json.put("expiredWaivers", nightly.expiredWaivers());
      json.put("tested", nightly.facts());
      eligibility.ifPresent(e -> json.put("eligibility", e.toJson()));
      json.put(
          "changes",
          nightly.sections().stream()
              .map(
                  sec ->
                      Map.of(
                          "title", sec.title(),
                          "lines", sec.lines(),
                          "regressions", sec.regressions()))
              .toList());
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Kind k : Kind.values()) {
        counts.put(k.label(), count(k));
      }
      json.put("scenarios", counts);
      json.put("rules", new ArrayList<>(table.values()));
      json.put("outcomes", outcomes.stream().map(Verdict::outcomeJson).toList());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(reports.resolve("verdict.json").toFile(), json);
      Files.writeString(reports.resolve("verdict.html"), VerdictPage.render(this, table));
      JunitXml.write(this, reports.resolve("junit.xml"));
      Files.writeString(reports.resolve("summary.md"), SummaryMarkdown.render(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the verdict into " + reports, e);
    }
  }
}
