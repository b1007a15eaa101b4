package com.obkit.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.config.KitConfig;
import com.obkit.report.RuleCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a bundle holds of a run: the reports' files, the rule table, the catalogue, the kit and the
 * features that ran with their digests, the configuration with its secrets masked, the waivers, and
 * every scenario's attachments in order, named by scenario.
 */
class EvidenceCollectorTest {

  @TempDir Path dir;

  private static final String FEATURE = "Feature: tokens\n  Scenario: one\n";

  private Path reports() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(
        reports.resolve("verdict.json"),
        "{\"verdict\":\"CONFORMANT\",\"rules\":[{\"id\":\"TOK-1\",\"level\":\"MUST\","
            + "\"statement\":\"Issue a token\\tfast\",\"scenarios\":[\"a\",\"b\"],\"result\":\"PASSED\"}],"
            + "\"outcomes\":[{\"location\":\"features/02_token/initial.feature:12\"},"
            + "{\"location\":\"features/02_token/initial.feature:20\"}]}");
    Files.writeString(reports.resolve("summary.md"), "# summary\n");
    Path results = Files.createDirectories(reports.resolve("allure-results"));
    Files.writeString(results.resolve("r1-attachment.html"), "<p>request 1</p>");
    Files.writeString(results.resolve("r2-attachment.html"), "<p>response 1</p>");
    Files.writeString(results.resolve("r3-attachment.txt"), "callback");
    Files.writeString(
        results.resolve("one-result.json"),
        "{\"name\":\"Scenario 12\",\"status\":\"passed\",\"start\":2,"
            + "\"fullName\":\"features/02_token/initial.feature:12\",\"steps\":[{\"name\":\"s\","
            + "\"attachments\":[{\"name\":\"Request GET /xs2a-bg/nl/onboarding/v1\","
            + "\"source\":\"r1-attachment.html\"},{\"name\":\"Response 200\","
            + "\"source\":\"r2-attachment.html\"},{\"name\":\"gone\",\"source\":\"nope.html\"}]}]}");
    Files.writeString(
        results.resolve("two-result.json"),
        "{\"name\":\"Scenario 20\",\"status\":\"failed\",\"start\":1,"
            + "\"fullName\":\"/home/u/kit/features/02_token/initial.feature:20\",\"steps\":[{"
            + "\"steps\":[{\"attachments\":[{\"name\":\"callback URI\","
            + "\"source\":\"r3-attachment.txt\"}]}]}]}");
    Files.writeString(results.resolve("executor.json"), "{}");
    Path features = Files.createDirectories(dir.resolve("features/02_token"));
    Files.writeString(features.resolve("initial.feature"), FEATURE);
    return reports;
  }

  private KitConfig config(Path waivers) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("kit.tenant", "be_nl");
    s.put("kit.accounts.source", "config");
    s.put("kit.accounts", "NL00TRIO0000000001:123456");
    s.put("kit.waivers", waivers.toString());
    return KitConfig.load(s, Map.of());
  }

  private static Map<String, String> byPath(List<BundleEntry> entries) {
    Map<String, String> m = new LinkedHashMap<>();
    entries.forEach(e -> m.put(e.path(), new String(e.content(), StandardCharsets.UTF_8)));
    return m;
  }

  @Test
  void aRunsEvidenceIsItsFilesTableCatalogueKitConfigurationWaiversAndExchanges() throws Exception {
    Path reports = reports();
    Path waivers = Files.writeString(dir.resolve("waivers.yaml"), "waivers: []\n");
    Map<String, String> entries =
        byPath(EvidenceCollector.collect(reports, dir.resolve("features"), config(waivers)));
    assertThat(entries.keySet())
        .containsExactly(
            "verdict.json",
            "summary.md",
            "rules.tsv",
            "catalogue/rules.tsv",
            "kit.json",
            "config.json",
            "waivers/waivers.yaml",
            "exchanges/02_token/initial/12/01-request-get-xs2a-bg-nl-onboarding-v1.html",
            "exchanges/02_token/initial/12/02-response-200.html",
            "exchanges/02_token/initial/20/01-callback-uri.txt",
            "exchanges/index.tsv");
    assertThat(entries.get("rules.tsv"))
        .isEqualTo(
            "rule\tlevel\tresult\tscenarios\tstatement\nTOK-1\tMUST\tPASSED\t2\tIssue a token fast\n");
    assertThat(entries.get("catalogue/rules.tsv"))
        .isEqualTo(new String(RuleCatalogue.bytes(), StandardCharsets.UTF_8));
    assertThat(entries.get("exchanges/02_token/initial/12/02-response-200.html"))
        .isEqualTo("<p>response 1</p>");
    assertThat(entries.get("exchanges/index.tsv"))
        .isEqualTo(
            "folder\tscenario\tstatus\tattachments\n"
                + "exchanges/02_token/initial/12\tScenario 12\tpassed\t2\n"
                + "exchanges/02_token/initial/20\tScenario 20\tfailed\t1\n");
    JsonNode kit = new ObjectMapper().readTree(entries.get("kit.json"));
    assertThat(kit.path("catalogueDigest").asText()).isEqualTo(RuleCatalogue.digest());
    assertThat(kit.path("identity").asText()).isEqualTo("generated");
    assertThat(kit.path("tenant").asText()).isEqualTo("be_nl");
    assertThat(kit.path("features").toString())
        .isEqualTo(
            "[{\"path\":\"features/02_token/initial.feature\",\"sha256\":\""
                + Manifest.sha256(FEATURE.getBytes(StandardCharsets.UTF_8))
                + "\"}]");
  }

  @Test
  void theConfigurationNamesEachKeysSourceAndMasksTheDigipassNumbers() throws Exception {
    Path waivers = Files.writeString(dir.resolve("w.yaml"), "waivers: []\n");
    JsonNode config =
        new ObjectMapper()
            .readTree(
                byPath(
                        EvidenceCollector.collect(
                            reports(), dir.resolve("features"), config(waivers)))
                    .get("config.json"));
    Map<String, String> shown = new LinkedHashMap<>();
    config
        .path("settings")
        .forEach(
            n ->
                shown.put(
                    n.path("key").asText(),
                    n.path("value").asText() + " from " + n.path("source").asText()));
    assertThat(shown.get("kit.accounts")).isEqualTo("**** from system property -Dkit.accounts");
    assertThat(shown.get("kit.tenant")).isEqualTo("be_nl from system property -Dkit.tenant");
    assertThat(shown.get("kit.env")).isEqualTo("local from selected profile");
    assertThat(config.toString()).doesNotContain("123456");
  }

  @Test
  void namesAreSafeFileNames() {
    assertThat(EvidenceCollector.slug("Request POST /auth/nl/v1/regi****(12 chars)"))
        .isEqualTo("request-post-auth-nl-v1-regi-12-chars");
    assertThat(EvidenceCollector.slug("..")).isEqualTo("x");
    assertThat(EvidenceCollector.slug("a".repeat(70))).isEqualTo("a".repeat(60));
    assertThat(EvidenceCollector.folderOf("C:/x/features/01_a/b.feature:7"))
        .isEqualTo("exchanges/01_a/b/7");
  }
}
