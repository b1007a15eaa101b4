package com.obkit.client;

import java.util.Optional;

/** Checks of values the journey's requests put in HTTP headers. */
final class HeaderValues {
  private HeaderValues() {}

  /**
   * Refuses a header value that could end its header: a CR or LF (or any other control character)
   * in a consent id or redirect URI taken from an answer would add a header of the bank's choosing
   * to a signed request.
   *
   * @param name the header, for the message
   * @param value the value
   * @return the value
   */
  static String require(String name, String value) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw new IllegalArgumentException(
            name + " holds a control character (index " + i + "): it cannot be a header value");
      }
    }
    return value;
  }

  /** {@link #require} for an optional header; absent stays absent. */
  static Optional<String> require(String name, Optional<String> value) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    value.ifPresent(v -> require(name, v));
    return value;
  }
}
