package com.obkit.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw configuration values in layers: built-in defaults, then {@code env/<profile>.properties},
 * then system properties, then environment variables ({@code kit.baseUrl} → {@code KIT_BASEURL}).
 * Each value remembers where it came from, so that an error can name the key and the file.
 */
final class ConfigLayers {

  /** A value and the layer it came from (for messages). */
  record Value(String text, String source) {}

  private final Map<String, Value> values = new LinkedHashMap<>();

  private ConfigLayers() {}

  /**
   * Loads every layer. Unknown {@code kit.*} keys in a profile file or in system properties, and
   * environment variables starting with {@code KIT_} that map to no key, are errors naming the
   * closest known key: a typo must not silently fall back to a default.
   */
  static ConfigLayers load(
      Map<String, String> defaults,
      Path envDir,
      Map<String, String> systemProperties,
      Map<String, String> environment) {
    // Checked before the profile is chosen: a misspelt KIT_ENV must not pick the default profile.
    requireKnownEnvironment(environment);
    ConfigLayers layers = new ConfigLayers();
    defaults.forEach((k, v) -> layers.values.put(k, new Value(v, "built-in defaults")));

    String profile =
        pick(KitKeys.ENV, systemProperties, environment).orElse(defaults.get(KitKeys.ENV));
    Path file = envDir.resolve(profile + ".properties");
    Profile read = readProfile(profile, file, envDir);
    Properties fromFile = read.properties();
    for (String key : fromFile.stringPropertyNames()) {
      requireKnown(key, read.origin());
      layers.values.put(key, new Value(fromFile.getProperty(key).trim(), read.origin()));
    }
    layers.values.put(KitKeys.ENV, new Value(profile, "selected profile"));

    systemProperties.forEach(
        (k, v) -> {
          if (k.startsWith("kit.")) {
            requireKnown(k, "system property -D" + k);
            layers.values.put(k, new Value(v.trim(), "system property -D" + k));
          }
        });
    for (String key : KitKeys.ALL) {
      String envName = envName(key);
      String v = environment.get(envName);
      if (v != null) {
        layers.values.put(key, new Value(v.trim(), "environment variable " + envName));
      }
    }
    return layers;
  }

  /** The environment variable for a key: upper case, dots to underscores. */
  static String envName(String key) {
    return key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  Optional<Value> get(String key) {
    Value v = values.get(key);
    return v == null || v.text().isEmpty() ? Optional.empty() : Optional.of(v);
  }

  Value require(String key) {
    return get(key)
        .orElseThrow(
            () ->
                new ConfigException(
                    "missing configuration key '" + key + "' (" + howToSet(key) + ")"));
  }

  /**
   * Where a key's value came from, for messages about rules that combine keys: {@code
   * 'kit.parallelism=4' from system property -Dkit.parallelism}, or {@code 'kit.clientId' is not
   * set}.
   */
  String origin(String key) {
    Value v = values.get(key);
    if (v == null || v.text().isEmpty()) {
      return "'" + key + "' is not set";
    }
    return "'" + key + "=" + v.text() + "' from " + v.source();
  }

  /** How a user sets a key, in each layer (for messages). */
  String howToSet(String key) {
    return "set it in env/"
        + values.get(KitKeys.ENV).text()
        + ".properties, as -D"
        + key
        + " or as environment variable "
        + envName(key);
  }

  /**
   * The known key closest to a misspelt name: the smallest edit distance between the names in
   * environment-variable form without separators, so that {@code KIT_BASE_URL}, {@code kit.baseURL}
   * and {@code kit.baseUrl} all compare as {@code KITBASEURL}. Ties go to the key listed first.
   */
  static String closestKey(String name) {
    String target = squash(name);
    String best = KitKeys.ALL.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (String key : KitKeys.ALL) {
      int d = editDistance(target, squash(key));
      if (d < bestDistance) {
        best = key;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String squash(String name) {
    return name.toUpperCase(Locale.ROOT).replace("_", "").replace(".", "");
  }

  /** Levenshtein distance (insertions, deletions, substitutions), two rows. */
  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * Every {@code KIT_*} environment variable must be a key's: the kit reads variables by key, so a
   * misspelt one would otherwise be ignored without a word.
   */
  private static void requireKnownEnvironment(Map<String, String> environment) {
    Set<String> known = new TreeSet<>();
    KitKeys.ALL.forEach(k -> known.add(envName(k)));
    for (String name : new TreeSet<>(environment.keySet())) {
      if (name.startsWith("KIT_") && !known.contains(name)) {
        String closest = closestKey(name);
        throw new ConfigException(
            "unknown environment variable "
                + name
                + " (did you mean "
                + envName(closest)
                + ", i.e. "
                + closest
                + "?)");
      }
    }
  }

  private static Optional<String> pick(
      String key, Map<String, String> sys, Map<String, String> env) {
    String v = env.get(envName(key));
    if (v == null || v.isBlank()) {
      v = sys.get(key);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** A profile's settings and where they came from (a file, or the kit's own copy). */
  private record Profile(Properties properties, String origin) {}

  /**
   * The profile's file; without one in {@code envDir}, the kit's own copy of a profile it ships
   * ({@code env/<name>.properties} on its class path: the runnable jar carries them), so that the
   * jar runs from any folder and a file of the same name still overrides it.
   */
  private static Profile readProfile(String profile, Path file, Path envDir) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      return new Profile(p, file.toString());
    } catch (NoSuchFileException e) {
      String shipped = "env/" + profile + ".properties";
      if (profile.matches("[A-Za-z0-9._-]+")) {
        try (InputStream in = ConfigLayers.class.getClassLoader().getResourceAsStream(shipped)) {
          if (in != null) {
            p.load(in);
            return new Profile(p, "the kit's own " + shipped);
          }
        } catch (IOException | IllegalArgumentException inner) {
          throw new ConfigException(
              "cannot read the kit's own " + shipped + ": " + inner.getMessage(), inner);
        }
      }
      throw new ConfigException(
          "unknown profile 'kit.env="
              + profile
              + "': no file "
              + file
              + " (profiles present: "
              + listProfiles(envDir)
              + ")");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read profile file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String listProfiles(Path envDir) {
    Set<String> names = new TreeSet<>();
    try (var files = Files.list(envDir)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".properties"))
          .forEach(n -> names.add(n.substring(0, n.length() - ".properties".length())));
    } catch (IOException | UncheckedIOException e) {
      return "none: cannot list " + envDir;
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static void requireKnown(String key, String where) {
    if (!KitKeys.ALL.contains(key)) {
      throw new ConfigException(
          "unknown configuration key '"
              + key
              + "' in "
              + where
              + " (did you mean "
              + closestKey(key)
              + "? known keys: "
              + String.join(", ", KitKeys.ALL)
              + ")");
    }
  }
}
