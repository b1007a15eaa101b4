package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PSDNL-DNB-R000000",
        "PSDES-BDE-3DFD21",
        "PSDDE-BAFIN-CC1111",
        "PSDGO-BES-WGXZKBYE",
        "PSDBE-NBB-0123.456.789",
        "PSDGB-FCA-1",
        "PSDNL-DNBDNBDN-1"
      })
  void acceptsEtsiCompliantIdentifiers(String value) {
    assertThat(OrganizationId.isValid(value)).isTrue();
    assertThat(OrganizationId.of(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PSDNL-DNB-",
        "PSD-DNB-1",
        "psdnl-dnb-1",
        "PSDNL-D-1",
        "PSDNL-DNBDNBDNB-1",
        "XYZNL-DNB-1",
        "PSDNLDNB1",
        "PSDNL-DN1-1",
        "PSDNL-DNB",
        "",
        " PSDNL-DNB-1"
      })
  void refusesNonCompliantIdentifiers(String value) {
    assertThat(OrganizationId.isValid(value)).isFalse();
    assertThatThrownBy(() -> OrganizationId.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5.2.1");
  }

  @Test
  void nullIsInvalid() {
    assertThat(OrganizationId.isValid(null)).isFalse();
  }

  @Test
  void exposesItsParts() {
    OrganizationId id = OrganizationId.of("PSDDE-BAFIN-CC1111");
    assertThat(id.country()).isEqualTo("DE");
    assertThat(id.authority()).isEqualTo("BAFIN");
    assertThat(id.authorisationNumber()).isEqualTo("CC1111");
    assertThat(id.ncaId()).isEqualTo("DE-BAFIN");
    assertThat(id).hasToString("PSDDE-BAFIN-CC1111");
  }
}
