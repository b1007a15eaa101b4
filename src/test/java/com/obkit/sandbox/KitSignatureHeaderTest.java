package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the kit writes in the {@code Signature} header is read back by the sandbox's own parser,
 * code the kit does not share: a misreading on one side cannot hide behind the same misreading on
 * the other.
 */
class KitSignatureHeaderTest {
  private static final String TRIODOS_KEY_ID =
      "SN=1,CA=CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL";

  @Test
  void theKitsHeaderWithCommasAndSpacesInTheKeyIdReadsBack() {
    String written =
        new com.obkit.signing.SignatureHeader(
                TRIODOS_KEY_ID, "rsa-sha256", List.of("digest", "x-request-id"), "YWJj+/==")
            .format();
    SignatureHeader read = SignatureHeader.parse(written);
    assertThat(read.keyId()).contains(TRIODOS_KEY_ID);
    assertThat(read.algorithm()).contains("rsa-sha256");
    assertThat(read.headers()).isEqualTo(List.of("digest", "x-request-id"));
    assertThat(read.signature()).contains("YWJj+/==");
  }
}
