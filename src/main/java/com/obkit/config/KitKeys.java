package com.obkit.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key the kit knows, with its built-in default. Users and scripts rely on these
 * names.
 */
public final class KitKeys {
  public static final String ENV = "kit.env";
  public static final String BASE_URL = "kit.baseUrl";
  public static final String AUTH_BASE_URL = "kit.authBaseUrl";
  public static final String TENANT = "kit.tenant";
  public static final String BANK_MODE = "kit.bankMode";
  public static final String ONBOARDING_PATH = "kit.onboardingPath";
  public static final String SIGNATURE_ALGORITHM = "kit.signature.algorithm";
  public static final String SIGNATURE_HEADERS = "kit.signature.headers";
  public static final String DIGEST_ALGORITHM = "kit.digest.algorithm";
  public static final String SEND_SSL_CERTIFICATE = "kit.sslCertificateHeader";
  public static final String REGISTRATION_TOKEN = "kit.registration.token";
  public static final String REGISTRATION_SIGNED = "kit.registration.signed";
  public static final String REGISTRATION_KEEP_REDIRECT_URIS = "kit.registration.keepRedirectUris";
  public static final String REGISTRATION_TEST_REDIRECT_URIS = "kit.registration.testRedirectUris";
  public static final String REGISTRATION_SECRET_OUT = "kit.registration.secretOut";
  public static final String PRODUCTION_ALLOW_REGISTRATION = "kit.production.allowRegistration";
  public static final String PRODUCTION_CONFIRM = "kit.production.confirm";
  public static final String CLIENT_ID = "kit.clientId";
  public static final String CREDENTIALS_SOURCE = "kit.credentials.source";
  public static final String CREDENTIALS_CERTIFICATE = "kit.credentials.certificate";
  public static final String CREDENTIALS_PRIVATE_KEY = "kit.credentials.privateKey";
  public static final String CREDENTIALS_KEY_PASSWORD = "kit.credentials.keyPassword";
  public static final String CREDENTIALS_PKCS12 = "kit.credentials.pkcs12";
  public static final String CREDENTIALS_PKCS12_PASSWORD = "kit.credentials.pkcs12Password";
  public static final String CREDENTIALS_ALIAS = "kit.credentials.alias";
  public static final String MTLS_CERTIFICATE = "kit.mtls.certificate";
  public static final String MTLS_PRIVATE_KEY = "kit.mtls.privateKey";
  public static final String MTLS_KEY_PASSWORD = "kit.mtls.keyPassword";
  public static final String ORGANIZATION_ID = "kit.organizationId";
  public static final String ACCOUNTS_SOURCE = "kit.accounts.source";
  public static final String ACCOUNTS = "kit.accounts";
  public static final String CONNECT_TIMEOUT = "kit.http.connectTimeout";
  public static final String READ_TIMEOUT = "kit.http.readTimeout";
  public static final String TRUST_CERTIFICATE = "kit.http.trustCertificate";
  public static final String HTTP_DEADLINE = "kit.http.deadline";
  public static final String HTTP_MAX_RESPONSE_BYTES = "kit.http.maxResponseBytes";
  public static final String RETRY_ENVIRONMENT = "kit.retry.environment";
  public static final String CIRCUIT_BREAKER = "kit.circuitBreaker";
  public static final String HISTORY = "kit.history";
  public static final String HISTORY_LIMIT = "kit.history.limit";
  public static final String WAIVERS = "kit.waivers";
  public static final String FAIL_ON = "kit.failOn";
  public static final String IDENTITIES = "kit.identities";
  public static final String OPENAPI_XS2A = "kit.openapi.xs2a";
  public static final String OPENAPI_AUTH = "kit.openapi.auth";
  public static final String TENANTS = "kit.tenants";
  public static final String SANDBOX_TOKEN_LIFETIME = "kit.sandbox.tokenLifetime";
  public static final String SANDBOX_LATENCY = "kit.sandbox.latency";
  public static final String SANDBOX_DEVIATIONS = "kit.sandbox.deviations";
  public static final String SANDBOX_RELEASE = "kit.sandbox.release";
  public static final String PSU_DRIVER = "kit.psu.driver";
  public static final String PSU_FORM_LOGIN_URL_PATTERN = "kit.psu.form.loginUrlPattern";
  public static final String PSU_FORM_IBAN_FIELD = "kit.psu.form.ibanField";
  public static final String PSU_FORM_DIGIPASS_FIELD = "kit.psu.form.digipassField";
  public static final String PSU_FORM_ACTION_FIELD = "kit.psu.form.actionField";
  public static final String PSU_FORM_LOGIN_VALUE = "kit.psu.form.loginValue";
  public static final String PSU_FORM_CANCEL_VALUE = "kit.psu.form.cancelValue";
  public static final String PSU_MANUAL_TIMEOUT = "kit.psu.manual.timeout";
  public static final String PSU_IP_ADDRESS = "kit.psu.ipAddress";
  public static final String SCA_SETTLE_DELAY = "kit.sca.settleDelay";
  public static final String BUDGET_SPEND = "kit.budget.spend";
  public static final String PARALLELISM = "kit.parallelism";
  public static final String REPORTS = "kit.reports";
  public static final String ENV_DIR = "kit.envDir";

  /**
   * Built-in defaults: the embedded reference sandbox, tenant nl, the kit's default bank profile.
   */
  static final Map<String, String> DEFAULTS = defaults();

  /** All known keys, in documentation order. */
  public static final List<String> ALL = List.copyOf(DEFAULTS.keySet());

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(ENV, "local");
    d.put(BASE_URL, "");
    d.put(AUTH_BASE_URL, "");
    d.put(TENANT, "nl");
    d.put(BANK_MODE, "sandbox");
    d.put(ONBOARDING_PATH, "/xs2a-bg/{tenant}/onboarding/v1");
    d.put(SIGNATURE_ALGORITHM, "SHA256withRSA");
    d.put(SIGNATURE_HEADERS, "digest x-request-id");
    d.put(DIGEST_ALGORITHM, "SHA-256");
    d.put(SEND_SSL_CERTIFICATE, "true");
    d.put(REGISTRATION_TOKEN, "both");
    d.put(REGISTRATION_SIGNED, "true");
    d.put(REGISTRATION_KEEP_REDIRECT_URIS, "");
    d.put(REGISTRATION_TEST_REDIRECT_URIS, "");
    d.put(REGISTRATION_SECRET_OUT, "");
    d.put(CREDENTIALS_SOURCE, "generated");
    d.put(CREDENTIALS_CERTIFICATE, "");
    d.put(CREDENTIALS_PRIVATE_KEY, "");
    d.put(CREDENTIALS_KEY_PASSWORD, "");
    d.put(CREDENTIALS_PKCS12, "");
    d.put(CREDENTIALS_PKCS12_PASSWORD, "");
    d.put(CREDENTIALS_ALIAS, "");
    d.put(MTLS_CERTIFICATE, "");
    d.put(MTLS_PRIVATE_KEY, "");
    d.put(MTLS_KEY_PASSWORD, "");
    d.put(ORGANIZATION_ID, "");
    d.put(CLIENT_ID, "");
    d.put(ACCOUNTS_SOURCE, "sandbox-api");
    d.put(ACCOUNTS, "");
    d.put(CONNECT_TIMEOUT, "5s");
    d.put(READ_TIMEOUT, "20s");
    d.put(TRUST_CERTIFICATE, "");
    // The read timeout bounds each read; the deadline bounds the whole answer (a bank that sends
    // one byte a second), and the size limit the memory one answer may take.
    d.put(HTTP_DEADLINE, "30s");
    d.put(HTTP_MAX_RESPONSE_BYTES, "8MiB");
    d.put(RETRY_ENVIRONMENT, "1");
    d.put(CIRCUIT_BREAKER, "5");
    // Empty: .obkit/history/<env>-<tenant>/ (outside reports/, which every run empties); none: off.
    d.put(HISTORY, "");
    d.put(HISTORY_LIMIT, "30");
    d.put(WAIVERS, "");
    d.put(FAIL_ON, "must");
    d.put(IDENTITIES, "fresh");
    // Empty: fetched from the bank (/xs2a-bg/openapi.json, /auth/openapi.json); else a URL or file.
    d.put(OPENAPI_XS2A, "");
    d.put(OPENAPI_AUTH, "");
    // Empty: the run's own kit.tenant is all the TPP declares.
    d.put(TENANTS, "");
    d.put(SANDBOX_TOKEN_LIFETIME, "86400s");
    d.put(SANDBOX_LATENCY, "0ms");
    d.put(SANDBOX_DEVIATIONS, "");
    d.put(SANDBOX_RELEASE, "2026.1");
    // The PSU's part of SCA (contract section 11): the kit fills in the reference login page.
    d.put(PSU_DRIVER, "form");
    d.put(PSU_FORM_LOGIN_URL_PATTERN, PsuSettings.FormPage.REFERENCE_LOGIN_URL);
    d.put(PSU_FORM_IBAN_FIELD, "iban");
    d.put(PSU_FORM_DIGIPASS_FIELD, "digipass");
    d.put(PSU_FORM_ACTION_FIELD, "action");
    d.put(PSU_FORM_LOGIN_VALUE, "login");
    d.put(PSU_FORM_CANCEL_VALUE, "cancel");
    d.put(PSU_MANUAL_TIMEOUT, "5m");
    d.put(PSU_IP_ADDRESS, "192.0.2.10"); // TEST-NET-1 (RFC 5737): no real PSU's address
    // Empty: 0 against the embedded sandbox, 1s against any other bank (contract section 11).
    d.put(SCA_SETTLE_DELAY, "");
    // A shared bank's daily budget of unattended reads (AIS-5) is spent only when asked for.
    d.put(BUDGET_SPEND, "false");
    d.put(PARALLELISM, "1");
    // Production is read-only and unconfirmed unless the user says otherwise (the launcher asks).
    d.put(PRODUCTION_ALLOW_REGISTRATION, "false");
    d.put(PRODUCTION_CONFIRM, "false");
    d.put(REPORTS, "reports");
    d.put(ENV_DIR, "env");
    return d;
  }

  private KitKeys() {}
}
