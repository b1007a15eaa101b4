package com.obkit.steps;

import com.obkit.checks.AccountChecks.TestAccount;
import com.obkit.checks.Conformance;
import com.obkit.checks.ErrorChecks;
import com.obkit.checks.NotApplicable;
import com.obkit.checks.RegistrationChecks;
import com.obkit.checks.Rule;
import com.obkit.checks.TokenChecks;
import com.obkit.client.AuthorizationRequest;
import com.obkit.client.BankClient;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.Tpp;
import com.obkit.config.AccountSettings;
import com.obkit.config.KitConfig;
import com.obkit.config.TokenPlacement;
import com.obkit.runtime.KitRuntime;
import com.obkit.signing.SigningProfile;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The onboarding journey of one scenario: the calls in the bank's order and what came back. Step
 * definitions delegate here; preconditions ("the TPP holds an initial access token") are checked
 * under the rule they depend on, so a broken precondition names its rule.
 */
public final class Journey {

  /** An initial access token and the registration link it came with (never printed). */
  record InitialToken(String accessToken, URI registrationLink) {
    @Override
    public String toString() {
      return "InitialToken[link=" + registrationLink + "]";
    }
  }

  private final KitRuntime runtime;
  private final BankClient client;
  private final Conformance conformance;
  private final TppState tpps;
  private String tenant;
  private HttpExchange last;
  private InitialToken token;
  private List<String> registeredUris = List.of();
  private String lastRedirectUri;
  private final List<HttpExchange> registrations = new ArrayList<>();
  private final List<TestAccount> accounts = new ArrayList<>();

  public Journey(ScenarioKit kit, TppState tpps) {
    this.runtime = kit.runtime();
    this.client = kit.client();
    this.conformance = kit.conformance();
    this.tpps = tpps;
    this.tenant = runtime.config().tenant();
  }

  public KitConfig config() {
    return runtime.config();
  }

  /** The last answer of the bank. */
  public HttpExchange last() {
    if (last == null) {
      throw new IllegalStateException("no request was made yet in this scenario");
    }
    return last;
  }

  // ---- the environment

  /**
   * Scenarios about one kind of environment are not applicable to the other (reported, never
   * passed).
   */
  public void requireBankMode(com.obkit.config.BankMode mode) {
    if (config().bankMode() != mode) {
      throw new NotApplicable(
          "this scenario is about a "
              + mode.name().toLowerCase(java.util.Locale.ROOT)
              + " environment; kit.bankMode is "
              + config().bankMode().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  // ---- the TPP and its certificate (contract section 3)

  /** A fresh TPP for this scenario (its own organization id when certificates are generated). */
  public Tpp newTpp() {
    return runtime.tpps().newTpp();
  }

  /** Acts as a TPP whose otherwise valid certificate has one defect. */
  public void useDefectiveCertificate(
      java.util.function.UnaryOperator<com.obkit.pki.CertificateSpec.Builder> defect) {
    if (!runtime.tpps().generates()) {
      throw new NotApplicable(
          "certificates come from files (kit.credentials.source): the kit cannot make a defective one");
    }
    tpps.use(runtime.tpps().issue(runtime.tpps().freshOrganizationId(), defect));
  }

  /** A new certificate for the same organization id; the old one is kept to try after (CERT-4). */
  public void renewCertificate() {
    if (!runtime.tpps().generates()) {
      throw new NotApplicable(
          "certificates come from files (kit.credentials.source): the kit cannot renew one");
    }
    tpps.renewTo(runtime.tpps().renew(tpps.current()));
  }

  /**
   * Acts with credentials loaded back from files, and proves they work: the bank gives a token
   * (TOK-1).
   */
  public void useLoadedCredentials(com.obkit.pki.Credentials credentials) {
    tpps.use(new Tpp(tpps.current().organizationId(), credentials));
    obtainToken();
  }

  // ---- initial access token (contract section 4)

  public HttpExchange requestToken(Tampering tampering) {
    return requestToken(tpps.current(), tenant, config().bank().signing(), tampering);
  }

  public HttpExchange requestToken(SigningProfile signing) {
    return requestToken(tpps.current(), tenant, signing, Tampering.NONE);
  }

  public HttpExchange requestTokenIn(String otherTenant) {
    return requestToken(tpps.current(), otherTenant, config().bank().signing(), Tampering.NONE);
  }

  /** The previous certificate (before a renewal) asks for a token. */
  public HttpExchange requestTokenWithPreviousCertificate() {
    Tpp previous =
        tpps.previous()
            .orElseThrow(
                () -> new IllegalStateException("the TPP has not renewed its certificate"));
    return requestToken(previous, tenant, config().bank().signing(), Tampering.NONE);
  }

  private HttpExchange requestToken(
      Tpp tpp, String inTenant, SigningProfile signing, Tampering tampering) {
    requireSslCertificateHeaderFor(tampering);
    last = client.requestInitialToken(tpp, inTenant, signing, tampering);
    token = null;
    if (last.status() == 200) {
      String access = last.jsonText("access_token");
      String link =
          last.json().map(j -> j.path("_links").path("registration").asText("")).orElse("");
      if (!access.isEmpty() && !link.isEmpty()) {
        token = new InitialToken(access, URI.create(link));
      }
    }
    return last;
  }

  /** SSL-Certificate rules (SIG-7) exist only where the header is sent (the sandbox). */
  private void requireSslCertificateHeaderFor(Tampering tampering) {
    if ((tampering == Tampering.OMIT_SSL_CERTIFICATE
            || tampering == Tampering.GARBLED_SSL_CERTIFICATE)
        && !config().bank().sendSslCertificate()) {
      throw new NotApplicable(
          "the SSL-Certificate header is sandbox-only and kit.sslCertificateHeader is false");
    }
  }

  /** Precondition: a valid initial access token for the current TPP and tenant (TOK-1). */
  public InitialToken obtainToken() {
    requestToken(Tampering.NONE);
    conformance.require(Rule.must("TOK-1"), ErrorChecks.status(200), last);
    conformance.require(Rule.must("TOK-1"), TokenChecks.accessTokenPresent(), last);
    conformance.require(Rule.must("TOK-1"), TokenChecks.registrationLinkAbsolute(), last);
    return token;
  }

  private InitialToken tokenOrObtain() {
    return token != null ? token : obtainToken();
  }

  // ---- registration (contract section 5)

  /** The registration as the configured bank profile sends it. */
  public RegistrationRequest standardRegistration(String accessToken, List<String> uris) {
    TokenPlacement placement = config().bank().registrationToken();
    return new RegistrationRequest(
        placement.inForm() ? Optional.of(accessToken) : Optional.empty(),
        placement.inHeader() ? Optional.of(accessToken) : Optional.empty(),
        uris,
        Optional.empty(),
        config().bank().signRegistration());
  }

  public HttpExchange register(List<String> uris) {
    return register(standardRegistration(tokenOrObtain().accessToken(), uris), Tampering.NONE);
  }

  public HttpExchange register(List<String> uris, Tampering tampering) {
    return register(standardRegistration(tokenOrObtain().accessToken(), uris), tampering);
  }

  /** Registers a request derived from the standard one (negative scenarios break one thing). */
  public HttpExchange register(
      java.util.function.UnaryOperator<RegistrationRequest> change, List<String> uris) {
    return register(
        change.apply(standardRegistration(tokenOrObtain().accessToken(), uris)), Tampering.NONE);
  }

  private HttpExchange register(RegistrationRequest request, Tampering tampering) {
    URI link = tokenOrObtain().registrationLink();
    last = client.register(tpps.current(), link, request, tampering);
    if (last.status() == 201) {
      registrations.add(last);
      registeredUris = request.redirectUris();
    }
    return last;
  }

  /** Precondition: the TPP has registered {@code uris} (REG-1). */
  public void registerSuccessfully(List<String> uris) {
    register(uris);
    conformance.require(Rule.must("REG-1"), ErrorChecks.status(201), last);
    conformance.require(Rule.must("REG-1"), RegistrationChecks.clientIdPresent(), last);
  }

  /** Replays the whole flow: a new initial access token, then a new registration (REG-2). */
  public HttpExchange replay(List<String> uris) {
    obtainToken();
    return register(uris);
  }

  public void switchTenant(String newTenant) {
    this.tenant = newTenant;
  }

  /** Registers with the given token in the configured places instead of the scenario's own. */
  public HttpExchange registerWithToken(String otherToken, String uri) {
    return register(r -> standardRegistration(otherToken, r.redirectUris()), List.of(uri));
  }

  /** Registers with a missing, unknown or expired token (REG-3). */
  public HttpExchange registerWithTokenDefect(String defect, String uri) {
    return switch (defect) {
      case "no initial access token" ->
          register(r -> r.withTokens(Optional.empty(), Optional.empty()), List.of(uri));
      case "an empty token" ->
          registerWithToken("", uri); // the sandbox was seen to answer 400 here (REG-3)
      case "an unknown token" ->
          registerWithToken("kit-unknown-" + java.util.UUID.randomUUID(), uri);
      case "an expired token" -> registerWithToken(expiredToken(), uri);
      default -> throw new IllegalArgumentException("unknown token defect: " + defect);
    };
  }

  /** A token issued to a different organization id (REG-6). */
  public String tokenOfAnotherOrganization() {
    Tpp other = runtime.tpps().newTpp();
    HttpExchange x =
        client.requestInitialToken(other, tenant, config().bank().signing(), Tampering.NONE);
    conformance.require(Rule.must("TOK-1"), ErrorChecks.status(200), x);
    return x.jsonText("access_token");
  }

  /** Makes the current token expire, where the bank under test allows it (the embedded sandbox). */
  public String expiredToken() {
    String access = tokenOrObtain().accessToken();
    runtime
        .sandbox()
        .orElseThrow(
            () ->
                new NotApplicable(
                    "token expiry (REG-3) needs the bank's token lifetime ("
                        + "expires_in of the onboarding answer) to pass; only the embedded sandbox can age a token"))
        .expireInitialAccessTokens(tpps.current().organizationId().value());
    return access;
  }

  public String registeredClientId(int index) {
    return registrations.get(index).jsonText("client_id");
  }

  public List<HttpExchange> registrations() {
    return List.copyOf(registrations);
  }

  public List<String> registeredUris() {
    return registeredUris;
  }

  /**
   * Whether the last two registrations returned different secrets; compares digests, never prints
   * them.
   */
  public boolean clientSecretChanged() {
    if (registrations.size() < 2) {
      throw new IllegalStateException("needs two registrations");
    }
    String a = registrations.get(registrations.size() - 2).jsonText("client_secret");
    String b = registrations.get(registrations.size() - 1).jsonText("client_secret");
    return !MessageDigest.isEqual(sha256(a), sha256(b));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- authorisation (contract section 6)

  public HttpExchange authorize(AuthorizationRequest request) {
    last = client.authorize(tenant, request);
    lastRedirectUri = request.redirectUri();
    return last;
  }

  /** The redirect URI of the last authorisation request. */
  public String lastRedirectUri() {
    if (lastRedirectUri == null) {
      throw new IllegalStateException("no authorisation request was made yet");
    }
    return lastRedirectUri;
  }

  /** A client_id no bank has issued (AUTH-4). */
  static String unknownClientId() {
    return "kit-unknown-client-" + java.util.UUID.randomUUID();
  }

  /** A standard authorisation request for the client registered in this scenario. */
  public AuthorizationRequest authorizationFor(String redirectUri) {
    if (registrations.isEmpty()) {
      throw new IllegalStateException("the TPP has not registered yet");
    }
    return AuthorizationRequest.standard(registeredClientId(registrations.size() - 1), redirectUri);
  }

  // ---- test accounts (contract section 7)

  /**
   * A test account: created through the sandbox API, or taken from the configuration (the bank has
   * no API).
   */
  public TestAccount createAccount(String inTenant, Tampering tampering) {
    AccountSettings settings = config().accounts();
    if (settings.source() == AccountSettings.Source.CONFIG) {
      if (tampering != Tampering.NONE) {
        throw new NotApplicable(
            "test accounts come from the configuration: the bank publishes no API to send a broken request to");
      }
      AccountSettings.ConfiguredAccount a =
          settings.configured().get(accounts.size() % settings.configured().size());
      TestAccount account = new TestAccount(a.iban(), a.digipass(), "EUR");
      accounts.add(account);
      return account;
    }
    requireBankMode(com.obkit.config.BankMode.SANDBOX);
    last = client.createTestAccount(tpps.current(), inTenant, "EUR", tampering);
    if (tampering == Tampering.NONE) {
      conformance.require(Rule.must("ACC-1"), ErrorChecks.status(201), last);
    }
    TestAccount account = TestAccount.from(last);
    accounts.add(account);
    return account;
  }

  /** Several test accounts in one tenant (ACC-2: every one new). */
  public void createAccounts(String inTenant, int count) {
    for (int i = 0; i < count; i++) {
      createAccount(inTenant, Tampering.NONE);
    }
  }

  /** Asks a production environment for a test account, which it must refuse (ACC-3). */
  public HttpExchange requestTestAccountInProduction() {
    last = client.createTestAccount(tpps.current(), tenant, "EUR", Tampering.NONE);
    return last;
  }

  public List<TestAccount> accounts() {
    return List.copyOf(accounts);
  }

  public String tenant() {
    return tenant;
  }
}
