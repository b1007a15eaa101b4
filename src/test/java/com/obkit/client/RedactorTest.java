package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String SECRET = "Zx9-very-secret-client-secret-value";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.initial-access-token";

  @Test
  void masksKeepFourCharactersAndTheLength() {
    assertThat(Redactor.mask(SECRET))
        .isEqualTo("Zx9-****(35 chars)")
        .doesNotContain("secret-value");
    assertThat(Redactor.mask("short")).isEqualTo("****(5 chars)");
  }

  @Test
  void masksAuthorizationHeadersButNotSignatures() {
    assertThat(Redactor.header("Authorization", "Bearer " + TOKEN))
        .startsWith("Bearer eyJh****")
        .doesNotContain(TOKEN);
    assertThat(Redactor.header("Signature", "keyId=\"SN=1\"")).isEqualTo("keyId=\"SN=1\"");
  }

  @Test
  void masksJsonFieldsAtAnyDepthButKeepsErrorCodes() {
    String json =
        "{\"client_id\":\"abc\",\"client_secret\":\""
            + SECRET
            + "\",\"nested\":{\"access_token\":\""
            + TOKEN
            + "\"},\"tppMessages\":[{\"code\":\"SIGNATURE_INVALID\"}]}";
    String masked = Redactor.body("application/json", json);
    assertThat(masked)
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN)
        .contains("abc")
        .contains("SIGNATURE_INVALID");
    assertThat(masked).doesNotContainPattern("\"client_secret\" *: *\"[^\"*]{6,}");
  }

  @Test
  void masksFormFieldsAndQueryParameters() {
    String form = "initial_access_token=" + TOKEN + "&redirect_uris=https%3A%2F%2Ftpp.example%2Fcb";
    assertThat(Redactor.body("application/x-www-form-urlencoded", form))
        .doesNotContain(TOKEN)
        .contains("redirect_uris=https%3A%2F%2Ftpp.example%2Fcb");
    String location = "https://tpp.example/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz";
    assertThat(Redactor.header("Location", location))
        .doesNotContain("SplxlOBeZQQYbYS6WxSbIA")
        .contains("state=xyz");
  }

  @Test
  void unparseableJsonIsNotShownRaw() {
    assertThat(Redactor.body("application/json", "{\"client_secret\":\"" + SECRET))
        .doesNotContain(SECRET);
  }

  @Test
  void masksFieldsNobodyForesawByWhatTheirNameSays() {
    String json =
        "{\"registration_access_token\":\""
            + TOKEN
            + "\",\"sessionToken\":\""
            + SECRET
            + "\",\"token_type\":\"Bearer\",\"token_endpoint_auth_method\":\"client_secret_basic\","
            + "\"client_secret_expires_at\":0,\"keyId\":\"SN=1234567890\"}";
    String masked = Redactor.body("application/json", json);
    assertThat(masked)
        .doesNotContain(TOKEN)
        .doesNotContain(SECRET)
        .contains("\"Bearer\"")
        .contains("client_secret_basic")
        .contains("\"client_secret_expires_at\" : 0")
        .contains("SN=1234567890");
    assertThat(Redactor.form("api_key=" + SECRET + "&grant_type=authorization_code"))
        .doesNotContain(SECRET)
        .contains("grant_type=authorization_code");
    assertThat(Redactor.url("https://tpp.example/cb#access_token=" + TOKEN + "&token_type=Bearer"))
        .doesNotContain(TOKEN)
        .contains("token_type=Bearer");
  }

  @Test
  void masksSecretHeadersByNameAndCookieValuesButNotTheirAttributes() {
    assertThat(Redactor.header("X-Api-Key", SECRET)).doesNotContain(SECRET).startsWith("Zx9-");
    assertThat(Redactor.header("Set-Cookie", "SID=" + SECRET + "; Path=/; HttpOnly"))
        .isEqualTo("SID=Zx9-****(35 chars); Path=/; HttpOnly");
    assertThat(Redactor.header("Cookie", "a=" + SECRET + "; b=" + TOKEN))
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN)
        .startsWith("a=Zx9-");
    assertThat(Redactor.header("Digest", "SHA-256=abc")).isEqualTo("SHA-256=abc");
  }
}
