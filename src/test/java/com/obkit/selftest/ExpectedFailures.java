package com.obkit.selftest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked-in table {@code expected-failures.tsv}: per deviation, every scenario of its filtered
 * run that does not pass (nor is not applicable), with its result, its failed checks in order and
 * the rules they broke. Columns are tab-separated; lists inside a column are separated by {@code ",
 * "}; {@code #} starts a comment line.
 */
final class ExpectedFailures {

  static final String HEADER = "# deviation\tscenario\tresult\tfailed checks\tbroken rules";
  static final String SEPARATOR = ", ";

  /** One row of the table. */
  record Row(
      String deviation,
      String scenario,
      String result,
      List<String> failedChecks,
      List<String> brokenRules) {}

  private ExpectedFailures() {}

  /** Results that are not a finding: a passed or a not applicable scenario. */
  static boolean isJudgedClean(String label) {
    return "passed".equals(label) || "not applicable".equals(label);
  }

  static String row(
      String deviation,
      String scenario,
      String result,
      List<String> failedChecks,
      List<String> brokenRules) {
    return String.join(
        "\t",
        deviation,
        scenario,
        result,
        String.join(SEPARATOR, failedChecks),
        String.join(SEPARATOR, brokenRules));
  }

  /** The rows of a classpath resource, grouped by deviation name in file order. */
  static Map<String, List<Row>> load(String resource) {
    Map<String, List<Row>> byDeviation = new LinkedHashMap<>();
    try (InputStream in = ExpectedFailures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != 5) {
          throw new IllegalStateException(
              resource + ":" + number + ": expected 5 tab-separated columns, got " + cells.length);
        }
        byDeviation
            .computeIfAbsent(cells[0], d -> new ArrayList<>())
            .add(new Row(cells[0], cells[1], cells[2], list(cells[3]), list(cells[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byDeviation;
  }

  /** A two-column table {@code key<TAB>integer}. */
  static Map<String, Integer> loadCounts(String resource) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (InputStream in = ExpectedFailures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        counts.put(cells[0], Integer.parseInt(cells[1].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }

  private static List<String> list(String cell) {
    return cell.isEmpty() ? List.of() : Arrays.asList(cell.split(SEPARATOR, -1));
  }
}
