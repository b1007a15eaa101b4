package com.obkit.sandbox;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the XS2A endpoints of sections 10 to 15 share: the PSU and redirect headers, strict JSON
 * bodies, the Bearer token, the registered client of the request's certificate, and links (relative
 * to {@code {base}/xs2a-bg}, starting with the tenant, section 10).
 */
final class Xs2aRequests {

  static final String PSU_IP_ADDRESS = "PSU-IP-Address";
  static final String TPP_REDIRECT_URI = "TPP-Redirect-URI";
  static final String CONSENT_ID = "Consent-ID";

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9._~+/-]+=*) *");

  /** A body that is not one JSON object; the cause is Jackson's. */
  static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJsonException(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  private Xs2aRequests() {}

  /**
   * The {@code PSU-IP-Address}, when sent: an IPv4 or IPv6 literal (no name is ever resolved);
   * anything else is 400 FORMAT_ERROR.
   */
  static Optional<String> psuIpAddress(RequestView request) {
    if (!request.hasHeader(PSU_IP_ADDRESS)) {
      return Optional.empty();
    }
    String value = request.header(PSU_IP_ADDRESS).orElse("");
    if (request.headerValues(PSU_IP_ADDRESS).size() > 1 || !isIpAddress(value)) {
      throw Rejection.formatError(PSU_IP_ADDRESS + " is not one IPv4 or IPv6 address");
    }
    return Optional.of(value);
  }

  /** CON-2, PIS: {@code PSU-IP-Address} is required (the PSU is present). */
  static String requirePsuIpAddress(RequestView request) {
    return psuIpAddress(request)
        .orElseThrow(
            () -> Rejection.formatError(PSU_IP_ADDRESS + " is missing (the PSU's IP address)"));
  }

  /** CON-2, PIS: {@code TPP-Redirect-URI} is required. */
  static String requireTppRedirectUri(RequestView request) {
    if (request.headerValues(TPP_REDIRECT_URI).size() > 1) {
      throw Rejection.formatError(TPP_REDIRECT_URI + " is repeated");
    }
    return request
        .header(TPP_REDIRECT_URI)
        .orElseThrow(
            () ->
                Rejection.formatError(
                    TPP_REDIRECT_URI + " is missing (one of the TPP's registered redirect URIs)"));
  }

  static boolean isIpAddress(String value) {
    return value != null && (IPV4.matcher(value).matches() || isIpv6(value));
  }

  /** RFC 4291 2.2 text forms, without zone ids. */
  private static boolean isIpv6(String value) {
    if (value.isEmpty() || value.indexOf(':') < 0) {
      return false;
    }
    String head = value;
    int lastColon = value.lastIndexOf(':');
    String tail = value.substring(lastColon + 1);
    if (tail.indexOf('.') >= 0) {
      // An embedded IPv4 address stands for the last two groups.
      if (!IPV4.matcher(tail).matches()) {
        return false;
      }
      head = value.substring(0, lastColon + 1) + "0:0";
    }
    int groups = 0;
    int doubleColon = head.indexOf("::");
    if (doubleColon >= 0 && head.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] parts =
        doubleColon < 0
            ? new String[] {head}
            : new String[] {head.substring(0, doubleColon), head.substring(doubleColon + 2)};
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      for (String group : part.split(":", -1)) {
        if (!HEX_GROUP.matcher(group).matches()) {
          return false;
        }
        groups++;
      }
    }
    return doubleColon < 0 ? groups == 8 : groups <= 7;
  }

  /**
   * The body as one JSON object, strictly: {@code Content-Type: application/json}, valid UTF-8, no
   * trailing tokens, no duplicate keys.
   */
  static JsonNode readObject(ObjectMapper json, RequestView request) throws MalformedJsonException {
    if (!Routes.hasMediaType(request, "application/json")) {
      throw Rejection.formatError(
          "Content-Type '"
              + request.header("Content-Type").orElse("")
              + "' is not application/json");
    }
    JsonNode node;
    try {
      node =
          json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(request.body());
    } catch (IOException e) {
      throw new MalformedJsonException("the request body is not valid JSON", e);
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      throw new MalformedJsonException("the request body is not a JSON object", null);
    }
    return node;
  }

  /** The {@code Authorization: Bearer} value, when there is exactly one well-formed one. */
  static Optional<String> bearer(RequestView request) {
    if (request.headerValues("Authorization").size() != 1) {
      return Optional.empty();
    }
    var m = BEARER.matcher(request.header("Authorization").orElse(""));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * CON-4, PIS: the client registered for the request certificate's organization id; a TPP that
   * never registered (section 5) has no client to authorise with: 403 SERVICE_BLOCKED.
   */
  static ClientRegistry.Client requireRegisteredClient(
      ClientRegistry clients, TppCertificate certificate) {
    return clients
        .byOrganization(certificate.organizationId())
        .orElseThrow(
            () ->
                new Rejection(
                    403,
                    Rejection.SERVICE_BLOCKED,
                    "no client is registered for organization id "
                        + certificate.organizationId()
                        + ": register (POST /auth/{tenant}/v1/registration) first"));
  }

  /** A link relative to {@code {base}/xs2a-bg}: {@code /{tenant}/v1/{path}} (section 10). */
  static String link(Tenant tenant, String path) {
    return "/" + tenant.pathValue() + "/v1/" + path;
  }

  /**
   * Section 10: {@code {base}/auth/{tenant}/v1/auth?response_type=code&scope=…&client_id=…&
   * redirect_uri=…}; the TPP appends state and PKCE.
   */
  static String scaRedirect(
      RequestView request, Tenant tenant, String scope, String clientId, String redirectUri) {
    return request.baseUrl()
        + "/auth/"
        + tenant.pathValue()
        + "/v1/auth?response_type=code&scope="
        + encode(scope)
        + "&client_id="
        + encode(clientId)
        + "&redirect_uri="
        + encode(redirectUri);
  }

  /** Section 10: the absolute discovery URL ({@code scaOAuth}). */
  static String scaOAuth(RequestView request, Tenant tenant) {
    return request.baseUrl() + "/auth/" + tenant.pathValue() + "/.well-known/openid-configuration";
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
