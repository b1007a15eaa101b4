package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRequestTest {
  private static final ClientCredentials CLIENT =
      new ClientCredentials("kit-client", "client-secret-0001");
  private static final ClientCredentials OTHER =
      new ClientCredentials("other-client", "client-secret-0002");
  private static final String REDIRECT = "https://tpp.example/cb?x=a b&y=ü";
  private static final TokenRequest CODE =
      TokenRequest.authorizationCode("code-1234567890", REDIRECT, "verifier-1234567890", CLIENT);

  private static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static List<Map.Entry<String, String>> entries(TokenRequest r) {
    return new ArrayList<>(r.form().entrySet());
  }

  @Test
  void theCodeExchangeSendsTheContractsFieldsInOrder() {
    assertThat(entries(CODE))
        .isEqualTo(
            List.of(
                Map.entry("grant_type", "authorization_code"),
                Map.entry("code", "code-1234567890"),
                Map.entry("redirect_uri", REDIRECT),
                Map.entry("code_verifier", "verifier-1234567890")));
    assertThat(CODE.basic()).isEqualTo(Optional.of(CLIENT));
    assertThat(CODE.formBody())
        .isEqualTo(
            "grant_type=authorization_code&code=code-1234567890"
                + "&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb%3Fx%3Da+b%26y%3D%C3%BC"
                + "&code_verifier=verifier-1234567890");
  }

  @Test
  void aRefreshSendsGrantTypeAndToken() {
    TokenRequest refresh = TokenRequest.refresh("refresh-1234567890", CLIENT);
    assertThat(refresh)
        .isEqualTo(
            new TokenRequest(
                form("grant_type", "refresh_token", "refresh_token", "refresh-1234567890"),
                Optional.of(CLIENT)));
    assertThat(refresh.formBody())
        .isEqualTo("grant_type=refresh_token&refresh_token=refresh-1234567890");
  }

  @Test
  void eachWithChangesOneThingAndKeepsTheOrder() {
    assertThat(CODE.withGrantType("password").formBody())
        .isEqualTo(CODE.formBody().replace("grant_type=authorization_code", "grant_type=password"));
    assertThat(entries(CODE.withRedirectUri("https://tpp.example/other")).get(2))
        .isEqualTo(Map.entry("redirect_uri", "https://tpp.example/other"));
    assertThat(entries(CODE.withCodeVerifier(Optional.of("verifier-other"))).get(3))
        .isEqualTo(Map.entry("code_verifier", "verifier-other"));
    assertThat(CODE.withCodeVerifier(Optional.empty()).form())
        .isEqualTo(
            form(
                "grant_type",
                "authorization_code",
                "code",
                "code-1234567890",
                "redirect_uri",
                REDIRECT));
    assertThat(CODE.withoutBasic()).isEqualTo(new TokenRequest(CODE.form(), Optional.empty()));
    assertThat(CODE.withoutBasic().withCredentials(OTHER))
        .isEqualTo(new TokenRequest(CODE.form(), Optional.of(OTHER)));
    assertThat(TokenRequest.refresh("refresh-1234567890", CLIENT).withRedirectUri("u").formBody())
        .isEqualTo("grant_type=refresh_token&refresh_token=refresh-1234567890&redirect_uri=u");
  }

  @Test
  void theFormIsACopyThatCannotChange() {
    Map<String, String> source = form("grant_type", "authorization_code");
    TokenRequest request = new TokenRequest(source, Optional.empty());
    source.put("code", "late-1234567890");
    assertThat(request.formBody()).isEqualTo("grant_type=authorization_code");
    assertThatThrownBy(() -> request.form().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void badFieldsFailAtConstruction() {
    assertThatThrownBy(() -> new TokenRequest(form(" ", "x"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a token form field has no name");
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("code", null);
    assertThatThrownBy(() -> new TokenRequest(nullValue, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
  }

  @Test
  void toStringShowsNoCodeVerifierOrSecret() {
    assertThat(CODE.toString())
        .isEqualTo(
            "TokenRequest[grant_type=authorization_code,"
                + " fields=[grant_type, code, redirect_uri, code_verifier], basic=kit-client]");
    assertThat(TokenRequest.refresh("refresh-1234567890", CLIENT).withoutBasic().toString())
        .isEqualTo(
            "TokenRequest[grant_type=refresh_token, fields=[grant_type, refresh_token],"
                + " basic=(none)]");
  }
}
