package com.obkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbansTest {

  @Test
  void knownValidIbansPassTheMod97Check() {
    assertThat(Ibans.checkDigitsValid("NL91 ABNA 0417 1643 00")).isTrue();
    assertThat(Ibans.checkDigitsValid("GB29 NWBK 6016 1331 9268 19")).isTrue();
    assertThat(Ibans.checkDigitsValid("BE68 5390 0754 7034")).isTrue();
    assertThat(Ibans.checkDigitsValid("NL92 ABNA 0417 1643 00")).isFalse();
  }

  @Test
  void accountsOfTheBankPassAndOthersAreNamed() {
    String nl =
        new Iban.Builder()
            .countryCode(CountryCode.NL)
            .bankCode("TRIO")
            .accountNumber("0123456789")
            .build()
            .toString();
    assertThat(Ibans.problem(nl, "nl")).isEmpty();
    assertThat(Ibans.problem(nl, "uk"))
        .hasValueSatisfying(p -> assertThat(p).contains("country GB"));
    String otherBank =
        new Iban.Builder()
            .countryCode(CountryCode.NL)
            .bankCode("ABNA")
            .accountNumber("0123456789")
            .build()
            .toString();
    assertThat(Ibans.problem(otherBank, "nl"))
        .hasValueSatisfying(p -> assertThat(p).contains("bank's code"));
    String gb =
        new Iban.Builder()
            .countryCode(CountryCode.GB)
            .bankCode("TRIO")
            .branchCode("165810")
            .accountNumber("12345678")
            .build()
            .toString();
    assertThat(Ibans.problem(gb, "uk")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"5230000001, true", "5230000002, false"})
  void belgianNationalCheckIsTheFirstTenDigitsMod97(String first10, boolean useRightCheck) {
    long mod = Long.parseLong(first10) % 97;
    long check = mod == 0 ? 97 : mod;
    String nationalCheck = String.format("%02d", useRightCheck ? check : (check % 97) + 1);
    String be =
        new Iban.Builder()
            .countryCode(CountryCode.BE)
            .bankCode("523")
            .accountNumber(first10.substring(3))
            .nationalCheckDigit(nationalCheck)
            .build()
            .toString();
    assertThat(Ibans.belgianNationalCheckValid(be)).isEqualTo(useRightCheck);
    assertThat(Ibans.problem(be, "be_nl").isEmpty()).isEqualTo(useRightCheck);
  }

  @Test
  void badCheckDigitsAreRefused() {
    assertThat(Ibans.problem("NL00TRIO0123456789", "nl"))
        .hasValueSatisfying(p -> assertThat(p).contains("mod-97"));
  }

  @Test
  void exactProblemsOfLengthAndShape() {
    assertThat(Ibans.problem("NL70TRIO012345678", "nl"))
        .contains("IBAN NL70TRIO012345678 has length 17, NL IBANs have 18");
    assertThat(Ibans.checkDigitsValid("NL70-TRIO")).isFalse();
    assertThat(Ibans.checkDigitsValid("NLxxTRIO0123456789")).isFalse();
  }

  /** First ten digits a multiple of 97: the national check is 97, not 00. */
  @Test
  void belgianNationalCheckOfAMultipleOf97Is97() {
    assertThat(Ibans.belgianNationalCheckValid("BE54523000002297")).isTrue();
    assertThat(Ibans.problem("BE54523000002297", "be_fr")).isEmpty();
  }
}
