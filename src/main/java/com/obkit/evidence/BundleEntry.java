package com.obkit.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of an evidence bundle.
 *
 * @param path its name in the zip: relative, forward slashes, no {@code .} or {@code ..} segment,
 *     and not one of the bundle's own names ({@value EvidenceBundle#MANIFEST}, {@value
 *     EvidenceBundle#SIGNATURE})
 * @param content its bytes (kept as given: the record is not defensive about the array, the bundle
 *     hashes exactly what it writes)
 */
public record BundleEntry(String path, byte[] content) {

  public BundleEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    requireSafePath(path);
    if (path.equals(EvidenceBundle.MANIFEST) || path.equals(EvidenceBundle.SIGNATURE)) {
      throw new IllegalArgumentException(
          "entry name '" + path + "' is reserved for the bundle's manifest and its signature");
    }
  }

  /** An entry of UTF-8 text. */
  public static BundleEntry text(String path, String text) {
    return new BundleEntry(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Refuses a name that could escape the folder a bundle is unpacked into, or that two systems
   * would read differently (backslashes, an absolute path, empty segments).
   */
  static void requireSafePath(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.endsWith("/")
        || path.contains("\\")
        || path.contains("//")
        || path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("entry name '" + path + "' is not a relative file path");
    }
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "entry name '" + path + "' has a '" + segment + "' segment");
      }
    }
  }
}
