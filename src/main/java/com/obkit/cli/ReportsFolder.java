package com.obkit.cli;

import com.obkit.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code reports/} holds exactly the last run: emptied before every run, however it is started
 * (Maven, the command line, an IDE). It only empties a folder the kit wrote (it holds the marker
 * {@value #MARKER}) or one holding nothing but the kit's own files, so a mistyped {@code
 * kit.reports} cannot delete someone's documents.
 */
final class ReportsFolder {
  static final String MARKER = ".obkit-reports";

  /** What the kit writes there, and the folder's README kept in the repository. */
  private static final Set<String> KIT_FILES =
      Set.of(
          MARKER,
          "README.md",
          "allure-results",
          "allure-report",
          "allure-single",
          "verdict.json",
          "verdict.html",
          "run.json",
          "summary.md",
          "junit.xml",
          "evidence.zip",
          "cucumber.json",
          "cucumber-junit.xml");

  private ReportsFolder() {}

  /**
   * Empties {@code reports} (keeping its README.md) and marks it as the kit's.
   *
   * @throws ConfigException when the folder holds files the kit did not write
   */
  static void clean(Path reports) {
    try {
      Files.createDirectories(reports);
      List<Path> entries;
      try (Stream<Path> list = Files.list(reports)) {
        entries = list.toList();
      }
      boolean ours =
          Files.exists(reports.resolve(MARKER))
              || entries.stream().allMatch(e -> KIT_FILES.contains(e.getFileName().toString()));
      if (!ours) {
        throw new ConfigException(
            "kit.reports: "
                + reports.toAbsolutePath()
                + " holds files the kit did not write (no "
                + MARKER
                + "): refusing to empty it; choose a new or empty folder");
      }
      for (Path e : entries) {
        if (!e.getFileName().toString().equals("README.md")) {
          delete(e);
        }
      }
      Files.writeString(
          reports.resolve(MARKER), "Written by the conformance kit: emptied before every run.\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the reports folder " + reports, e);
    }
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
