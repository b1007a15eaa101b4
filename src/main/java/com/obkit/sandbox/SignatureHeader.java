package com.obkit.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a draft-cavage {@code Signature} header: {@code name="value"} pairs separated
 * by commas. Parameter names are case-sensitive as in CAV 2.1; unknown parameters are kept and
 * ignored.
 */
final class SignatureHeader {

  private static final Pattern PARAMETER =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*\"([^\"]*)\"\\s*");

  private final Map<String, String> parameters;

  private SignatureHeader(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  /**
   * Parses the header value.
   *
   * @throws IllegalArgumentException naming the defect (never echoing the signature bytes)
   */
  static SignatureHeader parse(String value) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher m = PARAMETER.matcher(value);
    int position = 0;
    while (true) {
      m.region(position, value.length());
      if (!m.lookingAt()) {
        throw new IllegalArgumentException(
            "is not a list of name=\"value\" parameters (at character " + position + ")");
      }
      if (parameters.put(m.group(1), m.group(2)) != null) {
        throw new IllegalArgumentException("repeats parameter " + m.group(1));
      }
      position = m.end();
      if (position == value.length()) {
        break;
      }
      if (value.charAt(position) != ',') {
        throw new IllegalArgumentException(
            "expects ',' between parameters (at character " + position + ")");
      }
      position++;
    }
    return new SignatureHeader(parameters);
  }

  Optional<String> keyId() {
    return Optional.ofNullable(parameters.get("keyId"));
  }

  Optional<String> algorithm() {
    return Optional.ofNullable(parameters.get("algorithm"));
  }

  /**
   * The signed header names, lowercase, in order; CAV 2.1.3 defaults to {@code date} when absent.
   */
  List<String> headers() {
    String list = parameters.getOrDefault("headers", "date").trim();
    if (list.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(list.split("\\s+")).map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  Optional<String> signature() {
    return Optional.ofNullable(parameters.get("signature"));
  }

  @Override
  public String toString() {
    // The signature value is not secret, but keep logs short and stable.
    return "SignatureHeader" + parameters.keySet();
  }
}
