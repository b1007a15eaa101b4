package com.obkit.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchanges a scenario retried after an environment fault ({@code kit.retry.environment}), as a
 * Cucumber attachment of media type {@value #MEDIA_TYPE}: how a scenario hands its retries to the
 * reports (the verdict's {@code retries}, the console line), like {@link CheckEvidence}. A retry is
 * shown, never hidden: a bank that needs one is a finding for people even when it then answered.
 */
public final class RetryEvidence {
  /** The attachment's media type. */
  public static final String MEDIA_TYPE = "application/vnd.obkit.retries+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RetryEvidence() {}

  /** The retries as a JSON array of strings, one per retried exchange. */
  public static byte[] toJson(List<String> retries) {
    try {
      return JSON.writeValueAsBytes(List.copyOf(retries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException when the document is not a JSON array of strings
   */
  public static List<String> fromJson(byte[] json) {
    JsonNode array;
    try {
      array = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("retry evidence is not JSON: " + e.getMessage(), e);
    }
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("retry evidence must be a JSON array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isTextual()) {
        throw new IllegalArgumentException("retry evidence must hold strings only: " + n);
      }
      out.add(n.asText());
    }
    return List.copyOf(out);
  }
}
