package com.obkit.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleTest {
  @Test
  void aRuleShowsItsIdAndLevel() {
    assertThat(Rule.must("SIG-2")).hasToString("SIG-2 (MUST)");
    assertThat(Rule.should("SIG-6")).hasToString("SIG-6 (SHOULD)");
  }

  @Test
  void anIdNotOfTheFormAbc1IsRefused() {
    assertThatThrownBy(() -> Rule.must("sig-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule id 'sig-2' is not of the form ABC-1");
  }
}
