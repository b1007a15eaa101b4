package com.obkit.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evidence of a scenario's checks as a JSON document: how a scenario hands every evaluated
 * check (passed or failed) to the reports, as a Cucumber attachment of media type {@value
 * #MEDIA_TYPE}. Typed both ways, so no report reads a message to learn a result.
 */
public final class CheckEvidence {
  /** The attachment's media type. */
  public static final String MEDIA_TYPE = "application/vnd.obkit.checks+json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckEvidence() {}

  /** The results as JSON: {@code [{"check", "result", "rules":[{"id","level"}], "problem"}]}. */
  public static byte[] toJson(List<CheckResult> results) {
    ArrayNode array = JSON.createArrayNode();
    for (CheckResult r : results) {
      array.add(toNode(r));
    }
    try {
      return JSON.writeValueAsBytes(array);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One result as a JSON object (for reports that embed it). */
  public static ObjectNode toNode(CheckResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("check", r.check());
    o.put("result", r.passed() ? "passed" : "failed");
    ArrayNode rules = o.putArray("rules");
    for (Rule rule : r.rules()) {
      rules.addObject().put("id", rule.id()).put("level", rule.level().name());
    }
    r.problem().ifPresent(p -> o.put("problem", p));
    return o;
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException when the document is not check evidence
   */
  public static List<CheckResult> fromJson(byte[] json) {
    try {
      JsonNode array = JSON.readTree(json);
      if (array == null || !array.isArray()) {
        throw new IllegalArgumentException("check evidence must be a JSON array");
      }
      List<CheckResult> out = new ArrayList<>();
      for (JsonNode o : array) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : o.path("rules")) {
          rules.add(new Rule(r.path("id").asText(), Level.valueOf(r.path("level").asText())));
        }
        Optional<String> problem =
            o.hasNonNull("problem") ? Optional.of(o.get("problem").asText()) : Optional.empty();
        out.add(new CheckResult(o.path("check").asText(), rules, problem));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("check evidence is not JSON: " + e.getMessage(), e);
    }
  }
}
