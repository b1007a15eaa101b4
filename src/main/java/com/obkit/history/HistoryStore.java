package com.obkit.history;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The past runs of one environment and tenant, and the bank's OpenAPI documents they were judged
 * against. The layout:
 *
 * <pre>
 * dir/runs/&lt;start as yyyyMMdd'T'HHmmss'Z'&gt;-&lt;4 random hex&gt;.json   one {@link RunRecord} each
 * dir/openapi/&lt;sha256&gt;.json                                  the documents the kept runs name
 * dir/allure-history/                                          Allure's history folder, for trends
 * </pre>
 *
 * <p>The folder is created owner-only ({@code rwx------}) where the file system is POSIX, at the
 * first write; reading a store that does not exist finds no runs. Every file is written whole or
 * not at all (a temporary file, then a move), so a killed run never leaves half a file. Not
 * thread-safe: one run writes a store at a time.
 */
public final class HistoryStore {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Pattern RUN_FILE = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}\\.json");

  private final Path dir;
  private final int limit;
  private final PrintStream warnings;
  private final RandomGenerator random;

  /**
   * A store in {@code dir} keeping the newest {@code limit} runs.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  public HistoryStore(Path dir, int limit) {
    this(dir, limit, System.err, new SecureRandom());
  }

  /** For tests: where warnings go, and the random suffix of run files. */
  HistoryStore(Path dir, int limit, PrintStream warnings, RandomGenerator random) {
    this.dir = Objects.requireNonNull(dir, "dir");
    if (limit < 1) {
      throw new IllegalArgumentException("a history keeps at least 1 run, not " + limit);
    }
    this.limit = limit;
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The store's folder. */
  public Path dir() {
    return dir;
  }

  /** How many runs it keeps. */
  public int limit() {
    return limit;
  }

  private Path runsDir() {
    return dir.resolve("runs");
  }

  private Path openApiDir() {
    return dir.resolve("openapi");
  }

  private Path allureHistory() {
    return dir.resolve("allure-history");
  }

  /**
   * Keeps a run: writes the documents it was judged against that are not there yet ({@code sha256}
   * hex to the document's text), then the run, then drops the oldest runs beyond the limit and the
   * documents no kept run names.
   *
   * @return the file the run was written to
   * @throws IllegalArgumentException when a key of {@code documentsBySha256} is not lower-case
   *     SHA-256 hex
   * @throws UncheckedIOException when the store cannot be written
   */
  public Path save(RunRecord run, Map<String, String> documentsBySha256) {
    Objects.requireNonNull(run, "run");
    documentsBySha256.keySet().forEach(HistoryStore::requireSha256);
    try {
      AtomicFiles.ownerOnlyDirectories(dir);
      AtomicFiles.ownerOnlyDirectories(runsDir());
      if (!documentsBySha256.isEmpty()) {
        AtomicFiles.ownerOnlyDirectories(openApiDir());
      }
      for (Map.Entry<String, String> doc : documentsBySha256.entrySet()) {
        Path file = openApiDir().resolve(doc.getKey() + ".json");
        if (!Files.exists(file)) {
          AtomicFiles.write(file, doc.getValue());
        }
      }
      Path file;
      do {
        file =
            runsDir()
                .resolve(
                    FILE_TIME.format(run.start())
                        + "-"
                        + HexFormat.of().toHexDigits((short) (random.nextInt() & 0xffff))
                        + ".json");
      } while (Files.exists(file));
      run.write(file);
      prune();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot be written: " + e, e);
    }
  }

  private void prune() throws IOException {
    List<Stored> kept = stored();
    for (int i = 0; i < kept.size() - limit; i++) {
      Files.deleteIfExists(kept.get(i).file());
    }
    kept = kept.subList(Math.max(0, kept.size() - limit), kept.size());
    Set<String> named = new HashSet<>();
    for (Stored s : kept) {
      s.run().fingerprint().xs2aOpenApi().value().ifPresent(named::add);
      s.run().fingerprint().authOpenApi().value().ifPresent(named::add);
    }
    if (!Files.isDirectory(openApiDir())) {
      return;
    }
    try (Stream<Path> docs = Files.list(openApiDir())) {
      for (Path doc : docs.toList()) {
        String name = doc.getFileName().toString();
        if (name.endsWith(".json")
            && SHA256.matcher(name.substring(0, name.length() - 5)).matches()
            && !named.contains(name.substring(0, name.length() - 5))) {
          Files.deleteIfExists(doc);
        }
      }
    }
  }

  /**
   * Every kept run, oldest first (by start). A file that cannot be read as a run is skipped with a
   * warning line on stderr naming it.
   */
  public List<RunRecord> runs() {
    return stored().stream().map(Stored::run).toList();
  }

  private record Stored(Path file, RunRecord run) {}

  private List<Stored> stored() {
    if (!Files.isDirectory(runsDir())) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(runsDir())) {
      files =
          list.filter(f -> RUN_FILE.matcher(f.getFileName().toString()).matches())
              .sorted()
              .toList();
    } catch (IOException e) {
      warnings.println("kit history: cannot list " + runsDir() + ": " + e);
      return List.of();
    }
    List<Stored> runs = new ArrayList<>();
    for (Path f : files) {
      try {
        runs.add(new Stored(f, RunRecord.read(f)));
      } catch (IllegalArgumentException | UncheckedIOException e) {
        warnings.println("kit history: skipped " + message(f, e));
      }
    }
    runs.sort(
        Comparator.comparing((Stored s) -> s.run().start())
            .thenComparing(s -> s.file().getFileName().toString()));
    return runs;
  }

  private static String message(Path file, RuntimeException e) {
    String m = e.getMessage();
    return m != null && m.startsWith(file.toString()) ? m : file + ": " + m;
  }

  /** The newest run, if any. */
  public Optional<RunRecord> latest() {
    List<RunRecord> runs = runs();
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /**
   * The newest run on another release of the bank than {@code current}: the run to compare with
   * when the bank released.
   */
  public Optional<RunRecord> lastOnAnotherRelease(Fingerprint current) {
    List<RunRecord> runs = runs();
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (!runs.get(i).fingerprint().sameRelease(current)) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * A kept document by its SHA-256 hex; empty when the store does not have it.
   *
   * @throws IllegalArgumentException when {@code sha256} is not lower-case SHA-256 hex
   */
  public Optional<String> document(String sha256) {
    requireSha256(sha256);
    Path file = openApiDir().resolve(sha256 + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e, e);
    }
  }

  private static void requireSha256(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case SHA-256 hex: " + sha256);
    }
  }

  /**
   * Copies the kept Allure history into {@code allureResults/history/} (created), so that the next
   * report shows trends; nothing when the store keeps none.
   */
  public void restoreAllureHistory(Path allureResults) {
    if (!Files.isDirectory(allureHistory())) {
      return;
    }
    Path target = allureResults.resolve("history");
    try {
      Files.createDirectories(target);
      copyTree(allureHistory(), target);
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot be written: " + e, e);
    }
  }

  /**
   * Replaces the kept Allure history with {@code allureReport/history/}, when the report has one.
   */
  public void keepAllureHistory(Path allureReport) {
    Path source = allureReport.resolve("history");
    if (!Files.isDirectory(source)) {
      return;
    }
    try {
      AtomicFiles.ownerOnlyDirectories(dir);
      Path fresh = Files.createTempDirectory(dir, ".allure-history-");
      copyTree(source, fresh);
      Path old = dir.resolve(".allure-history-old");
      deleteTree(old);
      if (Files.exists(allureHistory())) {
        Files.move(allureHistory(), old);
      }
      Files.move(fresh, allureHistory());
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException(allureHistory() + ": cannot be written: " + e, e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(d).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.copy(
                f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
