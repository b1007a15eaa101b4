package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.obkit.testsupport.Contract;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deviations of contract sections 10 to 15, as {@link DeviationsTest} does for sections 2 to 8:
 * for each, a probe shows the deviant sandbox breaking its rule exactly as described while the
 * faithful sandbox keeps it, neighbouring rules stay enforced, and a conformant TPP's whole journey
 * still works on the deviant sandbox, differing only where the deviation is seen.
 *
 * <p>One deviant sandbox per deviation; one faithful sandbox shared by all (each probe registers
 * organization ids of its own).
 */
class JourneyDeviationsTest {

  private static final String R = "https://tpp.example/jd/cb";
  private static final String R2 = "https://tpp.example/jd/other";

  private static final Set<String> JOURNEY_RULES =
      Set.of("CON", "SCA", "TKN", "CNF", "AIS", "PIS", "REV");

  private static ReferenceSandbox faithfulSandbox;
  private static SandboxHttp faithfulHttp;

  /** Whether {@code d} breaks a rule of sections 10 to 15. */
  static boolean isJourney(Deviation d) {
    return JOURNEY_RULES.contains(d.rule().substring(0, d.rule().indexOf('-')))
        || d.rule().equals("ERR-2")
        || d == Deviation.BALANCE_AMOUNT_AS_NUMBER; // OAS-1 (section 1), seen in the balances
  }

  static List<Deviation> journeyDeviations() {
    return Arrays.stream(Deviation.values()).filter(JourneyDeviationsTest::isJourney).toList();
  }

  private static synchronized ReferenceSandbox faithful() {
    if (faithfulSandbox == null) {
      faithfulSandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
      faithfulHttp = new SandboxHttp(faithfulSandbox);
    }
    return faithfulSandbox;
  }

  @AfterAll
  static synchronized void stopFaithful() {
    if (faithfulSandbox != null) {
      faithfulSandbox.close();
      faithfulSandbox = null;
    }
  }

  // ================================================================ the catalogue

  @Test
  void everyRuleOfSectionsTenToFifteenButOas1HasADeviation() {
    String contract = Contract.text();
    String journey = contract.substring(contract.indexOf("## 10. "));
    Matcher m = Pattern.compile("\\*\\*([A-Z]{2,5}-\\d{1,2}) (MUST|SHOULD)\\*\\*").matcher(journey);
    Set<String> rules = new TreeSet<>();
    while (m.find()) {
      rules.add(m.group(1));
    }
    assertThat(rules).hasSize(31).doesNotContain("OAS-1");
    Set<String> broken =
        journeyDeviations().stream()
            .map(Deviation::rule)
            .filter(r -> !r.equals("OAS-1"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(broken).isEqualTo(rules);
    for (Deviation d : journeyDeviations()) {
      assertThat(d.mode()).as(d.name()).isEqualTo(SandboxOptions.Mode.SANDBOX);
    }
  }

  // ================================================================ every deviation

  @ParameterizedTest
  @MethodSource("journeyDeviations")
  void misbehavesExactlyAsDescribedAndNothingElse(Deviation d) {
    try (ReferenceSandbox deviant =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withDeviations(Set.of(d.name())))) {
      Run run = new Run(d, faithful(), faithfulHttp, deviant, new SandboxHttp(deviant));
      probe(run);
      journey(run, run.tpp(run.deviant, run.deviantHttp));
    }
  }

  private static void probe(Run run) {
    switch (run.d) {
      case CONSENT_LINKS_ABSOLUTE -> consentLinksAbsolute(run);
      case PSU_IP_ADDRESS_NOT_REQUIRED -> psuIpAddressNotRequired(run);
      case FREQUENCY_NOT_LIMITED -> frequencyNotLimited(run);
      case UNSIGNED_CONSENT_ACCEPTED -> unsignedConsentAccepted(run);
      case CONSENT_REDIRECT_URI_NOT_CHECKED -> consentRedirectUriNotChecked(run);
      case FOREIGN_CONSENT_DISCLOSED -> foreignConsentDisclosed(run);
      case STATE_NOT_RETURNED -> stateNotReturned(run);
      case WRONG_DIGIPASS_ACCEPTED -> wrongDigipassAccepted(run);
      case CANCELLED_CONSENT_NOT_REJECTED -> cancelledConsentNotRejected(run);
      case SCA_REDIRECT_REUSABLE -> scaRedirectReusable(run);
      case TOKEN_EXPIRES_IN_MISSING -> tokenExpiresInMissing(run);
      case PKCE_VERIFIER_NOT_CHECKED -> pkceVerifierNotChecked(run);
      case TOKEN_REDIRECT_URI_NOT_COMPARED -> tokenRedirectUriNotCompared(run);
      case CODE_REUSABLE -> codeReusable(run);
      case REUSED_CODE_KEEPS_TOKENS -> reusedCodeKeepsTokens(run);
      case CODE_NOT_BOUND_TO_CLIENT -> codeNotBoundToClient(run);
      case OLD_CLIENT_SECRET_ACCEPTED -> oldClientSecretAccepted(run);
      case CLIENT_SECRET_NOT_CHECKED -> clientSecretNotChecked(run);
      case REFRESH_TOKEN_REFUSED -> refreshTokenRefused(run);
      case ANY_GRANT_TYPE_ACCEPTED -> anyGrantTypeAccepted(run);
      case CONFIRMATION_ANSWERS_204 -> confirmationAnswers204(run);
      case CONFIRMATION_WITHOUT_TOKEN_ACCEPTED -> confirmationWithoutTokenAccepted(run);
      case ACCOUNT_CURRENCY_MISSING -> accountCurrencyMissing(run);
      case ACCOUNT_LIST_SHOWS_ALL_ACCOUNTS -> accountListShowsAllAccounts(run);
      case UNCONFIRMED_CONSENT_READABLE -> unconfirmedConsentReadable(run);
      case TOKEN_NOT_BOUND_TO_CONSENT -> tokenNotBoundToConsent(run);
      case EXPIRED_ACCESS_TOKEN_ACCEPTED -> expiredAccessTokenAccepted(run);
      case FOREIGN_CONSENT_READABLE -> foreignConsentReadable(run);
      case UNCOVERED_RESOURCE_READABLE -> uncoveredResourceReadable(run);
      case NO_UNATTENDED_LIMIT -> noUnattendedLimit(run);
      case PAYMENT_ANSWERS_200 -> paymentAnswers200(run);
      case PAYMENT_STATUS_STAYS_PENDING -> paymentStatusStaysPending(run);
      case NON_EUR_PAYMENT_ACCEPTED -> nonEurPaymentAccepted(run);
      case AIS_TOKEN_CONFIRMS_PAYMENT -> aisTokenConfirmsPayment(run);
      case PAYMENT_NOT_BOOKED -> paymentNotBooked(run);
      case CONSENT_DELETE_IGNORED -> consentDeleteIgnored(run);
      case REVOCATION_IGNORED -> revocationIgnored(run);
      case TOKEN_ECHOED_IN_ERROR -> tokenEchoedInError(run);
      case SERVER_ERROR_ON_MALFORMED_CONSENT -> serverErrorOnMalformedConsent(run);
      case BALANCE_AMOUNT_AS_NUMBER -> balanceAmountAsNumber(run);
      default -> throw new AssertionError("no probe for deviation " + run.d);
    }
  }

  // ================================================================ the journey on the deviant

  /**
   * A conformant TPP's whole journey; each check expects the faithful answer unless the deviation
   * under test is the one that changes it.
   */
  private static void journey(Run run, Journey tpp) {
    Deviation d = run.d;
    JsonNode acc = tpp.testAccount();
    String iban = acc.get("iban").asText();

    Journey.Created consent = tpp.consentOk(iban);
    String self = consent.json().path("_links").path("self").asText();
    assertThat(self)
        .isEqualTo(
            (d == Deviation.CONSENT_LINKS_ABSOLUTE ? tpp.sandbox.baseUrl() + "/xs2a-bg" : "")
                + "/nl/v1/consents/"
                + consent.id());
    HttpResponse<String> tokens = tpp.exchange(code(d, tpp, consent.scaRedirect(), acc));
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode t = SandboxHttp.json(tokens);
    assertThat(t.has("expires_in")).isEqualTo(d != Deviation.TOKEN_EXPIRES_IN_MISSING);
    Journey.Authorised a =
        new Journey.Authorised(
            consent, t.get("access_token").asText(), t.get("refresh_token").asText(), t);
    assertThat(tpp.consentStatus(consent.id())).isEqualTo("received");
    HttpResponse<String> confirmed = tpp.confirmConsent(consent, a.accessToken());
    assertThat(confirmed.statusCode())
        .isEqualTo(d == Deviation.CONFIRMATION_ANSWERS_204 ? 204 : 200);
    assertThat(tpp.consentStatus(consent.id())).isEqualTo("valid");

    JsonNode accounts = SandboxHttp.json(tpp.read("accounts", a)).get("accounts");
    JsonNode mine = null;
    for (JsonNode entry : accounts) {
      if (entry.get("iban").asText().equals(iban)) {
        mine = entry;
      }
    }
    assertThat(mine).isNotNull();
    if (d != Deviation.ACCOUNT_LIST_SHOWS_ALL_ACCOUNTS) {
      assertThat(accounts.size()).isEqualTo(1);
    }
    assertThat(mine.has("currency")).isEqualTo(d != Deviation.ACCOUNT_CURRENCY_MISSING);
    String rid = mine.get("resourceId").asText();
    assertThat(tpp.balance(a, rid)).isEqualTo("1000.00");
    assertThat(
            SandboxHttp.json(tpp.read(Journey.transactions(rid), a))
                .path("transactions")
                .path("booked")
                .size())
        .isEqualTo(1);

    HttpResponse<String> initiated = tpp.postPayment(tpp.paymentRequest(iban, "12.34"), Map.of());
    assertThat(initiated.statusCode()).isEqualTo(d == Deviation.PAYMENT_ANSWERS_200 ? 200 : 201);
    JsonNode p = SandboxHttp.json(initiated);
    Journey.Created payment =
        new Journey.Created(
            p.get("paymentId").asText(),
            p.get("authorisationId").asText(),
            p.path("_links").path("scaRedirect").asText(),
            p);
    HttpResponse<String> paymentTokens = tpp.exchange(code(d, tpp, payment.scaRedirect(), acc));
    assertThat(paymentTokens.statusCode()).isEqualTo(200);
    Journey.Authorised pa =
        new Journey.Authorised(
            payment,
            SandboxHttp.json(paymentTokens).get("access_token").asText(),
            null,
            SandboxHttp.json(paymentTokens));
    assertThat(tpp.paymentStatus(payment.id())).isEqualTo("RCVD");
    assertThat(tpp.confirmPayment(payment, pa.accessToken()).statusCode()).isEqualTo(200);
    assertThat(tpp.paymentStatus(payment.id()))
        .isEqualTo(d == Deviation.PAYMENT_STATUS_STAYS_PENDING ? "PDNG" : "ACSC");
    boolean booked = d != Deviation.PAYMENT_NOT_BOOKED;
    assertThat(tpp.balance(a, rid)).isEqualTo(booked ? "987.66" : "1000.00");
    assertThat(
            SandboxHttp.json(tpp.read(Journey.transactions(rid), a))
                .path("transactions")
                .path("booked")
                .size())
        .isEqualTo(booked ? 2 : 1);

    HttpResponse<String> refreshed = tpp.refresh(a.refreshToken());
    assertThat(refreshed.statusCode()).isEqualTo(d == Deviation.REFRESH_TOKEN_REFUSED ? 400 : 200);
    String refresh =
        d == Deviation.REFRESH_TOKEN_REFUSED
            ? a.refreshToken()
            : SandboxHttp.json(refreshed).get("refresh_token").asText();

    assertThat(tpp.xs2a("DELETE", "consents/" + consent.id()).statusCode()).isEqualTo(204);
    boolean deleted = d != Deviation.CONSENT_DELETE_IGNORED;
    assertThat(tpp.consentStatus(consent.id())).isEqualTo(deleted ? "terminatedByTpp" : "valid");
    assertThat(tpp.read("accounts", a).statusCode()).isEqualTo(deleted ? 401 : 200);

    assertThat(tpp.revoke(refresh, "refresh_token").statusCode()).isEqualTo(200);
    boolean revoked = d != Deviation.REVOCATION_IGNORED;
    assertThat(tpp.refresh(refresh).statusCode())
        .isEqualTo(revoked || d == Deviation.REFRESH_TOKEN_REFUSED ? 400 : 200);
  }

  /** SCA-1 as the deviation under test lets it be: the code, and the state unless it is lost. */
  private static String code(Deviation d, Journey tpp, String scaRedirect, JsonNode acc) {
    HttpResponse<String> back = tpp.login(tpp.loginSession(scaRedirect), acc);
    assertThat(back.statusCode()).isEqualTo(302);
    Map<String, String> q = SandboxHttp.queryOf(SandboxHttp.location(back).get(0));
    assertThat(q.get("state")).isEqualTo(d == Deviation.STATE_NOT_RETURNED ? null : Journey.STATE);
    return q.get("code");
  }

  // ================================================================ section 10

  private static void consentLinksAbsolute(Run run) {
    run.misbehaves(
        tpp -> tpp.postConsent(tpp.consentRequest(run.iban(tpp)), Map.of()),
        r -> assertThat(links(r).get("self").asText()).startsWith("/nl/v1/consents/"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(201);
          String id = SandboxHttp.json(r).get("consentId").asText();
          String aid = SandboxHttp.json(r).get("authorisationId").asText();
          String base = run.deviant.baseUrl() + "/xs2a-bg/nl/v1/consents/" + id;
          assertThat(links(r).get("self").asText()).isEqualTo(base);
          assertThat(links(r).get("status").asText()).isEqualTo(base + "/status");
          assertThat(links(r).get("scaStatus").asText()).isEqualTo(base + "/authorisations/" + aid);
          assertThat(links(r).get("confirmation").asText())
              .isEqualTo(base + "/authorisations/" + aid);
          // scaRedirect and scaOAuth are as faithful.
          assertThat(links(r).get("scaRedirect").asText())
              .startsWith(run.deviant.baseUrl() + "/auth/nl/v1/auth?response_type=code&scope=");
        });
  }

  private static JsonNode links(HttpResponse<String> r) {
    return SandboxHttp.json(r).path("_links");
  }

  private static void psuIpAddressNotRequired(Run run) {
    Map<String, String> noIp = new LinkedHashMap<>();
    noIp.put("PSU-IP-Address", null);
    run.misbehaves(
        tpp -> tpp.postConsent(tpp.consentRequest(run.iban(tpp)), noIp),
        refused(400, "FORMAT_ERROR"),
        status(201));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    assertThat(tpp.postConsent(tpp.consentRequest(run.iban(tpp)), Map.of("PSU-IP-Address", "x")))
        .satisfies(refused(400, "FORMAT_ERROR"));
    Map<String, String> noRedirect = new LinkedHashMap<>();
    noRedirect.put("TPP-Redirect-URI", null);
    assertThat(tpp.postConsent(tpp.consentRequest(run.iban(tpp)), noRedirect))
        .satisfies(refused(400, "FORMAT_ERROR"));
    // Payments still require it.
    assertThat(tpp.postPayment(tpp.paymentRequest(run.iban(tpp), "1.00"), noIp))
        .satisfies(refused(400, "FORMAT_ERROR"));
  }

  private static void frequencyNotLimited(Run run) {
    run.misbehaves(
        tpp -> {
          ObjectNode body = tpp.consentRequest(run.iban(tpp));
          body.put("frequencyPerDay", 5);
          return tpp.postConsent(body, Map.of());
        },
        refused(400, "FORMAT_ERROR"),
        status(201));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    for (Consumer<ObjectNode> defect :
        List.<Consumer<ObjectNode>>of(
            b -> b.put("frequencyPerDay", 0), b -> b.put("combinedServiceIndicator", true))) {
      ObjectNode body = tpp.consentRequest(run.iban(tpp));
      defect.accept(body);
      assertThat(tpp.postConsent(body, Map.of())).satisfies(refused(400, "FORMAT_ERROR"));
    }
  }

  private static void unsignedConsentAccepted(Run run) {
    Map<String, String> unsigned = new LinkedHashMap<>();
    unsigned.put("Signature", null);
    run.misbehaves(
        tpp -> tpp.postConsent(tpp.consentRequest(run.iban(tpp)), unsigned),
        refused(401, "SIGNATURE_MISSING"),
        status(201));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    TestSigner wrongKey = new TestSigner(tpp.signer.certificate(), TestPki.Keys.TPP_C.getPrivate());
    assertThat(tpp.signingWith(wrongKey).postConsent(tpp.consentRequest(run.iban(tpp)), Map.of()))
        .satisfies(refused(401, "SIGNATURE_INVALID"));
    Journey.Created c = tpp.consentOk(run.iban(tpp));
    assertThat(tpp.xs2a("GET", "consents/" + c.id() + "/status", "", unsigned))
        .satisfies(refused(401, "SIGNATURE_MISSING"));
  }

  private static void consentRedirectUriNotChecked(Run run) {
    run.misbehaves(
        tpp ->
            tpp.postConsent(
                tpp.consentRequest(run.iban(tpp)), Map.of("TPP-Redirect-URI", R + "/unregistered")),
        refused(400, "FORMAT_ERROR"),
        status(201));
    // AUTH-2 still holds: the scaRedirect of such a consent is refused with a page.
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    HttpResponse<String> r =
        tpp.postConsent(
            tpp.consentRequest(run.iban(tpp)), Map.of("TPP-Redirect-URI", R + "/unregistered"));
    HttpResponse<String> page = tpp.openScaRedirect(links(r).get("scaRedirect").asText());
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    // Payments still check it.
    assertThat(
            tpp.postPayment(
                tpp.paymentRequest(run.iban(tpp), "1.00"),
                Map.of("TPP-Redirect-URI", R + "/unregistered")))
        .satisfies(refused(400, "FORMAT_ERROR"));
  }

  private static void foreignConsentDisclosed(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Created c = tpp.consentOk(run.iban(tpp));
          return run.other(tpp).xs2a("GET", "consents/" + c.id() + "/status");
        },
        refused(403, "CONSENT_UNKNOWN"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(SandboxHttp.json(r)).isEqualTo(Journey.json("{'consentStatus':'received'}"));
        });
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey other = run.other(tpp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    assertThat(other.xs2a("GET", "consents/" + a.created().id()).statusCode()).isEqualTo(200);
    assertThat(other.xs2a("GET", "consents/unknown/status"))
        .satisfies(refused(403, "CONSENT_UNKNOWN"));
    assertThat(other.xs2a("DELETE", "consents/" + a.created().id()))
        .satisfies(refused(403, "CONSENT_UNKNOWN"));
    assertThat(other.read("accounts", a.created().id(), a.accessToken(), true))
        .satisfies(refused(403, "CONSENT_UNKNOWN"));
  }

  // ================================================================ section 11

  private static void stateNotReturned(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          return tpp.login(
              tpp.loginSession(tpp.consentOk(acc.get("iban").asText()).scaRedirect()), acc);
        },
        r ->
            assertThat(SandboxHttp.queryOf(SandboxHttp.location(r).get(0)).get("state"))
                .isEqualTo(Journey.STATE),
        r -> {
          assertThat(r.statusCode()).isEqualTo(302);
          Map<String, String> q = SandboxHttp.queryOf(SandboxHttp.location(r).get(0));
          assertThat(q.keySet()).containsExactly("code");
        });
    // A cancellation still carries the state.
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    String session = tpp.loginSession(tpp.consentOk(run.iban(tpp)).scaRedirect());
    assertThat(
            SandboxHttp.queryOf(SandboxHttp.location(tpp.login(session, "", "", "cancel")).get(0))
                .get("state"))
        .isEqualTo(Journey.STATE);
  }

  private static String wrongDigipass(JsonNode acc) {
    return acc.get("digipass").asText().equals("0000000000") ? "1111111111" : "0000000000";
  }

  private static void wrongDigipassAccepted(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          String session = tpp.loginSession(tpp.consentOk(acc.get("iban").asText()).scaRedirect());
          return tpp.login(session, acc.get("iban").asText(), wrongDigipass(acc), "login");
        },
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.body()).contains("do not match");
        },
        r -> {
          assertThat(r.statusCode()).isEqualTo(302);
          assertThat(SandboxHttp.queryOf(SandboxHttp.location(r).get(0)).get("code")).isNotBlank();
        });
    // An account the consent does not cover is still refused, with its own digipass.
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    JsonNode acc = run.account(tpp);
    JsonNode uncovered = tpp.testAccount();
    String session = tpp.loginSession(tpp.consentOk(acc.get("iban").asText()).scaRedirect());
    assertThat(tpp.login(session, uncovered).statusCode()).isEqualTo(200);
  }

  private static void cancelledConsentNotRejected(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Created c = tpp.consentOk(run.iban(tpp));
          HttpResponse<String> r = tpp.login(tpp.loginSession(c.scaRedirect()), "", "", "cancel");
          assertThat(SandboxHttp.queryOf(SandboxHttp.location(r).get(0)).get("error"))
              .isEqualTo("consent_required");
          return tpp.xs2a("GET", "consents/" + c.id() + "/status");
        },
        r -> assertThat(SandboxHttp.json(r).get("consentStatus").asText()).isEqualTo("rejected"),
        r -> assertThat(SandboxHttp.json(r).get("consentStatus").asText()).isEqualTo("received"));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    JsonNode acc = run.account(tpp);
    Journey.Created p = tpp.paymentOk(acc.get("iban").asText(), "1.00");
    tpp.login(tpp.loginSession(p.scaRedirect()), "", "", "cancel");
    assertThat(tpp.paymentStatus(p.id())).isEqualTo("RCVD");
    // Three wrong logins still reject.
    Journey.Created c = tpp.consentOk(acc.get("iban").asText());
    String session = tpp.loginSession(c.scaRedirect());
    for (int i = 0; i < 3; i++) {
      tpp.login(session, acc.get("iban").asText(), wrongDigipass(acc), "login");
    }
    assertThat(tpp.consentStatus(c.id())).isEqualTo("rejected");
  }

  private static void scaRedirectReusable(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Created c = tpp.consentOk(acc.get("iban").asText());
          tpp.codeOk(c.scaRedirect(), acc);
          return tpp.openScaRedirect(c.scaRedirect());
        },
        r -> {
          assertThat(r.statusCode()).isEqualTo(400);
          assertThat(r.body()).contains(ScaTargets.NO_PENDING);
        },
        r -> assertThat(r.statusCode()).isEqualTo(302));
    // The second login yields a second code.
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    JsonNode acc = run.account(tpp);
    Journey.Created c = tpp.consentOk(acc.get("iban").asText());
    assertThat(tpp.codeOk(c.scaRedirect(), acc)).isNotEqualTo(tpp.codeOk(c.scaRedirect(), acc));
    // A consent that is no longer received has nothing pending.
    Journey.Created cancelled = tpp.consentOk(acc.get("iban").asText());
    tpp.login(tpp.loginSession(cancelled.scaRedirect()), "", "", "cancel");
    assertThat(tpp.openScaRedirect(cancelled.scaRedirect()).statusCode()).isEqualTo(400);
  }

  // ================================================================ section 12

  /** A fresh code of a new consent of {@code tpp}. */
  private static String code(Run run, Journey tpp) {
    JsonNode acc = run.account(tpp);
    return tpp.codeOk(tpp.consentOk(acc.get("iban").asText()).scaRedirect(), acc);
  }

  private static void tokenExpiresInMissing(Run run) {
    run.misbehaves(
        tpp -> tpp.exchange(code(run, tpp)),
        r -> assertThat(SandboxHttp.json(r).get("expires_in").asInt()).isEqualTo(600),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(SandboxHttp.json(r).has("expires_in")).isFalse();
          assertThat(SandboxHttp.json(r).get("token_type").asText()).isEqualTo("Bearer");
        });
  }

  private static void pkceVerifierNotChecked(Run run) {
    run.misbehaves(
        tpp ->
            tpp.token(
                "grant_type",
                "authorization_code",
                "code",
                code(run, tpp),
                "redirect_uri",
                R,
                "code_verifier",
                Journey.VERIFIER.replace('d', 'e')),
        oauthRefused(400, "invalid_grant"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    assertThat(
            tpp.token(
                "grant_type", "authorization_code", "code", code(run, tpp), "redirect_uri", R2))
        .satisfies(oauthRefused(400, "invalid_grant"));
  }

  private static void tokenRedirectUriNotCompared(Run run) {
    run.misbehaves(
        tpp ->
            tpp.token(
                "grant_type",
                "authorization_code",
                "code",
                code(run, tpp),
                "redirect_uri",
                R2,
                "code_verifier",
                Journey.VERIFIER),
        oauthRefused(400, "invalid_grant"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    assertThat(
            tpp.token(
                "grant_type", "authorization_code", "code", code(run, tpp), "redirect_uri", R))
        .satisfies(oauthRefused(400, "invalid_grant"));
  }

  private static void codeReusable(Run run) {
    run.misbehaves(
        tpp -> {
          String code = code(run, tpp);
          assertThat(tpp.exchange(code).statusCode()).isEqualTo(200);
          return tpp.exchange(code);
        },
        oauthRefused(400, "invalid_grant"),
        status(200));
  }

  private static void reusedCodeKeepsTokens(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Created c = tpp.consentOk(acc.get("iban").asText());
          String code = tpp.codeOk(c.scaRedirect(), acc);
          String access = SandboxHttp.json(tpp.exchange(code)).get("access_token").asText();
          assertThat(tpp.exchange(code)).satisfies(oauthRefused(400, "invalid_grant"));
          return tpp.confirmConsent(c, access);
        },
        refused(401, "TOKEN_INVALID"),
        status(200));
  }

  private static void codeNotBoundToClient(Run run) {
    run.misbehaves(
        tpp -> {
          Journey other = run.other(tpp);
          return Flow.tokenRequest(
              tpp.http,
              other.clientId(),
              other.clientSecret(),
              "grant_type",
              "authorization_code",
              "code",
              code(run, tpp),
              "redirect_uri",
              R,
              "code_verifier",
              Journey.VERIFIER);
        },
        oauthRefused(400, "invalid_grant"),
        status(200));
  }

  private static void oldClientSecretAccepted(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode replay = Flow.registered(tpp.http, "nl", tpp.signer, List.of(R, R2));
          assertThat(replay.get("client_secret").asText()).isNotEqualTo(tpp.clientSecret());
          String code = code(run, tpp);
          return Flow.tokenRequest(
              tpp.http,
              tpp.clientId(),
              tpp.clientSecret(),
              "grant_type",
              "authorization_code",
              "code",
              code,
              "redirect_uri",
              R,
              "code_verifier",
              Journey.VERIFIER);
        },
        oauthRefused(401, "invalid_client"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    assertThat(Flow.tokenRequest(tpp.http, tpp.clientId(), "wrong", "grant_type", "refresh_token"))
        .satisfies(oauthRefused(401, "invalid_client"));
  }

  private static void clientSecretNotChecked(Run run) {
    run.misbehaves(
        tpp ->
            Flow.tokenRequest(
                tpp.http,
                tpp.clientId(),
                "wrong",
                "grant_type",
                "authorization_code",
                "code",
                code(run, tpp),
                "redirect_uri",
                R,
                "code_verifier",
                Journey.VERIFIER),
        oauthRefused(401, "invalid_client"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    assertThat(Flow.tokenRequest(tpp.http, null, null, "grant_type", "refresh_token"))
        .satisfies(oauthRefused(401, "invalid_client"));
    assertThat(Flow.tokenRequest(tpp.http, "nobody", "x", "grant_type", "refresh_token"))
        .satisfies(oauthRefused(401, "invalid_client"));
  }

  private static void refreshTokenRefused(Run run) {
    run.misbehaves(
        tpp -> tpp.refresh(tpp.validConsentOk(run.account(tpp)).refreshToken()),
        status(200),
        oauthRefused(400, "invalid_grant"));
  }

  private static void anyGrantTypeAccepted(Run run) {
    run.misbehaves(
        tpp ->
            tpp.token(
                "grant_type",
                "client_credentials",
                "code",
                code(run, tpp),
                "redirect_uri",
                R,
                "code_verifier",
                Journey.VERIFIER),
        oauthRefused(400, "unsupported_grant_type"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    assertThat(tpp.token("grant_type", "client_credentials"))
        .satisfies(oauthRefused(400, "unsupported_grant_type"));
  }

  // ================================================================ section 13

  private static void confirmationAnswers204(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Created c = tpp.consentOk(acc.get("iban").asText());
          HttpResponse<String> r = tpp.confirmConsent(c, tpp.authoriseOk(c, acc).accessToken());
          assertThat(tpp.consentStatus(c.id())).isEqualTo("valid");
          return r;
        },
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(SandboxHttp.json(r).get("scaStatus").asText()).isEqualTo("finalised");
        },
        r -> {
          assertThat(r.statusCode()).isEqualTo(204);
          assertThat(r.body()).isEmpty();
        });
  }

  private static void confirmationWithoutTokenAccepted(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Created c = tpp.consentOk(run.iban(tpp));
          HttpResponse<String> r = tpp.confirmConsent(c, null);
          assertThat(tpp.consentStatus(c.id()))
              .isEqualTo(tpp.sandbox == run.faithful ? "received" : "valid");
          return r;
        },
        refused(401, "TOKEN_INVALID"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    JsonNode acc = run.account(tpp);
    Journey.Created c = tpp.consentOk(acc.get("iban").asText());
    Journey.Authorised another = tpp.authoriseOk(tpp.consentOk(acc.get("iban").asText()), acc);
    assertThat(tpp.confirmConsent(c, another.accessToken()))
        .satisfies(refused(401, "TOKEN_INVALID"));
    // Payments still need their token.
    Journey.Created p = tpp.paymentOk(acc.get("iban").asText(), "1.00");
    assertThat(tpp.confirmPayment(p, null)).satisfies(refused(401, "TOKEN_INVALID"));
  }

  private static void balanceAmountAsNumber(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          String rid =
              SandboxHttp.json(tpp.read("accounts", a)).at("/accounts/0/resourceId").asText();
          return tpp.read("accounts/" + rid + "/balances", a);
        },
        r ->
            assertThat(SandboxHttp.json(r).at("/balances/0/balanceAmount/amount").isTextual())
                .isTrue(),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          JsonNode amount = SandboxHttp.json(r).at("/balances/0/balanceAmount/amount");
          assertThat(amount.isNumber()).as(r.body()).isTrue();
          assertThat(amount.decimalValue()).isEqualByComparingTo("1000.00");
          assertThat(SandboxHttp.json(r).at("/balances/0/balanceAmount/currency").asText())
              .isEqualTo("EUR");
        });
  }

  private static void accountCurrencyMissing(Run run) {
    run.misbehaves(
        tpp -> tpp.read("accounts", tpp.validConsentOk(run.account(tpp))),
        r -> assertThat(SandboxHttp.json(r).at("/accounts/0/currency").asText()).isEqualTo("EUR"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          JsonNode entry = SandboxHttp.json(r).at("/accounts/0");
          assertThat(entry.has("currency")).isFalse();
          assertThat(entry.has("iban")).isTrue();
          assertThat(entry.has("resourceId")).isTrue();
        });
  }

  private static void accountListShowsAllAccounts(Run run) {
    run.misbehaves(
        tpp -> {
          tpp.testAccount();
          tpp.testAccount();
          return tpp.read("accounts", tpp.validConsentOk(run.account(tpp)));
        },
        r -> assertThat(SandboxHttp.json(r).get("accounts").size()).isEqualTo(1),
        r -> assertThat(SandboxHttp.json(r).get("accounts").size()).isGreaterThanOrEqualTo(3));
    // The others' data stays refused (AIS-4 holds).
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    String own = run.account(tpp).get("iban").asText();
    for (JsonNode entry : SandboxHttp.json(tpp.read("accounts", a)).get("accounts")) {
      if (!entry.get("iban").asText().equals(own)) {
        assertThat(tpp.read("accounts/" + entry.get("resourceId").asText() + "/balances", a))
            .satisfies(refused(403, "RESOURCE_UNKNOWN"));
      }
    }
  }

  private static void unconfirmedConsentReadable(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          return tpp.read(
              "accounts", tpp.authoriseOk(tpp.consentOk(acc.get("iban").asText()), acc));
        },
        refused(401, "CONSENT_INVALID"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    tpp.xs2a("DELETE", "consents/" + a.created().id());
    assertThat(tpp.read("accounts", a)).satisfies(refused(401, "CONSENT_INVALID"));
  }

  private static void tokenNotBoundToConsent(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Authorised a = tpp.validConsentOk(acc);
          Journey.Authorised b = tpp.validConsentOk(acc);
          return tpp.read("accounts", a.created().id(), b.accessToken(), true);
        },
        refused(401, "TOKEN_INVALID"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    assertThat(tpp.read("accounts", a.created().id(), "unknown", true))
        .satisfies(refused(401, "TOKEN_INVALID"));
    assertThat(tpp.read("accounts", a.created().id(), null, true))
        .satisfies(refused(401, "TOKEN_INVALID"));
  }

  private static void expiredAccessTokenAccepted(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          assertThat(tpp.sandbox.expireAccessTokens(tpp.clientId())).isEqualTo(1);
          return tpp.read("accounts", a);
        },
        refused(401, "TOKEN_INVALID"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    tpp.revoke(a.accessToken(), "access_token");
    assertThat(tpp.read("accounts", a)).satisfies(refused(401, "TOKEN_INVALID"));
  }

  private static void foreignConsentReadable(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          return run.other(tpp).read("accounts", a.created().id(), a.accessToken(), true);
        },
        refused(403, "CONSENT_UNKNOWN"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey other = run.other(tpp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    assertThat(other.read("accounts", "unknown", a.accessToken(), true))
        .satisfies(refused(403, "CONSENT_UNKNOWN"));
    assertThat(other.xs2a("GET", "consents/" + a.created().id() + "/status"))
        .satisfies(refused(403, "CONSENT_UNKNOWN"));
  }

  private static void uncoveredResourceReadable(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          Journey.Authorised b = tpp.validConsentOk(tpp.testAccount());
          return tpp.read("accounts/" + tpp.resourceId(b) + "/balances", a);
        },
        refused(403, "RESOURCE_UNKNOWN"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
    assertThat(tpp.read("accounts/unknown/balances", a))
        .satisfies(refused(403, "RESOURCE_UNKNOWN"));
  }

  private static void noUnattendedLimit(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          String path = "accounts/" + tpp.resourceId(a) + "/balances";
          for (int i = 0; i < 4; i++) {
            assertThat(tpp.read(path, a.created().id(), a.accessToken(), false).statusCode())
                .isEqualTo(200);
          }
          return tpp.read(path, a.created().id(), a.accessToken(), false);
        },
        refused(429, "ACCESS_EXCEEDED"),
        status(200));
  }

  // ================================================================ section 14

  private static void paymentAnswers200(Run run) {
    run.misbehaves(
        tpp -> tpp.postPayment(tpp.paymentRequest(run.iban(tpp), "1.00"), Map.of()),
        status(201),
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(SandboxHttp.json(r).get("transactionStatus").asText()).isEqualTo("RCVD");
          assertThat(links(r).get("scaRedirect").asText()).contains("PIS%3A");
        });
  }

  private static void paymentStatusStaysPending(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Created p = tpp.paymentOk(acc.get("iban").asText(), "1.00");
          tpp.confirmPayment(p, tpp.authoriseOk(p, acc).accessToken());
          Journey.Authorised reader = tpp.validConsentOk(acc);
          assertThat(tpp.balance(reader, tpp.resourceId(reader))).isEqualTo("999.00");
          return tpp.xs2a("GET", "payments/sepa-credit-transfers/" + p.id() + "/status");
        },
        r -> assertThat(SandboxHttp.json(r).get("transactionStatus").asText()).isEqualTo("ACSC"),
        r -> assertThat(SandboxHttp.json(r).get("transactionStatus").asText()).isEqualTo("PDNG"));
  }

  private static void nonEurPaymentAccepted(Run run) {
    run.misbehaves(
        tpp -> {
          ObjectNode body = tpp.paymentRequest(run.iban(tpp), "1.00");
          ((ObjectNode) body.get("instructedAmount")).put("currency", "USD");
          return tpp.postPayment(body, Map.of());
        },
        refused(400, "FORMAT_ERROR"),
        status(201));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    for (String amount : List.of("1.001", "0", "-1")) {
      assertThat(tpp.postPayment(tpp.paymentRequest(run.iban(tpp), amount), Map.of()))
          .satisfies(refused(400, "FORMAT_ERROR"));
    }
    ObjectNode badIban = tpp.paymentRequest(run.iban(tpp), "1.00");
    badIban.putObject("creditorAccount").put("iban", "NL00TRIO0000000000");
    assertThat(tpp.postPayment(badIban, Map.of())).satisfies(refused(400, "FORMAT_ERROR"));
  }

  private static void aisTokenConfirmsPayment(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Created p = tpp.paymentOk(acc.get("iban").asText(), "1.00");
          Journey.Authorised consent =
              tpp.authoriseOk(tpp.consentOk(acc.get("iban").asText()), acc);
          HttpResponse<String> r = tpp.confirmPayment(p, consent.accessToken());
          assertThat(tpp.paymentStatus(p.id()))
              .isEqualTo(tpp.sandbox == run.faithful ? "RCVD" : "ACSC");
          return r;
        },
        refused(401, "TOKEN_INVALID"),
        status(200));
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    Journey.Created p = tpp.paymentOk(run.iban(tpp), "1.00");
    assertThat(tpp.confirmPayment(p, null)).satisfies(refused(401, "TOKEN_INVALID"));
    assertThat(tpp.confirmPayment(p, "unknown")).satisfies(refused(401, "TOKEN_INVALID"));
  }

  private static void paymentNotBooked(Run run) {
    run.misbehaves(
        tpp -> {
          JsonNode acc = run.account(tpp);
          Journey.Created p = tpp.paymentOk(acc.get("iban").asText(), "1.00");
          tpp.confirmPayment(p, tpp.authoriseOk(p, acc).accessToken());
          assertThat(tpp.paymentStatus(p.id())).isEqualTo("ACSC");
          Journey.Authorised reader = tpp.validConsentOk(acc);
          return tpp.read("accounts/" + tpp.resourceId(reader) + "/balances", reader);
        },
        r ->
            assertThat(SandboxHttp.json(r).at("/balances/0/balanceAmount/amount").asText())
                .isEqualTo("999.00"),
        r ->
            assertThat(SandboxHttp.json(r).at("/balances/0/balanceAmount/amount").asText())
                .isEqualTo("1000.00"));
  }

  // ================================================================ section 15

  private static void consentDeleteIgnored(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          assertThat(tpp.xs2a("DELETE", "consents/" + a.created().id()).statusCode())
              .isEqualTo(204);
          return tpp.read("accounts", a);
        },
        refused(401, "CONSENT_INVALID"),
        status(200));
  }

  private static void revocationIgnored(Run run) {
    run.misbehaves(
        tpp -> {
          Journey.Authorised a = tpp.validConsentOk(run.account(tpp));
          assertThat(tpp.revoke(a.refreshToken(), "refresh_token").statusCode()).isEqualTo(200);
          return tpp.refresh(a.refreshToken());
        },
        oauthRefused(400, "invalid_grant"),
        status(200));
  }

  private static void tokenEchoedInError(Run run) {
    String token = "kit-token-8f3a2c";
    run.misbehaves(
        tpp ->
            tpp.read("accounts", tpp.validConsentOk(run.account(tpp)).created().id(), token, true),
        r -> {
          assertThat(r).satisfies(refused(401, "TOKEN_INVALID"));
          assertThat(r.body()).doesNotContain(token);
        },
        r -> {
          assertThat(r).satisfies(refused(401, "TOKEN_INVALID"));
          assertThat(Flow.bgText(r)).isEqualTo("Access token " + token + " is invalid or expired");
        });
  }

  private static void serverErrorOnMalformedConsent(Run run) {
    run.misbehaves(
        tpp ->
            tpp.xs2a(
                "POST",
                "consents",
                "{\"access\":",
                Journey.headers(
                    "PSU-IP-Address",
                    Journey.PSU_IP,
                    "TPP-Redirect-URI",
                    R,
                    "Content-Type",
                    "application/json")),
        refused(400, "FORMAT_ERROR"),
        r -> {
          assertThat(r.statusCode()).isEqualTo(500);
          assertThat(r.headers().firstValue("Content-Type")).contains("text/plain;charset=utf-8");
          assertThat(r.body()).contains("Exception", "\tat ");
        });
    Journey tpp = run.tpp(run.deviant, run.deviantHttp);
    ObjectNode body = tpp.consentRequest(run.iban(tpp));
    body.put("frequencyPerDay", 5);
    assertThat(tpp.postConsent(body, Map.of())).satisfies(refused(400, "FORMAT_ERROR"));
  }

  // ================================================================ helpers

  /** One deviation's run: the deviant sandbox and the shared faithful one. */
  private static final class Run {
    final Deviation d;
    final ReferenceSandbox faithful;
    final SandboxHttp faithfulHttp;
    final ReferenceSandbox deviant;
    final SandboxHttp deviantHttp;
    private final AtomicInteger organizations = new AtomicInteger();
    private final Map<Journey, JsonNode> accounts = new java.util.IdentityHashMap<>();

    Run(
        Deviation d,
        ReferenceSandbox faithful,
        SandboxHttp faithfulHttp,
        ReferenceSandbox deviant,
        SandboxHttp deviantHttp) {
      this.d = d;
      this.faithful = faithful;
      this.faithfulHttp = faithfulHttp;
      this.deviant = deviant;
      this.deviantHttp = deviantHttp;
    }

    /** A TPP of an organization id of its own on {@code sandbox}, registered with R and R2. */
    Journey tpp(ReferenceSandbox sandbox, SandboxHttp http) {
      return Journey.register(
          sandbox,
          http,
          "PSDNL-DNB-JD" + d.ordinal() + "N" + organizations.incrementAndGet(),
          TestPki.Keys.TPP_A,
          "nl",
          R,
          R2);
    }

    /** Another TPP on the same sandbox as {@code tpp}. */
    Journey other(Journey tpp) {
      return Journey.register(
          tpp.sandbox,
          tpp.http,
          "PSDNL-DNB-JD" + d.ordinal() + "O" + organizations.incrementAndGet(),
          TestPki.Keys.TPP_B,
          "nl",
          R);
    }

    /** The TPP's first test account (created on first use). */
    JsonNode account(Journey tpp) {
      return accounts.computeIfAbsent(tpp, Journey::testAccount);
    }

    String iban(Journey tpp) {
      return account(tpp).get("iban").asText();
    }

    /** The probe on a fresh TPP of the faithful sandbox, then on one of the deviant sandbox. */
    void misbehaves(
        Function<Journey, HttpResponse<String>> probe,
        Consumer<HttpResponse<String>> faithfulAnswer,
        Consumer<HttpResponse<String>> deviantAnswer) {
      HttpResponse<String> good = probe.apply(tpp(faithful, faithfulHttp));
      assertThat(good)
          .as("faithful sandbox, probe of " + d + ": " + good.body())
          .satisfies(faithfulAnswer);
      HttpResponse<String> bad = probe.apply(tpp(deviant, deviantHttp));
      assertThat(bad).as(d + ": " + bad.body()).satisfies(deviantAnswer);
    }
  }

  private static Consumer<HttpResponse<String>> status(int expected) {
    return r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }

  private static Consumer<HttpResponse<String>> refused(int expected, String code) {
    return r -> {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
      assertThat(Flow.bgCode(r)).isEqualTo(code);
    };
  }

  private static Consumer<HttpResponse<String>> oauthRefused(int expected, String error) {
    return r -> {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
      assertThat(Flow.oauthError(r)).isEqualTo(error);
    };
  }
}
