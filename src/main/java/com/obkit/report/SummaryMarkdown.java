package com.obkit.report;

import com.obkit.report.ScenarioOutcome.Kind;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/summary.md}: the verdict in a few lines of Markdown that any CI can post (a GitHub
 * job summary, a GitLab merge request note): verdict, counts, what was tested, regressions,
 * failures, waivers.
 */
final class SummaryMarkdown {
  private SummaryMarkdown() {}

  /** The most failures listed by name; the rest are counted (the report has them all). */
  static final int MAX_LISTED = 20;

  static String render(Verdict v) {
    StringBuilder sb = new StringBuilder();
    sb.append("## XS2A conformance: ").append(v.outcome().label());
    sb.append(" (exit code ").append(v.exitCode()).append(")\n\n");
    sb.append("| passed | failed (MUST) | warnings (SHOULD) | waived | not applicable |")
        .append(" environment | kit errors |\n");
    sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    sb.append('|');
    for (Kind k :
        List.of(
            Kind.PASSED,
            Kind.FAILED,
            Kind.WARNING,
            Kind.WAIVED,
            Kind.NOT_APPLICABLE,
            Kind.ENVIRONMENT,
            Kind.ERROR)) {
      sb.append(' ').append(v.count(k)).append(" |");
    }
    sb.append("\n\n");
    Map<String, String> facts = v.nightly().facts();
    if (!facts.isEmpty()) {
      facts.forEach(
          (k, value) -> sb.append("- **").append(k).append("**: ").append(md(value)).append('\n'));
      sb.append('\n');
    }
    if (!v.failedMustRules().isEmpty()) {
      sb.append("**Failed MUST rules:** ")
          .append(String.join(", ", v.failedMustRules()))
          .append("\n\n");
    }
    if (!v.warnedShouldRules().isEmpty()) {
      sb.append("**SHOULD warnings:** ")
          .append(String.join(", ", v.warnedShouldRules()))
          .append("\n\n");
    }
    if (!v.waivedRules().isEmpty()) {
      sb.append("**Waived:** ").append(String.join(", ", v.waivedRules())).append("\n\n");
    }
    list(sb, "Stale waivers (the run fails)", v.nightly().staleWaivers());
    list(sb, "Expired waivers", v.nightly().expiredWaivers());
    for (Verdict.Section s : v.nightly().sections()) {
      list(sb, s.title(), s.lines());
    }
    List<ScenarioOutcome> failed =
        v.outcomes().stream()
            .filter(
                o ->
                    o.kind() == Kind.FAILED
                        || o.kind() == Kind.ERROR
                        || o.kind() == Kind.ENVIRONMENT)
            .toList();
    if (!failed.isEmpty()) {
      sb.append("### Not passed\n\n");
      failed.stream()
          .limit(MAX_LISTED)
          .forEach(
              o ->
                  sb.append("- ")
                      .append(o.kind().label())
                      .append(": ")
                      .append(md(o.name()))
                      .append(" (`")
                      .append(o.location())
                      .append("`)")
                      .append(o.message().map(m -> ": " + md(m)).orElse(""))
                      .append('\n'));
      if (failed.size() > MAX_LISTED) {
        sb.append("- ... and ")
            .append(failed.size() - MAX_LISTED)
            .append(" more (see the report)\n");
      }
      sb.append('\n');
    }
    v.eligibility().ifPresent(e -> sb.append("`").append(e.line()).append("`\n\n"));
    sb.append("`").append(v.line()).append("`\n");
    return sb.toString();
  }

  private static void list(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append("### ").append(md(title)).append("\n\n");
    lines.forEach(l -> sb.append("- ").append(md(l)).append('\n'));
    sb.append('\n');
  }

  /** Text that cannot break the Markdown around it (tables, emphasis, HTML). */
  static String md(String s) {
    return s.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "'")
        .replace("\n", " ");
  }
}
