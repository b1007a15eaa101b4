package com.obkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Typed, strict reads of JSON members for the XS2A request bodies: a wrong type, a missing required
 * member or a blank text is 400 FORMAT_ERROR naming the member's path (section 8). An explicit JSON
 * {@code null} counts as absent.
 */
final class JsonFields {

  private JsonFields() {}

  static Optional<JsonNode> optional(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  static JsonNode require(JsonNode parent, String name, String path) {
    return optional(parent, name).orElseThrow(() -> Rejection.formatError(path + " is missing"));
  }

  static JsonNode requireObject(JsonNode parent, String name, String path) {
    JsonNode node = require(parent, name, path);
    if (!node.isObject()) {
      throw Rejection.formatError(path + " must be a JSON object");
    }
    return node;
  }

  static String requireText(JsonNode parent, String name, String path) {
    JsonNode node = require(parent, name, path);
    if (!node.isTextual() || node.asText().isBlank()) {
      throw Rejection.formatError(path + " must be a non-empty JSON string");
    }
    return node.asText();
  }

  static Optional<String> optionalText(JsonNode parent, String name, String path) {
    Optional<JsonNode> node = optional(parent, name);
    if (node.isPresent() && !node.get().isTextual()) {
      throw Rejection.formatError(path + " must be a JSON string");
    }
    return node.map(JsonNode::asText);
  }

  static boolean requireBoolean(JsonNode parent, String name, String path) {
    JsonNode node = require(parent, name, path);
    if (!node.isBoolean()) {
      throw Rejection.formatError(path + " must be true or false");
    }
    return node.asBoolean();
  }

  /** A JSON integer (no fraction, no string) within int range. */
  static int requireInt(JsonNode parent, String name, String path) {
    JsonNode node = require(parent, name, path);
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw Rejection.formatError(path + " must be a JSON integer");
    }
    return node.intValue();
  }
}
