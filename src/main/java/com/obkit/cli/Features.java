package com.obkit.cli;

import com.obkit.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The feature folder a run uses: the one named, or, when the default {@code features} is not in the
 * working directory, the kit's own copy (the runnable jar carries every feature), unpacked into a
 * temporary folder that is deleted when the JVM ends. Cucumber selects a directory, so the jar's
 * features become one.
 */
final class Features {
  private Features() {}

  /** The default of {@code --features}. */
  static final Path DEFAULT = Path.of("features");

  /**
   * @throws ConfigException when a folder other than the default is named and does not exist
   */
  static Path folder(Path requested) {
    if (Files.isDirectory(requested)) {
      return requested;
    }
    if (!requested.equals(DEFAULT)) {
      throw new ConfigException("--features " + requested + ": no such folder");
    }
    URL marker = Features.class.getClassLoader().getResource("features/");
    if (marker == null) {
      throw new ConfigException(
          "no features folder here (" + requested.toAbsolutePath() + ") and none in the kit");
    }
    try {
      // Scenario locations read "features/…" (VerdictPlugin): the same in the jar as in the
      // repository, so run records compare across both.
      Path temp = Files.createTempDirectory("obkit");
      Path target = Files.createDirectories(temp.resolve("features"));
      URI uri = marker.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copy(jar.getPath("/features"), target);
        }
      } else {
        copy(Path.of(uri), target);
      }
      deleteOnExit(temp);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the kit's features", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path dest = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(dest);
        } else {
          try (InputStream in = Files.newInputStream(f)) {
            Files.copy(in, dest);
          }
        }
      }
    }
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> files = Files.walk(dir)) {
                    List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
                    for (Path p : all) {
                      Files.deleteIfExists(p);
                    }
                  } catch (IOException e) {
                    // A temporary folder left behind is harmless; the run's outcome stands.
                  }
                }));
  }
}
