package com.obkit.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run records for tests. */
public final class Runs {

  public static final String XS2A = "3f2a9c1e" + "0".repeat(56);
  public static final String AUTH = "77b1d0aa" + "1".repeat(56);
  public static final String DISCOVERY = "0c9d4e5f" + "2".repeat(56);
  public static final String CATALOGUE = "ab".repeat(32);

  private Runs() {}

  public static Fingerprint release(String version) {
    return new Fingerprint(Part.of(version), Part.of(XS2A), Part.of(AUTH), Part.of(DISCOVERY));
  }

  /** A run on release 2026.1 starting at {@code start}, with these rules and scenarios. */
  public static RunRecord run(
      String start, Map<String, String> rules, List<ScenarioResult> scenarios) {
    return run(start, release("2026.1"), rules, scenarios);
  }

  public static RunRecord run(
      String start,
      Fingerprint fingerprint,
      Map<String, String> rules,
      List<ScenarioResult> scenarios) {
    Instant s = Instant.parse(start);
    return new RunRecord(
        1,
        "0.1.0",
        CATALOGUE,
        "sandbox",
        "nl",
        "sandbox",
        "embedded reference sandbox",
        fingerprint,
        s,
        s.plusSeconds(90),
        "CONFORMANT",
        scenarios,
        rules);
  }

  public static RunRecord run(String start) {
    return run(start, rules("AUTH-2", "PASSED"), List.of());
  }

  /** An ordered map from alternating ids and statuses. */
  public static Map<String, String> rules(String... idsAndStatuses) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < idsAndStatuses.length; i += 2) {
      m.put(idsAndStatuses[i], idsAndStatuses[i + 1]);
    }
    return m;
  }

  public static ScenarioResult scenario(String name, int line, String result) {
    return new ScenarioResult(
        name,
        "features/05_authorisation/redirect.feature",
        line,
        List.of("AUTH-2"),
        result,
        result.equals("passed") ? null : "expected HTTP 400");
  }
}
