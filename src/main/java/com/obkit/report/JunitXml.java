package com.obkit.report;

import com.obkit.report.ScenarioOutcome.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code reports/junit.xml}: one test case per scenario, in the JUnit XML that CI servers read,
 * with the kit's outcomes kept apart: a broken MUST rule is a {@code <failure>}, a kit error or an
 * environment fault an {@code <error>} (nothing was judged), and a SHOULD warning, a waived failure
 * and a not applicable scenario are each {@code <skipped>} with their own message prefix and an
 * {@code outcome} property, so that a warning never reads as not applicable.
 */
final class JunitXml {
  private JunitXml() {}

  static void write(Verdict verdict, Path file) {
    try {
      Files.writeString(file, render(verdict));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String render(Verdict verdict) {
    List<ScenarioOutcome> all = verdict.outcomes();
    long failures = all.stream().filter(o -> o.kind() == Kind.FAILED).count();
    long errors =
        all.stream().filter(o -> o.kind() == Kind.ERROR || o.kind() == Kind.ENVIRONMENT).count();
    long skipped =
        all.stream()
            .filter(
                o ->
                    o.kind() == Kind.WARNING
                        || o.kind() == Kind.NOT_APPLICABLE
                        || o.kind() == Kind.WAIVED)
            .count();
    double seconds = VerdictPlugin.total(all).toMillis() / 1000.0;
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"XS2A conformance\" tests=\"")
        .append(all.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"")
        .append(skipped)
        .append("\" time=\"")
        .append(String.format(Locale.ROOT, "%.3f", seconds))
        .append("\">\n");
    sb.append("  <properties>\n");
    property(sb, "    ", "verdict", verdict.outcome().label());
    property(sb, "    ", "exitCode", String.valueOf(verdict.exitCode()));
    sb.append("  </properties>\n");
    for (ScenarioOutcome o : all) {
      String feature = o.location().replaceFirst(":\\d+$", "");
      sb.append("  <testcase classname=\"")
          .append(attr(feature))
          .append("\" name=\"")
          .append(attr(o.name()))
          .append("\" time=\"")
          .append(String.format(Locale.ROOT, "%.3f", o.duration().toMillis() / 1000.0))
          .append("\">\n");
      sb.append("    <properties>\n");
      property(sb, "      ", "outcome", o.kind().label());
      property(sb, "      ", "rules", String.join(" ", o.rules()));
      property(sb, "      ", "location", o.location());
      sb.append("    </properties>\n");
      String message = o.message().orElse("");
      switch (o.kind()) {
        case FAILED ->
            element(
                sb, "failure", "MUST rule broken", String.join(" ", o.brokenMustRules()), message);
        case ERROR -> element(sb, "error", "kit error", "", message);
        case ENVIRONMENT -> element(sb, "error", "environment fault", "", message);
        case WARNING ->
            skipped(
                sb, "SHOULD WARNING (" + String.join(" ", o.brokenShouldRules()) + "): " + message);
        case WAIVED -> skipped(sb, "WAIVED: " + message);
        case NOT_APPLICABLE -> skipped(sb, "NOT APPLICABLE: " + message);
        case PASSED -> {}
      }
      sb.append("  </testcase>\n");
    }
    sb.append("</testsuite>\n");
    return sb.toString();
  }

  private static void element(
      StringBuilder sb, String name, String type, String rules, String message) {
    sb.append("    <")
        .append(name)
        .append(" type=\"")
        .append(attr(rules.isEmpty() ? type : type + ": " + rules))
        .append("\" message=\"")
        .append(attr(message))
        .append("\">")
        .append(attr(message))
        .append("</")
        .append(name)
        .append(">\n");
  }

  private static void skipped(StringBuilder sb, String message) {
    sb.append("    <skipped message=\"").append(attr(message)).append("\"/>\n");
  }

  private static void property(StringBuilder sb, String indent, String name, String value) {
    sb.append(indent)
        .append("<property name=\"")
        .append(attr(name))
        .append("\" value=\"")
        .append(attr(value))
        .append("\"/>\n");
  }

  /** XML text escaped for an attribute or element; characters XML 1.0 forbids are dropped. */
  static String attr(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                default -> {
                  if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
