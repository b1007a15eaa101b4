package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section 15: deleting a consent (REV-1) and revoking tokens (REV-2, RFC 7009). */
class RevocationTest {

  private static final String R = "https://tpp.example/rev/cb";

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static Journey tpp;
  private static Journey other;
  private static JsonNode account;

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withClock(new MutableClock(Instant.now())));
    http = new SandboxHttp(sandbox);
    tpp = Journey.register(sandbox, http, "PSDNL-DNB-REV001", TestPki.Keys.TPP_A, "nl", R);
    other = Journey.register(sandbox, http, "PSDNL-DNB-REV002", TestPki.Keys.TPP_B, "nl", R);
    account = tpp.testAccount();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static void refused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Flow.bgCode(r)).isEqualTo(code);
  }

  private static void oauth(HttpResponse<String> r, int status, String error) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Flow.oauthError(r)).isEqualTo(error);
  }

  // ---------------------------------------------------------------- REV-1

  @Test
  void rev1ADeletedConsentIsTerminatedAndReadsAreRefused() {
    Journey.Authorised a = tpp.validConsentOk(account);
    String rid = tpp.resourceId(a);
    String id = a.created().id();
    // Another TPP cannot delete it.
    refused(other.xs2a("DELETE", "consents/" + id), 403, "CONSENT_UNKNOWN");
    assertThat(tpp.consentStatus(id)).isEqualTo("valid");
    HttpResponse<String> deleted = tpp.xs2a("DELETE", "consents/" + id);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(tpp.consentStatus(id)).isEqualTo("terminatedByTpp");
    for (String path :
        new String[] {"accounts", "accounts/" + rid + "/balances", Journey.transactions(rid)}) {
      HttpResponse<String> r = tpp.read(path, a);
      refused(r, 401, "CONSENT_INVALID");
      assertThat(Flow.bgText(r))
          .isEqualTo("Operation not possible on consent " + id + " with status terminatedByTpp");
    }
    // Idempotent; a closed consent keeps its status.
    assertThat(tpp.xs2a("DELETE", "consents/" + id).statusCode()).isEqualTo(204);
    assertThat(tpp.consentStatus(id)).isEqualTo("terminatedByTpp");
    refused(tpp.xs2a("DELETE", "consents/unknown"), 403, "CONSENT_UNKNOWN");
    Map<String, String> unsigned = new java.util.LinkedHashMap<>();
    unsigned.put("Signature", null);
    refused(tpp.xs2a("DELETE", "consents/" + id, "", unsigned), 401, "SIGNATURE_MISSING");
  }

  @Test
  void rev1AReceivedConsentCanBeDeletedToo() {
    Journey.Created c = tpp.consentOk(account.get("iban").asText());
    assertThat(tpp.xs2a("DELETE", "consents/" + c.id()).statusCode()).isEqualTo(204);
    assertThat(tpp.consentStatus(c.id())).isEqualTo("terminatedByTpp");
    assertThat(tpp.openScaRedirect(c.scaRedirect()).statusCode()).isEqualTo(400);
  }

  // ---------------------------------------------------------------- REV-2

  @Test
  void rev2ARevokedRefreshTokenIsInvalidGrantAndTakesItsAccessTokensAlong() {
    Journey.Authorised a = tpp.validConsentOk(account);
    HttpResponse<String> revoked = tpp.revoke(a.refreshToken(), "refresh_token");
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(revoked.body()).isEmpty();
    assertThat(revoked.headers().firstValue("Cache-Control")).contains("no-store");
    oauth(tpp.refresh(a.refreshToken()), 400, "invalid_grant");
    refused(tpp.read("accounts", a), 401, "TOKEN_INVALID");
  }

  @Test
  void rev2ARevokedAccessTokenStopsAloneAndHintsAreOnlyHints() {
    Journey.Authorised a = tpp.validConsentOk(account);
    // A wrong hint: the token is found anyway (RFC 7009 2.1).
    assertThat(tpp.revoke(a.accessToken(), "refresh_token").statusCode()).isEqualTo(200);
    refused(tpp.read("accounts", a), 401, "TOKEN_INVALID");
    HttpResponse<String> refreshed = tpp.refresh(a.refreshToken());
    assertThat(refreshed.statusCode()).isEqualTo(200);
    String fresh = SandboxHttp.json(refreshed).get("access_token").asText();
    assertThat(tpp.read("accounts", a.created().id(), fresh, true).statusCode()).isEqualTo(200);
    assertThat(tpp.revoke(fresh, "no-such-hint").statusCode()).isEqualTo(200);
    refused(tpp.read("accounts", a.created().id(), fresh, true), 401, "TOKEN_INVALID");
  }

  @Test
  void rev2UnknownAndForeignTokensAre200AndNothingHappens() {
    assertThat(tpp.revoke("never-issued", "refresh_token").statusCode()).isEqualTo(200);
    Journey.Authorised a = tpp.validConsentOk(account);
    assertThat(other.revoke(a.refreshToken(), "refresh_token").statusCode()).isEqualTo(200);
    assertThat(other.revoke(a.accessToken(), "access_token").statusCode()).isEqualTo(200);
    assertThat(tpp.read("accounts", a).statusCode()).isEqualTo(200);
    assertThat(tpp.refresh(a.refreshToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void rev2RevocationNeedsClientAuthenticationAndAToken() {
    Journey.Authorised a = tpp.validConsentOk(account);
    HttpResponse<String> noBasic =
        http.post(
            "/auth/nl/v1/token/revoke",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            SandboxHttp.form("token", a.refreshToken()));
    oauth(noBasic, 401, "invalid_client");
    assertThat(noBasic.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"reference-sandbox\"");
    oauth(
        http.post(
            "/auth/nl/v1/token/revoke",
            Journey.basic(tpp.clientId(), "wrong"),
            SandboxHttp.form("token", a.refreshToken())),
        401,
        "invalid_client");
    oauth(
        http.post(
            "/auth/nl/v1/token/revoke",
            Journey.basic(tpp.clientId(), tpp.clientSecret()),
            SandboxHttp.form("token_type_hint", "refresh_token")),
        400,
        "invalid_request");
    oauth(
        http.post(
            "/auth/nl/v1/token/revoke",
            Journey.basic(tpp.clientId(), tpp.clientSecret()),
            SandboxHttp.form("token", a.refreshToken(), "token", "x")),
        400,
        "invalid_request");
    Map<String, String> json =
        new java.util.LinkedHashMap<>(Journey.basic(tpp.clientId(), tpp.clientSecret()));
    json.put("Content-Type", "application/json");
    oauth(
        http.post("/auth/nl/v1/token/revoke", json, "{\"token\":\"" + a.refreshToken() + "\"}"),
        400,
        "invalid_request");
    // Nothing was revoked on the way.
    assertThat(tpp.refresh(a.refreshToken()).statusCode()).isEqualTo(200);
  }
}
