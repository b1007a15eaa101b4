package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.Rule;
import com.obkit.report.ScenarioOutcome.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JUnit XML, summary.md, verdict.html and Allure's Environment panel say what the kit decided.
 */
class ReportFilesTest {

  private static ScenarioOutcome of(
      String name, String rule, Kind kind, String message, boolean should) {
    List<CheckResult> failures =
        kind == Kind.FAILED || kind == Kind.WARNING
            ? List.of(
                new CheckResult(
                    "EnsureX",
                    List.of(should ? Rule.should(rule) : Rule.must(rule)),
                    Optional.of(message)))
            : List.of();
    return new ScenarioOutcome(
        name,
        "features/f.feature:" + name.length(),
        List.of(rule),
        false,
        kind,
        Optional.ofNullable(message),
        failures,
        failures,
        Duration.ofMillis(1500));
  }

  private static Verdict verdict() {
    return Verdict.of(
        List.of(
            of("passes", "SIG-1", Kind.PASSED, null, false),
            of("breaks a must", "SIG-2", Kind.FAILED, "expected 401 <but> 200", false),
            of("warns", "SIG-6", Kind.WARNING, "SHOULD-WARNING: no Date", true),
            of("not here", "REG-8", Kind.NOT_APPLICABLE, "NOT-APPLICABLE: production only", false),
            of("kit broke", "TOK-1", Kind.ERROR, "kit error: NullPointerException: x", false),
            of("no bank", "TOK-2", Kind.ENVIRONMENT, "ENVIRONMENT: GET x failed: refused", false)));
  }

  @Test
  void junitXmlTellsFailuresFromErrorsAndWarningsFromNotApplicable() {
    String xml = JunitXml.render(verdict());
    assertThat(xml)
        .contains(
            "<testsuite name=\"XS2A conformance\" tests=\"6\" failures=\"1\" errors=\"2\""
                + " skipped=\"2\" time=\"9.000\">");
    assertThat(xml)
        .contains(
            "<failure type=\"MUST rule broken: SIG-2\" message=\"expected 401 &lt;but&gt;"
                + " 200\">expected 401 &lt;but&gt; 200</failure>");
    assertThat(xml)
        .contains("<error type=\"kit error\" message=\"kit error: NullPointerException: x\">");
    assertThat(xml)
        .contains(
            "<error type=\"environment fault\" message=\"ENVIRONMENT: GET x failed: refused\">");
    assertThat(xml)
        .contains("<skipped message=\"SHOULD WARNING (SIG-6): SHOULD-WARNING: no Date\"/>");
    assertThat(xml)
        .contains("<skipped message=\"NOT APPLICABLE: NOT-APPLICABLE: production only\"/>");
    assertThat(xml).contains("<property name=\"outcome\" value=\"warning\"/>");
    assertThat(xml).contains("<property name=\"outcome\" value=\"not applicable\"/>");
  }

  @Test
  void xmlDropsCharactersXmlCannotHold() {
    assertThat(JunitXml.attr("a\u0000b\u0007c&\"\n")).isEqualTo("abc&amp;&quot;&#10;");
  }

  @Test
  void summaryMarkdownHasTheCountsFactsAndWhatDidNotPass() {
    Verdict v =
        verdict()
            .with(
                new Verdict.Nightly(
                    List.of(),
                    List.of(),
                    false,
                    Set.of(),
                    List.of(
                        new Verdict.Section(
                            "Since the last run",
                            List.of("rule REGRESSED SIG-2 PASSED → FAILED"),
                            1)),
                    Map.of("Tenant", "nl")));
    String md = SummaryMarkdown.render(v);
    assertThat(md)
        .startsWith(
            "## XS2A conformance: NOT CONFORMANT (exit code 1)\n\n"
                + "| passed | failed (MUST) | warnings (SHOULD) | waived | not applicable |"
                + " environment | kit errors |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| 1 | 1 | 1 | 0 | 1 | 1 | 1 |\n\n"
                + "- **Tenant**: nl\n\n");
    assertThat(md).contains("### Since the last run\n\n- rule REGRESSED SIG-2 PASSED → FAILED\n");
    assertThat(md)
        .contains(
            "- failed: breaks a must (`features/f.feature:13`): expected 401 &lt;but&gt; 200\n");
  }

  @Test
  void theVerdictPageListsFailingRulesFirstAndWarningsApartFromNotApplicable() {
    Verdict v = verdict();
    String html = VerdictPage.render(v, v.ruleTable(RuleCatalogue.load()));
    int failed = html.indexOf("<td>SIG-2</td>");
    int warning = html.indexOf("<td>SIG-6</td>");
    int passed = html.indexOf("<td>SIG-1</td>");
    int notApplicable = html.indexOf("<td>REG-8</td>");
    assertThat(failed).isPositive().isLessThan(warning);
    assertThat(warning).isLessThan(passed);
    assertThat(passed).isLessThan(notApplicable);
    assertThat(html).contains("<tr class=\"WARNING\">").contains("<tr class=\"NOT_APPLICABLE\">");
    assertThat(html).contains("SHOULD WARNING</span>");
    assertThat(html)
        .contains(
            "<a href=\"allure-report/index.html#scenario=features%2Ff.feature%3A13\">breaks a"
                + " must</a> [failed]<div class=\"msg\">expected 401 &lt;but&gt; 200</div>");
  }

  @Test
  void thePublishStepLinksEachScenarioToItsAllurePage(@TempDir Path dir) throws Exception {
    Verdict v = verdict();
    Path page = dir.resolve("verdict.html");
    Files.writeString(page, VerdictPage.render(v, v.ruleTable(RuleCatalogue.load())));
    Path cases = Files.createDirectories(dir.resolve("allure-report/data/test-cases"));
    Files.writeString(
        cases.resolve("abc.json"), "{\"uid\":\"4f1e2d3c\",\"fullName\":\"features/f.feature:13\"}");
    VerdictGate.linkScenarios(page, dir.resolve("allure-report"));
    String html = Files.readString(page);
    assertThat(html)
        .contains("<a href=\"allure-report/index.html#testresult/4f1e2d3c\">breaks a must</a>");
    assertThat(html)
        .contains(
            VerdictPage.SCENARIO_ANCHOR
                + URLEncoder.encode("features/f.feature:6", StandardCharsets.UTF_8));
  }

  @Test
  void theEnvironmentPanelEscapesPropertiesSyntax() {
    Verdict v =
        verdict()
            .with(
                new Verdict.Nightly(
                    List.of(),
                    List.of(),
                    false,
                    Set.of(),
                    List.of(),
                    Map.of("Target", "https://bank.example:8443/x=1")));
    assertThat(AllureExtras.environment(v))
        .isEqualTo(
            "Verdict=NOT CONFORMANT | failed MUST rules\\: SIG-2 | SHOULD warnings\\: SIG-6 | 1"
                + " scenario(s) not judged\\: the bank could not be reached | 1 scenario(s) not"
                + " judged\\: kit error\n"
                + "Target=https\\://bank.example\\:8443/x\\=1\n");
  }
}
