package com.obkit.client;

import com.obkit.config.KitConfig;
import com.obkit.signing.SigningFilter;
import com.obkit.signing.SigningProfile;
import com.obkit.signing.Tampering;
import com.obkit.signing.UnsignedCertificateFilter;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The TPP's side of every call of the onboarding journey. One instance per scenario; each call
 * builds its own request spec from the run's {@link Transport} with the cross-cutting filters
 * (signing, then the redacting Allure attachment). Returns what the bank said, never judges it:
 * that is the checks' job.
 *
 * <p>Every secret the client sends or receives is registered with the run's {@link SecretRegistry}
 * (by the attachment filter, which sees every request and response; and here for values a request
 * only derives from, such as the PKCE verifier behind an S256 challenge), so that reports and
 * messages can be scrubbed of it.
 */
public final class BankClient {

  private static final String FORM = "application/x-www-form-urlencoded";

  private final KitConfig config;
  private final Transport transport;
  private final BankEndpoints endpoints;
  private final SecretRegistry secrets;

  /**
   * @param config the run's configuration
   * @param transport how to reach the bank
   * @param endpoints the bank's URLs
   * @param secrets the run's registry of secrets, shared by every client of the run
   */
  public BankClient(
      KitConfig config, Transport transport, BankEndpoints endpoints, SecretRegistry secrets) {
    this.config = config;
    this.transport = transport;
    this.endpoints = endpoints;
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  public BankEndpoints endpoints() {
    return endpoints;
  }

  /** The run's registry of secrets this client registers with and scrubs attachments by. */
  public SecretRegistry secrets() {
    return secrets;
  }

  /**
   * GET the initial access token (contract section 4), signed with the bank profile, optionally
   * with one thing broken.
   */
  public HttpExchange requestInitialToken(
      Tpp tpp, String tenant, SigningProfile signing, Tampering tampering) {
    URI uri = endpoints.onboarding(tenant);
    return send("GET", uri, spec(signed(tpp, signing, tampering)).accept("application/json"));
  }

  /** POST the registration to the link the onboarding answer gave (contract section 5). */
  public HttpExchange register(
      Tpp tpp, URI registrationLink, RegistrationRequest request, Tampering tampering) {
    Filter certificates =
        request.signed()
            ? signed(tpp, config.bank().signing(), tampering)
            : UnsignedCertificateFilter.of(tpp.credentials(), config.bank().sendSslCertificate())
                .withTampering(tampering);
    RequestSpecification spec =
        spec(certificates)
            .accept("application/json")
            .contentType(FORM)
            // The form body is ASCII (URL-encoded), so the bytes signed are the bytes sent.
            .body(request.formBody());
    request.formToken().ifPresent(secrets::register);
    request.bearerToken().ifPresent(secrets::register);
    request.bearerToken().ifPresent(t -> spec.header("Authorization", "Bearer " + t));
    return send("POST", registrationLink, spec);
  }

  /** Sends the PSU's browser to the authorisation endpoint; redirects are never followed. */
  public HttpExchange authorize(String tenant, AuthorizationRequest request) {
    // Never sent with S256, but it is what the token request will prove possession of.
    secrets.register(request.codeVerifier());
    URI uri = URI.create(endpoints.authorization(tenant) + "?" + request.query());
    return send("GET", uri, spec().urlEncodingEnabled(false).accept("text/html"));
  }

  /** POST a sandbox test account request (contract section 7). */
  public HttpExchange createTestAccount(
      Tpp tpp, String tenant, String currency, Tampering tampering) {
    byte[] body = ("{\"currency\":\"" + currency + "\"}").getBytes(StandardCharsets.UTF_8);
    return send(
        "POST",
        endpoints.testAccounts(tenant),
        spec(signed(tpp, config.bank().signing(), tampering))
            .accept("application/json")
            .contentType("application/json")
            .body(body));
  }

  /** A plain GET (discovery, version, a page the bank redirected to). */
  public HttpExchange get(URI uri) {
    return send("GET", uri, spec().urlEncodingEnabled(false));
  }

  private SigningFilter signed(Tpp tpp, SigningProfile signing, Tampering tampering) {
    secrets.registerPrivateKey(tpp.credentials().privateKey());
    return SigningFilter.of(tpp.credentials(), signing, config.bank().sendSslCertificate())
        .withTampering(tampering);
  }

  private RequestSpecification spec(Filter... filters) {
    List<Filter> chain = new ArrayList<>(List.of(filters));
    // Last, so the attachment shows the headers actually sent.
    chain.add(new RedactingAllureFilter(secrets));
    return RestAssured.given(
            new RequestSpecBuilder().setConfig(transport.restAssuredConfig()).build())
        .filters(chain);
  }

  private static HttpExchange send(String method, URI uri, RequestSpecification spec) {
    Response r;
    try {
      r = spec.request(method, uri.toString());
    } catch (Exception e) { // REST Assured rethrows checked I/O exceptions undeclared (Groovy)
      throw Faults.classify(method, uri, e);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header h : r.getHeaders()) {
      headers
          .computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.getValue());
    }
    return new HttpExchange(method, uri, r.getStatusCode(), headers, r.getBody().asString());
  }
}
