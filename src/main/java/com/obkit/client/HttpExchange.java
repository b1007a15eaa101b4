package com.obkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its answer, as the checks see them: immutable, headers by lowercase name.
 *
 * @param method HTTP method
 * @param uri the requested URI
 * @param status the response status
 * @param headers response headers, names in lowercase, values in order
 * @param body the response body as text (UTF-8)
 */
public record HttpExchange(
    String method, URI uri, int status, Map<String, List<String>> headers, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpExchange {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** The first value of a response header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The response's media type without parameters, lowercase, or empty. */
  public String mediaType() {
    return header("content-type")
        .map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT))
        .orElse("");
  }

  /** The body as JSON, or empty when it is not JSON. */
  public Optional<JsonNode> json() {
    try {
      return body.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A top-level JSON field as text, or "" when absent or the body is not JSON. */
  public String jsonText(String field) {
    return json().map(j -> j.path(field).asText("")).orElse("");
  }

  /** A top-level {@code _links} entry of a JSON answer (see {@link #linkOf}); empty when absent. */
  public Optional<String> link(String name) {
    return linkOf(json().map(j -> j.path("_links")).orElse(MissingNode.getInstance()), name);
  }

  /**
   * An entry of a {@code _links} object: a plain string (this bank, contract section 10) or {@code
   * {"href": string}} (the Berlin Group's HAL-like form); empty when neither, or blank.
   */
  public static Optional<String> linkOf(JsonNode links, String name) {
    JsonNode entry = links.path(name);
    JsonNode href = entry.isObject() ? entry.get("href") : entry;
    return href != null && href.isTextual() && !href.asText().isBlank()
        ? Optional.of(href.asText())
        : Optional.empty();
  }

  /** Whether the status is a redirect (3xx). */
  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }

  /** A one-line description for messages (no body, no secrets). */
  public String describe() {
    return method
        + " "
        + uri.getScheme()
        + "://"
        + uri.getAuthority()
        + uri.getRawPath()
        + " -> "
        + status;
  }

  @Override
  public String toString() {
    return "HttpExchange[" + describe() + "]";
  }
}
