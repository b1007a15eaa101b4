package com.obkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.outcomes.Level;
import com.obkit.report.Verdict.RuleRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a run is evidence a TPP may show the bank to go to production: {@code READY} only when
 * the run used the TPP's own credentials against the bank (not the embedded reference sandbox),
 * every MUST rule of the catalogue was judged and passed, no rule was left out (a tag filter, a
 * smaller features folder), and every tenant the TPP declares ({@code kit.tenants}) is covered;
 * {@code READY WITH WAIVERS} when all that holds but failures were waived; {@code NOT READY} with
 * every reason otherwise.
 *
 * <p>A rule the configuration cannot test (NOT APPLICABLE, with its reason: a second TPP, a
 * defective certificate, the bank's clock) does not stand in the way: what a configuration cannot
 * test is never a failure, and the TPP's own credentials are exactly such a configuration. Those
 * rules are listed, so the bank sees what the evidence does not cover.
 *
 * @param status the eligibility
 * @param reasons why it is not {@code READY}, in a fixed order (credentials, target, the run, the
 *     rules, the tenants); empty when it is
 * @param waivedRules the rules whose failures were waived ({@code kit.waivers})
 * @param rulesNotRun the catalogue rules no scenario of this run judged
 * @param notApplicableRules the rules whose every scenario was not applicable here
 * @param tenants each declared tenant and how it is covered (this run, an earlier run) or why not
 */
public record Eligibility(
    Status status,
    List<String> reasons,
    List<String> waivedRules,
    List<String> rulesNotRun,
    List<String> notApplicableRules,
    Map<String, String> tenants) {

  /** The three answers. */
  public enum Status {
    READY,
    READY_WITH_WAIVERS,
    NOT_READY;

    /** {@code READY WITH WAIVERS}, as people read it. */
    public String label() {
      return name().replace('_', ' ');
    }
  }

  public Eligibility {
    Objects.requireNonNull(status, "status");
    reasons = List.copyOf(reasons);
    waivedRules = List.copyOf(waivedRules);
    rulesNotRun = List.copyOf(rulesNotRun);
    notApplicableRules = List.copyOf(notApplicableRules);
    tenants = Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
    if ((status == Status.NOT_READY) == reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "a "
              + status.label()
              + " eligibility "
              + (reasons.isEmpty() ? "needs" : "has no")
              + " reasons");
    }
    if (status == Status.READY_WITH_WAIVERS && waivedRules.isEmpty()) {
      throw new IllegalArgumentException("READY WITH WAIVERS needs waived rules");
    }
  }

  /**
   * How one declared tenant is covered.
   *
   * @param covered whether a run with the same kit, catalogue, bank release and target covers it
   * @param detail "this run", "its run of …", or why not
   */
  public record TenantCoverage(boolean covered, String detail) {
    public TenantCoverage {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * What the run was, beyond its rule table.
   *
   * @param ownCredentials the TPP's own certificate from files ({@code kit.credentials.source})
   * @param embedded the embedded reference sandbox, not the bank ({@code kit.baseUrl} unset)
   * @param tenants every declared tenant ({@code kit.tenants}) and its coverage, the run's own
   *     first
   */
  public record Setting(
      boolean ownCredentials, boolean embedded, Map<String, TenantCoverage> tenants) {
    public Setting {
      tenants = Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
    }
  }

  /**
   * The eligibility of a finished run.
   *
   * @param verdict the run's verdict (waivers applied)
   * @param table its rule table ({@link Verdict#ruleTable(RuleCatalogue)})
   * @param setting the credentials, the target and the tenants
   */
  public static Eligibility of(Verdict verdict, Map<String, RuleRow> table, Setting setting) {
    List<String> reasons = new ArrayList<>();
    if (!setting.ownCredentials()) {
      reasons.add(
          "generated test credentials, not the TPP's own (kit.credentials.source=generated)");
    }
    if (setting.embedded()) {
      reasons.add("the embedded reference sandbox, not the bank (kit.baseUrl is not set)");
    }
    // The error itself is the verdict's line: said once, not again here.
    verdict.runError().ifPresent(e -> reasons.add("the run could not start (see the verdict)"));
    verdict
        .restore()
        .filter(r -> !r.restored())
        .ifPresent(r -> reasons.add("the TPP's registration was not restored"));
    List<String> failed = rules(table, Level.MUST, "FAILED");
    if (!failed.isEmpty()) {
      reasons.add("MUST rules failed: " + String.join(", ", failed));
    }
    List<String> notJudged = rules(table, Level.MUST, "NOT JUDGED");
    if (!notJudged.isEmpty()) {
      reasons.add(
          "MUST rules not judged (environment faults or kit errors): "
              + String.join(", ", notJudged));
    }
    List<String> notRun = rules(table, null, "NOT COVERED");
    if (!notRun.isEmpty() && verdict.runError().isEmpty()) {
      reasons.add(
          notRun.size()
              + " rule(s) did not run (left out by a tag filter or the features folder): "
              + String.join(", ", notRun));
    }
    Map<String, String> tenants = new LinkedHashMap<>();
    setting
        .tenants()
        .forEach(
            (tenant, coverage) -> {
              tenants.put(tenant, coverage.detail());
              if (!coverage.covered()) {
                reasons.add("tenant " + tenant + " is not covered: " + coverage.detail());
              }
            });
    List<String> waived = rules(table, null, "WAIVED");
    Status status =
        !reasons.isEmpty()
            ? Status.NOT_READY
            : waived.isEmpty() ? Status.READY : Status.READY_WITH_WAIVERS;
    return new Eligibility(
        status, reasons, waived, notRun, rules(table, null, "NOT APPLICABLE"), tenants);
  }

  /** The rule ids of one level ({@code null}: both) with one result, in catalogue order. */
  private static List<String> rules(Map<String, RuleRow> table, Level level, String result) {
    return table.values().stream()
        .filter(r -> level == null || r.level() == level)
        .filter(r -> r.result().equals(result))
        .map(RuleRow::id)
        .toList();
  }

  /**
   * The console's and the report's line, e.g. {@code SELF-CERTIFICATION: READY WITH WAIVERS |
   * waived: AUTH-2 | not applicable here: CERT-1}.
   */
  public String line() {
    StringBuilder sb = new StringBuilder("SELF-CERTIFICATION: ").append(status.label());
    if (!reasons.isEmpty()) {
      sb.append(": ").append(String.join("; ", reasons));
    }
    if (!waivedRules.isEmpty()) {
      sb.append(" | waived: ").append(String.join(", ", waivedRules));
    }
    if (!notApplicableRules.isEmpty()) {
      sb.append(" | not applicable here: ").append(String.join(", ", notApplicableRules));
    }
    return sb.toString();
  }

  /**
   * Reads {@code verdict.json}'s {@code eligibility} back (what {@code kit verify} prints).
   *
   * @throws IllegalArgumentException if it is missing or its status is unknown
   */
  public static Eligibility fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the verdict has no eligibility");
    }
    String label = node.path("status").asText();
    Status status =
        Arrays.stream(Status.values())
            .filter(s -> s.label().equals(label))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("unknown eligibility status '" + label + "'"));
    Map<String, String> tenants = new LinkedHashMap<>();
    node.path("tenants").properties().forEach(e -> tenants.put(e.getKey(), e.getValue().asText()));
    return new Eligibility(
        status,
        texts(node.path("reasons")),
        texts(node.path("waivedRules")),
        texts(node.path("rulesNotRun")),
        texts(node.path("notApplicableRules")),
        tenants);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The JSON of {@code verdict.json}'s {@code eligibility}. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status.label());
    m.put("reasons", reasons);
    m.put("waivedRules", waivedRules);
    m.put("rulesNotRun", rulesNotRun);
    m.put("notApplicableRules", notApplicableRules);
    m.put("tenants", tenants);
    return m;
  }
}
