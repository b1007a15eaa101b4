package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.obkit.client.BrowserVisit;
import com.obkit.client.HttpExchange;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of the account information consent's answers (contract section 10, CON-*), and of the
 * {@code scaRedirect} link that a payment's answer carries the same way (section 14, PIS-1).
 */
public final class ConsentChecks {
  /** Check name of {@link #consentReceived}. */
  public static final String CONSENT_RECEIVED = "CheckConsentStatusReceived";

  /** Check name of {@link #consentIdAndAuthorisationId}. */
  public static final String CONSENT_ID_AND_AUTHORISATION_ID = "EnsureConsentIdAndAuthorisationId";

  /** Check name of {@link #linksRelativeToTenant}. */
  public static final String LINKS_RELATIVE = "EnsureLinksRelativeToXs2aBase";

  /** Check name of {@link #scaRedirect}. */
  public static final String SCA_REDIRECT = "EnsureScaRedirectToAuthorisationEndpoint";

  /** Check name of {@link #consentStatusIs}. */
  public static final String CONSENT_STATUS = "CheckConsentStatus";

  /** Check name of {@link #noConsentDisclosed}. */
  public static final String NO_CONSENT_DISCLOSED = "EnsureNoConsentDisclosed";

  /** The fields only a consent has; an error body has none of them. */
  private static final Set<String> CONSENT_FIELDS = Set.of("access", "consentStatus", "validUntil");

  private ConsentChecks() {}

  /** CheckConsentStatusReceived (CON-1, section 10): a new consent is {@code received}. */
  public static Check<HttpExchange> consentReceived() {
    return new Check<>(
        CONSENT_RECEIVED, x -> Json.fieldIn(x, "consentStatus", List.of("received")));
  }

  /**
   * EnsureConsentIdAndAuthorisationId (CON-1, section 10): the answer names the consent and its
   * authorisation, which the status link, the scope and the confirmation need.
   */
  public static Check<HttpExchange> consentIdAndAuthorisationId() {
    return new Check<>(
        CONSENT_ID_AND_AUTHORISATION_ID, x -> Json.present(x, "consentId", "authorisationId"));
  }

  /**
   * EnsureLinksRelativeToXs2aBase (CON-1, sections 10 and 13): each named {@code _links} entry is
   * present (a string or {@code {"href": …}}) and is a path relative to {@code {base}/xs2a-bg} that
   * starts with {@code /<tenant>/}, never an absolute URL (clients resolve it against the base).
   */
  public static Check<HttpExchange> linksRelativeToTenant(String tenant, String... linkNames) {
    String prefix = "/" + tenant + "/";
    return new Check<>(
        LINKS_RELATIVE,
        x -> {
          JsonNode links = x.json().map(j -> j.path("_links")).orElse(MissingNode.getInstance());
          List<String> problems = new ArrayList<>();
          for (String name : linkNames) {
            Optional<String> link = Json.link(links, name);
            if (link.isEmpty()) {
              problems.add("_links." + name + " is missing");
            } else if (!link.get().startsWith(prefix)) {
              problems.add(
                  "_links."
                      + name
                      + " '"
                      + link.get()
                      + "' is not a path relative to the XS2A base starting with "
                      + prefix);
            }
          }
          return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        });
  }

  /**
   * EnsureScaRedirectToAuthorisationEndpoint (CON-1 section 10, PIS-1 section 14): the 201 answer
   * of a consent or a payment carries an absolute {@code _links.scaRedirect} to the authorisation
   * endpoint (same scheme, host, port and path) with {@code response_type=code}, the TPP's {@code
   * client_id}, the request's {@code TPP-Redirect-URI} as {@code redirect_uri} (compared exactly
   * after form-decoding, section 6) and a space-separated {@code scope} holding {@code scopeItem}
   * ({@code AIS:<consentId>} or {@code PIS:<paymentId>}).
   */
  public static Check<HttpExchange> scaRedirect(
      URI authorisationEndpoint, String clientId, String redirectUri, String scopeItem) {
    return new Check<>(
        SCA_REDIRECT,
        x -> {
          if (x.status() != 201) {
            return Optional.of(
                "expected a 201 answer carrying _links.scaRedirect but "
                    + x.describe()
                    + ErrorChecks.bodyHint(x));
          }
          JsonNode links = x.json().map(j -> j.path("_links")).orElse(MissingNode.getInstance());
          Optional<String> link = Json.link(links, "scaRedirect");
          if (link.isEmpty()) {
            return Optional.of("no _links.scaRedirect (a string or {\"href\": …}) in the answer");
          }
          URI uri;
          try {
            uri = new URI(link.get());
          } catch (URISyntaxException e) {
            return Optional.of("_links.scaRedirect '" + link.get() + "' is not a URI");
          }
          if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.of("_links.scaRedirect '" + link.get() + "' is not an absolute URL");
          }
          List<String> problems = new ArrayList<>();
          if (!BrowserVisit.sameOrigin(uri, authorisationEndpoint)
              || !uri.getRawPath().equals(authorisationEndpoint.getRawPath())) {
            problems.add(
                "it goes to "
                    + endpoint(uri)
                    + ", not to the authorisation endpoint "
                    + endpoint(authorisationEndpoint));
          }
          expect(problems, uri, "response_type", "code");
          expect(problems, uri, "client_id", clientId);
          expect(problems, uri, "redirect_uri", redirectUri);
          Optional<String> scope = parameter(uri, "scope");
          if (scope.isEmpty()) {
            problems.add("scope is missing, expected one holding '" + scopeItem + "'");
          } else if (!Arrays.asList(scope.get().split(" ")).contains(scopeItem)) {
            problems.add("scope '" + scope.get() + "' does not hold '" + scopeItem + "'");
          }
          return problems.isEmpty()
              ? Optional.empty()
              : Optional.of("_links.scaRedirect: " + String.join("; ", problems));
        });
  }

  /**
   * CheckConsentStatus (CON-1, CNF-1, SCA-2, REV-1; section 10): the {@code consentStatus} of a
   * status or consent answer is one of {@code statuses}.
   */
  public static Check<HttpExchange> consentStatusIs(String... statuses) {
    List<String> allowed = List.of(statuses);
    return new Check<>(CONSENT_STATUS, x -> Json.fieldIn(x, "consentStatus", allowed));
  }

  /**
   * EnsureNoConsentDisclosed (CON-5 section 10, ERR-2 section 15): the answer to an unknown or
   * another TPP's consent id discloses no consent: no {@code access}, {@code consentStatus} or
   * {@code validUntil} field anywhere in its JSON. The status is {@link ErrorChecks}' to check.
   */
  public static Check<HttpExchange> noConsentDisclosed() {
    return new Check<>(
        NO_CONSENT_DISCLOSED,
        x -> {
          Set<String> found =
              x.json().map(j -> Json.fieldsNamed(j, CONSENT_FIELDS)).orElse(Set.of());
          return found.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "the answer discloses a consent: it has " + found + " (" + x.describe() + ")");
        });
  }

  /** Scheme, authority and path: where a link goes, without its query. */
  private static String endpoint(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }

  private static void expect(List<String> problems, URI uri, String name, String expected) {
    Optional<String> value = parameter(uri, name);
    if (value.isEmpty()) {
      problems.add(name + " is missing, expected '" + expected + "'");
    } else if (!value.get().equals(expected)) {
      problems.add(name + " is '" + value.get() + "', expected '" + expected + "'");
    }
  }

  /** The first value of a query parameter, form-decoded ({@code +} is a space), if present. */
  static Optional<String> parameter(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (decode(eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  /** Form-decoding; a {@link URI} holds no malformed escape, so this cannot fail. */
  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
