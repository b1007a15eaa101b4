package com.obkit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The bank release the sandbox imitates (contract section 1: the version and the OpenAPI documents
 * fingerprint a release). Every release behaves the same; what changes is what the bank says about
 * itself: the version body and the OpenAPI documents. {@link #R2026_2} changes the {@code /xs2a-bg}
 * document twice against {@link #R2026_1}:
 *
 * <ul>
 *   <li>breaking: the operation {@code GET /xs2a-bg/{tenant}/v1/accounts/{resourceId}} ({@code
 *       readAccountDetails}) is no longer described;
 *   <li>not breaking: the account details gain an optional {@code ownerName}.
 * </ul>
 */
public enum Release {
  R2026_1("2026.1"),
  R2026_2("2026.2");

  /** The release of a sandbox started without one ({@code kit.sandbox.release}'s default). */
  public static final Release DEFAULT = R2026_1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String label;

  Release(String label) {
    this.label = label;
  }

  /** {@code 2026.1}. */
  public String label() {
    return label;
  }

  /**
   * The release labelled {@code value}.
   *
   * @throws IllegalArgumentException naming the known releases
   */
  public static Release parse(String value) {
    String key = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Release r : values()) {
      if (r.label.equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown sandbox release '"
            + value
            + "'; known releases: "
            + Arrays.stream(values()).map(Release::label).collect(Collectors.joining(", ")));
  }

  /** This release's {@code /xs2a-bg/openapi.json}, from the base document (release 2026.1). */
  String xs2aDocument(String base) {
    if (this == R2026_1) {
      return base;
    }
    ObjectNode doc = read(base);
    ((ObjectNode) doc.path("info")).put("version", label);
    ((ObjectNode) doc.path("paths")).remove("/xs2a-bg/{tenant}/v1/accounts/{resourceId}");
    ((ObjectNode) doc.path("components").path("schemas").path("AccountDetails").path("properties"))
        .putObject("ownerName")
        .put("type", "string")
        .put("description", "the account owner's name (new in 2026.2)");
    return write(doc);
  }

  /** This release's {@code /auth/openapi.json}: only its version changes. */
  String authDocument(String base) {
    if (this == R2026_1) {
      return base;
    }
    ObjectNode doc = read(base);
    ((ObjectNode) doc.path("info")).put("version", label);
    return write(doc);
  }

  private static ObjectNode read(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the sandbox's own OpenAPI document is not JSON", e);
    }
  }

  private static String write(ObjectNode doc) {
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an OpenAPI document", e);
    }
  }
}
