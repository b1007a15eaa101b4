package com.obkit.report;

import java.util.Map;

/** The verdict and the rule table as a self-contained HTML page ({@code reports/verdict.html}). */
final class VerdictPage {
  private VerdictPage() {}

  static String render(Verdict verdict, Map<String, Verdict.RuleRow> table) {
    StringBuilder sb = new StringBuilder();
    sb.append(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Conformance verdict</title><style>")
        .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}")
        .append(
            ".PASSED{background:#e6f4ea}.FAILED{background:#fce8e6}.WARNING{background:#fef7e0}")
        .append(".NOT_COVERED,.NOT_JUDGED{background:#eee}.NOT_APPLICABLE{background:#f1f3f4}")
        .append("</style></head><body>");
    sb.append("<h1>").append(esc(verdict.outcome().label())).append("</h1>");
    sb.append("<p>").append(esc(verdict.line())).append("</p>");
    sb.append(
        "<table><tr><th>Rule</th><th>Level</th><th>Statement</th><th>Scenarios</th><th>Result</th></tr>");
    for (Verdict.RuleRow row : table.values()) {
      sb.append("<tr class=\"")
          .append(row.result().replace(' ', '_'))
          .append("\"><td>")
          .append(esc(row.id()))
          .append("</td><td>")
          .append(row.level())
          .append("</td><td>")
          .append(esc(row.statement()))
          .append("</td><td>");
      row.scenarios().forEach(s -> sb.append(esc(s)).append("<br>"));
      sb.append("</td><td>").append(esc(row.result())).append("</td></tr>");
    }
    sb.append("</table></body></html>\n");
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
