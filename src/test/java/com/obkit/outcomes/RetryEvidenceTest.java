package com.obkit.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryEvidenceTest {

  @Test
  void retriesRoundTrip() {
    List<String> retries =
        List.of(
            "GET https://bank.example/xs2a-bg/version: connection refused (x); retried 1x, then"
                + " answered 200",
            "POST https://bank.example/t: \"quoted\"; retried 1x, then failed: y");
    byte[] json = RetryEvidence.toJson(retries);
    assertThat(RetryEvidence.fromJson(json)).isEqualTo(retries);
    assertThat(RetryEvidence.fromJson("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void anythingButAnArrayOfStringsIsRefused() {
    assertThatThrownBy(() -> RetryEvidence.fromJson("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retry evidence must be a JSON array");
    assertThatThrownBy(() -> RetryEvidence.fromJson("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retry evidence must hold strings only: 1");
    assertThatThrownBy(() -> RetryEvidence.fromJson("[".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retry evidence is not JSON: ");
  }

  @Test
  void itsMediaTypeIsItsOwn() {
    assertThat(RetryEvidence.MEDIA_TYPE)
        .isEqualTo("application/vnd.obkit.retries+json")
        .isNotEqualTo(CheckEvidence.MEDIA_TYPE);
  }
}
