package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.client.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small readings of JSON answers shared by the checks of sections 10 to 15. */
final class Json {
  private Json() {}

  /** A non-blank string value, or empty (absent, null, a number, blank). */
  static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  /**
   * A {@code _links} entry: a plain string (this bank, PROD) or {@code {"href": string}} (BG's
   * HAL-like form); empty when neither.
   */
  static Optional<String> link(JsonNode links, String name) {
    return HttpExchange.linkOf(links, name);
  }

  /**
   * The names of {@code names} that occur as a field with a non-null value anywhere in {@code
   * root}.
   */
  static Set<String> fieldsNamed(JsonNode root, Set<String> names) {
    Set<String> found = new LinkedHashSet<>();
    collect(root, names, found);
    return found;
  }

  private static void collect(JsonNode node, Set<String> names, Set<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        if (names.contains(f.getKey()) && !f.getValue().isNull()) {
          found.add(f.getKey());
        }
        collect(f.getValue(), names, found);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, names, found);
      }
    }
  }

  /**
   * What is wrong with the answer's top-level {@code field} as one of {@code allowed} (a status
   * such as {@code consentStatus}), or empty.
   */
  static Optional<String> fieldIn(HttpExchange x, String field, List<String> allowed) {
    Optional<String> value = text(x.json().map(j -> j.get(field)).orElse(null));
    String expected = allowed.size() == 1 ? "'" + allowed.get(0) + "'" : "one of " + allowed;
    if (value.isEmpty()) {
      return Optional.of(
          "no "
              + field
              + " in "
              + x.describe()
              + ErrorChecks.bodyHint(x)
              + ", expected "
              + expected);
    }
    return allowed.contains(value.get())
        ? Optional.empty()
        : Optional.of(field + " is '" + value.get() + "', expected " + expected);
  }

  /** What is wrong when the answer lacks any of the top-level string {@code fields}, or empty. */
  static Optional<String> present(HttpExchange x, String... fields) {
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      if (text(x.json().map(j -> j.get(field)).orElse(null)).isEmpty()) {
        missing.add(field);
      }
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "no "
                + String.join(" and no ", missing)
                + " in "
                + x.describe()
                + ErrorChecks.bodyHint(x));
  }
}
