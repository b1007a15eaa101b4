package com.obkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets before anything is written to a report or the console: client secrets, initial
 * access tokens, access and refresh tokens, authorisation codes, PKCE verifiers, passwords and
 * digipass numbers, in headers, JSON bodies, form bodies and URL queries. A masked value keeps its
 * first four characters and its length, enough to tell two values apart while debugging.
 *
 * <p>This is the first line, by name: besides the names listed here, any name {@link SecretNames}
 * judges secret ({@code registration_access_token}, {@code X-Api-Key}) is masked. The second line,
 * by value wherever it appears, is the run's {@link SecretRegistry}.
 */
public final class Redactor {

  /** Field, form and query names whose values are secret. */
  static final Set<String> SECRET_NAMES =
      Set.of(
          "client_secret",
          "access_token",
          "refresh_token",
          "id_token",
          "initial_access_token",
          "code",
          "code_verifier",
          "password",
          "digipass",
          "private_key",
          "session");

  /** In JSON, {@code code} is a Berlin Group error code, not an authorisation code: shown. */
  private static final Set<String> JSON_SECRET_NAMES =
      SECRET_NAMES.stream().filter(n -> !n.equals("code")).collect(Collectors.toUnmodifiableSet());

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "cookie", "set-cookie", "proxy-authorization");
  private static final Pattern QUERY_PARAM = Pattern.compile("([?&#])([^=&#]+)=([^&#]*)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Redactor() {}

  /** {@code abcd****(43 chars)}: the first four characters and the length. */
  public static String mask(String secret) {
    if (secret == null || secret.isEmpty()) {
      return secret;
    }
    String head = secret.length() > 8 ? secret.substring(0, 4) : "";
    return head + "****(" + secret.length() + " chars)";
  }

  /** A header value, masked when the header carries credentials. */
  public static String header(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (value == null) {
      return null;
    }
    if (n.equals("cookie") || n.equals("set-cookie")) {
      return cookies(value, n.equals("set-cookie"));
    }
    if (!SECRET_HEADERS.contains(n) && !SecretNames.isSecret(n)) {
      return n.equals("location") ? url(value) : value;
    }
    int space = value.indexOf(' ');
    if (space > 0) {
      String scheme = value.substring(0, space);
      return scheme + " " + mask(value.substring(space + 1).trim());
    }
    return mask(value);
  }

  /**
   * Cookie values masked, names kept; for {@code Set-Cookie} only the first pair is the cookie (the
   * attributes after it, {@code Path=/; HttpOnly}, are shown).
   */
  private static String cookies(String value, boolean setCookie) {
    String[] parts = value.split(";", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(';');
      }
      int eq = parts[i].indexOf('=');
      boolean cookie = !setCookie || i == 0;
      sb.append(
          cookie && eq >= 0
              ? parts[i].substring(0, eq + 1) + mask(parts[i].substring(eq + 1))
              : parts[i]);
    }
    return sb.toString();
  }

  /** All headers, masked. */
  public static Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, header(k, v)));
    return out;
  }

  /** A URL with secret query parameters masked. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = QUERY_PARAM.matcher(url);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      String value = isSecretParameter(name) ? mask(m.group(3)) : m.group(3);
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A body of the given media type, masked: JSON fields, form fields; other text as is. */
  public static String body(String mediaType, String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (type.contains("x-www-form-urlencoded")) {
      return form(body);
    }
    String trimmed = body.trim();
    if (type.contains("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return json(body);
    }
    return body;
  }

  /** A form body with secret fields masked. */
  public static String form(String body) {
    StringBuilder sb = new StringBuilder();
    for (String pair : body.split("&", -1)) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String decoded = URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      if (eq >= 0 && isSecretParameter(decoded)) {
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        sb.append(name).append('=').append(URLEncoder.encode(mask(value), StandardCharsets.UTF_8));
      } else {
        sb.append(pair);
      }
    }
    return sb.toString();
  }

  /**
   * A JSON document with secret fields masked at any depth; unparseable JSON is replaced by a
   * notice.
   */
  public static String json(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      maskNode(root);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      // Unparseable text may still hold a secret: never show it raw.
      return "<unparseable JSON body, " + body.length() + " chars, not shown>";
    }
  }

  private static boolean isSecretParameter(String lowerCaseName) {
    return SECRET_NAMES.contains(lowerCaseName) || SecretNames.isSecret(lowerCaseName);
  }

  private static void maskNode(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Map<String, String> replace = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String name = e.getKey().toLowerCase(Locale.ROOT);
        if ((JSON_SECRET_NAMES.contains(name) || SecretNames.isSecretJsonField(e.getKey()))
            && e.getValue().isValueNode()
            && !e.getValue().isNull()) {
          replace.put(e.getKey(), mask(e.getValue().asText()));
        } else {
          maskNode(e.getValue());
        }
      }
      replace.forEach((k, v) -> object.set(k, TextNode.valueOf(v)));
    } else if (node != null && node.isArray()) {
      node.forEach(Redactor::maskNode);
    }
  }
}
