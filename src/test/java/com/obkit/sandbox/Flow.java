package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The onboarding steps a TPP takes, for tests. */
final class Flow {

  private Flow() {}

  /**
   * POST to the token endpoint, with HTTP Basic client authentication unless {@code clientId} is
   * null.
   */
  static HttpResponse<String> tokenRequest(
      SandboxHttp http, String clientId, String clientSecret, String... form) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/x-www-form-urlencoded");
    if (clientId != null) {
      h.put(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(
                      (clientId + ":" + clientSecret)
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.post("/auth/nl/v1/token", h, SandboxHttp.form(form));
  }

  static HttpResponse<String> onboard(SandboxHttp http, String tenant, TestSigner signer) {
    return http.get("/xs2a-bg/" + tenant + "/onboarding/v1", signer.sign(new byte[0]));
  }

  /** Onboards and returns the initial access token, asserting TOK-1 status. */
  static String token(SandboxHttp http, String tenant, TestSigner signer) {
    HttpResponse<String> r = onboard(http, tenant, signer);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SandboxHttp.json(r).get("access_token").asText();
  }

  /** Registers as production clients do: signed, token in the form and as Bearer. */
  static HttpResponse<String> register(
      SandboxHttp http, String tenant, TestSigner signer, String token, List<String> redirectUris) {
    List<String> pairs = new ArrayList<>(List.of("initial_access_token", token));
    for (String uri : redirectUris) {
      pairs.add("redirect_uris");
      pairs.add(uri);
    }
    String body = SandboxHttp.form(pairs.toArray(String[]::new));
    Map<String, String> headers = new LinkedHashMap<>(signer.sign(body));
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Accept", "application/json");
    headers.put("Authorization", "Bearer " + token);
    return http.post("/auth/" + tenant + "/v1/registration", headers, body);
  }

  /** Onboards, registers, asserts 201, returns the registration JSON. */
  static com.fasterxml.jackson.databind.JsonNode registered(
      SandboxHttp http, String tenant, TestSigner signer, List<String> redirectUris) {
    HttpResponse<String> r =
        register(http, tenant, signer, token(http, tenant, signer), redirectUris);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return SandboxHttp.json(r);
  }

  /** The Berlin Group code of an XS2A error body. */
  static String bgCode(HttpResponse<String> r) {
    return SandboxHttp.json(r).path("tppMessages").path(0).path("code").asText();
  }

  static String bgText(HttpResponse<String> r) {
    return SandboxHttp.json(r).path("tppMessages").path(0).path("text").asText();
  }

  /** The OAuth error of an /auth error body. */
  static String oauthError(HttpResponse<String> r) {
    return SandboxHttp.json(r).path("error").asText();
  }
}
