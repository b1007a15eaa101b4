package com.obkit.steps;

import com.obkit.checks.AccountChecks.TestAccount;
import com.obkit.checks.ErrorChecks;
import com.obkit.checks.RegistrationChecks;
import com.obkit.checks.TokenChecks;
import com.obkit.client.AuthorizationRequest;
import com.obkit.client.BankClient;
import com.obkit.client.BrowserVisit;
import com.obkit.client.HttpExchange;
import com.obkit.client.RedirectUriVariant;
import com.obkit.client.RegistrationRequest;
import com.obkit.client.Tpp;
import com.obkit.config.AccountSettings;
import com.obkit.config.BankMode;
import com.obkit.config.KitConfig;
import com.obkit.config.TokenPlacement;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.pki.CertificateSpec;
import com.obkit.runtime.KitRuntime;
import com.obkit.signing.SigningProfile;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

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

  /**
   * The kit's sample redirect URIs in the feature files; with the TPP's identity they are mapped.
   */
  private static final String SAMPLE_HOST = "tpp.example";

  private final KitRuntime runtime;
  private final BankClient client;
  private final Conformance conformance;
  private final TppState tpps;
  private final ScenarioLog log;
  private String tenant;
  private HttpExchange last;
  private InitialToken token;
  private List<String> registeredUris = List.of();
  private Optional<String> clientId = Optional.empty();
  private HttpExchange lastRegistration;
  private HttpExchange renewalAnswer;
  private BrowserVisit lastVisit;
  private final Map<String, BrowserVisit> visits = new LinkedHashMap<>();
  private final Map<String, String> sampleUris = new LinkedHashMap<>();
  private final List<HttpExchange> registrations = new ArrayList<>();
  private final List<TestAccount> accounts = new ArrayList<>();

  public Journey(ScenarioKit kit, TppState tpps, ScenarioLog log) {
    this.runtime = kit.runtime();
    this.client = kit.client();
    this.conformance = kit.conformance();
    this.tpps = tpps;
    this.log = log;
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
  public void requireBankMode(BankMode mode) {
    if (config().bankMode() != mode) {
      throw new NotApplicable(
          "this scenario is about a "
              + mode.name().toLowerCase(Locale.ROOT)
              + " environment; kit.bankMode is "
              + config().bankMode().name().toLowerCase(Locale.ROOT));
    }
  }

  // ---- the TPP and its certificate (contract section 3)

  /** A fresh TPP for this scenario (its own organization id when certificates are generated). */
  public Tpp newTpp() {
    return runtime.tpps().newTpp();
  }

  /** Acts as a TPP whose otherwise valid certificate has one defect. */
  public void useDefectiveCertificate(UnaryOperator<CertificateSpec.Builder> defect) {
    if (!runtime.tpps().generates()) {
      throw new NotApplicable(
          "certificates come from files (kit.credentials.source): the kit cannot make a defective one");
    }
    tpps.use(runtime.tpps().issue(runtime.tpps().freshOrganizationId(), defect));
  }

  /** The scenario acts as a fresh TPP (generated) or as the configured one (files). */
  public void useNewTpp() {
    tpps.use(newTpp());
  }

  /** A renewal (CERT-4): a new certificate for the same organization id gets its first token. */
  public HttpExchange renewCertificateAndRequestToken() {
    renewCertificate();
    renewalAnswer = requestToken(Tampering.NONE);
    return renewalAnswer;
  }

  /** The onboarding answer to the renewed certificate. */
  public HttpExchange renewalAnswer() {
    if (renewalAnswer == null) {
      throw new IllegalStateException("the TPP has not renewed its certificate");
    }
    return renewalAnswer;
  }

  /** A new certificate for the same organization id; the old one is kept to try after (CERT-4). */
  public void renewCertificate() {
    if (!runtime.tpps().generates()) {
      throw new NotApplicable(
          "certificates come from files (kit.credentials.source): the kit cannot renew one");
    }
    tpps.renewTo(runtime.tpps().renew(tpps.current()));
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
    return RegistrationRequest.standard(
        placement.inForm(),
        placement.inHeader(),
        config().bank().signRegistration(),
        accessToken,
        uris);
  }

  public HttpExchange register(List<String> uris) {
    return register(UnaryOperator.identity(), uris, Tampering.NONE);
  }

  public HttpExchange register(List<String> uris, Tampering tampering) {
    return register(UnaryOperator.identity(), uris, tampering);
  }

  /** Registers a request derived from the standard one (negative scenarios break one thing). */
  public HttpExchange register(UnaryOperator<RegistrationRequest> change, List<String> uris) {
    return register(change, uris, Tampering.NONE);
  }

  /**
   * Every registration goes through here. With the TPP's own identity the sample URIs become URIs
   * the TPP controls, the kept URIs are always included (a replay replaces the list), and in
   * production nothing is registered unless allowed.
   */
  private HttpExchange register(
      UnaryOperator<RegistrationRequest> change, List<String> uris, Tampering tampering) {
    requireRegistrationAllowed();
    List<String> sent = ownUris(uris.stream().map(this::mapped).toList());
    RegistrationRequest request =
        change.apply(standardRegistration(tokenOrObtain().accessToken(), sent));
    URI link = tokenOrObtain().registrationLink();
    last =
        runtime
            .ownRegistration()
            .map(
                own ->
                    own.exclusively(
                        () -> client.register(tpps.current(), link, request, tampering)))
            .orElseGet(() -> client.register(tpps.current(), link, request, tampering));
    lastRegistration = last;
    if (last.status() == 201) {
      registrations.add(last);
      registeredUris = request.redirectUris();
      clientId = Optional.of(last.jsonText("client_id")).filter(id -> !id.isEmpty());
      runtime
          .ownRegistration()
          .ifPresent(
              own -> {
                if (own.recordAccepted(request.redirectUris(), last)) {
                  log.note("REG-2 (reported, not asserted): the bank changed the client_secret");
                }
              });
    }
    return last;
  }

  /** With the TPP's identity the kept redirect URIs go into every list that has any URI at all. */
  private List<String> ownUris(List<String> uris) {
    return runtime
        .ownRegistration()
        .filter(own -> !uris.isEmpty())
        .map(own -> own.withKept(uris))
        .orElse(uris);
  }

  /**
   * The URI to use for one of the feature files' sample URIs ({@code https://tpp.example/...}).
   * With generated credentials the sample itself (its organization id is the scenario's own). With
   * the TPP's identity the n-th sample URI of the scenario becomes the n-th URI the TPP controls:
   * {@code kit.registration.testRedirectUris}, or, where the kit registers nothing (production),
   * the registered {@code kit.registration.keepRedirectUris}. Registering a foreign URI at a real
   * bank is itself a risk, so a scenario that needs more URIs than configured is not applicable.
   */
  public String mapped(String uri) {
    if (runtime.ownRegistration().isEmpty() || !isSample(uri)) {
      return uri;
    }
    // The deliberate defects of a sample (plain http for REG-8, a #fragment for REG-5) are kept on
    // the URI it maps to: only the sample's address is replaced.
    int hash = uri.indexOf('#');
    String fragment = hash < 0 ? "" : uri.substring(hash);
    String address = hash < 0 ? uri : uri.substring(0, hash);
    boolean http = address.startsWith("http://");
    String key = http ? "https://" + address.substring("http://".length()) : address;
    String target = sampleUris.get(key);
    if (target == null) {
      List<String> available =
          runtime.registrationForbidden()
              ? config().registration().keepRedirectUris()
              : config().registration().testRedirectUris();
      int index = sampleUris.size();
      if (index >= available.size()) {
        throw new NotApplicable(
            runtime.registrationForbidden()
                ? "this scenario needs "
                    + (index + 1)
                    + " registered redirect URIs; kit.registration.keepRedirectUris lists "
                    + available.size()
                : "with the TPP's own identity the kit registers only redirect URIs the TPP"
                    + " controls: this scenario needs "
                    + (index + 1)
                    + ", kit.registration.testRedirectUris lists "
                    + available.size());
      }
      target = available.get(index);
      sampleUris.put(key, target);
    }
    return (http && target.startsWith("https://")
            ? "http://" + target.substring("https://".length())
            : target)
        + fragment;
  }

  private static boolean isSample(String uri) {
    int scheme = uri.indexOf("://");
    return scheme > 0 && uri.startsWith(SAMPLE_HOST + "/", scheme + 3);
  }

  /** Production with the TPP's identity registers nothing unless allowed. */
  private void requireRegistrationAllowed() {
    if (runtime.registrationForbidden()) {
      throw new NotApplicable(
          "would change the live registration in production (a replay replaces the TPP's"
              + " redirect URIs): set kit.production.allowRegistration=true to run it");
    }
  }

  /**
   * Precondition: the TPP has registered {@code uris} (REG-1). In production with the TPP's
   * identity nothing is registered: the scenario uses the TPP's live registration ({@code
   * kit.clientId} and {@code kit.registration.keepRedirectUris}) instead.
   */
  public void registerSuccessfully(List<String> uris) {
    if (runtime.registrationForbidden()) {
      clientId =
          Optional.of(
              config()
                  .clientId()
                  .orElseThrow(
                      () ->
                          new NotApplicable(
                              "production is read-only: this scenario uses the TPP's registered"
                                  + " client, and kit.clientId is not set")));
      registeredUris = config().registration().keepRedirectUris();
      uris.forEach(this::mapped);
      return;
    }
    register(uris);
    conformance.require(Rule.must("REG-1"), ErrorChecks.status(201), last);
    conformance.require(Rule.must("REG-1"), RegistrationChecks.clientIdPresent(), last);
  }

  /** Replays the whole flow: a new initial access token, then a new registration (REG-2). */
  public HttpExchange replay(List<String> uris) {
    requireRegistrationAllowed();
    obtainToken();
    register(uris);
    if (registrations.size() >= 2) {
      log.note(
          "REG-2 (reported, not asserted): client_secret "
              + (clientSecretChanged() ? "changed" : "did not change")
              + " on replay");
    }
    return last;
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
      case "an unknown token" -> registerWithToken("kit-unknown-" + UUID.randomUUID(), uri);
      case "an expired token" -> registerWithToken(expiredToken(), uri);
      default -> throw new IllegalArgumentException("unknown token defect: " + defect);
    };
  }

  /** A token issued to a different organization id (REG-6). */
  public String tokenOfAnotherOrganization() {
    if (!runtime.tpps().generates()) {
      throw new NotApplicable(
          "needs a second organization: certificates come from files (kit.credentials.source),"
              + " so the kit acts as one TPP only");
    }
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

  /** The answer to the scenario's last registration request, accepted or not. */
  public HttpExchange lastRegistration() {
    if (lastRegistration == null) {
      throw new IllegalStateException("no registration request was made yet in this scenario");
    }
    return lastRegistration;
  }

  /** The redirect URIs registered last, exactly as sent (kept URIs included). */
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

  /**
   * Sends the PSU's browser to the authorisation endpoint. A redirect to the bank's own
   * authorisation host ({@code kit.authBaseUrl}) is followed once, as a browser would, so AUTH-1
   * can see the login page; a redirect anywhere else is never followed.
   */
  public BrowserVisit authorize(AuthorizationRequest request) {
    HttpExchange answer = client.authorize(tenant, request);
    Optional<HttpExchange> followed = Optional.empty();
    Optional<URI> next =
        answer.isRedirect()
            ? answer.header("location").map(answer.uri()::resolve)
            : Optional.empty();
    if (next.isPresent() && sameOrigin(next.get(), client.endpoints().authorization(tenant))) {
      followed = Optional.of(client.get(next.get()));
    }
    last = answer;
    lastVisit = new BrowserVisit(request.redirectUri(), answer, followed);
    visits.put(request.redirectUri(), lastVisit);
    return lastVisit;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }

  /** Sends the PSU with the redirect URI a sample URI maps to. */
  public BrowserVisit authorizeWith(String uri) {
    return authorize(authorizationFor(mapped(uri)));
  }

  /**
   * Sends the PSU with a near miss of a registered redirect URI (AUTH-2): the first registered URI
   * the variant applies to, never a variant that is itself registered.
   */
  public BrowserVisit authorizeWithVariant(RedirectUriVariant variant) {
    List<String> registered = registeredUris();
    for (String r : registered) {
      Optional<String> v = variant.apply(r).filter(x -> !registered.contains(x));
      if (v.isPresent()) {
        return authorize(authorizationFor(v.get()));
      }
    }
    throw new NotApplicable(
        "'" + variant.phrase() + "' applies to none of the registered redirect URIs " + registered);
  }

  /** The last visit to the authorisation endpoint. */
  public BrowserVisit lastVisit() {
    if (lastVisit == null) {
      throw new IllegalStateException("no authorisation request was made yet");
    }
    return lastVisit;
  }

  /** The visit with a redirect URI a sample URI maps to. */
  public BrowserVisit visitWith(String sampleUri) {
    BrowserVisit a = visits.get(mapped(sampleUri));
    if (a == null) {
      throw new IllegalStateException("the PSU was not sent with " + sampleUri + " yet");
    }
    return a;
  }

  /** The bank's authorisation host, where the PSU's browser is sent ({@code kit.authBaseUrl}). */
  public URI authorisationHost() {
    return client.endpoints().authorization(tenant);
  }

  /** A client_id no bank has issued (AUTH-4). */
  static String unknownClientId() {
    return "kit-unknown-client-" + UUID.randomUUID();
  }

  /** The scenario's first registered redirect URI (or the one a sample URI maps to). */
  public String firstRegisteredUri() {
    if (registeredUris.isEmpty()) {
      throw new IllegalStateException("the TPP has not registered yet");
    }
    return registeredUris.get(0);
  }

  /** A standard authorisation request for the client registered in this scenario. */
  public AuthorizationRequest authorizationFor(String redirectUri) {
    return AuthorizationRequest.standard(
        clientId.orElseThrow(() -> new IllegalStateException("the TPP has not registered yet")),
        redirectUri);
  }

  // ---- test accounts (contract section 7)

  /**
   * A test account: created through the sandbox API, or taken from the configuration (the bank has
   * no API): the tenant's configured accounts in order, one per call.
   */
  public TestAccount createAccount(String inTenant, Tampering tampering) {
    AccountSettings settings = config().accounts();
    if (settings.source() == AccountSettings.Source.CONFIG) {
      return configuredAccount(settings, inTenant, tampering);
    }
    requireBankMode(BankMode.SANDBOX);
    last = client.createTestAccount(tpps.current(), inTenant, "EUR", tampering);
    if (tampering == Tampering.NONE) {
      conformance.require(Rule.must("ACC-1"), ErrorChecks.status(201), last);
    }
    TestAccount account = TestAccount.from(last);
    accounts.add(account);
    return account;
  }

  private TestAccount configuredAccount(
      AccountSettings settings, String inTenant, Tampering tampering) {
    requireBankMode(BankMode.SANDBOX);
    if (tampering != Tampering.NONE) {
      throw new NotApplicable(
          "test accounts come from the configuration: the bank publishes no API to send a broken request to");
    }
    List<AccountSettings.ConfiguredAccount> mine = settings.forTenant(inTenant);
    long taken = accounts.size();
    if (taken >= mine.size()) {
      throw new NotApplicable(
          mine.isEmpty()
              ? "kit.accounts has no account of the tenant " + inTenant
              : "kit.accounts has " + mine.size() + " account(s) of the tenant " + inTenant);
    }
    AccountSettings.ConfiguredAccount a = mine.get((int) taken);
    TestAccount account = new TestAccount(a.iban(), a.digipass(), "EUR");
    accounts.add(account);
    return account;
  }

  /** Several new test accounts in one tenant (ACC-2: every one new). */
  public void createAccounts(String inTenant, int count) {
    if (config().accounts().source() == AccountSettings.Source.CONFIG) {
      throw new NotApplicable(
          "ACC-2's new account for every request needs accounts the kit creates; configured"
              + " accounts were made by hand in the bank's API Test Client");
    }
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
