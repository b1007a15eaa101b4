package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestsTest {

  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  // Vectors from `printf hello | openssl dgst -sha256 -binary | base64` (and -sha512), not from
  // Java.
  private static final String HELLO_SHA256 = "SHA-256=LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  private static final String HELLO_SHA512 =
      "SHA-512=m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==";
  private static final String EMPTY_SHA256 = "SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  @Test
  void emptyBodyHashesTheEmptyString() {
    assertThat(Digests.header(DigestAlgorithm.SHA_256, new byte[0])).isEqualTo(EMPTY_SHA256);
    assertThat(Digests.header(DigestAlgorithm.SHA_256, null)).isEqualTo(EMPTY_SHA256);
  }

  @Test
  void knownVectors() {
    assertThat(Digests.header(DigestAlgorithm.SHA_256, HELLO)).isEqualTo(HELLO_SHA256);
    assertThat(Digests.header(DigestAlgorithm.SHA_512, HELLO)).isEqualTo(HELLO_SHA512);
  }

  @Test
  void matchesAcceptsBothAlgorithmsAndAnyLabelCase() {
    assertThat(Digests.matches(HELLO_SHA256, HELLO)).isTrue();
    assertThat(Digests.matches(HELLO_SHA512, HELLO)).isTrue();
    assertThat(Digests.matches(HELLO_SHA256.replace("SHA-256", "sha-256"), HELLO)).isTrue();
    assertThat(Digests.matches(" " + HELLO_SHA256 + " ", HELLO)).isTrue();
    assertThat(Digests.matches(EMPTY_SHA256, new byte[0])).isTrue();
    assertThat(Digests.matches(EMPTY_SHA256, null)).isTrue();
  }

  @Test
  void matchesRejectsOtherBodies() {
    assertThat(Digests.matches(HELLO_SHA256, "hello!".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
    assertThat(Digests.matches(EMPTY_SHA256, HELLO)).isFalse();
    // Right hash bytes under the wrong label.
    assertThat(Digests.matches(HELLO_SHA256.replace("SHA-256", "SHA-512"), HELLO)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SHA-256",
        "SHA-256=",
        "=LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=",
        "MD5=XUFAKrxLKna5cZ2REBfFkg==",
        "SHA-1=qvTGHdzF6KLavt4PO0gs2a6pQ00=",
        "SHA-256=not base64!",
        "SHA-256=LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=,SHA-512=x",
        "SHA256=LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="
      })
  void matchesIsFalseOnMalformedValues(String header) {
    assertThat(Digests.matches(header, HELLO)).isFalse();
  }

  @Test
  void matchesIsFalseOnNull() {
    assertThat(Digests.matches(null, HELLO)).isFalse();
  }
}
