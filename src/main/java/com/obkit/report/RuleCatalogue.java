package com.obkit.report;

import com.obkit.outcomes.Level;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every MUST and SHOULD rule of the bank's contract (sections 2 to 8), from {@code
 * catalogue/rules.tsv}: id, level, one-line statement, source. Scenario tags are checked against
 * it.
 */
public final class RuleCatalogue {

  /**
   * One rule.
   *
   * @param id stable id such as {@code SIG-2}
   * @param level MUST or SHOULD
   * @param statement one line
   * @param source where the contract takes it from (REG, OAS, BG, ...)
   * @param planned whether the rule is in the contract but no scenario judges it yet (the journey
   *     of contract sections 10 to 15 and OAS-1): the rule table shows it as NOT COVERED, and the
   *     coverage test holds the list of planned rules exactly, so it can only shrink on purpose
   */
  public record Entry(String id, Level level, String statement, String source, boolean planned) {}

  private final List<Entry> entries;

  private RuleCatalogue(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The catalogue shipped with the kit. */
  public static RuleCatalogue load() {
    try (InputStream in = RuleCatalogue.class.getResourceAsStream("/catalogue/rules.tsv")) {
      if (in == null) {
        throw new IllegalStateException("catalogue/rules.tsv is missing from the classpath");
      }
      List<Entry> list = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 5 || !(f[4].equals("scenarios") || f[4].equals("planned"))) {
          throw new IllegalStateException(
              "catalogue/rules.tsv: line needs 5 tab-separated fields, the last 'scenarios' or"
                  + " 'planned': "
                  + line);
        }
        list.add(new Entry(f[0], Level.valueOf(f[1]), f[2], f[3], f[4].equals("planned")));
      }
      return new RuleCatalogue(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The SHA-256 (lowercase hex) of the shipped {@code catalogue/rules.tsv}: which rules a run
   * judged, for its record.
   */
  public static String digest() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The shipped {@code catalogue/rules.tsv} as it is, for a run's evidence. */
  public static byte[] bytes() {
    try (InputStream in = RuleCatalogue.class.getResourceAsStream("/catalogue/rules.tsv")) {
      if (in == null) {
        throw new IllegalStateException("catalogue/rules.tsv is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Entry> find(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
