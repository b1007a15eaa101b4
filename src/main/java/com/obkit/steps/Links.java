package com.obkit.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.client.HttpExchange;
import java.util.Optional;

/** Reads {@code _links} of an XS2A answer: a link is a string or an object with {@code href}. */
final class Links {
  private Links() {}

  static Optional<String> of(HttpExchange x, String name) {
    return x.json().map(j -> j.path("_links").path(name)).flatMap(Links::href);
  }

  private static Optional<String> href(JsonNode link) {
    JsonNode value = link.isObject() ? link.path("href") : link;
    return value.isTextual() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
