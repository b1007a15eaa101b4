package com.obkit.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named way in which the reference sandbox deliberately misbehaves, for the kit's self-tests:
 * each constant breaks exactly one rule of {@code bank-contract.md} the way a real bank could get
 * it wrong, and leaves every other behaviour faithful. Selected by {@link
 * SandboxOptions#deviations()} (configuration key {@code kit.sandbox.deviations}, command line
 * {@code --deviation NAME}).
 *
 * <p>Each deviation is a one- or two-line switch at the single place where the sandbox checks the
 * rule it breaks (search for the constant's name). A conformance run against a sandbox with one
 * deviation must report {@link #rule()} as broken; other rules it names come only from scenarios
 * tagged with several rules, except where the description says that the deviation breaks a second
 * rule too (ERR-1 for a 500).
 */
public enum Deviation {

  // ---------------------------------------------------------------- section 2: request signing

  SIGNATURE_NOT_REQUIRED(
      "SIG-1", "accepts signed-endpoint requests that carry no Signature header"),
  SIGNATURE_CERTIFICATE_NOT_REQUIRED(
      "SIG-1",
      "accepts a request without TPP-Signature-Certificate, verifying it with the SSL-Certificate instead"),
  SIGNATURE_NOT_VERIFIED(
      "SIG-2", "never verifies the signature value (it only has to be present and well-formed)"),
  SIGNED_HEADERS_NOT_CHECKED(
      "SIG-2",
      "when the signature does not verify over all listed headers it retries over the digest line alone, so a"
          + " signature over digest passes whatever the other listed headers (e.g. X-Request-ID) say"),
  DIGEST_NOT_COMPARED("SIG-3", "never compares the Digest header with the body"),
  DIGEST_NOT_REQUIRED_IN_HEADERS("SIG-3", "accepts a Signature whose headers list lacks digest"),
  KEYID_SERIAL_NOT_CHECKED("SIG-4", "ignores the serial number in keyId"),
  KEYID_ISSUER_NOT_CHECKED("SIG-4", "ignores the issuer in keyId"),
  RSA_SHA256_LABEL_REFUSED(
      "SIG-5", "refuses the algorithm label rsa-sha256 (accepts only SHA256withRSA)"),
  SHA512_DIGEST_REFUSED("SIG-5", "refuses SHA-512= digests (accepts only SHA-256=)"),
  DIGEST_ONLY_HEADER_LIST_REFUSED(
      "SIG-5",
      "refuses the signed-header list \"digest\" (requires x-request-id to be signed too)"),
  UNKNOWN_ALGORITHM_ACCEPTED(
      "SIG-6", "accepts any algorithm label and verifies with RSA-SHA256 regardless"),
  SSL_CERTIFICATE_NOT_REQUIRED(
      "SIG-7", "accepts sandbox requests without an SSL-Certificate header"),
  SSL_CERTIFICATE_NOT_PARSED(
      "SIG-7", "requires an SSL-Certificate header but never parses it (garbage accepted)"),

  // ---------------------------------------------------------------- section 3: the certificate

  ORGANIZATION_ID_NOT_REQUIRED(
      "CERT-1",
      "accepts a certificate without organizationIdentifier (binding it to a value derived from the certificate)"),
  ORGANIZATION_ID_FORMAT_NOT_CHECKED(
      "CERT-1",
      "accepts an organizationIdentifier that does not follow ETSI TS 119 495 5.2.1 (binding to its raw value)"),
  EXPIRED_CERTIFICATE_ACCEPTED(
      "CERT-2", "accepts expired certificates (in either certificate header)"),
  NOT_YET_VALID_CERTIFICATE_ACCEPTED(
      "CERT-2", "accepts certificates that are not valid yet (in either certificate header)"),
  SERVER_ERROR_ON_GARBLED_CERTIFICATE(
      "CERT-3",
      "answers a certificate header that is not a certificate with 500 and a stack trace as text (also breaks ERR-1)"),
  REVOKED_CERTIFICATE_ACCEPTED(
      "CERT-4",
      "never revokes: the previous certificate keeps working after a new one for the organization id onboards"),
  PSP_ROLES_NOT_CHECKED("CERT-5", "ignores the PSD2 QC statement and its roles"),

  // ---------------------------------------------------------------- section 4: initial access
  // token

  TOKEN_SCOPE_WRONG("TOK-1", "answers \"scope\":\"registration\" instead of \"client-reg\""),
  EXPIRES_IN_AS_STRING(
      "TOK-1", "answers expires_in as a JSON string (\"86400\") instead of a number"),
  TOKEN_LIFETIME_ONE_HOUR(
      "TOK-1",
      "issues tokens living one hour (expires_in 3600) instead of the configured lifetime"),
  RELATIVE_REGISTRATION_LINK(
      "TOK-1", "answers a relative registration link (/auth/{tenant}/v1/registration)"),
  REGISTRATION_LINK_AS_OBJECT(
      "TOK-1", "answers _links.registration as {\"href\":...} instead of a plain string"),
  TOKEN_TYPE_LOWERCASE_MAC("TOK-1", "answers \"token_type\":\"mac\" instead of \"Bearer\""),
  ONBOARDING_ERRORS_NOT_BERLIN_GROUP(
      "TOK-2",
      "answers onboarding refusals OAuth-style ({\"error\":\"unauthorized\"}) instead of tppMessages, same statuses"),
  UNKNOWN_TENANT_ACCEPTED("TOK-3", "gives an initial access token for any tenant path value"),

  // ---------------------------------------------------------------- section 5: client registration

  REGISTRATION_ANSWERS_200("REG-1", "answers a successful registration 200 instead of 201 Created"),
  FORM_TOKEN_REFUSED(
      "REG-1",
      "ignores the initial_access_token form field (only Authorization: Bearer works, so the page's request fails)"),
  BEARER_TOKEN_REFUSED(
      "REG-1",
      "ignores the Authorization Bearer token (only the initial_access_token form field works)"),
  UNSIGNED_REGISTRATION_REFUSED(
      "REG-1", "requires a Signature on the registration call (the page's unsigned request fails)"),
  REDIRECT_URIS_NOT_ECHOED("REG-1", "leaves redirect_uris out of the registration answer"),
  NEW_CLIENT_ID_ON_REPLAY(
      "REG-2", "issues a new client_id on every registration of the organization id"),
  CLIENT_ID_PER_TENANT(
      "REG-2",
      "binds the client_id to organization id and tenant (another tenant gets another client_id)"),
  CLIENT_ID_PER_CERTIFICATE(
      "REG-2",
      "binds the client_id to organization id and certificate (a renewed certificate gets another client_id)"),
  REDIRECT_URIS_APPENDED(
      "REG-2", "adds a replay's redirect URIs to the registered ones instead of replacing them"),
  MISSING_TOKEN_ACCEPTED("REG-3", "registers without any initial access token"),
  UNKNOWN_TOKEN_ACCEPTED("REG-3", "registers with a token it never issued"),
  EXPIRED_TOKEN_ACCEPTED("REG-3", "registers with an expired initial access token"),
  EMPTY_REDIRECT_URIS_ACCEPTED("REG-4", "registers a client without redirect URIs"),
  RELATIVE_REDIRECT_URI_ACCEPTED("REG-5", "registers redirect URIs that are not absolute"),
  FRAGMENT_REDIRECT_URI_ACCEPTED("REG-5", "registers redirect URIs that carry a #fragment"),
  TOKEN_NOT_BOUND_TO_ORGANIZATION(
      "REG-6", "accepts an initial access token issued to another organization id"),
  SECTOR_IDENTIFIER_NOT_VALIDATED(
      "REG-7", "stores any sector_identifier_uri without fetching or checking it"),
  HTTP_REDIRECT_URI_ACCEPTED_IN_PRODUCTION(
      "REG-8", SandboxOptions.Mode.PRODUCTION, "registers plain http redirect URIs in production"),

  // ---------------------------------------------------------------- section 6: authorisation

  AUTHORIZATION_SKIPS_LOGIN(
      "AUTH-1",
      "redirects a valid authorisation request straight back to the TPP with a code, no login"),
  PREFIX_REDIRECT_MATCH("AUTH-2", "accepts any redirect URI that starts with a registered one"),
  CASE_INSENSITIVE_REDIRECT_MATCH("AUTH-2", "compares redirect URIs ignoring case"),
  NORMALISED_REDIRECT_MATCH(
      "AUTH-2",
      "compares redirect URIs after normalising them (case of scheme and host, default port, percent-decoding, dot"
          + " segments, trailing slash)"),
  QUERY_IGNORED_REDIRECT_MATCH("AUTH-2", "compares redirect URIs without their query"),
  OPEN_REDIRECT_ON_MISMATCH(
      "AUTH-2",
      "answers an unregistered redirect URI with a 302 to that URI carrying error=invalid_request"),
  REMOVED_REDIRECT_URIS_STILL_ACCEPTED(
      "AUTH-3",
      "accepts every redirect URI ever registered for the client, though a replay answered the new list"),
  UNKNOWN_CLIENT_REDIRECTS(
      "AUTH-4",
      "answers an unknown client_id with a 302 to the supplied redirect URI carrying error=unauthorized_client"),
  PKCE_NOT_REQUIRED(
      "AUTH-5", "does not enforce PKCE: no code_challenge or the plain method is accepted"),

  // ---------------------------------------------------------------- section 7: test accounts

  IBAN_BAD_CHECK_DIGITS("ACC-1", "gives IBANs whose ISO 13616 check digits are wrong"),
  IBAN_WRONG_COUNTRY("ACC-1", "gives Dutch IBANs in every tenant"),
  IBAN_WRONG_BANK_CODE(
      "ACC-1", "gives valid IBANs of another bank's code (NL ABNA, BE 001, GB BARC 200000)"),
  BELGIAN_NATIONAL_CHECK_WRONG(
      "ACC-1",
      "gives Belgian IBANs whose national check is wrong (the IBAN check digits still verify)"),
  DIGIPASS_MISSING("ACC-2", "leaves the digipass number out of the test account answer"),
  SAME_IBAN_EVERY_TIME("ACC-2", "gives the same IBAN for every test account of a country"),
  UNSIGNED_TEST_ACCOUNT_ACCEPTED("ACC-3", "creates test accounts for requests without a Signature"),
  TEST_ACCOUNTS_IN_PRODUCTION(
      "ACC-3", SandboxOptions.Mode.PRODUCTION, "creates test accounts in production"),

  // ---------------------------------------------------------------- section 8: error bodies

  ERROR_BODY_PLAIN_TEXT(
      "ERR-1", "answers every XS2A and auth JSON error with the text/plain body \"error\""),
  SERVER_ERROR_ON_UNKNOWN_CLIENT(
      "ERR-1",
      "answers an unknown client_id at the authorisation endpoint with 500 and a stack trace as text (also breaks AUTH-4)"),

  // ---------------------------------------------------------------- section 10: AIS consent

  CONSENT_LINKS_ABSOLUTE(
      "CON-1",
      "answers the consent's self, status, scaStatus and confirmation links as absolute URLs instead of relative to"
          + " {base}/xs2a-bg"),
  PSU_IP_ADDRESS_NOT_REQUIRED("CON-2", "creates a consent for a request without PSU-IP-Address"),
  FREQUENCY_NOT_LIMITED(
      "CON-2", "creates a consent with frequencyPerDay above 4 (the consent's own value is kept)"),
  UNSIGNED_CONSENT_ACCEPTED(
      "CON-3",
      "creates a consent for a request without a Signature header (a signature that is sent is still verified)"),
  CONSENT_REDIRECT_URI_NOT_CHECKED(
      "CON-4",
      "creates a consent whose TPP-Redirect-URI is not registered (the authorisation endpoint still refuses it)"),
  FOREIGN_CONSENT_DISCLOSED(
      "CON-5",
      "answers GET of another TPP's consent and of its status with 200 and the consent instead of 403 CONSENT_UNKNOWN"),

  // ---------------------------------------------------------------- section 11: SCA

  STATE_NOT_RETURNED(
      "SCA-1", "sends the browser back after a successful login with the code but without state"),
  WRONG_DIGIPASS_ACCEPTED(
      "SCA-2", "logs the PSU in with the IBAN of a covered test account and any digipass"),
  CANCELLED_CONSENT_NOT_REJECTED(
      "SCA-2",
      "answers a cancelled login correctly (error=consent_required, state) but leaves the consent received and the"
          + " payment RCVD"),
  SCA_REDIRECT_REUSABLE(
      "SCA-3",
      "opens a new login for every use of a pending consent's or payment's scaRedirect (a second login yields a"
          + " second code)"),

  // ---------------------------------------------------------------- section 12: token endpoint

  TOKEN_EXPIRES_IN_MISSING("TKN-1", "leaves expires_in out of the token answer"),
  PKCE_VERIFIER_NOT_CHECKED("TKN-2", "exchanges a code whatever the code_verifier, or without one"),
  TOKEN_REDIRECT_URI_NOT_COMPARED(
      "TKN-3",
      "exchanges a code whatever the redirect_uri of the token request (another one, or none)"),
  CODE_REUSABLE("TKN-4", "exchanges a code again, for new tokens, as long as it has not expired"),
  REUSED_CODE_KEEPS_TOKENS(
      "TKN-4",
      "refuses a code used a second time (400 invalid_grant) but keeps the tokens issued for it working (the rule's"
          + " SHOULD part)"),
  CODE_NOT_BOUND_TO_CLIENT(
      "TKN-5", "exchanges a code issued to another client, for tokens of the presenting client"),
  OLD_CLIENT_SECRET_ACCEPTED(
      "TKN-6",
      "accepts the client_secret of any earlier registration of the client as well as the latest one"),
  CLIENT_SECRET_NOT_CHECKED(
      "TKN-6",
      "accepts any client_secret with a registered client_id (HTTP Basic is still required)"),
  REFRESH_TOKEN_REFUSED("TKN-7", "answers a refresh with a valid refresh token 400 invalid_grant"),
  ANY_GRANT_TYPE_ACCEPTED(
      "TKN-8",
      "treats any grant_type sent with a code (client_credentials, password, ...) as authorization_code"),

  // ---------------------------------------------------------------- section 13: confirmation,
  // accounts

  CONFIRMATION_ANSWERS_204(
      "CNF-1",
      "answers a successful confirmation 204 without a body (no scaStatus); the consent does become valid"),
  CONFIRMATION_WITHOUT_TOKEN_ACCEPTED(
      "CNF-2",
      "confirms a consent for a request without an access token (another consent's token is still refused)"),
  ACCOUNT_CURRENCY_MISSING("AIS-1", "leaves currency out of the account list's accounts"),
  ACCOUNT_LIST_SHOWS_ALL_ACCOUNTS(
      "AIS-1",
      "lists every test account of the tenant's country, not only the consented ones (their reads stay refused)"),
  UNCONFIRMED_CONSENT_READABLE(
      "AIS-2",
      "answers account reads of a received (authorised but not confirmed) consent as if it were valid"),
  TOKEN_NOT_BOUND_TO_CONSENT(
      "AIS-3", "answers account reads with any live access token of the TPP, of any consent"),
  EXPIRED_ACCESS_TOKEN_ACCEPTED(
      "AIS-3",
      "answers account reads with an expired access token (a revoked one is still refused)"),
  FOREIGN_CONSENT_READABLE(
      "AIS-4",
      "answers account reads with another TPP's Consent-ID (and that consent's access token) instead of 403"
          + " CONSENT_UNKNOWN"),
  UNCOVERED_RESOURCE_READABLE(
      "AIS-4",
      "answers balances and transactions of any test account's resourceId, not only of the consented accounts"),
  NO_UNATTENDED_LIMIT(
      "AIS-5", "never refuses unattended (no PSU-IP-Address) reads: no daily budget"),

  // ---------------------------------------------------------------- section 14: payments

  PAYMENT_ANSWERS_200(
      "PIS-1", "answers a created payment 200 instead of 201 Created (the body is unchanged)"),
  PAYMENT_STATUS_STAYS_PENDING(
      "PIS-2",
      "executes and books a confirmed payment but reports its transactionStatus as PDNG for ever"),
  NON_EUR_PAYMENT_ACCEPTED("PIS-3", "accepts a SEPA credit transfer in a currency other than EUR"),
  AIS_TOKEN_CONFIRMS_PAYMENT(
      "PIS-4",
      "confirms a payment with any live access token of the TPP (a consent's or another payment's)"),
  PAYMENT_NOT_BOOKED(
      "PIS-5",
      "reports an executed payment ACSC but neither lowers the balances nor books a transaction"),

  // ---------------------------------------------------------------- section 15: revocation,
  // errors

  CONSENT_DELETE_IGNORED(
      "REV-1", "answers DELETE of a consent 204 but leaves it valid (reads keep working)"),
  REVOCATION_IGNORED(
      "REV-2",
      "answers token revocation 200 but revokes nothing (the refresh token keeps working)"),
  TOKEN_ECHOED_IN_ERROR(
      "ERR-2",
      "refuses an unusable access token at the account endpoints with the token itself in the error text (status and"
          + " code unchanged)"),
  SERVER_ERROR_ON_MALFORMED_CONSENT(
      "ERR-2",
      "answers a consent request whose body is not JSON with 500 and a stack trace as text (also breaks ERR-1)"),

  // ---------------------------------------------------------------- section 1: its own OpenAPI

  BALANCE_AMOUNT_AS_NUMBER(
      "OAS-1",
      "answers balances with balanceAmount.amount as a JSON number, where its own OpenAPI document says a"
          + " string (the kit reads both, so only OAS-1 notices)");

  private final String rule;
  private final SandboxOptions.Mode mode;
  private final String description;

  Deviation(String rule, String description) {
    this(rule, SandboxOptions.Mode.SANDBOX, description);
  }

  Deviation(String rule, SandboxOptions.Mode mode, String description) {
    // Enum constants are built before static fields: no precompiled Pattern here.
    if (!rule.matches("[A-Z]{2,5}-\\d{1,2}")) {
      throw new IllegalArgumentException("rule id '" + rule + "' is not of the form SIG-2");
    }
    this.rule = rule;
    this.mode = Objects.requireNonNull(mode, "mode");
    this.description = Objects.requireNonNull(description, "description");
  }

  /** The id of the contract rule this deviation breaks, e.g. {@code SIG-3}. */
  public String rule() {
    return rule;
  }

  /** One line: what the bank does wrong. */
  public String description() {
    return description;
  }

  /**
   * The mode in which the deviation is observable: {@link SandboxOptions.Mode#PRODUCTION} for the
   * rules that only apply to production (REG-8, ACC-3 in production), {@link
   * SandboxOptions.Mode#SANDBOX} otherwise.
   */
  public SandboxOptions.Mode mode() {
    return mode;
  }

  /**
   * The deviation named {@code name}: the constant's name, case-insensitive, surrounding blanks
   * ignored, {@code -} accepted for {@code _}.
   *
   * @throws IllegalArgumentException naming the unknown deviation and listing the valid names
   */
  public static Deviation parse(String name) {
    String key = name == null ? "" : name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (Deviation d : values()) {
      if (d.name().equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown sandbox deviation '"
            + name
            + "'; valid deviations: "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
