package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IbansTest {

  @Test
  void knownIbansHaveValidCheckDigits() {
    assertThat(Ibans.iban("NL", "ABNA0417164300")).isEqualTo("NL91ABNA0417164300");
    assertThat(Ibans.iban("BE", "539007547034")).isEqualTo("BE68539007547034");
    assertThat(Ibans.iban("GB", "NWBK60161331926819")).isEqualTo("GB29NWBK60161331926819");
    assertThat(Ibans.hasValidCheckDigits("NL91ABNA0417164300")).isTrue();
    assertThat(Ibans.hasValidCheckDigits("NL92ABNA0417164300")).isFalse();
    assertThat(Ibans.hasValidCheckDigits("NL9")).isFalse();
    assertThat(Ibans.hasValidCheckDigits("nl91ABNA0417164300")).isFalse();
  }

  @Test
  void belgianNationalCheck() {
    // BE68 5390 0754 7034: 5390075470 mod 97 = 34
    assertThat(Ibans.belgianNationalCheck("5390075470")).isEqualTo(34);
    assertThat(Ibans.belgianNationalCheck("0000000097")).isEqualTo(97); // 0 becomes 97
    assertThat(Ibans.belgianNationalCheck("0000000000")).isEqualTo(97);
    assertThat(Ibans.belgianNationalCheck("0000000001")).isEqualTo(1);
    assertThatThrownBy(() -> Ibans.belgianNationalCheck("123"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
