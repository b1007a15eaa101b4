package com.obkit.report;

import com.obkit.report.ScenarioOutcome.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdict as a self-contained HTML page ({@code reports/verdict.html}): what was tested, the
 * verdict, what changed since earlier runs, then the rules, failing and regressed ones first, each
 * with its scenarios' failure messages and a link to the scenario in the Allure report. SHOULD
 * warnings, waived failures and not applicable rules each have their own look.
 */
final class VerdictPage {
  private VerdictPage() {}

  /**
   * The placeholder a scenario's link carries until the Allure report exists: the publish step
   * ({@link VerdictGate}) replaces it with the report's own id of the scenario.
   */
  static final String SCENARIO_ANCHOR = "allure-report/index.html#scenario=";

  /** The order rules are listed in: what needs attention first. */
  private static final List<String> ORDER =
      List.of(
          "FAILED", "WARNING", "WAIVED", "NOT JUDGED", "PASSED", "NOT APPLICABLE", "NOT COVERED");

  /** Ready for production, or not, and why: its own block, right under the verdict. */
  private static void eligibility(StringBuilder sb, Eligibility e) {
    sb.append("<div class=\"eligibility ")
        .append(e.status().name())
        .append("\"><h2>Self-certification: ")
        .append(esc(e.status().label()))
        .append("</h2>");
    if (!e.reasons().isEmpty()) {
      sb.append("<ul>");
      e.reasons().forEach(r -> sb.append("<li>").append(esc(r)).append("</li>"));
      sb.append("</ul>");
    }
    if (!e.waivedRules().isEmpty()) {
      sb.append("<p>Waived: ").append(esc(String.join(", ", e.waivedRules()))).append("</p>");
    }
    if (!e.notApplicableRules().isEmpty()) {
      sb.append("<p>Not applicable here (not covered by this evidence): ")
          .append(esc(String.join(", ", e.notApplicableRules())))
          .append("</p>");
    }
    sb.append("<p>Tenants: ");
    List<String> tenants = new ArrayList<>();
    e.tenants().forEach((t, how) -> tenants.add(t + " (" + how + ")"));
    sb.append(esc(String.join("; ", tenants))).append("</p></div>");
  }

  static String render(Verdict verdict, Map<String, Verdict.RuleRow> table) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Conformance verdict: ")
        .append(esc(verdict.outcome().label()))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:80em}")
        .append("table{border-collapse:collapse;width:100%;margin-bottom:1.5em}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}")
        .append(".PASSED{background:#e6f4ea}.FAILED{background:#fce8e6;font-weight:bold}")
        .append(".WARNING{background:#fef7e0;border-left:6px solid #f9ab00}")
        .append(".WAIVED{background:#e8f0fe;border-left:6px solid #1a73e8}")
        .append(".NOT_COVERED,.NOT_JUDGED{background:#eee}")
        .append(".NOT_APPLICABLE{background:#f8f9fa;color:#5f6368;font-style:italic}")
        .append(".REGRESSED{outline:3px solid #d93025}")
        .append(".badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:90%}")
        .append(".msg{font-family:monospace;font-size:90%;white-space:pre-wrap}")
        .append(".eligibility{padding:0 1em;margin-bottom:1.5em;border-left:8px solid #d93025}")
        .append(".eligibility.READY{border-color:#188038}")
        .append(".eligibility.READY_WITH_WAIVERS{border-color:#1a73e8}")
        .append("</style></head><body>");
    sb.append("<h1>").append(esc(verdict.outcome().label())).append("</h1>");
    sb.append("<p>").append(esc(verdict.line())).append("</p>");
    verdict.eligibility().ifPresent(e -> eligibility(sb, e));
    Map<String, String> facts = verdict.nightly().facts();
    if (!facts.isEmpty()) {
      sb.append("<h2>What was tested</h2><table>");
      facts.forEach(
          (k, v) ->
              sb.append("<tr><th>")
                  .append(esc(k))
                  .append("</th><td>")
                  .append(esc(v))
                  .append("</td></tr>"));
      sb.append("</table>");
    }
    list(
        sb, "Stale waivers (they waived nothing: the run fails)", verdict.nightly().staleWaivers());
    list(sb, "Expired waivers (no longer applied)", verdict.nightly().expiredWaivers());
    for (Verdict.Section section : verdict.nightly().sections()) {
      list(sb, section.title(), section.lines());
    }
    Set<String> regressed = verdict.nightly().regressedMustRules();
    List<Verdict.RuleRow> rows = new ArrayList<>(table.values());
    rows.sort(
        Comparator.comparing((Verdict.RuleRow r) -> regressed.contains(r.id()) ? 0 : 1)
            .thenComparing(r -> rank(r.result())));
    sb.append("<h2>Rules</h2><table><tr><th>Rule</th><th>Level</th><th>Statement</th>")
        .append("<th>Result</th><th>Scenarios</th></tr>");
    for (Verdict.RuleRow row : rows) {
      String css =
          row.result().replace(' ', '_') + (regressed.contains(row.id()) ? " REGRESSED" : "");
      sb.append("<tr class=\"")
          .append(css)
          .append("\"><td>")
          .append(esc(row.id()))
          .append("</td><td>")
          .append(row.level())
          .append("</td><td>")
          .append(esc(row.statement()))
          .append("</td><td><span class=\"badge\">")
          .append(esc(label(row.result())))
          .append(regressed.contains(row.id()) ? " (regressed)" : "")
          .append("</span></td><td>");
      for (ScenarioOutcome o : verdict.outcomes()) {
        if (!o.rules().contains(row.id())) {
          continue;
        }
        sb.append("<a href=\"")
            .append(SCENARIO_ANCHOR)
            .append(esc(URLEncoder.encode(o.location(), StandardCharsets.UTF_8)))
            .append("\">")
            .append(esc(o.name()))
            .append("</a> [")
            .append(esc(o.kind().label()))
            .append("]");
        if (o.kind() != Kind.PASSED && o.kind() != Kind.NOT_APPLICABLE) {
          o.message()
              .ifPresent(m -> sb.append("<div class=\"msg\">").append(esc(m)).append("</div>"));
        }
        sb.append("<br>");
      }
      sb.append("</td></tr>");
    }
    sb.append("</table></body></html>\n");
    return sb.toString();
  }

  private static int rank(String result) {
    int i = ORDER.indexOf(result);
    return i < 0 ? ORDER.size() : i;
  }

  private static String label(String result) {
    return switch (result) {
      case "WARNING" -> "SHOULD WARNING";
      case "WAIVED" -> "WAIVED (known failure)";
      default -> result;
    };
  }

  private static void list(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append("<h2>").append(esc(title)).append("</h2><ul>");
    lines.forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
    sb.append("</ul>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
