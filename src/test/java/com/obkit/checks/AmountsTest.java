package com.obkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Amounts as strings (PROD) and numbers (OAS), and what is no amount. */
class AmountsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Optional<BigDecimal> of(String json) {
    try {
      return Amounts.of(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void aDecimalStringIsAnAmount() {
    assertThat(of("\"12.34\"")).isEqualTo(Optional.of(new BigDecimal("12.34")));
    assertThat(of("\"-12.34\"")).isEqualTo(Optional.of(new BigDecimal("-12.34")));
    assertThat(of("\"100\"")).isEqualTo(Optional.of(new BigDecimal("100")));
  }

  @Test
  void aJsonNumberIsAnAmount() {
    assertThat(of("12.34")).isEqualTo(Optional.of(new BigDecimal("12.34")));
    assertThat(of("-5")).isEqualTo(Optional.of(new BigDecimal("-5")));
  }

  @Test
  void anythingElseIsNoAmount() {
    assertThat(of("\"12,34\"")).isEqualTo(Optional.empty());
    assertThat(of("\"\"")).isEqualTo(Optional.empty());
    assertThat(of("\" 12.34\"")).isEqualTo(Optional.empty());
    assertThat(of("\"12.\"")).isEqualTo(Optional.empty());
    assertThat(of("\".5\"")).isEqualTo(Optional.empty());
    assertThat(of("\"+1\"")).isEqualTo(Optional.empty());
    assertThat(of("\"1e3\"")).isEqualTo(Optional.empty());
    assertThat(of("\"EUR 12.34\"")).isEqualTo(Optional.empty());
    assertThat(of("true")).isEqualTo(Optional.empty());
    assertThat(of("null")).isEqualTo(Optional.empty());
    assertThat(of("{\"amount\":\"1\"}")).isEqualTo(Optional.empty());
    assertThat(of("[\"1\"]")).isEqualTo(Optional.empty());
    assertThat(of("1e400")).isEqualTo(Optional.empty());
    assertThat(Amounts.of((JsonNode) null)).isEqualTo(Optional.empty());
  }
}
