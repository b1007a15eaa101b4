package com.obkit.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} bodies, as the token, revocation and login calls send.
 */
final class Forms {
  private Forms() {}

  /**
   * The fields in the map's order, names and values form-encoded in UTF-8 (a space as {@code +}),
   * joined with {@code &}: plain ASCII, so the bytes do not depend on a charset.
   */
  static String encode(Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }
}
