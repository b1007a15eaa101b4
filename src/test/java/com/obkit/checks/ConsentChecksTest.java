package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.html;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The consent answers' checks (CON-*, section 10): the bank's shape next to each way it breaks. */
class ConsentChecksTest {
  private static final URI AUTH = URI.create("https://api.bank.example/auth/nl/v1/auth");
  private static final String CLIENT = "client-1";
  private static final String REDIRECT = "https://tpp.example/cb";
  private static final String GOOD_QUERY =
      "response_type=code&scope=openid+offline_access+AIS%3Ac-123&client_id=client-1"
          + "&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb";
  private static final String SCA_REDIRECT = AUTH + "?" + GOOD_QUERY;

  /** The 201 of section 10 (PROD). */
  private static final HttpExchange CONSENT =
      json(
          201,
          "{\"consentStatus\":\"received\",\"consentId\":\"c-123\",\"authorisationId\":\"a-456\","
              + "\"_links\":{\"scaOAuth\":\"https://api.bank.example/auth/nl/.well-known/openid-configuration\","
              + "\"scaRedirect\":\""
              + SCA_REDIRECT
              + "\",\"self\":\"/nl/v1/consents/c-123\",\"status\":\"/nl/v1/consents/c-123/status\","
              + "\"scaStatus\":\"/nl/v1/consents/c-123/authorisations/a-456\","
              + "\"confirmation\":\"/nl/v1/consents/c-123/authorisations/a-456\"}}");

  private static final String REFUSED = "expected a 201 answer carrying _links.scaRedirect but ";

  private static HttpExchange withScaRedirect(String link) {
    return json(201, "{\"_links\":{\"scaRedirect\":\"" + link + "\"}}");
  }

  private static Optional<String> sca(HttpExchange x) {
    return ConsentChecks.scaRedirect(AUTH, CLIENT, REDIRECT, "AIS:c-123").evaluate(x);
  }

  private static Optional<String> scaQuery(String query) {
    return sca(withScaRedirect(AUTH + "?" + query));
  }

  private static Optional<String> wrong(String message) {
    return Optional.of(message);
  }

  @Test
  void consentReceived() {
    Check<HttpExchange> check = ConsentChecks.consentReceived();
    assertThat(check.name()).isEqualTo(ConsentChecks.CONSENT_RECEIVED);
    assertThat(check.name()).isEqualTo("CheckConsentStatusReceived");
    assertThat(check.evaluate(CONSENT)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(201, "{\"consentStatus\":\"valid\"}")))
        .isEqualTo(wrong("consentStatus is 'valid', expected 'received'"));
    assertThat(check.evaluate(json(201, "{}")))
        .isEqualTo(
            wrong("no consentStatus in " + DESCRIBED + " -> 201 (body: { }), expected 'received'"));
    assertThat(check.evaluate(json(201, "{\"consentStatus\":1}")))
        .isEqualTo(
            wrong(
                "no consentStatus in "
                    + DESCRIBED
                    + " -> 201 (body: { \"consentStatus\" : 1 }), expected 'received'"));
    assertThat(check.evaluate(json(201, "{\"consentStatus\":\" \"}")))
        .isEqualTo(
            wrong(
                "no consentStatus in "
                    + DESCRIBED
                    + " -> 201 (body: { \"consentStatus\" : \" \" }), expected 'received'"));
    assertThat(check.evaluate(bare(500)))
        .isEqualTo(wrong("no consentStatus in " + DESCRIBED + " -> 500, expected 'received'"));
  }

  @Test
  void consentStatusIs() {
    Check<HttpExchange> check = ConsentChecks.consentStatusIs("valid", "received");
    assertThat(check.name()).isEqualTo("CheckConsentStatus");
    assertThat(check.name()).isEqualTo(ConsentChecks.CONSENT_STATUS);
    assertThat(check.evaluate(json(200, "{\"consentStatus\":\"valid\"}")))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(CONSENT)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"consentStatus\":\"expired\"}")))
        .isEqualTo(wrong("consentStatus is 'expired', expected one of [valid, received]"));
    assertThat(check.evaluate(json(200, "{\"consentStatus\":\"Valid\"}")))
        .isEqualTo(wrong("consentStatus is 'Valid', expected one of [valid, received]"));
    assertThat(check.evaluate(bare(404)))
        .isEqualTo(
            wrong(
                "no consentStatus in " + DESCRIBED + " -> 404, expected one of [valid, received]"));
    assertThat(
            ConsentChecks.consentStatusIs("terminatedByTpp")
                .evaluate(json(200, "{\"consentStatus\":\"valid\"}")))
        .isEqualTo(wrong("consentStatus is 'valid', expected 'terminatedByTpp'"));
  }

  @Test
  void consentIdAndAuthorisationId() {
    Check<HttpExchange> check = ConsentChecks.consentIdAndAuthorisationId();
    assertThat(check.name()).isEqualTo("EnsureConsentIdAndAuthorisationId");
    assertThat(check.name()).isEqualTo(ConsentChecks.CONSENT_ID_AND_AUTHORISATION_ID);
    assertThat(check.evaluate(CONSENT)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(201, "{\"authorisationId\":\"a\"}")))
        .isEqualTo(
            wrong(
                "no consentId in "
                    + DESCRIBED
                    + " -> 201 (body: { \"authorisationId\" : \"a\" })"));
    assertThat(check.evaluate(json(201, "{\"consentId\":\"c\",\"authorisationId\":\"\"}")))
        .isEqualTo(
            wrong(
                "no authorisationId in "
                    + DESCRIBED
                    + " -> 201 (body: { \"consentId\" : \"c\", \"authorisationId\" : \"\" })"));
    assertThat(check.evaluate(json(201, "{}")))
        .isEqualTo(
            wrong("no consentId and no authorisationId in " + DESCRIBED + " -> 201 (body: { })"));
    assertThat(check.evaluate(bare(400)))
        .isEqualTo(wrong("no consentId and no authorisationId in " + DESCRIBED + " -> 400"));
  }

  @Test
  void linksRelativeToTenant() {
    Check<HttpExchange> check =
        ConsentChecks.linksRelativeToTenant("nl", "self", "status", "scaStatus", "confirmation");
    assertThat(check.name()).isEqualTo("EnsureLinksRelativeToXs2aBase");
    assertThat(check.name()).isEqualTo(ConsentChecks.LINKS_RELATIVE);
    assertThat(check.evaluate(CONSENT)).isEqualTo(Optional.empty());

    Check<HttpExchange> status = ConsentChecks.linksRelativeToTenant("nl", "status");
    assertThat(
            status.evaluate(
                json(201, "{\"_links\":{\"status\":{\"href\":\"/nl/v1/consents/c/status\"}}}")))
        .isEqualTo(Optional.empty());
    assertThat(status.evaluate(json(201, "{\"_links\":{\"self\":\"/nl/v1/consents/c\"}}")))
        .isEqualTo(wrong("_links.status is missing"));
    assertThat(status.evaluate(json(201, "{\"_links\":{\"status\":{\"href\":1}}}")))
        .isEqualTo(wrong("_links.status is missing"));
    assertThat(status.evaluate(json(201, "{\"_links\":{\"status\":{\"url\":\"/nl/x\"}}}")))
        .isEqualTo(wrong("_links.status is missing"));
    assertThat(status.evaluate(json(201, "{\"_links\":{\"status\":\"\"}}")))
        .isEqualTo(wrong("_links.status is missing"));
    assertThat(status.evaluate(bare(201))).isEqualTo(wrong("_links.status is missing"));
    assertThat(
            status.evaluate(
                json(
                    201,
                    "{\"_links\":{\"status\":\"https://api.bank.example/xs2a-bg/nl/v1/consents/c/status\"}}")))
        .isEqualTo(
            wrong(
                "_links.status 'https://api.bank.example/xs2a-bg/nl/v1/consents/c/status' is not a path"
                    + " relative to the XS2A base starting with /nl/"));
    assertThat(
            status.evaluate(json(201, "{\"_links\":{\"status\":\"/be_nl/v1/consents/c/status\"}}")))
        .isEqualTo(
            wrong(
                "_links.status '/be_nl/v1/consents/c/status' is not a path relative to the XS2A base"
                    + " starting with /nl/"));
    assertThat(status.evaluate(json(201, "{\"_links\":{\"status\":\"/nlx/v1/c\"}}")))
        .isEqualTo(
            wrong(
                "_links.status '/nlx/v1/c' is not a path relative to the XS2A base starting with /nl/"));
    assertThat(
            ConsentChecks.linksRelativeToTenant("nl", "self", "status")
                .evaluate(json(201, "{\"_links\":{\"self\":\"/v1/consents/c\"}}")))
        .isEqualTo(
            wrong(
                "_links.self '/v1/consents/c' is not a path relative to the XS2A base starting with"
                    + " /nl/; _links.status is missing"));
  }

  @Test
  void scaRedirectToTheAuthorisationEndpointPasses() {
    Check<HttpExchange> check = ConsentChecks.scaRedirect(AUTH, CLIENT, REDIRECT, "AIS:c-123");
    assertThat(check.name()).isEqualTo("EnsureScaRedirectToAuthorisationEndpoint");
    assertThat(check.name()).isEqualTo(ConsentChecks.SCA_REDIRECT);
    assertThat(check.evaluate(CONSENT)).isEqualTo(Optional.empty());
    assertThat(sca(json(201, "{\"_links\":{\"scaRedirect\":{\"href\":\"" + SCA_REDIRECT + "\"}}}")))
        .isEqualTo(Optional.empty());
    assertThat(
            sca(
                withScaRedirect(
                    "HTTPS://API.bank.example:443/auth/nl/v1/auth?client_id=client-1"
                        + "&redirect_uri=https://tpp.example/cb&scope=AIS%3Ac-123%20openid"
                        + "&response_type=code")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void scaRedirectOfAPaymentHoldsItsPisScope() {
    HttpExchange payment =
        json(
            201,
            "{\"transactionStatus\":\"RCVD\",\"paymentId\":\"p-1\",\"authorisationId\":\"a-1\","
                + "\"_links\":{\"scaRedirect\":\""
                + AUTH
                + "?response_type=code&scope=openid+offline_access+PIS%3Ap-1&client_id=client-1"
                + "&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb\"}}");
    assertThat(ConsentChecks.scaRedirect(AUTH, CLIENT, REDIRECT, "PIS:p-1").evaluate(payment))
        .isEqualTo(Optional.empty());
    assertThat(ConsentChecks.scaRedirect(AUTH, CLIENT, REDIRECT, "AIS:p-1").evaluate(payment))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: scope 'openid offline_access PIS:p-1' does not hold 'AIS:p-1'"));
  }

  @Test
  void scaRedirectOnAnAnswerOtherThan201Fails() {
    assertThat(sca(bare(200))).isEqualTo(wrong(REFUSED + DESCRIBED + " -> 200"));
    assertThat(sca(json(400, "{\"tppMessages\":[]}")))
        .isEqualTo(wrong(REFUSED + DESCRIBED + " -> 400 (body: { \"tppMessages\" : [ ] })"));
  }

  @Test
  void scaRedirectThatIsMissingOrNotAnAbsoluteUrlFails() {
    String none = "no _links.scaRedirect (a string or {\"href\": …}) in the answer";
    assertThat(sca(json(201, "{\"_links\":{}}"))).isEqualTo(wrong(none));
    assertThat(sca(json(201, "{\"_links\":{\"scaRedirect\":{\"href\":true}}}")))
        .isEqualTo(wrong(none));
    assertThat(sca(json(201, "{}"))).isEqualTo(wrong(none));
    assertThat(sca(bare(201))).isEqualTo(wrong(none));
    assertThat(sca(withScaRedirect("https://api.bank.example/auth/nl/v1/auth?scope=a b")))
        .isEqualTo(
            wrong(
                "_links.scaRedirect 'https://api.bank.example/auth/nl/v1/auth?scope=a b' is not a URI"));
    assertThat(sca(withScaRedirect("/auth/nl/v1/auth?" + GOOD_QUERY)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect '/auth/nl/v1/auth?" + GOOD_QUERY + "' is not an absolute URL"));
    assertThat(sca(withScaRedirect("urn:auth:nl")))
        .isEqualTo(wrong("_links.scaRedirect 'urn:auth:nl' is not an absolute URL"));
  }

  @Test
  void scaRedirectToAnotherEndpointFails() {
    String notThere =
        ", not to the authorisation endpoint https://api.bank.example/auth/nl/v1/auth";
    assertThat(sca(withScaRedirect("https://evil.example/auth/nl/v1/auth?" + GOOD_QUERY)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: it goes to https://evil.example/auth/nl/v1/auth" + notThere));
    assertThat(sca(withScaRedirect("http://api.bank.example/auth/nl/v1/auth?" + GOOD_QUERY)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: it goes to http://api.bank.example/auth/nl/v1/auth"
                    + notThere));
    assertThat(sca(withScaRedirect("https://api.bank.example:8443/auth/nl/v1/auth?" + GOOD_QUERY)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: it goes to https://api.bank.example:8443/auth/nl/v1/auth"
                    + notThere));
    assertThat(sca(withScaRedirect("https://api.bank.example/auth/be_nl/v1/auth?" + GOOD_QUERY)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: it goes to https://api.bank.example/auth/be_nl/v1/auth"
                    + notThere));
    assertThat(sca(withScaRedirect("https://api.bank.example/auth/nl/v1/auth/?" + GOOD_QUERY)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: it goes to https://api.bank.example/auth/nl/v1/auth/"
                    + notThere));
  }

  @Test
  void scaRedirectWithTheWrongParametersFails() {
    String scope = "scope=openid+offline_access+AIS%3Ac-123";
    String client = "client_id=client-1";
    String redirect = "redirect_uri=https%3A%2F%2Ftpp.example%2Fcb";
    String code = "response_type=code";
    assertThat(scaQuery(scope + "&" + client + "&" + redirect))
        .isEqualTo(wrong("_links.scaRedirect: response_type is missing, expected 'code'"));
    assertThat(scaQuery("response_type=token&" + scope + "&" + client + "&" + redirect))
        .isEqualTo(wrong("_links.scaRedirect: response_type is 'token', expected 'code'"));
    assertThat(scaQuery(code + "&" + scope + "&" + redirect))
        .isEqualTo(wrong("_links.scaRedirect: client_id is missing, expected 'client-1'"));
    assertThat(scaQuery(code + "&" + scope + "&client_id=client-2&" + redirect))
        .isEqualTo(wrong("_links.scaRedirect: client_id is 'client-2', expected 'client-1'"));
    assertThat(scaQuery(code + "&" + scope + "&" + client))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: redirect_uri is missing, expected 'https://tpp.example/cb'"));
    assertThat(
            scaQuery(
                code
                    + "&"
                    + scope
                    + "&"
                    + client
                    + "&redirect_uri=https%3A%2F%2Ftpp.example%2Fcb%2F"))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: redirect_uri is 'https://tpp.example/cb/', expected"
                    + " 'https://tpp.example/cb'"));
    assertThat(scaQuery(code + "&" + client + "&" + redirect))
        .isEqualTo(wrong("_links.scaRedirect: scope is missing, expected one holding 'AIS:c-123'"));
    assertThat(scaQuery(code + "&scope=openid+AIS%3Ac-1234&" + client + "&" + redirect))
        .isEqualTo(
            wrong("_links.scaRedirect: scope 'openid AIS:c-1234' does not hold 'AIS:c-123'"));
    assertThat(scaQuery(code + "&scope=openid+offline_access+AIS:c-999&" + client + "&" + redirect))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: scope 'openid offline_access AIS:c-999' does not hold 'AIS:c-123'"));
    assertThat(sca(withScaRedirect(AUTH.toString())))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: response_type is missing, expected 'code'; client_id is missing,"
                    + " expected 'client-1'; redirect_uri is missing, expected 'https://tpp.example/cb';"
                    + " scope is missing, expected one holding 'AIS:c-123'"));
    assertThat(
            sca(
                withScaRedirect(
                    "https://evil.example/x?response_type&"
                        + scope
                        + "&"
                        + client
                        + "&"
                        + redirect)))
        .isEqualTo(
            wrong(
                "_links.scaRedirect: it goes to https://evil.example/x, not to the authorisation"
                    + " endpoint https://api.bank.example/auth/nl/v1/auth; response_type is '',"
                    + " expected 'code'"));
  }

  @Test
  void queryParametersAreFormDecodedAndTheFirstCounts() {
    URI uri = URI.create("https://h.example/p?flag&b=%41+c&b=second&c%5Fd=e");
    assertThat(ConsentChecks.parameter(uri, "flag")).isEqualTo(Optional.of(""));
    assertThat(ConsentChecks.parameter(uri, "b")).isEqualTo(Optional.of("A c"));
    assertThat(ConsentChecks.parameter(uri, "c_d")).isEqualTo(Optional.of("e"));
    assertThat(ConsentChecks.parameter(uri, "fla")).isEqualTo(Optional.empty());
    // An empty name is a name: "=v" is the pair ("", "v").
    assertThat(ConsentChecks.parameter(URI.create("https://h.example/p?=v"), ""))
        .isEqualTo(Optional.of("v"));
    assertThat(ConsentChecks.parameter(URI.create("https://h.example/p"), "b"))
        .isEqualTo(Optional.empty());
  }

  @Test
  void noConsentDisclosed() {
    Check<HttpExchange> check = ConsentChecks.noConsentDisclosed();
    assertThat(check.name()).isEqualTo("EnsureNoConsentDisclosed");
    assertThat(check.name()).isEqualTo(ConsentChecks.NO_CONSENT_DISCLOSED);
    assertThat(
            check.evaluate(
                json(
                    403,
                    "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"CONSENT_UNKNOWN\","
                        + "\"text\":\"ConsentID not found, or not registered for this TPP\"}]}")))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(403, "{\"access\":null}"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(html(404, "<p>consentStatus</p>"))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(bare(404))).isEqualTo(Optional.empty());
    assertThat(
            check.evaluate(
                json(
                    200,
                    "{\"access\":{\"accounts\":[{\"iban\":\"NL70TRIO0123456789\"}]},"
                        + "\"recurringIndicator\":true,\"validUntil\":\"2030-01-01\","
                        + "\"consentStatus\":\"valid\"}")))
        .isEqualTo(
            wrong(
                "the answer discloses a consent: it has [access, validUntil, consentStatus] ("
                    + DESCRIBED
                    + " -> 200)"));
    assertThat(check.evaluate(json(403, "{\"tppMessages\":[],\"consent\":{\"validUntil\":\"x\"}}")))
        .isEqualTo(
            wrong(
                "the answer discloses a consent: it has [validUntil] (" + DESCRIBED + " -> 403)"));
    assertThat(check.evaluate(json(403, "{\"items\":[1,{\"consentStatus\":\"valid\"}]}")))
        .isEqualTo(
            wrong(
                "the answer discloses a consent: it has [consentStatus] ("
                    + DESCRIBED
                    + " -> 403)"));
    assertThat(check.evaluate(json(403, "{\"access\":{\"consentStatus\":\"valid\"}}")))
        .isEqualTo(
            wrong(
                "the answer discloses a consent: it has [access, consentStatus] ("
                    + DESCRIBED
                    + " -> 403)"));
  }
}
