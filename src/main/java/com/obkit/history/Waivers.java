package com.obkit.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.obkit.config.ConfigException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Known, ticketed, expiring failures ({@code kit.waivers}): a failing scenario whose every broken
 * rule is waived counts as waived, not failed. The file:
 *
 * <pre>
 * waivers:
 *   - rule: AUTH-2                       # required, a rule id of the catalogue
 *     scenario: "*trailing slash*"       # optional glob on the scenario name (* and ?, case-sensitive)
 *     tenant: nl                         # optional
 *     env: sandbox                       # optional (kit.env)
 *     reason: "trailing slash normalised by the bank"   # required
 *     ticket: INC-123                    # optional
 *     owner: qa@tpp.example              # required
 *     expires: 2027-01-31                # required, ISO date; in force through that day
 * </pre>
 *
 * <p>An empty list ({@code waivers: []}, or {@code waivers:} with nothing under it) waives nothing.
 */
public final class Waivers {

  /** Every field of an entry, in the order of the file's documentation. */
  public static final List<String> FIELDS =
      List.of("rule", "scenario", "tenant", "env", "reason", "ticket", "owner", "expires");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final List<Waiver> waivers;

  private Waivers(List<Waiver> waivers) {
    this.waivers = List.copyOf(waivers);
  }

  /** Waivers from a list (the entries' {@link Waiver#index() indexes} as given). */
  public static Waivers of(List<Waiver> waivers) {
    return new Waivers(waivers);
  }

  /** No waivers. */
  public static Waivers none() {
    return new Waivers(List.of());
  }

  /** Every waiver, in file order. */
  public List<Waiver> waivers() {
    return waivers;
  }

  /**
   * Reads and checks a waivers file.
   *
   * @param knownRuleIds the catalogue's rule ids: a waiver of another rule is an error
   * @throws ConfigException naming the file, and the entry ({@code waiver 2 of waivers.yml (rule
   *     AUTH-2): missing 'owner'}): a missing required field, an unknown rule id, a malformed date,
   *     an unknown field, a file that is not YAML or has no {@code waivers:} list, a file that
   *     cannot be read
   */
  public static Waivers load(Path yaml, Set<String> knownRuleIds) {
    String text;
    try {
      text = Files.readString(yaml, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(yaml + ": no such file (kit.waivers)", e);
    } catch (MalformedInputException e) {
      throw new ConfigException(yaml + ": not YAML: not UTF-8 text", e);
    } catch (IOException e) {
      throw new ConfigException(yaml + ": cannot be read: " + e, e);
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(yaml + ": not YAML " + yamlProblem(e), e);
    }
    if (root == null || !root.isObject() || !root.has("waivers")) {
      throw new ConfigException(yaml + ": no 'waivers:' list");
    }
    for (String field : fieldNames(root)) {
      if (!field.equals("waivers")) {
        throw new ConfigException(
            yaml + ": unknown field '" + field + "' (the file has one: waivers)");
      }
    }
    JsonNode list = root.get("waivers");
    if (list.isNull()) {
      return none();
    }
    if (!list.isArray()) {
      throw new ConfigException(yaml + ": 'waivers:' is not a list");
    }
    List<Waiver> waivers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      waivers.add(entry(yaml, i + 1, list.get(i), knownRuleIds));
    }
    return new Waivers(waivers);
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }

  /** {@code (line 2, column 1): expected ...}, from SnakeYAML's problem where there is one. */
  private static String yamlProblem(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return "(line "
            + (m.getProblemMark().getLine() + 1)
            + ", column "
            + (m.getProblemMark().getColumn() + 1)
            + "): "
            + m.getProblem();
      }
    }
    return "(line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + "): "
        + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static Waiver entry(Path yaml, int index, JsonNode node, Set<String> knownRuleIds) {
    String where = "waiver " + index + " of " + yaml;
    if (!node.isObject()) {
      throw new ConfigException(where + ": not a mapping (rule: ..., reason: ..., ...)");
    }
    Optional<String> rule = text(node, "rule", where);
    String at = rule.map(r -> where + " (rule " + r + ")").orElse(where);
    for (String field : fieldNames(node)) {
      if (!FIELDS.contains(field)) {
        throw new ConfigException(
            at + ": unknown field '" + field + "' (known: " + String.join(", ", FIELDS) + ")");
      }
    }
    String ruleId = rule.orElseThrow(() -> missing(at, "rule"));
    if (!knownRuleIds.contains(ruleId)) {
      throw new ConfigException(at + ": unknown rule id '" + ruleId + "'");
    }
    Optional<String> scenario = text(node, "scenario", at);
    Optional<String> tenant = text(node, "tenant", at);
    Optional<String> env = text(node, "env", at);
    String reason = text(node, "reason", at).orElseThrow(() -> missing(at, "reason"));
    Optional<String> ticket = text(node, "ticket", at);
    String owner = text(node, "owner", at).orElseThrow(() -> missing(at, "owner"));
    String expires = text(node, "expires", at).orElseThrow(() -> missing(at, "expires"));
    LocalDate date;
    try {
      date = LocalDate.parse(expires);
    } catch (DateTimeParseException e) {
      throw new ConfigException(at + ": 'expires' is not an ISO date (yyyy-mm-dd): " + expires, e);
    }
    return new Waiver(index, ruleId, scenario, tenant, env, reason, ticket, owner, date);
  }

  private static ConfigException missing(String at, String field) {
    return new ConfigException(at + ": missing '" + field + "'");
  }

  /** A scalar field's text; empty when absent, null or blank. */
  private static Optional<String> text(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw new ConfigException(at + ": '" + field + "' is not a single value");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * Applies the waivers to a run's failures.
   *
   * @param failures one per failed or warned scenario, with the rules it broke
   * @param judged every scenario that ran and was judged (passed, failed, warning)
   * @param tenant the run's tenant ({@code kit.tenant})
   * @param env the run's profile ({@code kit.env})
   * @param today the day of the run: a waiver is in force through its {@code expires} day
   */
  public Application apply(
      List<Failure> failures, List<Judged> judged, String tenant, String env, LocalDate today) {
    Map<String, List<Waiver>> waived = new LinkedHashMap<>();
    Set<Waiver> needed = new LinkedHashSet<>();
    for (Failure f : failures) {
      Set<Waiver> covering = new LinkedHashSet<>();
      boolean all = !f.brokenRules().isEmpty();
      for (String rule : f.brokenRules()) {
        List<Waiver> matching =
            waivers.stream()
                .filter(w -> w.inForce(tenant, env, today) && w.matches(rule, f.scenarioName()))
                .toList();
        all &= !matching.isEmpty();
        covering.addAll(matching);
      }
      needed.addAll(covering);
      if (all) {
        waived.put(
            f.scenarioKey(),
            covering.stream().sorted(java.util.Comparator.comparingInt(Waiver::index)).toList());
      }
    }
    List<Waiver> stale = new ArrayList<>();
    List<Waiver> expired = new ArrayList<>();
    List<Waiver> notApplicable = new ArrayList<>();
    for (Waiver w : waivers) {
      if (!w.appliesTo(tenant, env)) {
        notApplicable.add(w);
      } else if (w.expiredOn(today)) {
        if (matchesAFailure(w, failures)) {
          expired.add(w);
        } else if (!ran(w, judged)) {
          notApplicable.add(w);
        }
      } else if (!needed.contains(w)) {
        if (ran(w, judged)) {
          stale.add(w);
        } else {
          notApplicable.add(w);
        }
      }
    }
    return new Application(waived, stale, expired, notApplicable);
  }

  private static boolean matchesAFailure(Waiver w, List<Failure> failures) {
    return failures.stream()
        .anyMatch(
            f -> f.brokenRules().stream().anyMatch(rule -> w.matches(rule, f.scenarioName())));
  }

  private static boolean ran(Waiver w, List<Judged> judged) {
    return judged.stream()
        .anyMatch(j -> j.rules().contains(w.rule()) && w.matches(w.rule(), j.scenarioName()));
  }

  /**
   * One entry of the file.
   *
   * @param index its position in the file, from 1
   * @param rule the rule id it waives
   * @param scenario a glob on the scenario name ({@code *} any characters, {@code ?} one;
   *     case-sensitive); empty: every scenario
   * @param tenant only for this tenant; empty: every tenant
   * @param env only for this profile ({@code kit.env}); empty: every profile
   * @param reason why the failure is accepted
   * @param ticket the ticket tracking it
   * @param owner who answers for it
   * @param expires the last day it is in force
   */
  public record Waiver(
      int index,
      String rule,
      Optional<String> scenario,
      Optional<String> tenant,
      Optional<String> env,
      String reason,
      Optional<String> ticket,
      String owner,
      LocalDate expires) {

    public Waiver {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(env, "env");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(expires, "expires");
    }

    /** Expired: {@code today} is after {@code expires}. */
    public boolean expiredOn(LocalDate today) {
      return today.isAfter(expires);
    }

    /** Whether it is meant for this tenant and profile. */
    public boolean appliesTo(String tenant, String env) {
      return this.tenant.map(t -> t.equals(tenant)).orElse(true)
          && this.env.map(e -> e.equals(env)).orElse(true);
    }

    /** Meant for this tenant and profile, and not expired. */
    public boolean inForce(String tenant, String env, LocalDate today) {
      return appliesTo(tenant, env) && !expiredOn(today);
    }

    /** Whether it waives {@code rule} in the scenario named {@code scenarioName}. */
    public boolean matches(String rule, String scenarioName) {
      return this.rule.equals(rule)
          && scenario.map(glob -> glob(glob).matcher(scenarioName).matches()).orElse(true);
    }

    /** {@code AUTH-2 "*trailing slash*" (INC-123, qa@tpp.example, until 2027-01-31)}. */
    public String describe() {
      return rule
          + scenario.map(s -> " \"" + s + "\"").orElse("")
          + " ("
          + ticket.map(t -> t + ", ").orElse("")
          + owner
          + ", until "
          + expires
          + ")";
    }

    private static Pattern glob(String glob) {
      StringBuilder regex = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (char c : glob.toCharArray()) {
        if (c == '*' || c == '?') {
          if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
          }
          regex.append(c == '*' ? ".*" : ".");
        } else {
          literal.append(c);
        }
      }
      if (literal.length() > 0) {
        regex.append(Pattern.quote(literal.toString()));
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }

  /**
   * A scenario that failed or warned.
   *
   * @param scenarioKey its {@link ScenarioResult#key() key}
   * @param scenarioName its name (what a waiver's glob matches)
   * @param brokenRules the rules it broke
   */
  public record Failure(String scenarioKey, String scenarioName, Set<String> brokenRules) {
    public Failure {
      Objects.requireNonNull(scenarioKey, "scenarioKey");
      Objects.requireNonNull(scenarioName, "scenarioName");
      brokenRules = Set.copyOf(brokenRules);
    }
  }

  /**
   * A scenario that ran and was judged (passed, failed, warning).
   *
   * @param scenarioName its name
   * @param rules the rules it judged
   */
  public record Judged(String scenarioName, Set<String> rules) {
    public Judged {
      Objects.requireNonNull(scenarioName, "scenarioName");
      rules = Set.copyOf(rules);
    }
  }

  /**
   * What the waivers did to a run. Every waiver of the file is in at most one of the lists, and
   * each list is in file order:
   *
   * <ul>
   *   <li>a waiver that covers a waived scenario is in {@code waivedScenarios} (values);
   *   <li>one in force that covers a broken rule of a scenario whose other broken rule has no
   *       waiver is in none: it is needed, but the scenario fails anyway;
   *   <li>one expired that would have matched no failure, while its rule ran, is in none: it
   *       changes nothing.
   * </ul>
   *
   * @param waivedScenarios scenario key to the waivers covering it (in file order): a scenario is
   *     waived only when every broken rule has a waiver in force matching it
   * @param stale in force (not expired, for this tenant and profile), its rule was judged in a
   *     scenario its glob matches, and it waived nothing: the bank fixed it; remove the waiver
   * @param expired expired, and it would have matched a failure: the failure counts again
   * @param notApplicable for another tenant or profile, or its rule did not run in a scenario its
   *     glob matches
   */
  public record Application(
      Map<String, List<Waiver>> waivedScenarios,
      List<Waiver> stale,
      List<Waiver> expired,
      List<Waiver> notApplicable) {

    public Application {
      Map<String, List<Waiver>> copy = new LinkedHashMap<>();
      waivedScenarios.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      waivedScenarios = java.util.Collections.unmodifiableMap(copy);
      stale = List.copyOf(stale);
      expired = List.copyOf(expired);
      notApplicable = List.copyOf(notApplicable);
    }

    /** Whether the scenario with this key is waived. */
    public boolean waived(String scenarioKey) {
      return waivedScenarios.containsKey(scenarioKey);
    }

    /**
     * One line per waived scenario and per stale, expired and not-applicable waiver; {@code no
     * waiver applied} when there is none. Lines end in {@code \n}.
     */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      waivedScenarios.forEach(
          (key, ws) ->
              sb.append("WAIVED          ")
                  .append(key)
                  .append(": ")
                  .append(String.join("; ", ws.stream().map(Waiver::describe).toList()))
                  .append('\n'));
      stale.forEach(
          w ->
              sb.append("STALE WAIVER    ")
                  .append(w.describe())
                  .append(": the rule passed; remove the waiver\n"));
      expired.forEach(
          w ->
              sb.append("EXPIRED WAIVER  ")
                  .append(w.describe())
                  .append(": the failure counts again\n"));
      notApplicable.forEach(
          w ->
              sb.append("UNUSED WAIVER   ")
                  .append(w.describe())
                  .append(": not for this tenant or profile, or its rule did not run\n"));
      return sb.length() == 0 ? "no waiver applied\n" : sb.toString();
    }
  }
}
