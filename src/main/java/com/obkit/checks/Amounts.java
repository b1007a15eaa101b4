package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Berlin Group amount (contract section 13): a JSON string in production ({@code "12.34"},
 * PROD) or a JSON number in the OpenAPI ({@code 12.34}, OAS). Anything else is unreadable: a
 * decimal comma, an empty string, a boolean, an object, an exponent.
 */
public final class Amounts {
  /** BG {@code Amount}: an optional minus, digits, an optional dot and fraction digits. */
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Amounts() {}

  /** The amount {@code node} holds, or empty when it holds none in either form. */
  public static Optional<BigDecimal> of(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      try {
        return Optional.of(node.decimalValue());
      } catch (NumberFormatException e) {
        return Optional.empty(); // 1e400 is read as an infinite double: no amount
      }
    }
    if (node.isTextual() && DECIMAL.matcher(node.asText()).matches()) {
      return Optional.of(new BigDecimal(node.asText()));
    }
    return Optional.empty();
  }
}
