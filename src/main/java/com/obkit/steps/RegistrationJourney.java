package com.obkit.steps;

import com.obkit.checks.ErrorChecks;
import com.obkit.checks.RegistrationChecks;
import com.obkit.client.ClientCredentials;
import com.obkit.client.HttpExchange;
import com.obkit.client.RegistrationRequest;
import com.obkit.config.TokenPlacement;
import com.obkit.outcomes.NotApplicable;
import com.obkit.outcomes.Rule;
import com.obkit.runtime.OwnRegistration;
import com.obkit.signing.Tampering;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Contract section 5 for one scenario: dynamic client registration and its replay. With the TPP's
 * own identity (credentials from files) it does no harm: the kept redirect URIs go into every
 * registration, the feature files' sample URIs become URIs the TPP controls, and production
 * registers nothing unless allowed.
 */
public final class RegistrationJourney {

  /**
   * The kit's sample redirect URIs in the feature files; with the TPP's identity they are mapped.
   */
  private static final String SAMPLE_HOST = "tpp.example";

  private final ScenarioContext ctx;
  private final TokenJourney tokens;
  private List<String> registeredUris = List.of();
  private List<String> registeredSamples = List.of();
  private Optional<String> clientId = Optional.empty();
  private HttpExchange lastRegistration;
  private final Map<String, String> sampleUris = new LinkedHashMap<>();
  private final List<HttpExchange> registrations = new ArrayList<>();

  public RegistrationJourney(ScenarioContext ctx, TokenJourney tokens) {
    this.ctx = ctx;
    this.tokens = tokens;
  }

  /** The client_id the scenario uses: its registration's, or the TPP's live one (read-only). */
  public String clientId() {
    return clientId.orElseThrow(() -> new IllegalStateException("the TPP has not registered yet"));
  }

  /** The registration as the configured bank profile sends it. */
  public RegistrationRequest standardRegistration(String accessToken, List<String> uris) {
    TokenPlacement placement = ctx.config().bank().registrationToken();
    return RegistrationRequest.standard(
        placement.inForm(),
        placement.inHeader(),
        ctx.config().bank().signRegistration(),
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
        change.apply(standardRegistration(tokens.tokenOrObtain().accessToken(), sent));
    URI link = tokens.tokenOrObtain().registrationLink();
    HttpExchange last =
        ctx.runtime()
            .ownRegistration()
            .map(
                own ->
                    own.exclusively(
                        () -> ctx.client().register(ctx.tpps().current(), link, request, tampering),
                        request.redirectUris()))
            .orElseGet(() -> ctx.client().register(ctx.tpps().current(), link, request, tampering));
    ctx.record(last);
    lastRegistration = last;
    if (last.status() == 201) {
      registrations.add(last);
      registeredUris = request.redirectUris();
      registeredSamples = List.copyOf(uris);
      clientId = Optional.of(last.jsonText("client_id")).filter(id -> !id.isEmpty());
      if (ctx.runtime().ownRegistration().map(OwnRegistration::lastChangedSecret).orElse(false)) {
        ctx.log().note("REG-2 (reported, not asserted): the bank changed the client_secret");
      }
    }
    return last;
  }

  /** With the TPP's identity the kept redirect URIs go into every list that has any URI at all. */
  private List<String> ownUris(List<String> uris) {
    return ctx.runtime()
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
    if (ctx.runtime().ownRegistration().isEmpty() || !isSample(uri)) {
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
          ctx.runtime().registrationForbidden()
              ? ctx.config().registration().keepRedirectUris()
              : ctx.config().registration().testRedirectUris();
      int index = sampleUris.size();
      if (index >= available.size()) {
        throw new NotApplicable(
            ctx.runtime().registrationForbidden()
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
    if (ctx.runtime().registrationForbidden()) {
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
    if (ctx.runtime().registrationForbidden()) {
      clientId =
          Optional.of(
              ctx.config()
                  .clientId()
                  .orElseThrow(
                      () ->
                          new NotApplicable(
                              "production is read-only: this scenario uses the TPP's registered"
                                  + " client, and kit.clientId is not set")));
      registeredUris = ctx.config().registration().keepRedirectUris();
      uris.forEach(this::mapped);
      return;
    }
    register(uris);
    ctx.conformance().require(Rule.must("REG-1"), ErrorChecks.status(201), lastRegistration);
    ctx.conformance()
        .require(Rule.must("REG-1"), RegistrationChecks.clientIdPresent(), lastRegistration);
  }

  /** Replays the whole flow: a new initial access token, then a new registration (REG-2). */
  public HttpExchange replay(List<String> uris) {
    requireRegistrationAllowed();
    tokens.obtainToken();
    register(uris);
    if (registrations.size() >= 2) {
      ctx.log()
          .note(
              "REG-2 (reported, not asserted): client_secret "
                  + (clientSecretChanged() ? "changed" : "did not change")
                  + " on replay");
    }
    return lastRegistration;
  }

  /** Precondition: the whole flow replayed and the registration created (REG-2). */
  public void replayedSuccessfully(List<String> uris) {
    replay(uris);
    ctx.conformance().require(Rule.must("REG-2"), ErrorChecks.status(201), lastRegistration);
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
      case "an expired token" -> registerWithToken(tokens.expiredToken(), uri);
      default -> throw new IllegalArgumentException("unknown token defect: " + defect);
    };
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

  /**
   * The redirect URI of the journey after onboarding: the first URI the scenario's latest
   * registration named, as mapped (never a kept URI, which belongs to the TPP's live clients).
   */
  public String journeyRedirectUri() {
    if (registeredSamples.isEmpty()) {
      throw new IllegalStateException("the TPP has not registered yet");
    }
    return mapped(registeredSamples.get(0));
  }

  /** The client_id and client_secret of the scenario's latest registration (TKN-1). */
  public ClientCredentials credentials() {
    return credentialsOf(registrations.size() - 1);
  }

  /** Those of the registration before the latest (TKN-6: a secret a replay replaced). */
  public ClientCredentials previousCredentials() {
    if (registrations.size() < 2) {
      throw new IllegalStateException("needs two registrations");
    }
    return credentialsOf(registrations.size() - 2);
  }

  private ClientCredentials credentialsOf(int index) {
    if (index < 0) {
      throw new IllegalStateException("the TPP has not registered yet");
    }
    HttpExchange r = registrations.get(index);
    return new ClientCredentials(r.jsonText("client_id"), r.jsonText("client_secret"));
  }

  /** The scenario's first registered redirect URI (or the one a sample URI maps to). */
  public String firstRegisteredUri() {
    if (registeredUris.isEmpty()) {
      throw new IllegalStateException("the TPP has not registered yet");
    }
    return registeredUris.get(0);
  }
}
