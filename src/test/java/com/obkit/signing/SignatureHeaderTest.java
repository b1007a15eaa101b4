package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureHeaderTest {

  private static final String TRIODOS_KEY_ID =
      "SN=1,CA=CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL";

  @Test
  void formatsInBgOrder() {
    SignatureHeader h =
        new SignatureHeader(
            TRIODOS_KEY_ID, "SHA256withRSA", List.of("digest", "x-request-id"), "c2ln");
    assertThat(h.format())
        .isEqualTo(
            "keyId=\""
                + TRIODOS_KEY_ID
                + "\",algorithm=\"SHA256withRSA\","
                + "headers=\"digest x-request-id\",signature=\"c2ln\"");
  }

  @Test
  void roundTripWithCommasAndSpacesInKeyId() {
    SignatureHeader h =
        new SignatureHeader(TRIODOS_KEY_ID, "rsa-sha256", List.of("digest"), "YWJj+/==");
    assertThat(SignatureHeader.parse(h.format())).isEqualTo(h);
  }

  @Test
  void roundTripWithQuotesAndBackslashesInKeyId() {
    // RFC 1779 quotes an attribute value holding a comma.
    SignatureHeader h =
        new SignatureHeader(
            "SN=2a,CA=CN=Test CA, O=\"Acme, Inc.\", OU=a\\b, C=NL",
            "rsa-sha256",
            List.of("digest"),
            "YWJj");
    assertThat(h.format()).contains("O=\\\"Acme, Inc.\\\"").contains("a\\\\b");
    assertThat(SignatureHeader.parse(h.format())).isEqualTo(h);
  }

  @Test
  void parsesTheBanksExampleWithWhitespaceAndOtherOrder() {
    SignatureHeader h =
        SignatureHeader.parse(
            " signature=\"abc=\", headers=\"digest  x-request-id\" ,algorithm=\"rsa-sha256\","
                + " keyId=\""
                + TRIODOS_KEY_ID
                + "\" ");
    assertThat(h.keyId()).isEqualTo(TRIODOS_KEY_ID);
    assertThat(h.algorithm()).isEqualTo("rsa-sha256");
    assertThat(h.headers()).containsExactly("digest", "x-request-id");
    assertThat(h.signature()).isEqualTo("abc=");
  }

  @Test
  void absentHeadersMeansDateAsCavageSays() {
    SignatureHeader h =
        SignatureHeader.parse("keyId=\"k\",algorithm=\"rsa-sha256\",signature=\"abc\"");
    assertThat(h.headers()).containsExactly("date");
  }

  @Test
  void unknownParametersAreIgnored() {
    SignatureHeader h =
        SignatureHeader.parse(
            "keyId=\"k\",algorithm=\"rsa-sha256\",created=\"1402170695\","
                + "headers=\"digest\",signature=\"abc\"");
    assertThat(h.keyId()).isEqualTo("k");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "missing keyId       | algorithm=\"a\",headers=\"digest\",signature=\"s\"                         | 'keyId' is missing",
        "missing signature   | keyId=\"k\",algorithm=\"a\",headers=\"digest\"                             | 'signature' is missing",
        "missing algorithm   | keyId=\"k\",headers=\"digest\",signature=\"s\"                             | 'algorithm' is missing",
        "empty headers       | keyId=\"k\",algorithm=\"a\",headers=\" \",signature=\"s\"                  | 'headers' is empty",
        "empty keyId         | keyId=\"\",algorithm=\"a\",headers=\"digest\",signature=\"s\"              | 'keyId' is empty",
        "unterminated quote  | keyId=\"k\",algorithm=\"a\",headers=\"digest\",signature=\"s             | unterminated quote",
        "quote closed early  | keyId=\"k,algorithm=\"a\",headers=\"digest\",signature=\"s\"              | unexpected 'a'",
        "duplicate parameter | keyId=\"k\",keyId=\"k2\",algorithm=\"a\",headers=\"digest\",signature=\"s\" | 'keyId' appears more than once",
        "unquoted value      | keyId=k,algorithm=\"a\",headers=\"digest\",signature=\"s\"                 | unquoted",
        "no equals           | keyId,algorithm=\"a\",headers=\"digest\",signature=\"s\"                   | has no '='",
        "garbage after value | keyId=\"k\" x,algorithm=\"a\",headers=\"digest\",signature=\"s\"           | unexpected 'x'",
        "trailing comma      | keyId=\"k\",algorithm=\"a\",headers=\"digest\",signature=\"s\",            | ends with a comma",
        "leading garbage     | ;keyId=\"k\",algorithm=\"a\",headers=\"digest\",signature=\"s\"            | expected a parameter name",
        "double comma        | keyId=\"k\",,algorithm=\"a\",headers=\"digest\",signature=\"s\"            | expected a parameter name",
      })
  void malformedValuesAreRejectedNamingTheProblem(String what, String value, String message) {
    assertThatThrownBy(() -> SignatureHeader.parse(value))
        .as(what)
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining(message);
  }

  @Test
  void emptyValueIsRejected() {
    assertThatThrownBy(() -> SignatureHeader.parse("  "))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> SignatureHeader.parse(null))
        .isInstanceOf(SignatureFormatException.class);
  }

  @Test
  void constructorRefusesHeaderInjection() {
    assertThatThrownBy(() -> new SignatureHeader("k\r\nX-Evil: 1", "a", List.of("digest"), "s"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> new SignatureHeader("k", "a", List.of("dig est"), "s"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("invalid header name");
  }
}
