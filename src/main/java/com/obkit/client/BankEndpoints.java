package com.obkit.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bank's URLs for one run (contract sections 1, 4, 6, 7, 10 to 15). The registration URL is
 * deliberately absent: the kit follows the link the onboarding answer gives (TOK-1).
 *
 * <p>Tenants and resource ids of the journey's URLs are percent-encoded as single path segments: an
 * id comes from the bank's answer or from a negative scenario, and whatever it holds ({@code /},
 * {@code ?}, {@code #}, {@code ..}) it must name one resource, never change the path it is part of.
 *
 * @param api API base URL, e.g. {@code https://xs2a-sandbox.triodos.com}
 * @param browser where the PSU's browser goes (the authorisation endpoint's host)
 * @param onboardingPath onboarding path template containing {@code {tenant}}
 */
public record BankEndpoints(URI api, URI browser, String onboardingPath) {

  public BankEndpoints {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(browser, "browser");
    Objects.requireNonNull(onboardingPath, "onboardingPath");
  }

  public URI onboarding(String tenant) {
    return resolve(api, onboardingPath.replace("{tenant}", tenant));
  }

  public URI testAccounts(String tenant) {
    return resolve(api, "/xs2a-bg/" + tenant + "/sandbox/v1/test-accounts");
  }

  public URI authorization(String tenant) {
    return resolve(browser, "/auth/" + tenant + "/v1/auth");
  }

  public URI token(String tenant) {
    return resolve(api, "/auth/" + tenant + "/v1/token");
  }

  public URI discovery(String tenant) {
    return resolve(api, "/auth/" + tenant + "/.well-known/openid-configuration");
  }

  public URI version() {
    return resolve(api, "/xs2a-bg/version");
  }

  /** {@code {api}/xs2a-bg/{tenant}/v1/consents} (contract section 10). */
  public URI consents(String tenant) {
    return xs2a(tenant, "consents");
  }

  /** {@code …/v1/consents/{id}}: the consent (GET) and its revocation (DELETE, REV-1). */
  public URI consent(String tenant, String id) {
    return xs2a(tenant, "consents", segment(id));
  }

  /** {@code …/v1/consents/{id}/status}. */
  public URI consentStatus(String tenant, String id) {
    return xs2a(tenant, "consents", segment(id), "status");
  }

  /** {@code …/v1/payments/sepa-credit-transfers} (contract section 14). */
  public URI payments(String tenant) {
    return xs2a(tenant, "payments", "sepa-credit-transfers");
  }

  /** {@code …/v1/payments/sepa-credit-transfers/{id}/status}. */
  public URI paymentStatus(String tenant, String id) {
    return xs2a(tenant, "payments", "sepa-credit-transfers", segment(id), "status");
  }

  /** {@code …/v1/accounts} (contract section 13). */
  public URI accounts(String tenant) {
    return xs2a(tenant, "accounts");
  }

  /** {@code …/v1/accounts/{resourceId}/balances}. */
  public URI balances(String tenant, String resourceId) {
    return xs2a(tenant, "accounts", segment(resourceId), "balances");
  }

  /** {@code …/v1/accounts/{resourceId}/transactions}, without a query. */
  public URI transactions(String tenant, String resourceId) {
    return xs2a(tenant, "accounts", segment(resourceId), "transactions");
  }

  /** {@code {api}/auth/{tenant}/v1/token/revoke} (contract section 15, RFC 7009). */
  public URI revocation(String tenant) {
    return resolve(api, "/auth/" + segment(tenant) + "/v1/token/revoke");
  }

  /**
   * A link of an XS2A answer ({@code _links.status}, {@code confirmation}, {@code next}) as a URI
   * to call: an absolute link (one with a scheme, such as {@code scaRedirect}) as given; any other
   * relative to {@code {api}/xs2a-bg}, which is where the bank's links start ({@code
   * /{tenant}/v1/…}, contract section 10). The link is used as the bank wrote it, encoding
   * included.
   *
   * @param link the link's text
   * @return the URI
   * @throws IllegalArgumentException when the link is blank or not a URI reference
   */
  public URI xs2aLink(String link) {
    Objects.requireNonNull(link, "link");
    String l = link.trim();
    if (l.isEmpty()) {
      throw new IllegalArgumentException("an XS2A link is blank");
    }
    URI parsed;
    try {
      parsed = URI.create(l);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an XS2A link is not a URI: " + e.getMessage(), e);
    }
    if (parsed.isAbsolute()) {
      return parsed;
    }
    return resolve(api, "/xs2a-bg" + (l.startsWith("/") ? l : "/" + l));
  }

  private URI xs2a(String tenant, String... segments) {
    return resolve(api, "/xs2a-bg/" + segment(tenant) + "/v1/" + String.join("/", segments));
  }

  /**
   * One path segment, percent-encoded: every octet of its UTF-8 form except RFC 3986's unreserved
   * characters, and the dots of a segment that is only dots ({@code .} and {@code ..} would walk
   * the path).
   *
   * @throws IllegalArgumentException for an empty value, which would drop the segment and name
   *     another resource (the collection)
   */
  static String segment(String value) {
    Objects.requireNonNull(value, "path segment");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an empty id or tenant would change the path");
    }
    boolean onlyDots = value.chars().allMatch(c -> c == '.');
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '~'
              || (c == '.' && !onlyDots);
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static URI resolve(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
  }
}
