package com.obkit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The kit's own version (the Maven project version), as run records and reports state it. */
public final class KitVersion {
  private KitVersion() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the build did not stamp it. */
  public static String current() {
    try (InputStream in = KitVersion.class.getResourceAsStream("/obkit-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // An IDE that copies resources without Maven's filtering leaves the placeholder.
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kit's version", e);
    }
  }
}
