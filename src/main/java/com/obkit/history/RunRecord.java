package com.obkit.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one conformance run was and found: the content of {@code reports/run.json}, and of each run
 * kept in the {@link HistoryStore}. Immutable; JSON through {@link #toJson()} and {@link
 * #parse(String)}, fields the record does not know ignored (a newer kit may add some).
 *
 * @param schema the format's version, {@link #SCHEMA}
 * @param kitVersion the kit's version
 * @param catalogueDigest the SHA-256 hex of the rule catalogue the run was judged by
 * @param profile the profile ({@code kit.env})
 * @param tenant the tenant ({@code kit.tenant})
 * @param bankMode the bank mode
 * @param target the bank's URL, or {@code embedded reference sandbox}; never a secret
 * @param fingerprint which release of the bank it was
 * @param start when the run started
 * @param end when it ended
 * @param verdict one of {@link #VERDICTS}
 * @param scenarios every scenario and its result, in the order they ran
 * @param rules rule id to one of {@link #RULE_STATUSES}, in catalogue order
 * @param identity whose identity the run acted with: {@code own} (the TPP's certificate from files)
 *     or {@code generated}; a record without it (an earlier kit's) reads as {@code generated}, so
 *     it never counts towards a self-certification
 */
public record RunRecord(
    int schema,
    String kitVersion,
    String catalogueDigest,
    String profile,
    String tenant,
    String bankMode,
    String target,
    Fingerprint fingerprint,
    Instant start,
    Instant end,
    String verdict,
    List<ScenarioResult> scenarios,
    Map<String, String> rules,
    String identity) {

  /** The identities a run can act with. */
  public static final Set<String> IDENTITIES = Set.of("own", "generated");

  /** The one schema this kit reads and writes. */
  public static final int SCHEMA = 1;

  /** Every verdict of a run. */
  public static final Set<String> VERDICTS = Set.of("CONFORMANT", "NOT CONFORMANT", "INCONCLUSIVE");

  /** Every status of a rule. */
  public static final Set<String> RULE_STATUSES =
      Set.of(
          "PASSED", "FAILED", "WARNING", "WAIVED", "NOT APPLICABLE", "NOT JUDGED", "NOT COVERED");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public RunRecord {
    if (schema != SCHEMA) {
      throw new IllegalArgumentException(
          "schema " + schema + " is not supported (this kit reads schema " + SCHEMA + ")");
    }
    Objects.requireNonNull(kitVersion, "kitVersion");
    Objects.requireNonNull(catalogueDigest, "catalogueDigest");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(bankMode, "bankMode");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(verdict, "verdict");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    if (!VERDICTS.contains(verdict)) {
      throw new IllegalArgumentException("unknown verdict '" + verdict + "'");
    }
    scenarios = List.copyOf(scenarios);
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    rules.forEach(
        (id, status) -> {
          Objects.requireNonNull(id, "rule id");
          if (status == null || !RULE_STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown status '" + status + "' of rule " + id);
          }
          copy.put(id, status);
        });
    rules = Collections.unmodifiableMap(copy);
    if (!IDENTITIES.contains(identity)) {
      throw new IllegalArgumentException("unknown identity '" + identity + "'");
    }
  }

  /** A record of a run with generated identities. */
  public RunRecord(
      int schema,
      String kitVersion,
      String catalogueDigest,
      String profile,
      String tenant,
      String bankMode,
      String target,
      Fingerprint fingerprint,
      Instant start,
      Instant end,
      String verdict,
      List<ScenarioResult> scenarios,
      Map<String, String> rules) {
    this(
        schema,
        kitVersion,
        catalogueDigest,
        profile,
        tenant,
        bankMode,
        target,
        fingerprint,
        start,
        end,
        verdict,
        scenarios,
        rules,
        "generated");
  }

  /**
   * Reads a run record.
   *
   * @throws UncheckedIOException when the file cannot be read; the message names it
   * @throws IllegalArgumentException when it is not a run record; the message names the file and
   *     what is wrong
   */
  public static RunRecord read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(file + ": no such file", e);
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException(file + ": not a run record: not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e, e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A run record from its JSON.
   *
   * @throws IllegalArgumentException {@code not a run record: <what is wrong>}
   */
  public static RunRecord parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw notARunRecord(
          "not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage()
              + ")");
    }
    if (root == null || !root.isObject()) {
      throw notARunRecord("not a JSON object");
    }
    try {
      return fromJson(new Node(root, ""));
    } catch (IllegalArgumentException e) {
      throw notARunRecord(e.getMessage());
    }
  }

  private static IllegalArgumentException notARunRecord(String what) {
    return new IllegalArgumentException("not a run record: " + what);
  }

  /** Writes the record as JSON, atomically (a killed run never leaves half a file). */
  public void write(Path file) {
    AtomicFiles.write(file, toJson());
  }

  /** The record as JSON (indented, ending in a newline). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", schema);
    root.put("kitVersion", kitVersion);
    root.put("catalogueDigest", catalogueDigest);
    root.put("profile", profile);
    root.put("tenant", tenant);
    root.put("bankMode", bankMode);
    root.put("target", target);
    root.put("identity", identity);
    ObjectNode fp = root.putObject("fingerprint");
    part(fp, "version", fingerprint.version());
    part(fp, "xs2aOpenApi", fingerprint.xs2aOpenApi());
    part(fp, "authOpenApi", fingerprint.authOpenApi());
    part(fp, "discovery", fingerprint.discovery());
    root.put("start", start.toString());
    root.put("end", end.toString());
    root.put("verdict", verdict);
    ArrayNode list = root.putArray("scenarios");
    for (ScenarioResult s : scenarios) {
      ObjectNode n = list.addObject();
      n.put("name", s.name());
      n.put("feature", s.feature());
      n.put("line", s.line());
      ArrayNode r = n.putArray("rules");
      s.rules().forEach(r::add);
      n.put("result", s.result());
      n.put("message", s.message());
    }
    ObjectNode r = root.putObject("rules");
    rules.forEach(r::put);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void part(ObjectNode parent, String name, Part part) {
    ObjectNode n = parent.putObject(name);
    n.put("value", part.value().orElse(null));
    n.put("reason", part.reason().orElse(null));
  }

  private static RunRecord fromJson(Node root) {
    int schema = root.integer("schema");
    if (schema != SCHEMA) {
      throw new IllegalArgumentException(
          "schema " + schema + " is not supported (this kit reads schema " + SCHEMA + ")");
    }
    Node fp = root.object("fingerprint");
    Fingerprint fingerprint =
        new Fingerprint(
            part(fp.object("version")),
            part(fp.object("xs2aOpenApi")),
            part(fp.object("authOpenApi")),
            part(fp.object("discovery")));
    List<ScenarioResult> scenarios = new ArrayList<>();
    for (Node s : root.array("scenarios")) {
      List<String> rules = new ArrayList<>();
      for (Node rule : s.array("rules")) {
        rules.add(rule.text());
      }
      scenarios.add(
          new ScenarioResult(
              s.text("name"),
              s.text("feature"),
              s.integer("line"),
              rules,
              s.oneOf("result", ScenarioResult.RESULTS),
              s.optionalText("message").orElse(null)));
    }
    Map<String, String> rules = new LinkedHashMap<>();
    root.object("rules")
        .fields()
        .forEach((id, status) -> rules.put(id, status.oneOf(RULE_STATUSES)));
    return new RunRecord(
        schema,
        root.text("kitVersion"),
        root.text("catalogueDigest"),
        root.text("profile"),
        root.text("tenant"),
        root.text("bankMode"),
        root.text("target"),
        fingerprint,
        root.instant("start"),
        root.instant("end"),
        root.oneOf("verdict", VERDICTS),
        scenarios,
        rules,
        root.json.has("identity") ? root.oneOf("identity", IDENTITIES) : "generated");
  }

  private static Part part(Node n) {
    Optional<String> value = n.optionalText("value");
    Optional<String> reason = n.optionalText("reason");
    if (value.isPresent() == reason.isPresent()) {
      throw new IllegalArgumentException(
          "'"
              + n.path
              + "' has "
              + (value.isPresent() ? "both" : "neither")
              + " of 'value' and 'reason'");
    }
    return new Part(value, reason);
  }

  /** A JSON node and where it is, for messages such as {@code 'scenarios[2].line'}. */
  private record Node(JsonNode json, String path) {

    private String at(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    private JsonNode required(String field) {
      JsonNode n = json.get(field);
      if (n == null || n.isNull()) {
        throw new IllegalArgumentException("missing '" + at(field) + "'");
      }
      return n;
    }

    String text(String field) {
      JsonNode n = required(field);
      if (!n.isTextual()) {
        throw new IllegalArgumentException("'" + at(field) + "' is not a string");
      }
      return n.textValue();
    }

    String text() {
      if (!json.isTextual()) {
        throw new IllegalArgumentException("'" + path + "' is not a string");
      }
      return json.textValue();
    }

    Optional<String> optionalText(String field) {
      JsonNode n = json.get(field);
      if (n == null || n.isNull()) {
        return Optional.empty();
      }
      if (!n.isTextual()) {
        throw new IllegalArgumentException("'" + at(field) + "' is not a string");
      }
      return Optional.of(n.textValue());
    }

    String oneOf(String field, Set<String> allowed) {
      return new Node(required(field), at(field)).oneOf(allowed);
    }

    String oneOf(Set<String> allowed) {
      String v = text();
      if (!allowed.contains(v)) {
        throw new IllegalArgumentException(
            "'" + path + "' is '" + v + "', not one of " + sorted(allowed));
      }
      return v;
    }

    int integer(String field) {
      JsonNode n = required(field);
      if (!n.isInt()) {
        throw new IllegalArgumentException("'" + at(field) + "' is not an integer");
      }
      return n.intValue();
    }

    Instant instant(String field) {
      String v = text(field);
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + at(field) + "' is not an ISO-8601 instant: " + v, e);
      }
    }

    Node object(String field) {
      JsonNode n = required(field);
      if (!n.isObject()) {
        throw new IllegalArgumentException("'" + at(field) + "' is not an object");
      }
      return new Node(n, at(field));
    }

    List<Node> array(String field) {
      JsonNode n = required(field);
      if (!n.isArray()) {
        throw new IllegalArgumentException("'" + at(field) + "' is not an array");
      }
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        items.add(new Node(n.get(i), at(field) + "[" + (i + 1) + "]"));
      }
      return items;
    }

    Map<String, Node> fields() {
      Map<String, Node> map = new LinkedHashMap<>();
      json.properties().forEach(e -> map.put(e.getKey(), new Node(e.getValue(), at(e.getKey()))));
      return map;
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
