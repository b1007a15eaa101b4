package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox's own parsers, written from the contract, against its examples. */
class SandboxParsersTest {
  private static final String ISSUER =
      "CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL";

  @Test
  void theContractsKeyIdExampleParses() {
    assertThat(KeyIdentifier.parse("SN=1,CA=" + ISSUER))
        .contains(new KeyIdentifier(BigInteger.ONE, ISSUER));
    assertThat(KeyIdentifier.parse("SN=abc,CA=" + ISSUER))
        .contains(new KeyIdentifier(BigInteger.valueOf(0xabc), ISSUER));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SN=ABC,CA=CN=x", // upper-case hex
        "SN=0abc,CA=CN=x", // a leading zero
        "SN=,CA=CN=x", // no serial
        "SN=12g,CA=CN=x", // not hex
        "SN=1,CA=", // no issuer
        "CA=CN=x,SN=1", // other order
        "sn=1,ca=CN=x", // other case of the labels
        ""
      })
  void anyOtherFormIsNotAKeyId(String keyId) {
    assertThat(KeyIdentifier.parse(keyId)).isEqualTo(Optional.empty());
  }

  @Test
  void organizationIdentifiersFollowEtsi521() {
    assertThat(OrganizationId.isValid("PSDNL-DNB-R000000")).isTrue();
    assertThat(OrganizationId.isValid("PSDES-BDE-3DFD21")).isTrue();
    assertThat(OrganizationId.isValid("PSDDE-BAFIN-CC1111")).isTrue();
    assertThat(OrganizationId.isValid("PSDNL-DNB-")).isFalse();
    assertThat(OrganizationId.isValid("PSDNL-D-R1")).isFalse();
    assertThat(OrganizationId.isValid("PSDNL-DNBDNBDNB-R1")).isFalse();
    assertThat(OrganizationId.isValid("NTRNL-12345678")).isFalse();
    assertThat(OrganizationId.isValid("psdnl-dnb-r1")).isFalse();
    assertThatThrownBy(() -> OrganizationId.of("PSD-DNB-R1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("organization identifier 'PSD-DNB-R1' does not follow ETSI TS 119 495 5.2.1");
  }

  @Test
  void psd2RolesByTheirOids() {
    assertThat(PspRoles.nameOf("0.4.0.19495.1.1")).contains("PSP_AS");
    assertThat(PspRoles.nameOf("0.4.0.19495.1.2")).contains("PSP_PI");
    assertThat(PspRoles.nameOf("0.4.0.19495.1.3")).contains("PSP_AI");
    assertThat(PspRoles.nameOf("0.4.0.19495.1.4")).contains("PSP_IC");
    assertThat(PspRoles.nameOf("0.4.0.19495.1.5")).isEmpty();
    assertThat(PspRoles.TPP_ROLES).containsExactlyInAnyOrder("PSP_PI", "PSP_AI", "PSP_IC");
  }
}
