package com.obkit.client;

import java.net.URI;
import java.util.Objects;

/**
 * The bank's URLs for one run (contract sections 1, 4, 6, 7). The registration URL is deliberately
 * absent: the kit follows the link the onboarding answer gives (TOK-1).
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

  private static URI resolve(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
  }
}
