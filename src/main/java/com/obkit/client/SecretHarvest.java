package com.obkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the secret values in what the kit sends and receives and registers them with the run's
 * {@link SecretRegistry}, so they are scrubbed from every output, also where they appear later
 * under another name or none. Judges by {@link SecretNames}, so a field nobody foresaw is found
 * too.
 */
final class SecretHarvest {

  /**
   * Top-level fields of an OAuth token or authorisation answer: with one of them present (and no
   * error), a top-level {@code code} is an authorisation code rather than an error code.
   */
  private static final Set<String> OAUTH_ANSWER_FIELDS =
      Set.of("access_token", "id_token", "refresh_token", "token_type", "state", "session_state");

  /** Fields whose presence makes the body an error answer, whose {@code code} stays visible. */
  private static final Set<String> ERROR_FIELDS = Set.of("tppMessages", "error", "errors");

  /** A query or fragment parameter in a URL, also HTML-escaped ({@code &amp;}) in a page. */
  private static final Pattern URL_PARAMETER =
      Pattern.compile("(?:[?&#;]|&amp;)([A-Za-z0-9_.\\-]+)=([^&#\\s\"'<>]*)");

  /** An HTML input element; its name and value attributes are read separately. */
  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  private static final Pattern NAME_ATTRIBUTE =
      Pattern.compile("\\bname\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
  private static final Pattern VALUE_ATTRIBUTE =
      Pattern.compile("\\bvalue\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretHarvest() {}

  /**
   * Registers the secrets of a request as sent: the {@code Authorization} credential (for HTTP
   * Basic also the decoded pair and its secret), cookies, secret query parameters, and secret
   * fields of a form or JSON body.
   */
  static void fromRequest(
      SecretRegistry registry,
      List<Map.Entry<String, String>> headers,
      String uri,
      String contentType,
      String body) {
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("authorization") || name.equals("proxy-authorization")) {
        credential(registry, h.getValue());
      } else if (name.equals("cookie")) {
        cookies(registry, h.getValue());
      } else if (SecretNames.isSecret(name)) {
        registry.register(h.getValue()); // X-Api-Key, X-Session-Token, ...
      }
    }
    urlParameters(registry, uri);
    body(registry, contentType, body);
  }

  /**
   * Registers the secrets of a response: {@code Set-Cookie} values, secret parameters of a {@code
   * Location} URL, and secret fields of a JSON, form or HTML body.
   */
  static void fromResponse(
      SecretRegistry registry,
      List<Map.Entry<String, String>> headers,
      String contentType,
      String body) {
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      String value = h.getValue();
      switch (name) {
        case "set-cookie" -> cookies(registry, value.split(";", 2)[0]);
        case "location", "content-location", "refresh" -> urlParameters(registry, value);
        default -> {
          if (SecretNames.isSecret(name)) {
            registry.register(value);
          }
        }
      }
    }
    body(registry, contentType, body);
  }

  private static void body(SecretRegistry registry, String contentType, String body) {
    if (body == null || body.isBlank()) {
      return;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String trimmed = body.trim();
    if (type.contains("x-www-form-urlencoded")) {
      urlParameters(registry, "?" + trimmed);
    } else if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
      json(registry, trimmed);
    } else if (type.contains("html") || trimmed.startsWith("<")) {
      html(registry, body);
    }
  }

  /** {@code Bearer T}: T; {@code Basic B}: B, the decoded pair and its secret; else the value. */
  static void credential(SecretRegistry registry, String value) {
    if (value == null) {
      return;
    }
    String v = value.trim();
    int space = v.indexOf(' ');
    String credential = space < 0 ? v : v.substring(space + 1).trim();
    registry.register(credential);
    if (space > 0 && v.substring(0, space).equalsIgnoreCase("basic")) {
      try {
        String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon >= 0) {
          registry.register(pair);
          String id = pair.substring(0, colon);
          String secret = pair.substring(colon + 1);
          registry.registerBasic(id, secret);
          // RFC 6749 section 2.3.1: the client's id and secret are form-encoded before Base64.
          registry.register(decode(secret));
        }
      } catch (IllegalArgumentException notBase64) {
        // Not a Basic credential after all; the value itself is registered above.
      }
    }
  }

  private static void cookies(SecretRegistry registry, String header) {
    for (String cookie : header.split(";")) {
      int eq = cookie.indexOf('=');
      if (eq > 0) {
        registry.register(cookie.substring(eq + 1).trim());
      }
    }
  }

  private static void urlParameters(SecretRegistry registry, String text) {
    if (text == null) {
      return;
    }
    Matcher m = URL_PARAMETER.matcher(text);
    while (m.find()) {
      if (SecretNames.isSecret(decode(m.group(1)))) {
        registry.register(decode(m.group(2)));
      }
    }
  }

  private static void html(SecretRegistry registry, String body) {
    urlParameters(registry, body);
    Matcher input = INPUT.matcher(body);
    while (input.find()) {
      Matcher name = NAME_ATTRIBUTE.matcher(input.group());
      Matcher value = VALUE_ATTRIBUTE.matcher(input.group());
      if (name.find() && value.find() && SecretNames.isSecret(unescapeHtml(name.group(1)))) {
        registry.register(unescapeHtml(value.group(1)));
      }
    }
  }

  private static void json(SecretRegistry registry, String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return; // Redactor never shows unparseable JSON; nothing to learn from it
    }
    if (root != null
        && root.isObject()
        && ERROR_FIELDS.stream().noneMatch(root::has)
        && OAUTH_ANSWER_FIELDS.stream().anyMatch(root::has)) {
      leaves(registry, root.path("code"));
    }
    walk(registry, root);
  }

  private static void walk(SecretRegistry registry, JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (SecretNames.isSecretJsonField(e.getKey())) {
                  leaves(registry, e.getValue());
                } else {
                  walk(registry, e.getValue());
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> walk(registry, child));
    }
  }

  /** Every scalar under a secret field: a secret may come as an object or a list of parts. */
  private static void leaves(SecretRegistry registry, JsonNode node) {
    if (node.isTextual() || node.isNumber()) {
      registry.register(node.asText());
    } else if (node.isContainerNode()) {
      node.forEach(child -> leaves(registry, child));
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  private static String unescapeHtml(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
