package com.obkit.history;

import java.util.Objects;
import java.util.Optional;

/**
 * One part of a bank release's {@link Fingerprint}: its value (the body of the version endpoint, or
 * the SHA-256 hex of a document), or why it could not be read. Exactly one of the two is present.
 *
 * <p>JSON: {@code {"value": "...", "reason": null}} or {@code {"value": null, "reason": "..."}}.
 *
 * @param value the version body, or the SHA-256 hex of a document
 * @param reason why the part is unavailable
 */
public record Part(Optional<String> value, Optional<String> reason) {

  public Part {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    if (value.isPresent() == reason.isPresent()) {
      throw new IllegalArgumentException(
          "a fingerprint part has exactly one of a value and a reason, not "
              + (value.isPresent() ? "both" : "neither"));
    }
  }

  /** A part that was read. */
  public static Part of(String value) {
    return new Part(Optional.of(value), Optional.empty());
  }

  /** A part that could not be read, and why. */
  public static Part unavailable(String reason) {
    return new Part(Optional.empty(), Optional.of(reason));
  }

  /** Whether the part was read. */
  public boolean available() {
    return value.isPresent();
  }

  /**
   * The value, cut to {@code max} characters (0: whole), or {@code unavailable (reason)}.
   *
   * @param max the most characters of the value shown, 0 for all of it
   */
  public String describe(int max) {
    if (value.isEmpty()) {
      return "unavailable (" + reason.orElseThrow() + ")";
    }
    String v = value.get();
    return max > 0 && v.length() > max ? v.substring(0, max) : v;
  }
}
