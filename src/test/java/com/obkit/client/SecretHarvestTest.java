package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretHarvestTest {
  private static final String A = "AAAAaaaa-secret-one-1111";
  private static final String B = "BBBBbbbb-secret-two-2222";

  private final SecretRegistry registry = new SecretRegistry();

  @Test
  void registersJsonFieldsWhateverTheyAreCalledButNotMetadataOrErrorCodes() {
    SecretHarvest.fromResponse(
        registry,
        List.of(),
        "application/json",
        "{\"client_id\":\"public-client-id\",\"registration_access_token\":\""
            + A
            + "\",\"nested\":{\"apiKey\":[\""
            + B
            + "\"]},\"token_endpoint_auth_method\":\"client_secret_basic\","
            + "\"client_secret_expires_at\":1735689600}");
    assertThat(registry.isRegistered(A)).isTrue();
    assertThat(registry.isRegistered(B)).isTrue();
    assertThat(registry.isRegistered("public-client-id")).isFalse();
    assertThat(registry.isRegistered("client_secret_basic")).isFalse();
    assertThat(registry.isRegistered("1735689600")).isFalse();

    SecretHarvest.fromResponse(
        registry,
        List.of(),
        "application/json",
        "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"SIGNATURE_INVALID\",\"text\":\"x\"}]}");
    assertThat(registry.isRegistered("SIGNATURE_INVALID")).isFalse();
  }

  @Test
  void aTopLevelCodeIsSecretOnlyInAnOAuthAnswer() {
    SecretHarvest.fromResponse(
        registry, List.of(), "application/json", "{\"code\":\"" + A + "\",\"state\":\"xyz\"}");
    SecretHarvest.fromResponse(
        registry, List.of(), "application/json", "{\"code\":\"FORMAT_ERROR_X\",\"message\":\"m\"}");
    assertThat(registry.isRegistered(A)).isTrue();
    assertThat(registry.isRegistered("FORMAT_ERROR_X")).isFalse();
  }

  @Test
  void registersLocationParametersCookiesAndHiddenInputs() {
    SecretHarvest.fromResponse(
        registry,
        List.of(
            Map.entry("Location", "https://tpp.example/cb?code=" + A + "&state=state-value-1"),
            Map.entry("Set-Cookie", "SID=" + B + "; Path=/; HttpOnly")),
        "text/html",
        "<form><input type=\"hidden\" name=\"session\" value=\"CCCCcccc-session\">"
            + "<a href=\"/login?x=1&amp;session=DDDDdddd-session\">");
    assertThat(registry.isRegistered(A)).isTrue();
    assertThat(registry.isRegistered(B)).isTrue();
    assertThat(registry.isRegistered("CCCCcccc-session")).isTrue();
    assertThat(registry.isRegistered("DDDDdddd-session")).isTrue();
    assertThat(registry.isRegistered("state-value-1")).isFalse();
  }

  @Test
  void registersRequestCredentialsAndSecretFormFields() {
    String basic =
        Base64.getEncoder().encodeToString(("client-id-1:" + A).getBytes(StandardCharsets.UTF_8));
    SecretHarvest.fromRequest(
        registry,
        List.of(Map.entry("Authorization", "Basic " + basic)),
        "https://bank.example/token",
        "application/x-www-form-urlencoded",
        "grant_type=authorization_code&code_verifier="
            + B
            + "&digipass=1234567890&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb");
    assertThat(registry.isRegistered(basic)).isTrue();
    assertThat(registry.isRegistered("client-id-1:" + A)).isTrue();
    assertThat(registry.isRegistered(A)).isTrue();
    assertThat(registry.isRegistered(B)).isTrue();
    assertThat(registry.isRegistered("1234567890")).isTrue();
    assertThat(registry.isRegistered("client-id-1")).isFalse();
    assertThat(registry.isRegistered("authorization_code")).isFalse();
    assertThat(registry.scrub("Authorization: Basic " + basic)).doesNotContain(basic);

    SecretHarvest.fromRequest(
        registry,
        List.of(Map.entry("Authorization", "Bearer EEEEeeee-bearer-token")),
        "https://bank.example/x?initial_access_token=FFFFffff-token",
        null,
        null);
    assertThat(registry.isRegistered("EEEEeeee-bearer-token")).isTrue();
    assertThat(registry.isRegistered("FFFFffff-token")).isTrue();
  }

  @Test
  void aRevocationRegistersTheTokenButNotItsTypeHint() {
    SecretHarvest.fromRequest(
        registry,
        List.of(),
        "https://bank.example/auth/nl/v1/token/revoke",
        "application/x-www-form-urlencoded",
        "token=" + A + "&token_type_hint=refresh_token");
    assertThat(List.of(A, "refresh_token").stream().map(registry::isRegistered).toList())
        .isEqualTo(List.of(true, false));
  }
}
