package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
  void quotesAndBackslashesInAValueAreQuotedPairs() {
    // RFC 1779 quotes an attribute value holding a comma.
    SignatureHeader h =
        new SignatureHeader(
            "SN=2a,CA=CN=Test CA, O=\"Acme, Inc.\", OU=a\\b, C=NL",
            "rsa-sha256",
            List.of("digest"),
            "YWJj");
    assertThat(h.format())
        .isEqualTo(
            "keyId=\"SN=2a,CA=CN=Test CA, O=\\\"Acme, Inc.\\\", OU=a\\\\b, C=NL\","
                + "algorithm=\"rsa-sha256\",headers=\"digest\",signature=\"YWJj\"");
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
