package com.obkit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON request bodies' one writer: compact, UTF-8, fields in the order they were put. */
final class JsonBodies {
  // Never reconfigured after construction, so shared (ObjectMapper is thread-safe for use).
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /** A new, empty JSON object. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** The object's bytes as sent: these are what the Digest hashes. */
  static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of plain values always serialises", e);
    }
  }
}
