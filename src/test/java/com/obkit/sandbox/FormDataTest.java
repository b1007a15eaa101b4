package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormDataTest {

  @Test
  void repeatedFieldsInOrderAndDecoding() throws Exception {
    FormData f =
        FormData.parse(
            "redirect_uris=https%3A%2F%2Fa.example%2Fcb&x=1+2&redirect_uris=https://b.example/&&empty=&flag");
    assertThat(f.all("redirect_uris"))
        .containsExactly("https://a.example/cb", "https://b.example/");
    assertThat(f.first("x")).contains("1 2");
    assertThat(f.first("empty")).contains("");
    assertThat(f.first("flag")).contains("");
    assertThat(f.first("missing")).isEmpty();
    assertThat(f.count("redirect_uris")).isEqualTo(2);
    assertThat(f.names()).containsExactly("redirect_uris", "x", "redirect_uris", "empty", "flag");
  }

  @Test
  void utf8() throws Exception {
    assertThat(FormData.parse("n=%C3%A9t%C3%A9").first("n")).contains("été");
    assertThat(FormData.parse("n=été".getBytes(StandardCharsets.UTF_8)).first("n")).contains("été");
    assertThat(FormData.parse("n=%F0%9F%98%80").first("n")).contains("\uD83D\uDE00");
    assertThat(FormData.parse("").names()).isEmpty();
  }

  @Test
  void strictErrors() {
    for (String bad : new String[] {"a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=%C3%28", "a=%E9"}) {
      assertThatThrownBy(() -> FormData.parse(bad))
          .as(bad)
          .isInstanceOf(FormData.MalformedFormException.class);
    }
    assertThatThrownBy(() -> FormData.parse(new byte[] {'a', '=', (byte) 0xE9}))
        .isInstanceOf(FormData.MalformedFormException.class);
  }
}
