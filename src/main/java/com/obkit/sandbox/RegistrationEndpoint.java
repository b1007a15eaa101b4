package com.obkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /auth/{tenant}/v1/registration} (contract section 5): REG-1..REG-8, each rule a small
 * named method. Errors use the OAuth shape; certificate and signature failures carry the Berlin
 * Group code as {@code error} with status 401.
 */
final class RegistrationEndpoint {

  static final String INITIAL_ACCESS_TOKEN = "initial_access_token";
  static final String REDIRECT_URIS = "redirect_uris";
  static final String SECTOR_IDENTIFIER_URI = "sector_identifier_uri";

  private static final Map<String, String> BEARER_CHALLENGE =
      Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"");

  private final SandboxOptions options;
  private final RequestVerifier verifier;
  private final InitialAccessTokens tokens;
  private final ClientRegistry clients;
  private final SectorIdentifierFetcher sectorFetcher;
  private final ErrorRenderer out;
  private final ObjectMapper json;
  private final Clock clock;

  RegistrationEndpoint(
      SandboxOptions options,
      RequestVerifier verifier,
      InitialAccessTokens tokens,
      ClientRegistry clients,
      SectorIdentifierFetcher sectorFetcher,
      ErrorRenderer out,
      ObjectMapper json) {
    this.options = Objects.requireNonNull(options, "options");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.sectorFetcher = Objects.requireNonNull(sectorFetcher, "sectorFetcher");
    this.out = Objects.requireNonNull(out, "out");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = options.clock();
    RequestVerifier.requireSameOptions(options, verifier.options(), "the request verifier");
    RequestVerifier.requireSameOptions(options, out.options(), "the error renderer");
  }

  void register(Context ctx) {
    Tenant tenant = Routes.tenant(ctx);
    RequestView request = RequestView.of(ctx, options.maxBodyBytes());
    TppCertificate certificate = verifier.verifyRegistration(request);
    requireFormContentType(request);
    FormData form = requireParseableForm(request);
    Optional<InitialAccessTokens.Grant> grant = requireValidInitialAccessToken(request, form);
    if (!options.deviates(Deviation.TOKEN_NOT_BOUND_TO_ORGANIZATION)) {
      grant.ifPresent(g -> requireTokenOfCertificateOrganization(g, certificate));
    }
    List<String> redirectUris = requireRedirectUris(form);
    Optional<String> sectorIdentifierUri = requireValidSectorIdentifier(form, redirectUris);

    ClientRegistry.Client client =
        clients.register(
            new ClientRegistry.Registration(
                certificate.organizationId(),
                clientBinding(tenant, certificate),
                redirectUris,
                options.deviates(Deviation.REDIRECT_URIS_APPENDED),
                sectorIdentifierUri,
                clock.instant()));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", client.clientId());
    body.put("client_secret", client.clientSecret());
    if (!options.deviates(Deviation.REDIRECT_URIS_NOT_ECHOED)) {
      body.put("redirect_uris", client.redirectUris());
    }
    body.put("grant_types", List.of("authorization_code"));
    body.put("response_types", List.of("code"));
    body.put("token_endpoint_auth_method", "client_secret_basic");
    body.put("client_id_issued_at", client.clientIdIssuedAt().getEpochSecond());
    body.put("client_secret_expires_at", 0);
    client.sectorIdentifierUri().ifPresent(s -> body.put("sector_identifier_uri", s));
    if (options.registrationAccessToken()) {
      body.put("registration_access_token", clients.registrationAccessToken());
    }
    ctx.status(options.deviates(Deviation.REGISTRATION_ANSWERS_200) ? 200 : 201);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    out.writeJson(ctx, body);
  }

  /**
   * REG-2: what the {@code client_id} is bound to: the organization id, whatever the tenant and the
   * certificate; each deviation binds it to something else.
   */
  String clientBinding(Tenant tenant, TppCertificate certificate) {
    String organization = certificate.organizationId().value();
    if (options.deviates(Deviation.CLIENT_ID_PER_TENANT)) {
      return organization + " tenant " + tenant.pathValue();
    }
    if (options.deviates(Deviation.CLIENT_ID_PER_CERTIFICATE)) {
      return organization + " certificate " + certificate.fingerprint();
    }
    if (options.deviates(Deviation.NEW_CLIENT_ID_ON_REPLAY)) {
      return organization + " registration " + UUID.randomUUID();
    }
    return organization;
  }

  /** REG-1: the body is a form. */
  void requireFormContentType(RequestView request) {
    if (!Routes.hasMediaType(request, Routes.FORM)) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST,
          "Content-Type '" + request.header("Content-Type").orElse("") + "' is not " + Routes.FORM);
    }
  }

  FormData requireParseableForm(RequestView request) {
    try {
      return FormData.parse(request.body());
    } catch (FormData.MalformedFormException e) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "form body is malformed: " + e.getMessage());
    }
  }

  /**
   * REG-1, REG-3: the token from the form field and/or the Bearer header (equal when both are
   * sent), known and not expired ({@code 401 invalid_token}). Empty only when a REG-3 deviation
   * lets a request without a known token through.
   */
  Optional<InitialAccessTokens.Grant> requireValidInitialAccessToken(
      RequestView request, FormData form) {
    if (form.count(INITIAL_ACCESS_TOKEN) > 1) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "form field initial_access_token is repeated");
    }
    Optional<String> fromForm =
        form.first(INITIAL_ACCESS_TOKEN)
            .filter(s -> !s.isEmpty() && !options.deviates(Deviation.FORM_TOKEN_REFUSED));
    Optional<String> fromHeader =
        options.deviates(Deviation.BEARER_TOKEN_REFUSED) ? Optional.empty() : bearerToken(request);
    if (fromForm.isPresent()
        && fromHeader.isPresent()
        && !Secrets.same(fromForm.get(), fromHeader.get())) {
      throw invalidToken(
          "the initial_access_token form field and the Authorization Bearer token differ");
    }
    Optional<String> token = fromForm.or(() -> fromHeader);
    if (token.isEmpty() && options.deviates(Deviation.MISSING_TOKEN_ACCEPTED)) {
      return Optional.empty();
    }
    String value =
        token.orElseThrow(
            () ->
                invalidToken(
                    "no initial access token (form field initial_access_token or Authorization: Bearer)"));
    if (options.deviates(Deviation.UNKNOWN_TOKEN_ACCEPTED) && tokens.issued(value).isEmpty()) {
      return Optional.empty();
    }
    Optional<InitialAccessTokens.Grant> grant =
        options.deviates(Deviation.EXPIRED_TOKEN_ACCEPTED)
            ? tokens.issued(value)
            : tokens.valid(value);
    return Optional.of(
        grant.orElseThrow(() -> invalidToken("the initial access token is unknown or expired")));
  }

  private Optional<String> bearerToken(RequestView request) {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isEmpty()) {
      if (request.hasHeader("Authorization")) {
        throw invalidToken("the Authorization header is empty");
      }
      return Optional.empty();
    }
    String value = authorization.get();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer")) {
      throw invalidToken("the Authorization header is not a Bearer token");
    }
    String token = space < 0 ? "" : value.substring(space + 1).trim();
    if (token.isEmpty()) {
      throw invalidToken("the Authorization Bearer value is empty");
    }
    return Optional.of(token);
  }

  /** REG-6: a token of one organization id cannot register with another's certificate. */
  void requireTokenOfCertificateOrganization(
      InitialAccessTokens.Grant grant, TppCertificate certificate) {
    if (!grant.organizationId().equals(certificate.organizationId())) {
      throw invalidToken(
          "the initial access token was issued for organization id "
              + grant.organizationId()
              + ", the certificate is for "
              + certificate.organizationId());
    }
  }

  /**
   * REG-4, REG-5, REG-8: at least one redirect URI; each absolute with scheme and host and no
   * fragment; no plain http in production.
   */
  List<String> requireRedirectUris(FormData form) {
    List<String> uris = form.all(REDIRECT_URIS);
    if (uris.stream().allMatch(String::isEmpty)) {
      if (options.deviates(Deviation.EMPTY_REDIRECT_URIS_ACCEPTED)) {
        return List.of();
      }
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "There should be at least one redirect URI");
    }
    for (String uri : uris) {
      requireAbsoluteRedirectUri(uri);
      if (!options.deviates(Deviation.HTTP_REDIRECT_URI_ACCEPTED_IN_PRODUCTION)) {
        requireHttpsRedirectUriInProduction(uri);
      }
    }
    return List.copyOf(uris);
  }

  /** REG-5 (RFC 6749 3.1.2): absolute, with scheme and host, no fragment. */
  void requireAbsoluteRedirectUri(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalidRedirectUri("redirect URI '" + value + "' is not a valid URI");
    }
    boolean relativeAccepted = options.deviates(Deviation.RELATIVE_REDIRECT_URI_ACCEPTED);
    if ((!uri.isAbsolute() || uri.isOpaque()) && !relativeAccepted) {
      throw invalidRedirectUri("redirect URI '" + value + "' is not an absolute URI");
    }
    if ((uri.getHost() == null || uri.getHost().isEmpty()) && !relativeAccepted) {
      throw invalidRedirectUri("redirect URI '" + value + "' has no host");
    }
    if ((uri.getRawFragment() != null || value.indexOf('#') >= 0)
        && !options.deviates(Deviation.FRAGMENT_REDIRECT_URI_ACCEPTED)) {
      throw invalidRedirectUri("redirect URI '" + value + "' carries a fragment");
    }
  }

  /** REG-8: production accepts https redirect URIs only; the sandbox accepts http too. */
  void requireHttpsRedirectUriInProduction(String value) {
    if (options.mode() == SandboxOptions.Mode.PRODUCTION
        && value.toLowerCase(Locale.ROOT).startsWith("http:")) {
      throw invalidRedirectUri(
          "redirect URI '" + value + "' uses plain http, which production refuses");
    }
  }

  /**
   * REG-7: an optional {@code sector_identifier_uri} (empty = absent) is https and serves a JSON
   * array holding every registered redirect URI.
   */
  Optional<String> requireValidSectorIdentifier(FormData form, List<String> redirectUris) {
    if (form.count(SECTOR_IDENTIFIER_URI) > 1) {
      throw Rejection.badRequest(
          Rejection.INVALID_REQUEST, "form field sector_identifier_uri is repeated");
    }
    Optional<String> value = form.first(SECTOR_IDENTIFIER_URI).filter(s -> !s.isEmpty());
    if (value.isEmpty() || options.deviates(Deviation.SECTOR_IDENTIFIER_NOT_VALIDATED)) {
      return value;
    }
    String text = value.get();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalidMetadata("sector_identifier_uri '" + text + "' is not a valid URI");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw invalidMetadata("sector_identifier_uri '" + text + "' is not an https URL");
    }
    String document;
    try {
      document = sectorFetcher.fetch(uri);
    } catch (Exception e) { // IOException, or HttpClient's IllegalArgumentException on odd URIs
      throw invalidMetadata(
          "sector_identifier_uri '" + text + "' could not be fetched: " + e.getMessage());
    }
    Set<String> listed = new HashSet<>();
    try {
      JsonNode node = json.readTree(document == null ? "" : document);
      if (node == null || !node.isArray()) {
        throw new IllegalArgumentException("not a JSON array");
      }
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          throw new IllegalArgumentException("array holds a non-string");
        }
        listed.add(element.asText());
      }
    } catch (Exception e) {
      throw invalidMetadata(
          "sector_identifier_uri '" + text + "' does not serve a JSON array of URIs");
    }
    List<String> missing = new ArrayList<>();
    for (String redirectUri : redirectUris) {
      if (!listed.contains(redirectUri)) {
        missing.add(redirectUri);
      }
    }
    if (!missing.isEmpty()) {
      throw invalidMetadata(
          "sector_identifier_uri '" + text + "' does not list redirect URI(s) " + missing);
    }
    return value;
  }

  private static Rejection invalidToken(String text) {
    return new Rejection(401, Rejection.INVALID_TOKEN, text, BEARER_CHALLENGE);
  }

  private static Rejection invalidRedirectUri(String text) {
    return Rejection.badRequest(Rejection.INVALID_REDIRECT_URI, text);
  }

  private static Rejection invalidMetadata(String text) {
    return Rejection.badRequest(Rejection.INVALID_CLIENT_METADATA, text);
  }
}
