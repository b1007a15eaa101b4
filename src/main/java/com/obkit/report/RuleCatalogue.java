package com.obkit.report;

import com.obkit.outcomes.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * A file that replaces the shipped catalogue when it exists in the working folder, as {@code
   * features/} and {@code env/} replace the jar's own: a bank's newer contract can be judged by the
   * jar a TPP already has. Its digest is what run records and evidence name.
   */
  public static final Path OVERRIDE = Path.of("catalogue", "rules.tsv");

  /** The catalogue: {@link #OVERRIDE} when it exists, otherwise the one shipped with the kit. */
  public static RuleCatalogue load() {
    return load(Path.of(""));
  }

  /** As {@link #load()}, with {@link #OVERRIDE} looked for under {@code workingFolder}. */
  static RuleCatalogue load(Path workingFolder) {
    Path override = workingFolder.resolve(OVERRIDE);
    String source = Files.isRegularFile(override) ? override.toString() : "catalogue/rules.tsv";
    List<Entry> list = new ArrayList<>();
    String[] lines = new String(bytes(workingFolder), StandardCharsets.UTF_8).split("\r?\n");
    // The first line is the header.
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 5
          || !(f[4].equals("scenarios") || f[4].equals("planned"))
          || !(f[1].equals("MUST") || f[1].equals("SHOULD"))) {
        throw new IllegalStateException(
            source
                + " line "
                + (i + 1)
                + ": needs 5 tab-separated fields (id, MUST or SHOULD, statement, source,"
                + " 'scenarios' or 'planned'): "
                + line);
      }
      list.add(new Entry(f[0], Level.valueOf(f[1]), f[2], f[3], f[4].equals("planned")));
    }
    return new RuleCatalogue(list);
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

  /** The catalogue's bytes as they are ({@link #OVERRIDE} or the shipped one), for evidence. */
  public static byte[] bytes() {
    return bytes(Path.of(""));
  }

  static byte[] bytes(Path workingFolder) {
    Path override = workingFolder.resolve(OVERRIDE);
    try {
      if (Files.isRegularFile(override)) {
        return Files.readAllBytes(override);
      }
      try (InputStream in = RuleCatalogue.class.getResourceAsStream("/catalogue/rules.tsv")) {
        if (in == null) {
          throw new IllegalStateException("catalogue/rules.tsv is missing from the classpath");
        }
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rule catalogue " + override, e);
    }
  }

  public Optional<Entry> find(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
