package com.obkit.report;

import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.config.NightlySettings;
import com.obkit.history.Fingerprint;
import com.obkit.history.HistoryStore;
import com.obkit.history.Part;
import com.obkit.history.RunComparison;
import com.obkit.history.RunRecord;
import com.obkit.history.ScenarioResult;
import com.obkit.history.Waivers;
import com.obkit.openapi.ApiChange;
import com.obkit.openapi.ApiChanges;
import com.obkit.outcomes.Level;
import com.obkit.report.ScenarioOutcome.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run knows beyond its own scenarios, joined into its verdict: the waivers ({@code
 * kit.waivers}), the run record ({@code reports/run.json}), and, from the history store ({@code
 * kit.history}), what changed since the last run and since the last run on another bank release.
 * Kept in the store afterwards, with the bank's OpenAPI documents and Allure's own history.
 */
public final class RunHistory {

  /** The bank's side of a run: its fingerprint and the OpenAPI documents it published. */
  public record Bank(Fingerprint fingerprint, Map<String, String> documentsBySha256) {
    public Bank {
      documentsBySha256 = Map.copyOf(documentsBySha256);
    }

    /** A run that never reached the bank. */
    public static Bank unknown(String reason) {
      Part p = Part.unavailable(reason);
      return new Bank(new Fingerprint(p, p, p, p), Map.of());
    }
  }

  /** The verdict and the record of one finished run. */
  public record Completed(Verdict verdict, RunRecord record, Set<String> regressedScenarios) {}

  private RunHistory() {}

  /**
   * Loads the waivers of {@code config} (a bad file is a configuration error naming the entry), so
   * that it fails before any request; empty when none is configured.
   */
  public static Waivers waivers(KitConfig config) {
    Set<String> ids =
        RuleCatalogue.load().entries().stream()
            .map(RuleCatalogue.Entry::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return config.nightly().waivers().map(f -> Waivers.load(f, ids)).orElse(Waivers.none());
  }

  /**
   * Applies waivers, compares with the history and records the run.
   *
   * @param verdict the run's verdict from its scenarios alone
   * @param config the run's configuration
   * @param start when it started
   * @param end when it ended
   * @param bank the bank's fingerprint and documents
   * @param keep whether to read and write the history store (a user's run with full reports; the
   *     kit's self-tests leave it alone unless they ask for it)
   */
  public static Completed complete(
      Verdict verdict, KitConfig config, Instant start, Instant end, Bank bank, boolean keep) {
    Waivers waivers;
    try {
      waivers = waivers(config);
    } catch (ConfigException e) {
      // Checked before the run; the file changed since: nothing is waived, and the run says so.
      waivers = Waivers.none();
      verdict = verdict.withRunError("the waivers could not be read: " + e.getMessage());
    }
    LocalDate today = LocalDate.ofInstant(end, ZoneOffset.UTC);
    List<Waivers.Failure> failures = new ArrayList<>();
    List<Waivers.Judged> judged = new ArrayList<>();
    for (ScenarioOutcome o : verdict.outcomes()) {
      if (o.selfCheck()) {
        continue;
      }
      if (o.kind() == Kind.FAILED || o.kind() == Kind.WARNING) {
        failures.add(new Waivers.Failure(key(o), o.name(), o.brokenRules()));
      }
      if (o.kind() == Kind.PASSED || o.kind() == Kind.FAILED || o.kind() == Kind.WARNING) {
        judged.add(new Waivers.Judged(o.name(), Set.copyOf(o.rules())));
      }
    }
    Waivers.Application applied =
        waivers.apply(failures, judged, config.tenant(), config.env(), today);
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (ScenarioOutcome o : verdict.outcomes()) {
      List<Waivers.Waiver> covering = applied.waivedScenarios().get(key(o));
      outcomes.add(
          covering == null
              ? o
              : o.waived(
                  covering.stream()
                      .map(Waivers.Waiver::describe)
                      .collect(Collectors.joining("; "))));
    }
    Verdict waived = verdict.withOutcomes(outcomes);
    RunRecord record = record(waived, config, start, end, bank.fingerprint());

    Optional<HistoryStore> store =
        keep
            ? config
                .nightly()
                .history()
                .map(d -> new HistoryStore(d, config.nightly().historyLimit()))
            : Optional.empty();
    Optional<RunRecord> previous = store.flatMap(HistoryStore::latest);
    Optional<RunRecord> otherRelease =
        store.flatMap(s -> s.lastOnAnotherRelease(bank.fingerprint()));
    List<Verdict.Section> sections = new ArrayList<>();
    Set<String> regressedMust = new LinkedHashSet<>(waived.failedMustRules());
    Set<String> regressedScenarios = new LinkedHashSet<>();
    if (previous.isPresent()) {
      RunComparison since = RunComparison.between(previous.get(), record);
      sections.add(
          section(
              "Since the last run (" + previous.get().start().truncatedTo(ChronoUnit.SECONDS) + ")",
              since));
      regressedMust = new LinkedHashSet<>();
      RuleCatalogue catalogue = RuleCatalogue.load();
      for (RunComparison.Change c : since.rules()) {
        boolean must = catalogue.find(c.id()).map(e -> e.level() == Level.MUST).orElse(false);
        if (must
            && "FAILED".equals(c.after())
            && (c.status() == RunComparison.Status.REGRESSED
                || c.status() == RunComparison.Status.NEW)) {
          regressedMust.add(c.id());
        }
      }
      for (RunComparison.Change c : since.scenarios()) {
        if (c.status() == RunComparison.Status.REGRESSED) {
          regressedScenarios.add(c.id());
        }
      }
    }
    if (otherRelease.isPresent()) {
      RunComparison sinceRelease = RunComparison.between(otherRelease.get(), record);
      String title =
          "Since bank release "
              + otherRelease.get().fingerprint().describe()
              + " → "
              + bank.fingerprint().describe()
              + " (last run on the previous release: "
              + otherRelease.get().start().truncatedTo(ChronoUnit.SECONDS)
              + ")";
      sections.add(section(title, sinceRelease));
      apiChanges(store.get(), otherRelease.get().fingerprint(), bank).ifPresent(sections::add);
    }
    Map<String, String> facts = facts(config, start, bank.fingerprint(), store);
    Verdict complete =
        waived.with(
            new Verdict.Nightly(
                applied.stale().stream()
                    .map(
                        w ->
                            "stale waiver "
                                + w.describe()
                                + ": it waived no failure; the bank may have fixed it, remove it")
                    .toList(),
                applied.expired().stream()
                    .map(
                        w ->
                            "expired waiver "
                                + w.describe()
                                + ": it expired on "
                                + w.expires()
                                + ", the failure counts")
                    .toList(),
                config.nightly().failOn() == NightlySettings.FailOn.REGRESSION,
                regressedMust,
                sections,
                facts));
    Eligibility.Setting setting =
        new Eligibility.Setting(
            config.ownIdentity(), config.embedded(), tenantCoverage(config, record, store));
    complete =
        complete.withEligibility(
            Eligibility.of(complete, complete.ruleTable(RuleCatalogue.load()), setting));
    // The nightly part changes neither outcomes nor the verdict's label: the record stands.
    store.ifPresent(s -> s.save(record, bank.documentsBySha256()));
    return new Completed(complete, record, regressedScenarios);
  }

  /**
   * How each tenant the TPP declares ({@code kit.tenants}) is covered: the run's own by this run;
   * each other by the last run kept in its history store (next to this one: {@code
   * .obkit/history/<env>-<tenant>/}) when that run used the TPP's own credentials against the same
   * target, with the same kit and rule catalogue, on the same bank release, judged every rule and
   * broke no MUST rule.
   */
  static Map<String, Eligibility.TenantCoverage> tenantCoverage(
      KitConfig config, RunRecord current, Optional<HistoryStore> store) {
    Map<String, Eligibility.TenantCoverage> coverage = new LinkedHashMap<>();
    coverage.put(config.tenant(), new Eligibility.TenantCoverage(true, "this run"));
    for (String tenant : config.nightly().tenants()) {
      if (!tenant.equals(config.tenant())) {
        coverage.put(tenant, otherTenant(config, current, store, tenant));
      }
    }
    return coverage;
  }

  private static Eligibility.TenantCoverage otherTenant(
      KitConfig config, RunRecord current, Optional<HistoryStore> store, String tenant) {
    if (store.isEmpty()) {
      return new Eligibility.TenantCoverage(
          false,
          config.nightly().history().isEmpty()
              ? "this run keeps no history (kit.history=none), so no other tenant's run counts"
              : "this run reads no history store, so no other tenant's run counts");
    }
    Path dir = store.get().dir();
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    String suffix = "-" + config.tenant();
    if (!name.endsWith(suffix)) {
      return new Eligibility.TenantCoverage(
          false,
          "kit.history names its own folder ("
              + dir
              + "), so other tenants' runs are not found: run each tenant with the default"
              + " history");
    }
    Path sibling =
        dir.resolveSibling(name.substring(0, name.length() - suffix.length()) + "-" + tenant);
    Optional<RunRecord> last = new HistoryStore(sibling, store.get().limit()).latest();
    if (last.isEmpty()) {
      return new Eligibility.TenantCoverage(
          false, "no run of it is kept (run with --set kit.tenant=" + tenant + ")");
    }
    RunRecord r = last.get();
    String when = "its last run (" + r.start().truncatedTo(ChronoUnit.SECONDS) + ")";
    if (!r.identity().equals("own")) {
      return new Eligibility.TenantCoverage(false, when + " used generated credentials");
    }
    if (!r.target().equals(current.target())) {
      return new Eligibility.TenantCoverage(false, when + " was against " + r.target());
    }
    if (!r.kitVersion().equals(current.kitVersion())
        || !r.catalogueDigest().equals(current.catalogueDigest())) {
      return new Eligibility.TenantCoverage(
          false, when + " used another kit version or rule catalogue (" + r.kitVersion() + ")");
    }
    if (!r.fingerprint().sameRelease(current.fingerprint())) {
      return new Eligibility.TenantCoverage(
          false, when + " was on another bank release (" + r.fingerprint().describe() + ")");
    }
    List<String> open =
        r.rules().entrySet().stream()
            .filter(e -> Set.of("FAILED", "NOT JUDGED", "NOT COVERED").contains(e.getValue()))
            .map(e -> e.getKey() + " " + e.getValue())
            .toList();
    if (!r.verdict().equals("CONFORMANT") || !open.isEmpty()) {
      return new Eligibility.TenantCoverage(
          false,
          when + " was " + r.verdict() + (open.isEmpty() ? "" : ": " + String.join(", ", open)));
    }
    return new Eligibility.TenantCoverage(
        true, "its run of " + r.start().truncatedTo(ChronoUnit.SECONDS));
  }

  /** API changes between the documents of the previous release and this one, breaking first. */
  private static Optional<Verdict.Section> apiChanges(
      HistoryStore store, Fingerprint before, Bank now) {
    List<String> lines = new ArrayList<>();
    int breaking = 0;
    for (String[] doc :
        List.of(
            new String[] {
              "XS2A",
              before.xs2aOpenApi().value().orElse(""),
              now.fingerprint().xs2aOpenApi().value().orElse("")
            },
            new String[] {
              "auth",
              before.authOpenApi().value().orElse(""),
              now.fingerprint().authOpenApi().value().orElse("")
            })) {
      if (doc[1].isEmpty() || doc[2].isEmpty() || doc[1].equals(doc[2])) {
        continue;
      }
      Optional<String> old = store.document(doc[1]);
      Optional<String> current = Optional.ofNullable(now.documentsBySha256().get(doc[2]));
      if (old.isEmpty() || current.isEmpty()) {
        lines.add(doc[0] + " OpenAPI document changed (the earlier one is not kept: no details)");
        continue;
      }
      for (ApiChange c : ApiChanges.between(old.get(), current.get())) {
        lines.add((c.breaking() ? "BREAKING " : "") + doc[0] + ": " + c.description());
        breaking += c.breaking() ? 1 : 0;
      }
    }
    return lines.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Verdict.Section("API changes since the previous bank release", lines, breaking));
  }

  private static Verdict.Section section(String title, RunComparison comparison) {
    List<String> lines = new ArrayList<>();
    comparison.fingerprintChange().ifPresent(lines::add);
    int regressions = 0;
    for (RunComparison.Change c : comparison.rules()) {
      lines.add("rule " + c.describe());
      regressions += c.status() == RunComparison.Status.REGRESSED ? 1 : 0;
    }
    for (RunComparison.Change c : comparison.scenarios()) {
      lines.add("scenario " + c.describe());
    }
    if (lines.isEmpty()) {
      lines.add("no change");
    }
    return new Verdict.Section(title, lines, regressions);
  }

  /** What was tested, for people: the report's header, Allure's Environment panel. */
  static Map<String, String> facts(
      KitConfig config, Instant start, Fingerprint fingerprint, Optional<HistoryStore> store) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Target", target(config));
    f.put("Profile", config.env());
    f.put("Tenant", config.tenant());
    f.put("Bank mode", config.bankMode().name().toLowerCase(Locale.ROOT));
    f.put("Started", start.truncatedTo(ChronoUnit.SECONDS).toString());
    f.put("Kit version", KitVersion.current());
    f.put("Rule catalogue", RuleCatalogue.digest().substring(0, 12));
    f.put("Bank version", fingerprint.version().describe(80));
    f.put("XS2A OpenAPI", fingerprint.xs2aOpenApi().describe(16));
    f.put("Auth OpenAPI", fingerprint.authOpenApi().describe(16));
    f.put("Discovery", fingerprint.discovery().describe(16));
    store.ifPresent(s -> f.put("History", s.dir().toAbsolutePath().normalize().toString()));
    return f;
  }

  /** The bank's URL without user info or query (never a secret), or the embedded sandbox. */
  static String target(KitConfig config) {
    return config
        .baseUrl()
        .map(
            u ->
                u.getScheme()
                    + "://"
                    + u.getHost()
                    + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getRawPath() == null ? "" : u.getRawPath()))
        .orElse("embedded reference sandbox");
  }

  static String key(ScenarioOutcome o) {
    return feature(o) + " :: " + o.name();
  }

  private static String feature(ScenarioOutcome o) {
    return o.location().replaceFirst(":\\d+$", "");
  }

  private static int line(ScenarioOutcome o) {
    String[] parts = o.location().split(":");
    try {
      return Integer.parseInt(parts[parts.length - 1]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static RunRecord record(
      Verdict verdict, KitConfig config, Instant start, Instant end, Fingerprint fingerprint) {
    List<ScenarioResult> scenarios =
        verdict.outcomes().stream()
            .filter(o -> !o.selfCheck())
            .map(
                o ->
                    new ScenarioResult(
                        o.name(),
                        feature(o),
                        line(o),
                        o.rules(),
                        o.kind().label(),
                        o.message().orElse("")))
            .toList();
    Map<String, String> rules = new LinkedHashMap<>();
    verdict.ruleTable(RuleCatalogue.load()).forEach((id, row) -> rules.put(id, row.result()));
    return new RunRecord(
        RunRecord.SCHEMA,
        KitVersion.current(),
        RuleCatalogue.digest(),
        config.env(),
        config.tenant(),
        config.bankMode().name().toLowerCase(Locale.ROOT),
        target(config),
        fingerprint,
        start,
        end.isBefore(start) ? start : end,
        verdict.outcome().label(),
        scenarios,
        rules,
        config.ownIdentity() ? "own" : "generated");
  }
}
