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
   * Loads every layer. Unknown {@code kit.*} keys in a profile file or in system properties are
   * errors: a typo must not silently fall back to a default.
   */
  static ConfigLayers load(
      Map<String, String> defaults,
      Path envDir,
      Map<String, String> systemProperties,
      Map<String, String> environment) {
    ConfigLayers layers = new ConfigLayers();
    defaults.forEach((k, v) -> layers.values.put(k, new Value(v, "built-in defaults")));

    String profile =
        pick(KitKeys.ENV, systemProperties, environment).orElse(defaults.get(KitKeys.ENV));
    Path file = envDir.resolve(profile + ".properties");
    Properties fromFile = readProfile(profile, file, envDir);
    for (String key : fromFile.stringPropertyNames()) {
      requireKnown(key, file.toString());
      layers.values.put(key, new Value(fromFile.getProperty(key).trim(), file.toString()));
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
                    "missing configuration key '"
                        + key
                        + "' (set it in env/"
                        + values.get(KitKeys.ENV).text()
                        + ".properties, as -D"
                        + key
                        + " or as environment variable "
                        + envName(key)
                        + ")"));
  }

  private static Optional<String> pick(
      String key, Map<String, String> sys, Map<String, String> env) {
    String v = env.get(envName(key));
    if (v == null || v.isBlank()) {
      v = sys.get(key);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Properties readProfile(String profile, Path file, Path envDir) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      return p;
    } catch (NoSuchFileException e) {
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
              + " (known keys: "
              + String.join(", ", KitKeys.ALL)
              + ")");
    }
  }
}
