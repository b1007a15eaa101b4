package com.obkit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.obkit.config.KitConfig;
import com.obkit.report.KitVersion;
import com.obkit.report.RuleCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gathers a finished run's evidence from its reports folder: the record, the verdict and its page,
 * the rule table, the rule catalogue, the kit and the features that ran (with their digests), the
 * configuration (secrets masked, see {@link KitConfig#settings()}), the waivers file, and every
 * exchange of every scenario exactly as the Allure report shows it (the attachments the redacting
 * filter wrote, so the masking is the reports' own).
 */
public final class EvidenceCollector {

  /** The reports' files a bundle carries as they are, when the run wrote them. */
  static final List<String> REPORT_FILES =
      List.of("run.json", "verdict.json", "verdict.html", "summary.md", "junit.xml");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvidenceCollector() {}

  /**
   * The entries of the run whose reports are in {@code reports}.
   *
   * @param features the feature folder the run read (the scenario locations are relative to its
   *     parent: {@code features/...})
   */
  public static List<BundleEntry> collect(Path reports, Path features, KitConfig config) {
    try {
      List<BundleEntry> entries = new ArrayList<>();
      for (String name : REPORT_FILES) {
        Path file = reports.resolve(name);
        if (Files.isRegularFile(file)) {
          entries.add(new BundleEntry(name, Files.readAllBytes(file)));
        }
      }
      JsonNode verdict = read(reports.resolve("verdict.json"));
      JsonNode run = read(reports.resolve("run.json"));
      entries.add(BundleEntry.text("rules.tsv", ruleTable(verdict)));
      entries.add(new BundleEntry("catalogue/rules.tsv", RuleCatalogue.bytes()));
      entries.add(BundleEntry.text("kit.json", kit(verdict, run, features, config)));
      entries.add(BundleEntry.text("config.json", configuration(config)));
      Optional<Path> waivers = config.nightly().waivers();
      if (waivers.isPresent() && Files.isRegularFile(waivers.get())) {
        entries.add(
            new BundleEntry(
                "waivers/" + waivers.get().getFileName(), Files.readAllBytes(waivers.get())));
      }
      entries.addAll(exchanges(reports.resolve("allure-results")));
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gather the evidence in " + reports, e);
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
  }

  /** One line per rule: what the verdict page's rule table shows. */
  static String ruleTable(JsonNode verdict) {
    StringBuilder sb = new StringBuilder("rule\tlevel\tresult\tscenarios\tstatement\n");
    for (JsonNode r : verdict.path("rules")) {
      sb.append(r.path("id").asText())
          .append('\t')
          .append(r.path("level").asText())
          .append('\t')
          .append(r.path("result").asText())
          .append('\t')
          .append(r.path("scenarios").size())
          .append('\t')
          .append(r.path("statement").asText().replace('\t', ' ').replace('\n', ' '))
          .append('\n');
    }
    return sb.toString();
  }

  private static String kit(JsonNode verdict, JsonNode run, Path features, KitConfig config)
      throws IOException {
    ObjectNode kit = JSON.createObjectNode();
    kit.put("kitVersion", KitVersion.current());
    kit.put("catalogueDigest", RuleCatalogue.digest());
    kit.put("identity", config.ownIdentity() ? "own" : "generated");
    kit.put("profile", config.env());
    kit.put("tenant", config.tenant());
    kit.put("bankMode", config.bankMode().name().toLowerCase(Locale.ROOT));
    kit.put("target", run.path("target").asText(config.embedded() ? "embedded" : "?"));
    kit.set("fingerprint", run.path("fingerprint").deepCopy());
    ArrayNode files = kit.putArray("features");
    Set<String> ran = new LinkedHashSet<>();
    for (JsonNode o : verdict.path("outcomes")) {
      String location = o.path("location").asText();
      int colon = location.lastIndexOf(':');
      ran.add(colon < 0 ? location : location.substring(0, colon));
    }
    Path root = features.toAbsolutePath().getParent();
    for (String path : ran.stream().sorted().toList()) {
      Path file = root.resolve(path);
      ObjectNode f = files.addObject().put("path", path);
      if (Files.isRegularFile(file)) {
        f.put("sha256", Manifest.sha256(Files.readAllBytes(file)));
      } else {
        f.putNull("sha256");
      }
    }
    return JSON.writeValueAsString(kit) + "\n";
  }

  private static String configuration(KitConfig config) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("profile", config.env());
    ArrayNode list = root.putArray("settings");
    for (KitConfig.Setting s : config.settings()) {
      list.addObject().put("key", s.key()).put("value", s.value()).put("source", s.source());
    }
    return JSON.writeValueAsString(root) + "\n";
  }

  /**
   * Every attachment of every scenario, in the order the scenario made them: {@code
   * exchanges/<feature>/<line>/<nn>-<name>.<ext>}, and {@code exchanges/index.tsv} naming each
   * scenario's folder.
   */
  static List<BundleEntry> exchanges(Path results) throws IOException {
    if (!Files.isDirectory(results)) {
      return List.of();
    }
    List<JsonNode> scenarios = new ArrayList<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        scenarios.add(JSON.readTree(file.toFile()));
      }
    }
    // In the features' order (file, then line), as the reports list them; a retry after its try.
    scenarios.sort(
        Comparator.comparing((JsonNode n) -> featureOf(n.path("fullName").asText()))
            .thenComparingInt(n -> lineOf(n.path("fullName").asText()))
            .thenComparingLong(n -> n.path("start").asLong()));
    List<BundleEntry> out = new ArrayList<>();
    StringBuilder index = new StringBuilder("folder\tscenario\tstatus\tattachments\n");
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode scenario : scenarios) {
      String folder = folderOf(scenario.path("fullName").asText());
      int n = seen.merge(folder, 1, Integer::sum);
      if (n > 1) {
        folder = folder + "-" + n; // a retried scenario: each attempt in its own folder
      }
      List<JsonNode> attachments = new ArrayList<>();
      collectAttachments(scenario, attachments);
      int k = 0;
      for (JsonNode a : attachments) {
        Path source = results.resolve(a.path("source").asText());
        if (a.path("source").asText().isEmpty()
            || !source.normalize().startsWith(results.normalize())
            || !Files.isRegularFile(source)) {
          continue;
        }
        k++;
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "txt" : name.substring(dot + 1);
        out.add(
            new BundleEntry(
                String.format(
                    Locale.ROOT,
                    "%s/%02d-%s.%s",
                    folder,
                    k,
                    slug(a.path("name").asText()),
                    extension),
                Files.readAllBytes(source)));
      }
      index
          .append(folder)
          .append('\t')
          .append(scenario.path("name").asText().replace('\t', ' '))
          .append('\t')
          .append(scenario.path("status").asText())
          .append('\t')
          .append(k)
          .append('\n');
    }
    out.add(BundleEntry.text("exchanges/index.tsv", index.toString()));
    return out;
  }

  /**
   * {@code features/a/b.feature:12} (or {@code /any/where/features/a/b.feature:12}) → {@code
   * exchanges/a/b/12}.
   */
  static String folderOf(String location) {
    String path = location;
    String line = "0";
    int colon = location.lastIndexOf(':');
    if (colon > 0) {
      path = location.substring(0, colon);
      line = location.substring(colon + 1);
    }
    // Allure names a scenario by its file as given (an absolute --features folder, a jar's
    // unpacked copy); the bundle names it as the reports do, relative to features/.
    path = path.replaceFirst("^(.*?/)?features/", "").replaceFirst("\\.feature$", "");
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      segments.add(slug(s));
    }
    return "exchanges/" + String.join("/", segments) + "/" + slug(line);
  }

  private static String featureOf(String location) {
    int colon = location.lastIndexOf(':');
    return (colon > 0 ? location.substring(0, colon) : location)
        .replaceFirst("^(.*?/)?features/", "");
  }

  private static int lineOf(String location) {
    try {
      return Integer.parseInt(location.substring(location.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void collectAttachments(JsonNode node, List<JsonNode> out) {
    node.path("attachments").forEach(out::add);
    node.path("steps").forEach(step -> collectAttachments(step, out));
  }

  /** A file-name-safe form: letters, digits, {@code .}, {@code _} and {@code -}, at most 60. */
  static String slug(String text) {
    String s =
        text.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^[-.]+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "x" : s;
  }
}
