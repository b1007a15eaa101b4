package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningStringTest {

  private static final Map<String, String> VALUES =
      Map.of(
          "digest", "SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
          "x-request-id", "99391c7e-ad88-49ec-a2ad-99ddcb1f7721");

  private static Optional<String> lookup(String name) {
    return Optional.ofNullable(VALUES.get(name));
  }

  @Test
  void digestAndRequestId() {
    assertThat(SigningString.build(List.of("digest", "x-request-id"), SigningStringTest::lookup))
        .isEqualTo(
            "digest: SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
                + "x-request-id: 99391c7e-ad88-49ec-a2ad-99ddcb1f7721");
  }

  @Test
  void orderFollowsTheListAndNamesAreLowercased() {
    assertThat(SigningString.build(List.of("X-Request-ID", "Digest"), SigningStringTest::lookup))
        .isEqualTo(
            "x-request-id: 99391c7e-ad88-49ec-a2ad-99ddcb1f7721\n"
                + "digest: SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void singleHeaderHasNoNewline() {
    assertThat(SigningString.build(List.of("digest"), SigningStringTest::lookup))
        .isEqualTo("digest: SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        .doesNotContain("\n");
  }

  /** The shape of draft-cavage-10 appendix C.2 ("Basic Test"): pseudo header, host, date. */
  @Test
  void cavageBasicTestShape() {
    Map<String, String> values =
        Map.of(
            "(request-target)", "post /foo?param=value&pet=dog",
            "host", "example.com",
            "date", "Sun, 05 Jan 2014 21:31:40 GMT");
    assertThat(
            SigningString.build(
                List.of("(request-target)", "host", "date"),
                n -> Optional.ofNullable(values.get(n))))
        .isEqualTo(
            "(request-target): post /foo?param=value&pet=dog\n"
                + "host: example.com\n"
                + "date: Sun, 05 Jan 2014 21:31:40 GMT");
  }

  @Test
  void surroundingWhitespaceOfValuesIsNotSigned() {
    assertThat(
            SigningString.build(
                List.of("date"), n -> Optional.of(" \tSun, 05 Jan 2014 21:31:40 GMT  ")))
        .isEqualTo("date: Sun, 05 Jan 2014 21:31:40 GMT");
  }

  @Test
  void missingHeaderIsNamed() {
    assertThatThrownBy(
            () -> SigningString.build(List.of("digest", "Date"), SigningStringTest::lookup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'date'");
  }

  @Test
  void emptyListAndBlankNamesAndLineBreaksAreRejected() {
    assertThatThrownBy(() -> SigningString.build(List.of(), SigningStringTest::lookup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> SigningString.build(List.of("digest", " "), SigningStringTest::lookup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> SigningString.build(List.of("x"), n -> Optional.of("a\nevil: b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
  }
}
