package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.report.RuleCatalogue;
import com.obkit.testsupport.Contract;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The misbehaving sandbox. For every {@link Deviation}: a probe shows that the sandbox with the
 * deviation breaks its rule exactly as described while the faithful sandbox answers the same probe
 * correctly; the neighbouring rules stay enforced; and a correct TPP's whole flow still works on
 * the deviant sandbox (nothing else breaks).
 *
 * <p>One deviant sandbox per deviation, one faithful sandbox per mode shared by all (each
 * deviation's run uses organization ids of its own, so runs never see each other's state).
 */
class DeviationsTest {

  private static final String R = "https://tpp.example/cb/return?flow=ais";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static final Map<SandboxOptions.Mode, Bank> FAITHFUL =
      new EnumMap<>(SandboxOptions.Mode.class);

  private static synchronized Bank faithful(SandboxOptions.Mode mode) {
    return FAITHFUL.computeIfAbsent(mode, Bank::start);
  }

  @AfterAll
  static synchronized void stopFaithful() {
    FAITHFUL.values().forEach(Bank::close);
    FAITHFUL.clear();
  }

  // ================================================================ the enum itself

  @Test
  void everyConstantNamesAContractRuleAndWhatGoesWrong() {
    assertThat(Deviation.values()).hasSizeGreaterThanOrEqualTo(45);
    for (Deviation d : Deviation.values()) {
      assertThat(d.rule()).as(d.name()).matches("^[A-Z]{2,5}-\\d{1,2}$");
      assertThat(d.description()).as(d.name()).isNotBlank().doesNotContain("\n");
      assertThat(d.mode()).as(d.name()).isNotNull();
    }
  }

  @Test
  void onlyTheProductionRulesAreObservedInProduction() {
    Set<Deviation> production = EnumSet.noneOf(Deviation.class);
    for (Deviation d : Deviation.values()) {
      if (d.mode() == SandboxOptions.Mode.PRODUCTION) {
        production.add(d);
      }
    }
    assertThat(production)
        .containsExactlyInAnyOrder(
            Deviation.HTTP_REDIRECT_URI_ACCEPTED_IN_PRODUCTION,
            Deviation.TEST_ACCOUNTS_IN_PRODUCTION);
  }

  @Test
  void parseKnowsEveryNameLeniently() {
    for (Deviation d : Deviation.values()) {
      assertThat(Deviation.parse(d.name())).isSameAs(d);
      assertThat(Deviation.parse(" " + d.name().toLowerCase().replace('_', '-') + " ")).isSameAs(d);
    }
  }

  @Test
  void parseRefusesAnUnknownNameNamingItAndTheValidOnes() {
    assertThatThrownBy(() -> Deviation.parse("PREFIX_MATCH"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'PREFIX_MATCH'")
        .hasMessageContaining("PREFIX_REDIRECT_MATCH")
        .hasMessageContaining("SERVER_ERROR_ON_UNKNOWN_CLIENT");
    assertThatThrownBy(() -> Deviation.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deviation.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void sandboxOptionsRefuseAnUnknownDeviation() {
    assertThatThrownBy(
            () ->
                SandboxOptions.defaults()
                    .withDeviations(Set.of("DIGEST_NOT_COMPARED", "DIGEST_NOT_COMPARD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DIGEST_NOT_COMPARD")
        .hasMessageContaining("DIGEST_NOT_COMPARED");
    SandboxOptions o = SandboxOptions.defaults().withDeviations(Set.of("digest_not_compared"));
    assertThat(o.deviates(Deviation.DIGEST_NOT_COMPARED)).isTrue();
    assertThat(o.deviates(Deviation.SIGNATURE_NOT_VERIFIED)).isFalse();
  }

  @Test
  void everyMustRuleOfTheContractHasADeviationAndEveryDeviationNamesAContractRule()
      throws Exception {
    Matcher m =
        Pattern.compile("\\*\\*([A-Z]{2,5}-\\d{1,2}) (MUST|SHOULD)\\*\\*").matcher(Contract.text());
    Set<String> must = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    while (m.find()) {
      all.add(m.group(1));
      if (m.group(2).equals("MUST")) {
        must.add(m.group(1));
      }
    }
    assertThat(must).as("MUST rules found in the contract").hasSizeGreaterThanOrEqualTo(20);
    Set<String> broken =
        Arrays.stream(Deviation.values())
            .map(Deviation::rule)
            .collect(Collectors.toCollection(TreeSet::new));
    // Rules no scenario judges yet (contract sections 10 to 15) get their deviations with their
    // scenarios; the catalogue marks them planned.
    Set<String> planned =
        RuleCatalogue.load().entries().stream()
            .filter(RuleCatalogue.Entry::planned)
            .map(RuleCatalogue.Entry::id)
            .collect(Collectors.toSet());
    must.removeAll(planned);
    assertThat(broken).as("rules with a deviation").containsAll(must);
    assertThat(all).as("rule ids of the contract").containsAll(broken);
  }

  // ================================================================ every deviation

  /**
   * The deviation's probe (deviant sandbox misbehaves as described, faithful one does not,
   * neighbouring rules hold), then a correct TPP's whole flow on the deviant sandbox.
   */
  /**
   * The deviations of sections 2 to 8; those of sections 10 to 15 are {@link
   * JourneyDeviationsTest}'s.
   */
  static List<Deviation> onboardingDeviations() {
    return Arrays.stream(Deviation.values())
        .filter(d -> !JourneyDeviationsTest.isJourney(d))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("onboardingDeviations")
  void misbehavesExactlyAsDescribedAndNothingElse(Deviation d) {
    try (Bank deviant = Bank.start(d.mode(), d)) {
      Run run = new Run(d, faithful(d.mode()), deviant);
      probe(run);
      if (d.mode() == SandboxOptions.Mode.SANDBOX) {
        happyPath(run, deviant);
      } else {
        try (Bank inSandboxMode = Bank.start(SandboxOptions.Mode.SANDBOX, d)) {
          happyPath(run, inSandboxMode); // a production deviation changes nothing in the sandbox
        }
      }
    }
  }

  private static void probe(Run run) {
    switch (run.d) {
      case SIGNATURE_NOT_REQUIRED -> signatureNotRequired(run);
      case SIGNATURE_CERTIFICATE_NOT_REQUIRED -> signatureCertificateNotRequired(run);
      case SIGNATURE_NOT_VERIFIED -> signatureNotVerified(run);
      case SIGNED_HEADERS_NOT_CHECKED -> signedHeadersNotChecked(run);
      case DIGEST_NOT_COMPARED -> digestNotCompared(run);
      case DIGEST_NOT_REQUIRED_IN_HEADERS -> digestNotRequiredInHeaders(run);
      case KEYID_SERIAL_NOT_CHECKED, KEYID_ISSUER_NOT_CHECKED -> keyIdPart(run);
      case RSA_SHA256_LABEL_REFUSED, SHA512_DIGEST_REFUSED, DIGEST_ONLY_HEADER_LIST_REFUSED ->
          sig5VariantRefused(run);
      case UNKNOWN_ALGORITHM_ACCEPTED -> unknownAlgorithmAccepted(run);
      case SSL_CERTIFICATE_NOT_REQUIRED, SSL_CERTIFICATE_NOT_PARSED -> sslCertificate(run);
      case ORGANIZATION_ID_NOT_REQUIRED, ORGANIZATION_ID_FORMAT_NOT_CHECKED ->
          organizationIdentifier(run);
      case EXPIRED_CERTIFICATE_ACCEPTED, NOT_YET_VALID_CERTIFICATE_ACCEPTED -> validity(run);
      case SERVER_ERROR_ON_GARBLED_CERTIFICATE -> serverErrorOnGarbledCertificate(run);
      case REVOKED_CERTIFICATE_ACCEPTED -> revokedCertificateAccepted(run);
      case PSP_ROLES_NOT_CHECKED -> pspRolesNotChecked(run);
      case TOKEN_SCOPE_WRONG,
          EXPIRES_IN_AS_STRING,
          TOKEN_LIFETIME_ONE_HOUR,
          RELATIVE_REGISTRATION_LINK,
          REGISTRATION_LINK_AS_OBJECT,
          TOKEN_TYPE_LOWERCASE_MAC ->
          tokenAnswer(run);
      case ONBOARDING_ERRORS_NOT_BERLIN_GROUP -> onboardingErrorsNotBerlinGroup(run);
      case UNKNOWN_TENANT_ACCEPTED -> unknownTenantAccepted(run);
      case REGISTRATION_ANSWERS_200 -> registrationAnswers200(run);
      case FORM_TOKEN_REFUSED, BEARER_TOKEN_REFUSED -> tokenPlacement(run);
      case UNSIGNED_REGISTRATION_REFUSED -> unsignedRegistrationRefused(run);
      case REDIRECT_URIS_NOT_ECHOED -> redirectUrisNotEchoed(run);
      case NEW_CLIENT_ID_ON_REPLAY, CLIENT_ID_PER_TENANT, CLIENT_ID_PER_CERTIFICATE ->
          clientIdBinding(run);
      case REDIRECT_URIS_APPENDED, REMOVED_REDIRECT_URIS_STILL_ACCEPTED ->
          replayedRedirectUris(run);
      case MISSING_TOKEN_ACCEPTED, UNKNOWN_TOKEN_ACCEPTED, EXPIRED_TOKEN_ACCEPTED ->
          initialAccessTokenDefect(run);
      case EMPTY_REDIRECT_URIS_ACCEPTED,
          RELATIVE_REDIRECT_URI_ACCEPTED,
          FRAGMENT_REDIRECT_URI_ACCEPTED ->
          redirectUriRules(run);
      case TOKEN_NOT_BOUND_TO_ORGANIZATION -> tokenNotBoundToOrganization(run);
      case SECTOR_IDENTIFIER_NOT_VALIDATED -> sectorIdentifierNotValidated(run);
      case HTTP_REDIRECT_URI_ACCEPTED_IN_PRODUCTION -> httpRedirectUriAcceptedInProduction(run);
      case AUTHORIZATION_SKIPS_LOGIN -> authorizationSkipsLogin(run);
      case PREFIX_REDIRECT_MATCH,
          CASE_INSENSITIVE_REDIRECT_MATCH,
          NORMALISED_REDIRECT_MATCH,
          QUERY_IGNORED_REDIRECT_MATCH ->
          lenientRedirectUriMatching(run);
      case OPEN_REDIRECT_ON_MISMATCH -> openRedirectOnMismatch(run);
      case UNKNOWN_CLIENT_REDIRECTS, SERVER_ERROR_ON_UNKNOWN_CLIENT -> unknownClient(run);
      case PKCE_NOT_REQUIRED -> pkceNotRequired(run);
      case IBAN_BAD_CHECK_DIGITS,
          IBAN_WRONG_COUNTRY,
          IBAN_WRONG_BANK_CODE,
          BELGIAN_NATIONAL_CHECK_WRONG ->
          ibanDefect(run);
      case DIGIPASS_MISSING -> digipassMissing(run);
      case SAME_IBAN_EVERY_TIME -> sameIbanEveryTime(run);
      case UNSIGNED_TEST_ACCOUNT_ACCEPTED, TEST_ACCOUNTS_IN_PRODUCTION -> testAccountRules(run);
      case ERROR_BODY_PLAIN_TEXT -> errorBodyPlainText(run);
      default -> throw new AssertionError("no probe for deviation " + run.d);
    }
  }

  /**
   * A correct TPP (onboard, register, test account, authorise, log in, redeem the code): a
   * deviation breaks its rule, not the flow of a conformant client.
   */
  private static void happyPath(Run run, Bank bank) {
    Deviation d = run.d;
    TestSigner signer = run.signer("happy");
    String token = bank.token("nl", signer);
    HttpResponse<String> registration = bank.register(signer, token, "nl", List.of(R));
    assertThat(registration.statusCode())
        .as(registration.body())
        .isEqualTo(d == Deviation.REGISTRATION_ANSWERS_200 ? 200 : 201);
    JsonNode client = SandboxHttp.json(registration);

    HttpResponse<String> account = bank.createAccount("nl", signer.sign(""));
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
    assertThat(Ibans.hasValidCheckDigits(SandboxHttp.json(account).get("iban").asText()))
        .isEqualTo(d != Deviation.IBAN_BAD_CHECK_DIGITS);

    HttpResponse<String> auth = bank.authorize(client.get("client_id").asText(), R, Map.of());
    assertThat(auth.statusCode()).as(auth.body()).isEqualTo(302);
    String location = SandboxHttp.location(auth).get(0);
    if (d == Deviation.AUTHORIZATION_SKIPS_LOGIN) {
      assertThat(location).startsWith(R + "&code=");
    } else {
      assertThat(bank.goesToLogin(auth)).as(location).isTrue();
      if (d == Deviation.DIGIPASS_MISSING) {
        return; // no digipass to log in with: that is the deviation
      }
      JsonNode acc = SandboxHttp.json(account);
      location =
          SandboxHttp.location(
                  bank.login(
                      SandboxHttp.queryOf(location).get("session"),
                      acc.get("iban").asText(),
                      acc.get("digipass").asText()))
              .get(0);
      assertThat(location).startsWith(R + "&code=");
    }
    HttpResponse<String> tokens = bank.redeem(client, SandboxHttp.queryOf(location).get("code"), R);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
  }

  // ================================================================ section 2: signatures

  private static void signatureNotRequired(Run run) {
    run.misbehaves(
        bank -> bank.onboard(without(run.signer().sign(""), "Signature")),
        refused(401, "SIGNATURE_MISSING"),
        status(200));
    // A signature that is sent is still verified; test accounts need none either.
    assertThat(run.deviant.onboard(corrupted(run.signer().sign(""))))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
    assertThat(
            run.deviant
                .createAccount("nl", without(run.signer().sign(""), "Signature"))
                .statusCode())
        .isEqualTo(201);
  }

  private static void signatureCertificateNotRequired(Run run) {
    run.misbehaves(
        bank -> bank.onboard(without(run.signer().sign(""), "TPP-Signature-Certificate")),
        refused(401, "CERTIFICATE_MISSING"),
        status(200));
    // The SSL-Certificate stands in: it has to be the signer's.
    Map<String, String> h = without(run.signer().sign(""), "TPP-Signature-Certificate");
    h.put("SSL-Certificate", TestPki.header(TestPki.tpp(run.org).issue(TestPki.Keys.TPP_B)));
    assertThat(run.deviant.onboard(h)).satisfies(refused(401, "SIGNATURE_INVALID"));
    assertThat(
            run.deviant.onboard(
                without(
                    run.signer().withoutSslCertificate().sign(""), "TPP-Signature-Certificate")))
        .satisfies(refused(401, "CERTIFICATE_MISSING"));
  }

  private static void signatureNotVerified(Run run) {
    run.misbehaves(
        bank -> bank.onboard(corrupted(run.signer().sign(""))),
        refused(401, "SIGNATURE_INVALID"),
        status(200));
    assertThat(run.deviant.onboard(without(run.signer().sign(""), "Signature")))
        .satisfies(refused(401, "SIGNATURE_MISSING"));
    assertThat(run.deviant.onboard(run.signer().sign("not the body")))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
  }

  private static void signedHeadersNotChecked(Run run) {
    // Signed over "digest" alone, but claiming "digest x-request-id": the X-Request-ID is not
    // protected.
    run.misbehaves(
        bank -> {
          Map<String, String> h = run.signer().headers("digest").sign("");
          h.put(
              "Signature",
              h.get("Signature").replace("headers=\"digest\"", "headers=\"digest x-request-id\""));
          h.put("X-Request-ID", "00000000-0000-0000-0000-000000000000");
          return bank.onboard(h);
        },
        refused(401, "SIGNATURE_INVALID"),
        status(200));
    assertThat(run.deviant.onboard(corrupted(run.signer().sign(""))))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
  }

  private static void digestNotCompared(Run run) {
    // Digest and signature agree with each other, not with the (empty) body sent.
    run.misbehaves(
        bank -> bank.onboard(run.signer().sign("another body")),
        refused(401, "SIGNATURE_INVALID"),
        status(200));
    assertThat(run.deviant.onboard(run.signer().headers("x-request-id").sign("")))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
  }

  private static void digestNotRequiredInHeaders(Run run) {
    run.misbehaves(
        bank -> bank.onboard(run.signer().headers("x-request-id").sign("")),
        refused(401, "SIGNATURE_INVALID"),
        status(200));
    assertThat(run.deviant.onboard(run.signer().headers("x-request-id").sign("another body")))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
  }

  private static void keyIdPart(Run run) {
    X509Certificate c = run.certificate;
    String issuer = c.getIssuerX500Principal().getName("RFC1779");
    String wrongSerial =
        "SN=" + c.getSerialNumber().add(BigInteger.ONE).toString(16) + ",CA=" + issuer;
    String wrongIssuer = "SN=" + c.getSerialNumber().toString(16) + ",CA=CN=Some Other CA, C=NL";
    boolean serialIgnored = run.d == Deviation.KEYID_SERIAL_NOT_CHECKED;
    run.misbehaves(
        bank ->
            bank.onboard(run.signer().keyId(serialIgnored ? wrongSerial : wrongIssuer).sign("")),
        refused(401, "SIGNATURE_INVALID"),
        status(200));
    assertThat(
            run.deviant.onboard(
                run.signer().keyId(serialIgnored ? wrongIssuer : wrongSerial).sign("")))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
  }

  private static void sig5VariantRefused(Run run) {
    Function<TestSigner, TestSigner> variant =
        switch (run.d) {
          case RSA_SHA256_LABEL_REFUSED -> s -> s.algorithm("rsa-sha256");
          case SHA512_DIGEST_REFUSED -> s -> s.digestAlgorithm("SHA-512");
          default -> s -> s.headers("digest");
        };
    run.misbehaves(
        bank -> bank.onboard(variant.apply(run.signer()).sign("")),
        status(200),
        refused(401, "SIGNATURE_INVALID"));
    // Each refuses only its own variant.
    TestSigner others =
        switch (run.d) {
          case RSA_SHA256_LABEL_REFUSED ->
              run.signer().digestAlgorithm("SHA-512").headers("digest");
          case SHA512_DIGEST_REFUSED -> run.signer().algorithm("rsa-sha256").headers("digest");
          default -> run.signer().algorithm("rsa-sha256").digestAlgorithm("SHA-512");
        };
    assertThat(run.deviant.onboard(others.sign("")).statusCode()).isEqualTo(200);
  }

  private static void unknownAlgorithmAccepted(Run run) {
    run.misbehaves(
        bank -> bank.onboard(run.signer().algorithm("hmac-sha1").sign("")),
        refused(401, "SIGNATURE_INVALID"),
        status(200));
    assertThat(run.deviant.onboard(corrupted(run.signer().algorithm("hmac-sha1").sign(""))))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
  }

  private static void sslCertificate(Run run) {
    Function<Bank, HttpResponse<String>> missing =
        bank -> bank.onboard(run.signer().withoutSslCertificate().sign(""));
    Function<Bank, HttpResponse<String>> garbled =
        bank -> bank.onboard(with(run.signer().sign(""), "SSL-Certificate", garbage()));
    if (run.d == Deviation.SSL_CERTIFICATE_NOT_REQUIRED) {
      run.misbehaves(missing, refused(401, "CERTIFICATE_MISSING"), status(200));
      assertThat(garbled.apply(run.deviant)).satisfies(refused(401, "CERTIFICATE_INVALID"));
    } else {
      run.misbehaves(garbled, refused(401, "CERTIFICATE_INVALID"), status(200));
      assertThat(missing.apply(run.deviant)).satisfies(refused(401, "CERTIFICATE_MISSING"));
    }
  }

  // ================================================================ section 3: certificates

  private static void organizationIdentifier(Run run) {
    X509Certificate none = TestPki.tpp(null).issue(TestPki.Keys.TPP_A);
    X509Certificate malformed = TestPki.tpp("NTRNL-" + run.org).issue(TestPki.Keys.TPP_A);
    boolean absentAccepted = run.d == Deviation.ORGANIZATION_ID_NOT_REQUIRED;
    X509Certificate accepted = absentAccepted ? none : malformed;
    run.misbehaves(
        bank -> bank.onboard(run.signer(accepted).sign("")),
        refused(401, "CERTIFICATE_INVALID"),
        status(200));
    assertThat(run.deviant.onboard(run.signer(absentAccepted ? malformed : none).sign("")))
        .satisfies(refused(401, "CERTIFICATE_INVALID"));
    // The accepted certificate goes on to register, bound to a stand-in identifier.
    assertThat(run.deviant.register(run.signer(accepted), "nl", List.of(R)).statusCode())
        .isEqualTo(201);
    String raw = absentAccepted ? none.getSubjectX500Principal().getName() : "NTRNL-" + run.org;
    assertThat(
            run.deviant
                .sandbox
                .state()
                .clientId(CertificateVerifier.surrogateOrganizationId(raw).value()))
        .isPresent();
  }

  private static void validity(Run run) {
    Instant now = Instant.now();
    X509Certificate expired =
        TestPki.tpp(run.org)
            .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
            .issue(TestPki.Keys.TPP_A);
    X509Certificate future =
        TestPki.tpp(run.org)
            .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))
            .issue(TestPki.Keys.TPP_A);
    boolean expiredAccepted = run.d == Deviation.EXPIRED_CERTIFICATE_ACCEPTED;
    run.misbehaves(
        bank -> bank.onboard(run.signer(expiredAccepted ? expired : future).sign("")),
        refused(401, "CERTIFICATE_EXPIRED"),
        status(200));
    assertThat(run.deviant.onboard(run.signer(expiredAccepted ? future : expired).sign("")))
        .satisfies(refused(401, "CERTIFICATE_EXPIRED"));
  }

  private static void serverErrorOnGarbledCertificate(Run run) {
    run.misbehaves(
        bank -> bank.onboard(with(run.signer().sign(""), "TPP-Signature-Certificate", garbage())),
        refused(401, "CERTIFICATE_INVALID"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(500);
          assertThat(r.headers().firstValue("Content-Type"))
              .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
          assertThat(r.body()).contains("Exception", "\tat ");
        });
    assertThat(run.deviant.onboard(without(run.signer().sign(""), "TPP-Signature-Certificate")))
        .satisfies(refused(401, "CERTIFICATE_MISSING"));
  }

  private static void revokedCertificateAccepted(Run run) {
    X509Certificate renewed = TestPki.tpp(run.org).issue(TestPki.Keys.TPP_B);
    run.misbehaves(
        bank -> {
          assertThat(bank.onboard(run.signer().sign("")).statusCode()).isEqualTo(200);
          assertThat(bank.onboard(run.signer(renewed, TestPki.Keys.TPP_B).sign("")).statusCode())
              .isEqualTo(200);
          return bank.onboard(run.signer().sign(""));
        },
        refused(401, "CERTIFICATE_REVOKED"),
        status(200));
    assertThat(run.deviant.onboard(run.signer(renewed, TestPki.Keys.TPP_B).sign("")).statusCode())
        .isEqualTo(200);
  }

  private static void pspRolesNotChecked(Run run) {
    X509Certificate asOnly = TestPki.tpp(run.org).roles(TestPki.PSP_AS).issue(TestPki.Keys.TPP_A);
    X509Certificate noStatement =
        TestPki.tpp(run.org).withoutQcStatement().issue(TestPki.Keys.TPP_A);
    run.misbehaves(
        bank -> bank.onboard(run.signer(asOnly).sign("")),
        refused(401, "ROLE_INVALID"),
        status(200));
    run.misbehaves(
        bank -> bank.onboard(run.signer(noStatement).sign("")),
        refused(401, "ROLE_INVALID"),
        status(200));
  }

  // ================================================================ section 4: initial access
  // token

  /** TOK-1: exactly one member of the onboarding answer changes, as described. */
  private static void tokenAnswer(Run run) {
    JsonNode good = SandboxHttp.json(run.faithful.onboard(run.signer().sign("")));
    JsonNode bad = SandboxHttp.json(run.deviant.onboard(run.signer().sign("")));
    assertThat(good.get("scope").asText()).isEqualTo("client-reg");
    assertThat(good.get("expires_in").isNumber()).isTrue();
    assertThat(good.get("expires_in").asLong()).isEqualTo(86400);
    assertThat(good.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(good.path("_links").get("registration").asText())
        .isEqualTo(run.faithful.sandbox.baseUrl() + "/auth/nl/v1/registration");

    // Compared member by member, each sandbox's own base URL written as BASE.
    List<String> differing = new ArrayList<>();
    good.fieldNames()
        .forEachRemaining(
            name -> {
              String expected =
                  good.get(name)
                      .toString()
                      .replace(run.faithful.sandbox.baseUrl().toString(), "BASE");
              String actual =
                  String.valueOf(bad.get(name))
                      .replace(run.deviant.sandbox.baseUrl().toString(), "BASE");
              if (!name.equals("access_token") && !expected.equals(actual)) {
                differing.add(name);
              }
            });
    assertThat(bad.size()).isEqualTo(good.size());
    assertThat(bad.get("access_token").asText()).isNotBlank();
    String member =
        switch (run.d) {
          case TOKEN_SCOPE_WRONG -> {
            assertThat(bad.get("scope").asText()).isEqualTo("registration");
            yield "scope";
          }
          case EXPIRES_IN_AS_STRING -> {
            assertThat(bad.get("expires_in").isTextual()).isTrue();
            assertThat(bad.get("expires_in").asText()).isEqualTo("86400");
            yield "expires_in";
          }
          case TOKEN_LIFETIME_ONE_HOUR -> {
            assertThat(bad.get("expires_in").asLong()).isEqualTo(3600);
            yield "expires_in";
          }
          case RELATIVE_REGISTRATION_LINK -> {
            assertThat(bad.path("_links").get("registration").asText())
                .isEqualTo("/auth/nl/v1/registration");
            yield "_links";
          }
          case REGISTRATION_LINK_AS_OBJECT -> {
            assertThat(bad.path("_links").path("registration").path("href").asText())
                .isEqualTo(run.deviant.sandbox.baseUrl() + "/auth/nl/v1/registration");
            yield "_links";
          }
          case TOKEN_TYPE_LOWERCASE_MAC -> {
            assertThat(bad.get("token_type").asText()).isEqualTo("mac");
            yield "token_type";
          }
          default -> throw new AssertionError(run.d);
        };
    assertThat(differing).containsExactly(member);
    if (run.d == Deviation.TOKEN_LIFETIME_ONE_HOUR) {
      tokenLifetimeOneHourIsReal(run);
    }
  }

  /** The one-hour token really dies after an hour; the faithful one lives on. */
  private static void tokenLifetimeOneHourIsReal(Run run) {
    for (boolean deviating : new boolean[] {false, true}) {
      MutableClock clock = new MutableClock(Instant.now());
      SandboxOptions options =
          SandboxOptions.defaults()
              .withTls(false)
              .withClock(clock)
              .withDeviations(deviating ? Set.of(run.d.name()) : Set.of());
      try (ReferenceSandbox sandbox = ReferenceSandbox.start(options)) {
        SandboxHttp http = new SandboxHttp(sandbox);
        String token = Flow.token(http, "nl", run.signer());
        clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> r = Flow.register(http, "nl", run.signer(), token, List.of(R));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(deviating ? 401 : 201);
      }
    }
  }

  private static void onboardingErrorsNotBerlinGroup(Run run) {
    run.misbehaves(
        bank -> bank.onboard(without(run.signer().sign(""), "Signature")),
        refused(401, "SIGNATURE_MISSING"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(401);
          JsonNode body = SandboxHttp.json(r);
          assertThat(body.get("error").asText()).isEqualTo("unauthorized");
          assertThat(body.has("tppMessages")).isFalse();
        });
    assertThat(run.deviant.http.get("/xs2a-bg/xx/onboarding/v1", run.signer().sign("")))
        .satisfies(refused(404, "RESOURCE_UNKNOWN"));
    assertThat(run.deviant.createAccount("nl", without(run.signer().sign(""), "Signature")))
        .satisfies(refused(401, "SIGNATURE_MISSING"));
  }

  private static void unknownTenantAccepted(Run run) {
    run.misbehaves(
        bank -> bank.http.get("/xs2a-bg/xx/onboarding/v1", run.signer().sign("")),
        refused(404, "RESOURCE_UNKNOWN"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(SandboxHttp.json(r).path("_links").path("registration").asText())
              .endsWith("/auth/xx/v1/registration");
        });
    assertThat(run.deviant.createAccount("xx", run.signer().sign("")))
        .satisfies(refused(404, "RESOURCE_UNKNOWN"));
  }

  // ================================================================ section 5: registration

  private static void registrationAnswers200(Run run) {
    run.misbehaves(
        bank -> bank.register(run.signer(), "nl", List.of(R)),
        status(201),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(SandboxHttp.json(r).get("client_id").asText()).isNotBlank();
        });
  }

  private static void tokenPlacement(Run run) {
    Function<Bank, HttpResponse<String>> formOnly =
        bank -> bank.registerAsThePageShows(run.signer(), List.of(R));
    Function<Bank, HttpResponse<String>> bearerOnly =
        bank ->
            bank.registerWith(
                run.signer(),
                Optional.empty(),
                Optional.of(bank.token("nl", run.signer())),
                List.of(R));
    boolean formRefused = run.d == Deviation.FORM_TOKEN_REFUSED;
    run.misbehaves(
        formRefused ? formOnly : bearerOnly, status(201), oauthRefused(401, "invalid_token"));
    assertThat((formRefused ? bearerOnly : formOnly).apply(run.deviant).statusCode())
        .isEqualTo(201);
  }

  private static void unsignedRegistrationRefused(Run run) {
    run.misbehaves(
        bank -> bank.registerAsThePageShows(run.signer(), List.of(R)),
        status(201),
        oauthRefused(401, "SIGNATURE_MISSING"));
  }

  private static void redirectUrisNotEchoed(Run run) {
    run.misbehaves(
        bank -> bank.register(run.signer(), "nl", List.of(R)),
        r -> assertThat(SandboxHttp.json(r).get("redirect_uris").get(0).asText()).isEqualTo(R),
        r -> {
          assertThat(r.statusCode()).isEqualTo(201);
          assertThat(SandboxHttp.json(r).has("redirect_uris")).isFalse();
          assertThat(SandboxHttp.json(r).get("client_secret").asText()).isNotBlank();
        });
  }

  /**
   * REG-2: the same client_id on replay, in another tenant, after a renewal; each deviation breaks
   * one.
   */
  private static void clientIdBinding(Run run) {
    for (Bank bank : List.of(run.faithful, run.deviant)) {
      boolean faithful = bank == run.faithful;
      TestSigner signer = run.signer();
      boolean sameOnReplay =
          clientId(bank.register(signer, "nl", List.of(R)))
              .equals(clientId(bank.register(signer, "nl", List.of(R))));
      boolean sameAcrossTenants =
          clientId(bank.register(signer, "nl", List.of(R)))
              .equals(clientId(bank.register(signer, "be_nl", List.of(R))));
      // Last: onboarding the renewed certificate revokes the first (CERT-4).
      X509Certificate renewed = TestPki.tpp(run.org).issue(TestPki.Keys.TPP_B);
      boolean sameAfterRenewal =
          clientId(bank.register(signer, "nl", List.of(R)))
              .equals(
                  clientId(
                      bank.register(run.signer(renewed, TestPki.Keys.TPP_B), "nl", List.of(R))));
      // A new client_id on every registration also differs across tenants and certificates.
      boolean everyTime = !faithful && run.d == Deviation.NEW_CLIENT_ID_ON_REPLAY;
      assertThat(sameOnReplay).as("same client_id on replay").isEqualTo(!everyTime);
      assertThat(sameAcrossTenants)
          .as("same client_id across tenants")
          .isEqualTo(!everyTime && (faithful || run.d != Deviation.CLIENT_ID_PER_TENANT));
      assertThat(sameAfterRenewal)
          .as("same client_id after a renewal")
          .isEqualTo(!everyTime && (faithful || run.d != Deviation.CLIENT_ID_PER_CERTIFICATE));
      run.nextOrganization(); // the renewal revoked this organization's certificate
    }
  }

  /**
   * REG-2 / AUTH-3: a replay replaces the redirect URIs, in the answer and at the authorisation
   * endpoint.
   */
  private static void replayedRedirectUris(Run run) {
    String old = "https://tpp.example/old";
    String fresh = "https://tpp.example/new";
    for (Bank bank : List.of(run.faithful, run.deviant)) {
      boolean faithful = bank == run.faithful;
      bank.register(run.signer(), "nl", List.of(old));
      JsonNode answer = SandboxHttp.json(bank.register(run.signer(), "nl", List.of(fresh)));
      String clientId = answer.get("client_id").asText();
      boolean appended = !faithful && run.d == Deviation.REDIRECT_URIS_APPENDED;
      assertThat(answer.get("redirect_uris").toString())
          .isEqualTo(appended ? "[\"" + old + "\",\"" + fresh + "\"]" : "[\"" + fresh + "\"]");
      assertThat(bank.goesToLogin(bank.authorize(clientId, fresh, Map.of()))).isTrue();
      assertThat(bank.goesToLogin(bank.authorize(clientId, old, Map.of())))
          .as("old URI accepted")
          .isEqualTo(!faithful);
      assertThat(bank.authorize(clientId, "https://tpp.example/never", Map.of()).statusCode())
          .isEqualTo(400);
    }
  }

  private static void initialAccessTokenDefect(Run run) {
    Function<Bank, HttpResponse<String>> missing =
        bank -> bank.registerWith(run.signer(), Optional.empty(), Optional.empty(), List.of(R));
    Function<Bank, HttpResponse<String>> unknown =
        bank ->
            bank.registerWith(
                run.signer(), Optional.of("never-issued"), Optional.of("never-issued"), List.of(R));
    Function<Bank, HttpResponse<String>> expired =
        bank -> {
          String token = bank.token("nl", run.signer());
          bank.sandbox.expireInitialAccessTokens(run.org);
          bank.token(
              "nl", run.signer(run.other(), TestPki.Keys.TPP_C)); // another token issued meanwhile
          return bank.registerWith(
              run.signer(), Optional.of(token), Optional.of(token), List.of(R));
        };
    Map<Deviation, Function<Bank, HttpResponse<String>>> probes =
        Map.of(
            Deviation.MISSING_TOKEN_ACCEPTED,
            missing,
            Deviation.UNKNOWN_TOKEN_ACCEPTED,
            unknown,
            Deviation.EXPIRED_TOKEN_ACCEPTED,
            expired);
    run.misbehaves(probes.get(run.d), oauthRefused(401, "invalid_token"), status(201));
    probes.forEach(
        (d, probe) -> {
          if (d != run.d) {
            assertThat(probe.apply(run.deviant))
                .as(d.name())
                .satisfies(oauthRefused(401, "invalid_token"));
          }
        });
  }

  private static void tokenNotBoundToOrganization(Run run) {
    run.misbehaves(
        bank ->
            bank.register(
                run.signer(),
                bank.token("nl", run.signer(run.other(), TestPki.Keys.TPP_C)),
                "nl",
                List.of(R)),
        oauthRefused(401, "invalid_token"),
        status(201));
  }

  private static void redirectUriRules(Run run) {
    Map<Deviation, List<List<String>>> accepted =
        Map.of(
            Deviation.EMPTY_REDIRECT_URIS_ACCEPTED, List.of(List.of()),
            Deviation.RELATIVE_REDIRECT_URI_ACCEPTED,
                List.of(List.of("/callback"), List.of("tpp.example/callback")),
            Deviation.FRAGMENT_REDIRECT_URI_ACCEPTED,
                List.of(List.of("https://tpp.example/cb#frag")));
    accepted.forEach(
        (d, cases) -> {
          for (List<String> uris : cases) {
            Consumer<HttpResponse<String>> refusal =
                oauthRefused(400, uris.isEmpty() ? "invalid_request" : "invalid_redirect_uri");
            if (d == run.d) {
              run.misbehaves(
                  bank -> bank.register(run.signer(), "nl", uris),
                  refusal,
                  r -> {
                    assertThat(r.statusCode()).isEqualTo(201);
                    assertThat(SandboxHttp.json(r).get("redirect_uris").toString())
                        .isEqualTo(uris.isEmpty() ? "[]" : "[\"" + uris.get(0) + "\"]");
                  });
            } else {
              assertThat(run.deviant.register(run.signer(), "nl", uris))
                  .as(uris.toString())
                  .satisfies(refusal);
            }
          }
        });
  }

  private static void sectorIdentifierNotValidated(Run run) {
    run.misbehaves(
        bank ->
            bank.register(
                run.signer(),
                "nl",
                List.of(R),
                "sector_identifier_uri",
                "http://tpp.example/sector.json"),
        oauthRefused(400, "invalid_client_metadata"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(201);
          assertThat(SandboxHttp.json(r).get("sector_identifier_uri").asText())
              .isEqualTo("http://tpp.example/sector.json");
        });
  }

  private static void httpRedirectUriAcceptedInProduction(Run run) {
    run.misbehaves(
        bank -> bank.register(run.signer(), "nl", List.of("http://tpp.example/cb")),
        oauthRefused(400, "invalid_redirect_uri"),
        status(201));
    assertThat(run.deviant.register(run.signer(), "nl", List.of("https://tpp.example/cb#frag")))
        .satisfies(oauthRefused(400, "invalid_redirect_uri"));
  }

  // ================================================================ section 6: authorisation

  private static void authorizationSkipsLogin(Run run) {
    HttpResponse<String> good =
        run.faithful.authorize(
            clientId(run.faithful.register(run.signer(), "nl", List.of(R))), R, Map.of());
    assertThat(run.faithful.goesToLogin(good)).isTrue();

    JsonNode client = SandboxHttp.json(run.deviant.register(run.signer(), "nl", List.of(R)));
    HttpResponse<String> auth =
        run.deviant.authorize(client.get("client_id").asText(), R, Map.of());
    assertThat(auth.statusCode()).isEqualTo(302);
    String back = SandboxHttp.location(auth).get(0);
    assertThat(back).startsWith(R + "&code=");
    assertThat(SandboxHttp.queryOf(back).get("state")).isEqualTo("st-1");
    assertThat(run.deviant.redeem(client, SandboxHttp.queryOf(back).get("code"), R).statusCode())
        .isEqualTo(200);
    // Exact matching still holds.
    assertThat(
            run.deviant
                .authorize(client.get("client_id").asText(), R + "&x=1", Map.of())
                .statusCode())
        .isEqualTo(400);
  }

  /** The AUTH-2 variants of the kit's feature file, against R. */
  private static final Map<String, String> VARIANTS = variants();

  private static Map<String, String> variants() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("trailing slash added", "https://tpp.example/cb/return/?flow=ais");
    v.put("trailing path segment removed", "https://tpp.example/cb?flow=ais");
    v.put("extra path segment", "https://tpp.example/cb/return/x7Kq2?flow=ais");
    v.put("query removed", "https://tpp.example/cb/return");
    v.put("query changed", "https://tpp.example/cb/return?flow=pis");
    v.put("query added", "https://tpp.example/cb/return?flow=ais&next=evil");
    v.put("fragment added", "https://tpp.example/cb/return?flow=ais#x");
    v.put("http instead of https", "http://tpp.example/cb/return?flow=ais");
    v.put("host in other case", "https://TPP.example/cb/return?flow=ais");
    v.put("explicit default port", "https://tpp.example:443/cb/return?flow=ais");
    v.put("other port", "https://tpp.example:8443/cb/return?flow=ais");
    v.put("extra subdomain", "https://evil.tpp.example/cb/return?flow=ais");
    v.put("userinfo trick", "https://tpp.example@evil.example/cb/return?flow=ais");
    v.put("percent-encoded path character", "https://tpp.example/c%62/return?flow=ais");
    v.put("last character removed", "https://tpp.example/cb/return?flow=ai");
    return v;
  }

  /**
   * AUTH-2: each lenient comparison accepts exactly the variants it would; the faithful one none.
   */
  private static void lenientRedirectUriMatching(Run run) {
    Set<String> expected =
        switch (run.d) {
          case PREFIX_REDIRECT_MATCH -> Set.of("query added", "fragment added");
          case CASE_INSENSITIVE_REDIRECT_MATCH -> Set.of("host in other case");
          case NORMALISED_REDIRECT_MATCH ->
              Set.of(
                  "trailing slash added",
                  "host in other case",
                  "explicit default port",
                  "percent-encoded path character");
          case QUERY_IGNORED_REDIRECT_MATCH ->
              Set.of("query removed", "query changed", "query added", "last character removed");
          default -> throw new AssertionError(run.d);
        };
    String attack =
        switch (run.d) {
          case PREFIX_REDIRECT_MATCH -> "query added";
          case CASE_INSENSITIVE_REDIRECT_MATCH -> "host in other case";
          case NORMALISED_REDIRECT_MATCH -> "explicit default port";
          default -> "query changed";
        };
    for (Bank bank : List.of(run.faithful, run.deviant)) {
      String client = clientId(bank.register(run.signer(), "nl", List.of(R)));
      Set<String> accepted = new TreeSet<>();
      VARIANTS.forEach(
          (name, uri) -> {
            HttpResponse<String> r = bank.authorize(client, uri, Map.of());
            if (bank.goesToLogin(r)) {
              accepted.add(name);
            } else {
              assertThat(r.statusCode()).as(name).isEqualTo(400);
              assertThat(r.headers().firstValue("Location")).as(name).isEmpty();
            }
          });
      assertThat(accepted).isEqualTo(bank == run.faithful ? Set.of() : new TreeSet<>(expected));
      assertThat(bank.goesToLogin(bank.authorize(client, R, Map.of()))).isTrue();
    }
    // The attack: the code goes to the supplied URI, not the registered one.
    String supplied = VARIANTS.get(attack);
    JsonNode client = SandboxHttp.json(run.deviant.register(run.signer(), "nl", List.of(R)));
    String session =
        SandboxHttp.queryOf(
                SandboxHttp.location(
                        run.deviant.authorize(client.get("client_id").asText(), supplied, Map.of()))
                    .get(0))
            .get("session");
    JsonNode acc = SandboxHttp.json(run.deviant.createAccount("nl", run.signer().sign("")));
    String back =
        SandboxHttp.location(
                run.deviant.login(session, acc.get("iban").asText(), acc.get("digipass").asText()))
            .get(0);
    assertThat(back).startsWith(supplied + "&code=");
  }

  private static void openRedirectOnMismatch(Run run) {
    String faithfulClient = clientId(run.faithful.register(run.signer(), "nl", List.of(R)));
    String client = clientId(run.deviant.register(run.signer(), "nl", List.of(R)));
    for (String uri : VARIANTS.values()) {
      HttpResponse<String> good = run.faithful.authorize(faithfulClient, uri, Map.of());
      assertThat(good.statusCode()).as(uri).isEqualTo(400);
      assertThat(good.headers().firstValue("Location")).as(uri).isEmpty();
      HttpResponse<String> bad = run.deviant.authorize(client, uri, Map.of());
      assertThat(bad.statusCode()).as(uri).isEqualTo(302);
      assertThat(SandboxHttp.location(bad).get(0))
          .as(uri)
          .startsWith(uri)
          .contains("error=invalid_request");
    }
    assertThat(run.deviant.goesToLogin(run.deviant.authorize(client, R, Map.of()))).isTrue();
  }

  private static void unknownClient(Run run) {
    run.misbehaves(
        bank -> bank.authorize("no-such-client", R, Map.of()),
        r -> {
          assertThat(r.statusCode()).isEqualTo(400);
          assertThat(r.headers().firstValue("Location")).isEmpty();
          assertThat(r.body()).contains("<html", "invalid_client");
        },
        r -> {
          if (run.d == Deviation.UNKNOWN_CLIENT_REDIRECTS) {
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(SandboxHttp.location(r).get(0)).startsWith(R + "&error=unauthorized_client");
          } else {
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(r.body()).contains("NullPointerException", "\tat ");
          }
        });
  }

  private static void pkceNotRequired(Run run) {
    String faithfulClient = clientId(run.faithful.register(run.signer(), "nl", List.of(R)));
    String client = clientId(run.deviant.register(run.signer(), "nl", List.of(R)));
    for (Map<String, String> pkce :
        List.of(Map.of("code_challenge", ""), Map.of("code_challenge_method", "plain"))) {
      HttpResponse<String> good = run.faithful.authorize(faithfulClient, R, pkce);
      assertThat(SandboxHttp.location(good).get(0))
          .as(pkce.toString())
          .startsWith(R + "&error=invalid_request");
      assertThat(run.deviant.goesToLogin(run.deviant.authorize(client, R, pkce)))
          .as(pkce.toString())
          .isTrue();
    }
  }

  // ================================================================ section 7: test accounts

  /**
   * ACC-1: the faithful IBAN has every property; the deviant one lacks exactly the one described.
   */
  private static void ibanDefect(Run run) {
    List<String> tenants =
        run.d == Deviation.BELGIAN_NATIONAL_CHECK_WRONG
            ? List.of("be_fr", "be_nl")
            : List.of("nl", "be_fr", "be_nl", "uk");
    for (String tenant : tenants) {
      String good =
          SandboxHttp.json(run.faithful.createAccount(tenant, run.signer().sign("")))
              .get("iban")
              .asText();
      String bad =
          SandboxHttp.json(run.deviant.createAccount(tenant, run.signer().sign("")))
              .get("iban")
              .asText();
      String country = Tenant.byPathValue(tenant).orElseThrow().country();
      assertThat(IbanProperties.of(good, country))
          .as(good)
          .isEqualTo(new IbanProperties(true, true, true, true));
      IbanProperties expected =
          switch (run.d) {
            case IBAN_BAD_CHECK_DIGITS -> new IbanProperties(false, true, true, true);
            case IBAN_WRONG_COUNTRY -> new IbanProperties(true, country.equals("NL"), true, true);
            case IBAN_WRONG_BANK_CODE -> new IbanProperties(true, true, false, true);
            case BELGIAN_NATIONAL_CHECK_WRONG -> new IbanProperties(true, true, true, false);
            default -> throw new AssertionError(run.d);
          };
      assertThat(IbanProperties.of(bad, country)).as(tenant + " " + bad).isEqualTo(expected);
      if (expected.checkDigits()) {
        IbanUtil.validate(bad); // iban4j: a well-formed IBAN, only not this bank's / country's
      }
    }
  }

  /** What ACC-1 asks of an IBAN, one property per deviation. */
  record IbanProperties(
      boolean checkDigits, boolean country, boolean bankCode, boolean nationalCheck) {
    static IbanProperties of(String iban, String tenantCountry) {
      boolean bank =
          switch (iban.substring(0, 2)) {
            case "NL" -> iban.substring(4, 9).equals("TRIO0");
            case "BE" -> iban.substring(4, 7).equals("523");
            case "GB" -> iban.substring(4, 14).equals("TRIO165810");
            default -> false;
          };
      boolean national =
          !iban.startsWith("BE")
              || Integer.parseInt(iban.substring(14))
                  == Ibans.belgianNationalCheck(iban.substring(4, 14));
      return new IbanProperties(
          Ibans.hasValidCheckDigits(iban), iban.startsWith(tenantCountry), bank, national);
    }
  }

  private static void digipassMissing(Run run) {
    run.misbehaves(
        bank -> bank.createAccount("nl", run.signer().sign("")),
        r -> assertThat(SandboxHttp.json(r).get("digipass").asText()).matches("\\d{10}"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(201);
          assertThat(SandboxHttp.json(r).has("digipass")).isFalse();
          assertThat(IbanProperties.of(SandboxHttp.json(r).get("iban").asText(), "NL"))
              .isEqualTo(new IbanProperties(true, true, true, true));
        });
  }

  private static void sameIbanEveryTime(Run run) {
    for (Bank bank : List.of(run.faithful, run.deviant)) {
      JsonNode a = SandboxHttp.json(bank.createAccount("nl", run.signer().sign("")));
      JsonNode b = SandboxHttp.json(bank.createAccount("nl", run.signer().sign("")));
      assertThat(IbanProperties.of(b.get("iban").asText(), "NL"))
          .isEqualTo(new IbanProperties(true, true, true, true));
      assertThat(b.get("digipass").asText()).matches("\\d{10}");
      assertThat(a.get("iban").asText().equals(b.get("iban").asText()))
          .isEqualTo(bank == run.deviant);
    }
  }

  private static void testAccountRules(Run run) {
    if (run.d == Deviation.UNSIGNED_TEST_ACCOUNT_ACCEPTED) {
      run.misbehaves(
          bank -> bank.createAccount("nl", run.signer().certificatesOnly()),
          refused(401, "SIGNATURE_MISSING"),
          status(201));
      assertThat(run.deviant.onboard(run.signer().certificatesOnly()))
          .satisfies(refused(401, "SIGNATURE_MISSING"));
      assertThat(run.deviant.createAccount("nl", corrupted(run.signer().sign(""))))
          .satisfies(refused(401, "SIGNATURE_INVALID"));
    } else {
      run.misbehaves(
          bank -> bank.createAccount("nl", run.signer().sign("")),
          refused(403, "SERVICE_BLOCKED"),
          status(201));
      assertThat(run.deviant.createAccount("nl", run.signer().certificatesOnly()))
          .satisfies(refused(401, "SIGNATURE_MISSING"));
    }
  }

  // ================================================================ section 8: error bodies

  private static void errorBodyPlainText(Run run) {
    Consumer<HttpResponse<String>> plain =
        r -> {
          assertThat(r.statusCode()).isEqualTo(401);
          assertThat(r.headers().firstValue("Content-Type"))
              .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
          assertThat(r.body()).isEqualTo("error");
        };
    run.misbehaves(
        bank -> bank.onboard(without(run.signer().sign(""), "Signature")),
        refused(401, "SIGNATURE_MISSING"),
        plain);
    run.misbehaves(
        bank -> bank.registerWith(run.signer(), Optional.empty(), Optional.empty(), List.of(R)),
        oauthRefused(401, "invalid_token"),
        plain);
    // The browser-facing pages keep their HTML error page.
    HttpResponse<String> page = run.deviant.authorize("no-such-client", R, Map.of());
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("<html");
  }

  // ================================================================ helpers

  /**
   * One deviation's run: its deviant sandbox, the shared faithful one of its mode, organization ids
   * of its own.
   */
  private static final class Run {
    final Deviation d;
    final Bank faithful;
    final Bank deviant;
    private int generation;
    String org;
    X509Certificate certificate;

    Run(Deviation d, Bank faithful, Bank deviant) {
      this.d = d;
      this.faithful = faithful;
      this.deviant = deviant;
      nextOrganization();
    }

    /** Moves to a fresh organization id (and certificate) of this run. */
    void nextOrganization() {
      org = "PSDNL-DNB-DEV" + d.ordinal() + "G" + generation++;
      certificate = TestPki.tpp(org).issue(TestPki.Keys.TPP_A);
    }

    /** A signer of this run's certificate. */
    TestSigner signer() {
      return new TestSigner(certificate, TestPki.Keys.TPP_A.getPrivate());
    }

    /** A signer of a certificate of its own organization id {@code suffix} (the happy path's). */
    TestSigner signer(String suffix) {
      return new TestSigner(
          TestPki.tpp(org + suffix).issue(TestPki.Keys.TPP_A), TestPki.Keys.TPP_A.getPrivate());
    }

    TestSigner signer(X509Certificate c) {
      return new TestSigner(c, TestPki.Keys.TPP_A.getPrivate());
    }

    TestSigner signer(X509Certificate c, KeyPair key) {
      return new TestSigner(c, key.getPrivate());
    }

    /** A certificate of another organization id. */
    X509Certificate other() {
      return TestPki.tpp(org + "OTHER").issue(TestPki.Keys.TPP_C);
    }

    /**
     * Sends {@code probe} to the faithful sandbox, then to the deviant one, and checks each answer.
     */
    void misbehaves(
        Function<Bank, HttpResponse<String>> probe,
        Consumer<HttpResponse<String>> faithfulAnswer,
        Consumer<HttpResponse<String>> deviantAnswer) {
      HttpResponse<String> good = probe.apply(faithful);
      assertThat(good)
          .as("faithful sandbox, probe of " + d + ": " + good.body())
          .satisfies(faithfulAnswer);
      HttpResponse<String> bad = probe.apply(deviant);
      assertThat(bad).as(d + ": " + bad.body()).satisfies(deviantAnswer);
    }
  }

  private static Consumer<HttpResponse<String>> status(int expected) {
    return r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }

  /** An XS2A refusal: status and Berlin Group code. */
  private static Consumer<HttpResponse<String>> refused(int expected, String code) {
    return r -> {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
      assertThat(Flow.bgCode(r)).isEqualTo(code);
    };
  }

  /** An /auth refusal: status and OAuth error. */
  private static Consumer<HttpResponse<String>> oauthRefused(int expected, String error) {
    return r -> {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
      assertThat(Flow.oauthError(r)).isEqualTo(error);
    };
  }

  private static String clientId(HttpResponse<String> registration) {
    assertThat(registration.statusCode()).as(registration.body()).isEqualTo(201);
    return SandboxHttp.json(registration).get("client_id").asText();
  }

  private static Map<String, String> without(Map<String, String> headers, String name) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.remove(name);
    return h;
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return h;
  }

  /** One bit of the signature flipped. */
  private static Map<String, String> corrupted(Map<String, String> headers) {
    Matcher m = Pattern.compile("signature=\"([^\"]+)\"").matcher(headers.get("Signature"));
    assertThat(m.find()).isTrue();
    byte[] bytes = Base64.getDecoder().decode(m.group(1));
    bytes[bytes.length / 2] ^= 1;
    return with(
        headers,
        "Signature",
        headers.get("Signature").replace(m.group(1), Base64.getEncoder().encodeToString(bytes)));
  }

  /** Base64 of bytes that are not DER. */
  private static String garbage() {
    byte[] bytes = new byte[48];
    Arrays.fill(bytes, (byte) 7);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A running sandbox (plain HTTP) and a client for it. */
  private static final class Bank implements AutoCloseable {
    final ReferenceSandbox sandbox;
    final SandboxHttp http;

    private Bank(ReferenceSandbox sandbox) {
      this.sandbox = sandbox;
      this.http = new SandboxHttp(sandbox);
    }

    static Bank start(SandboxOptions.Mode mode, Deviation... deviations) {
      Set<String> names = Arrays.stream(deviations).map(Enum::name).collect(Collectors.toSet());
      return new Bank(
          ReferenceSandbox.start(
              SandboxOptions.defaults().withTls(false).withMode(mode).withDeviations(names)));
    }

    HttpResponse<String> onboard(Map<String, String> headers) {
      return http.get("/xs2a-bg/nl/onboarding/v1", headers);
    }

    String token(String tenant, TestSigner signer) {
      return Flow.token(http, tenant, signer);
    }

    HttpResponse<String> createAccount(String tenant, Map<String, String> headers) {
      return http.post("/xs2a-bg/" + tenant + "/sandbox/v1/test-accounts", headers, "");
    }

    /**
     * Onboards in {@code tenant} and registers as production clients do, plus extra form fields.
     */
    HttpResponse<String> register(
        TestSigner signer, String tenant, List<String> uris, String... extraFields) {
      return register(signer, token(tenant, signer), tenant, uris, extraFields);
    }

    /**
     * Registers as production clients do (signed, token in the form and as Bearer), plus extra form
     * fields.
     */
    HttpResponse<String> register(
        TestSigner signer, String token, String tenant, List<String> uris, String... extraFields) {
      List<String> pairs = new ArrayList<>(List.of("initial_access_token", token));
      uris.forEach(u -> pairs.addAll(List.of("redirect_uris", u)));
      pairs.addAll(List.of(extraFields));
      String body = SandboxHttp.form(pairs.toArray(String[]::new));
      Map<String, String> h = new LinkedHashMap<>(signer.sign(body));
      h.put("Content-Type", "application/x-www-form-urlencoded");
      h.put("Authorization", "Bearer " + token);
      return http.post("/auth/" + tenant + "/v1/registration", h, body);
    }

    /** Signed registration in nl with the token where given. */
    HttpResponse<String> registerWith(
        TestSigner signer, Optional<String> formToken, Optional<String> bearer, List<String> uris) {
      List<String> pairs = new ArrayList<>();
      formToken.ifPresent(t -> pairs.addAll(List.of("initial_access_token", t)));
      uris.forEach(u -> pairs.addAll(List.of("redirect_uris", u)));
      String body = SandboxHttp.form(pairs.toArray(String[]::new));
      Map<String, String> h = new LinkedHashMap<>(signer.sign(body));
      h.put("Content-Type", "application/x-www-form-urlencoded");
      bearer.ifPresent(t -> h.put("Authorization", "Bearer " + t));
      return http.post("/auth/nl/v1/registration", h, body);
    }

    /** REG-1 as the bank's page shows it: token in the form, certificate headers, no signature. */
    HttpResponse<String> registerAsThePageShows(TestSigner signer, List<String> uris) {
      List<String> pairs = new ArrayList<>(List.of("initial_access_token", token("nl", signer)));
      uris.forEach(u -> pairs.addAll(List.of("redirect_uris", u)));
      Map<String, String> h = new LinkedHashMap<>(signer.certificatesOnly());
      h.put("Content-Type", "application/x-www-form-urlencoded");
      return http.post(
          "/auth/nl/v1/registration", h, SandboxHttp.form(pairs.toArray(String[]::new)));
    }

    HttpResponse<String> authorize(
        String clientId, String redirectUri, Map<String, String> overrides) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("response_type", "code");
      p.put("client_id", clientId);
      p.put("redirect_uri", redirectUri);
      p.put("scope", "openid offline_access");
      p.put("state", "st-1");
      p.put("code_challenge", AuthorizationFlowTest.s256(VERIFIER));
      p.put("code_challenge_method", "S256");
      p.putAll(overrides);
      p.values().removeIf(String::isEmpty);
      return http.get("/auth/nl/v1/auth?" + SandboxHttp.query(p));
    }

    /** AUTH-1: a 302 on to this bank's login page. */
    boolean goesToLogin(HttpResponse<String> r) {
      return r.statusCode() == 302
          && SandboxHttp.location(r)
              .get(0)
              .startsWith(sandbox.baseUrl() + "/auth/nl/v1/login?session=");
    }

    HttpResponse<String> login(String session, String iban, String digipass) {
      return http.post(
          "/auth/nl/v1/login",
          Map.of("Content-Type", "application/x-www-form-urlencoded"),
          SandboxHttp.form(
              "session", session, "iban", iban, "digipass", digipass, "action", "login"));
    }

    HttpResponse<String> redeem(JsonNode client, String code, String redirectUri) {
      return Flow.tokenRequest(
          http,
          client.get("client_id").asText(),
          client.get("client_secret").asText(),
          "grant_type",
          "authorization_code",
          "code",
          code,
          "redirect_uri",
          redirectUri,
          "code_verifier",
          VERIFIER);
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }
}
