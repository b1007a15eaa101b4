package com.obkit.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body or a query string, parsed strictly by this
 * sandbox (not by the servlet container): repeated fields are kept in order ({@code
 * redirect_uris}), {@code +} is a space, and a malformed percent escape or invalid UTF-8 is an
 * error rather than something silently repaired.
 */
final class FormData {

  /** Thrown for malformed input; the message names the offending field. */
  static final class MalformedFormException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedFormException(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Map.Entry<String, String>> fields;

  private FormData(List<Map.Entry<String, String>> fields) {
    this.fields = List.copyOf(fields);
  }

  /** Parses body bytes (UTF-8). */
  static FormData parse(byte[] body) throws MalformedFormException {
    return parse(decodeUtf8(body, "the body"));
  }

  /** Parses a raw (still percent-encoded) query or body string. */
  static FormData parse(String raw) throws MalformedFormException {
    Objects.requireNonNull(raw, "raw");
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    if (raw.isEmpty()) {
      return new FormData(fields);
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2": empty pairs carry nothing
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a field name");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "field '" + name + "'");
      fields.add(Map.entry(name, value));
    }
    return new FormData(fields);
  }

  /** The first value of {@code name}. */
  Optional<String> first(String name) {
    return fields.stream()
        .filter(e -> e.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Every value of {@code name}, in order. */
  List<String> all(String name) {
    return fields.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
  }

  /** How often {@code name} occurs. */
  int count(String name) {
    return all(name).size();
  }

  /** Field names in order, with repetitions. */
  List<String> names() {
    return fields.stream().map(Map.Entry::getKey).toList();
  }

  /** Decodes one form-encoded component (RFC 6749 2.3.1 encodes Basic credentials this way). */
  static String decodeComponent(String component) throws MalformedFormException {
    return decode(component, "a value");
  }

  private static String decode(String component, String what) throws MalformedFormException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= component.length()) {
          throw new MalformedFormException("incomplete percent escape in " + what);
        }
        int hi = Character.digit(component.charAt(i + 1), 16);
        int lo = Character.digit(component.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new MalformedFormException(
              "invalid percent escape '" + component.substring(i, i + 3) + "' in " + what);
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < component.length()) {
          encoded = component.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    return decodeUtf8(bytes.toByteArray(), what);
  }

  private static String decodeUtf8(byte[] bytes, String what) throws MalformedFormException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedFormException("invalid UTF-8 in " + what);
    }
  }
}
