package com.obkit.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What changed between two runs, rule by rule and scenario by scenario, and whether the bank
 * released in between.
 *
 * <p>Each result falls in one of five kinds:
 *
 * <ul>
 *   <li><b>good</b>: {@code PASSED} (rules), {@code passed} (scenarios);
 *   <li><b>bad</b>: {@code FAILED}, {@code WARNING} (rules); {@code failed}, {@code warning},
 *       {@code error} (scenarios);
 *   <li><b>waived</b>: {@code WAIVED} / {@code waived}, a known and accepted failure;
 *   <li><b>unjudged</b>: {@code NOT APPLICABLE}, {@code NOT JUDGED} (rules); {@code not
 *       applicable}, {@code environment} (scenarios): nothing was learnt about the bank;
 *   <li><b>absent</b>: not in the run, or {@code NOT COVERED} (no scenario judged the rule).
 * </ul>
 *
 * <p>A change is:
 *
 * <ul>
 *   <li>{@link Status#REGRESSED}: good before, bad now. Waived now is never a regression;
 *   <li>{@link Status#STILL_FAILING}: bad or waived before, and bad or waived now (a waiver added
 *       or expired shows here); also good before and waived now: the failure is there but known and
 *       accepted, so it is no regression, and listed so that the waiver is seen;
 *   <li>{@link Status#NEW}: absent before and present now (not absent), whatever its result;
 *   <li>{@link Status#FIXED}: bad or waived before, good now.
 * </ul>
 *
 * <p>Not listed: good both times; any change to or from an unjudged result (a run that could not
 * judge says nothing about the bank); present before and absent now (a rule or scenario removed or
 * renamed; a renamed scenario shows as new under its new name).
 *
 * <p>A scenario's identity is its {@link ScenarioResult#key() key}; when a run has several
 * scenarios with one key (the examples of a scenario outline), the second and later, in line order,
 * are told apart as {@code key #2}, {@code key #3}.
 *
 * <p>Changes are ordered regressed, still failing, new, fixed; then by id.
 */
public final class RunComparison {

  /** What a change is. */
  public enum Status {
    /** Absent before (or not covered), present now. */
    NEW("new"),
    /** Bad (or waived) before, good now. */
    FIXED("fixed"),
    /** Good before, bad now. */
    REGRESSED("regressed"),
    /** Bad (or waived) both times, or good before and waived now. */
    STILL_FAILING("still failing");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** {@code new}, {@code fixed}, {@code regressed}, {@code still failing}. */
    public String label() {
      return label;
    }

    private int rank() {
      return switch (this) {
        case REGRESSED -> 0;
        case STILL_FAILING -> 1;
        case NEW -> 2;
        case FIXED -> 3;
      };
    }
  }

  /**
   * One listed change.
   *
   * @param id the rule id, or the scenario's key
   * @param status what the change is
   * @param before the result in the previous run, or {@code absent}
   * @param after the result in this run, or {@code absent}
   */
  public record Change(String id, Status status, String before, String after) {

    public Change {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    /** {@code REGRESSED AUTH-2 PASSED → FAILED}. */
    public String describe() {
      return status.label().toUpperCase(java.util.Locale.ROOT)
          + "  "
          + id
          + "  "
          + before
          + " → "
          + after;
    }
  }

  /** The result of something not in a run. */
  public static final String ABSENT = "absent";

  private static final Comparator<Change> ORDER =
      Comparator.comparingInt((Change c) -> c.status().rank()).thenComparing(Change::id);

  private enum Kind {
    GOOD,
    BAD,
    WAIVED,
    UNJUDGED,
    ABSENT
  }

  private final RunRecord previous;
  private final RunRecord current;
  private final List<Change> rules;
  private final List<Change> scenarios;

  private RunComparison(
      RunRecord previous, RunRecord current, List<Change> rules, List<Change> scenarios) {
    this.previous = previous;
    this.current = current;
    this.rules = rules;
    this.scenarios = scenarios;
  }

  /** What changed from {@code previous} to {@code current}. */
  public static RunComparison between(RunRecord previous, RunRecord current) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    List<Change> rules = changes(previous.rules(), current.rules(), RunComparison::ruleKind);
    List<Change> scenarios =
        changes(scenarioResults(previous), scenarioResults(current), RunComparison::scenarioKind);
    return new RunComparison(previous, current, rules, scenarios);
  }

  /** The runs compared. */
  public RunRecord previous() {
    return previous;
  }

  /** The run compared with the previous one. */
  public RunRecord current() {
    return current;
  }

  /** The listed changes of rules, in order. */
  public List<Change> rules() {
    return rules;
  }

  /** The listed changes of scenarios, in order. */
  public List<Change> scenarios() {
    return scenarios;
  }

  /**
   * {@code bank release changed: <old> → <new>} ({@link Fingerprint#describe()}); empty when both
   * runs were on the same release.
   */
  public Optional<String> fingerprintChange() {
    if (previous.fingerprint().sameRelease(current.fingerprint())) {
      return Optional.empty();
    }
    return Optional.of(
        "bank release changed: "
            + previous.fingerprint().describe()
            + " → "
            + current.fingerprint().describe());
  }

  /** Whether a rule or a scenario regressed. */
  public boolean regressed() {
    return Stream.concat(rules.stream(), scenarios.stream())
        .anyMatch(c -> c.status() == Status.REGRESSED);
  }

  /** The rules that regressed, in order. */
  public List<Change> regressedRules() {
    return rules.stream().filter(c -> c.status() == Status.REGRESSED).toList();
  }

  /**
   * The plain-text section: the title, the release change (if any), then {@code Rules:} and {@code
   * Scenarios:}, each with one line per change ({@code REGRESSED AUTH-2 PASSED → FAILED}) or {@code
   * no change}. Lines end in {@code \n}.
   */
  public String render(String title) {
    StringBuilder sb = new StringBuilder(title).append('\n');
    fingerprintChange().ifPresent(line -> sb.append("  ").append(line).append('\n'));
    section(sb, "Rules:", rules);
    section(sb, "Scenarios:", scenarios);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String heading, List<Change> changes) {
    sb.append(heading).append('\n');
    if (changes.isEmpty()) {
      sb.append("  no change\n");
    }
    for (Change c : changes) {
      sb.append("  ").append(c.describe()).append('\n');
    }
  }

  private static List<Change> changes(
      Map<String, String> before,
      Map<String, String> after,
      java.util.function.Function<String, Kind> kindOf) {
    Set<String> ids = new LinkedHashSet<>(before.keySet());
    ids.addAll(after.keySet());
    List<Change> changes = new ArrayList<>();
    for (String id : ids) {
      String b = before.getOrDefault(id, ABSENT);
      String a = after.getOrDefault(id, ABSENT);
      status(kindOf.apply(b), kindOf.apply(a))
          .ifPresent(status -> changes.add(new Change(id, status, b, a)));
    }
    changes.sort(ORDER);
    return List.copyOf(changes);
  }

  private static Optional<Status> status(Kind before, Kind after) {
    if (after == Kind.ABSENT || after == Kind.UNJUDGED && before != Kind.ABSENT) {
      return Optional.empty();
    }
    if (before == Kind.ABSENT) {
      return Optional.of(Status.NEW);
    }
    return switch (before) {
      case GOOD ->
          switch (after) {
            case BAD -> Optional.of(Status.REGRESSED);
            case WAIVED -> Optional.of(Status.STILL_FAILING);
            default -> Optional.empty();
          };
      case BAD, WAIVED ->
          after == Kind.GOOD ? Optional.of(Status.FIXED) : Optional.of(Status.STILL_FAILING);
      default -> Optional.empty();
    };
  }

  private static Kind ruleKind(String status) {
    return switch (status) {
      case "PASSED" -> Kind.GOOD;
      case "FAILED", "WARNING" -> Kind.BAD;
      case "WAIVED" -> Kind.WAIVED;
      case "NOT APPLICABLE", "NOT JUDGED" -> Kind.UNJUDGED;
      default -> Kind.ABSENT;
    };
  }

  private static Kind scenarioKind(String result) {
    return switch (result) {
      case "passed" -> Kind.GOOD;
      case "failed", "warning", "error" -> Kind.BAD;
      case "waived" -> Kind.WAIVED;
      case "not applicable", "environment" -> Kind.UNJUDGED;
      default -> Kind.ABSENT;
    };
  }

  /** Scenario identity to result, the repeats of a key told apart by {@code #n} in line order. */
  static Map<String, String> scenarioResults(RunRecord run) {
    List<ScenarioResult> byLine = new ArrayList<>(run.scenarios());
    byLine.sort(Comparator.comparingInt(ScenarioResult::line));
    Map<String, Integer> seen = new LinkedHashMap<>();
    Map<String, String> results = new LinkedHashMap<>();
    for (ScenarioResult s : byLine) {
      int n = seen.merge(s.key(), 1, Integer::sum);
      results.put(n == 1 ? s.key() : s.key() + " #" + n, s.result());
    }
    return results;
  }
}
