package com.obkit.signing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The string a request signature is computed over (contract section 2;
 * draft-cavage-http-signatures-10 section 2.3): for each name of the {@code headers} parameter, in
 * order, {@code lowercase(name) + ": " + value}, joined with {@code \n}, no trailing newline.
 */
public final class SigningString {

  private SigningString() {}

  /**
   * Builds the signing string.
   *
   * @param headerNames the names of the {@code headers} parameter, in signing order (any case)
   * @param headerValueByLowercaseName the value of a header, looked up by its lowercase name;
   *     several instances of a header must already be joined with {@code ", "} (CAV 2.3)
   * @throws IllegalArgumentException if the list is empty, a name is blank, or a listed header has
   *     no value (naming the header), or a value contains a line break (it would forge extra lines)
   */
  public static String build(
      List<String> headerNames, Function<String, Optional<String>> headerValueByLowercaseName) {
    Objects.requireNonNull(headerNames, "headerNames");
    Objects.requireNonNull(headerValueByLowercaseName, "headerValueByLowercaseName");
    if (headerNames.isEmpty()) {
      throw new IllegalArgumentException("the list of signed headers is empty");
    }
    StringBuilder out = new StringBuilder();
    for (String rawName : headerNames) {
      if (rawName == null || rawName.isBlank()) {
        throw new IllegalArgumentException(
            "the list of signed headers contains a blank name: " + headerNames);
      }
      String name = rawName.strip().toLowerCase(Locale.ROOT);
      Optional<String> value = headerValueByLowercaseName.apply(name);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("signed header '" + name + "' has no value to sign");
      }
      String v = stripOws(value.get());
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "value of signed header '" + name + "' contains a line break");
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(name).append(": ").append(v);
    }
    return out.toString();
  }

  /**
   * CAV 2.3: leading and trailing optional whitespace (space, tab; RFC 7230 3.2.4) is not signed.
   */
  private static String stripOws(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isOws(value.charAt(start))) {
      start++;
    }
    while (end > start && isOws(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}
