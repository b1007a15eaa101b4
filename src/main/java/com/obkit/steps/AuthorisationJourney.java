package com.obkit.steps;

import com.obkit.client.AuthorizationRequest;
import com.obkit.client.BrowserVisit;
import com.obkit.client.HttpExchange;
import com.obkit.client.RedirectUriVariant;
import com.obkit.outcomes.NotApplicable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contract section 6 for one scenario: the PSU's browser at the authorisation endpoint. A redirect
 * to the bank's own authorisation host is followed once, as a browser would; a redirect anywhere
 * else never is.
 */
public final class AuthorisationJourney {
  private final ScenarioContext ctx;
  private final RegistrationJourney registration;
  private BrowserVisit lastVisit;
  private final Map<String, BrowserVisit> visits = new LinkedHashMap<>();

  public AuthorisationJourney(ScenarioContext ctx, RegistrationJourney registration) {
    this.ctx = ctx;
    this.registration = registration;
  }

  /**
   * Sends the PSU's browser to the authorisation endpoint. A redirect to the bank's own
   * authorisation host ({@code kit.authBaseUrl}) is followed once, as a browser would, so AUTH-1
   * can see the login page; a redirect anywhere else is never followed.
   */
  public BrowserVisit authorize(AuthorizationRequest request) {
    HttpExchange answer = ctx.client().authorize(ctx.tenant(), request);
    Optional<HttpExchange> followed = Optional.empty();
    Optional<URI> next =
        answer.isRedirect()
            ? answer.header("location").map(answer.uri()::resolve)
            : Optional.empty();
    if (next.isPresent()
        && BrowserVisit.sameOrigin(
            next.get(), ctx.client().endpoints().authorization(ctx.tenant()))) {
      followed = Optional.of(ctx.client().get(next.get()));
    }
    HttpExchange last = ctx.record(answer);
    lastVisit = new BrowserVisit(request.redirectUri(), answer, followed);
    visits.put(request.redirectUri(), lastVisit);
    return lastVisit;
  }

  /** Sends the PSU with the redirect URI a sample URI maps to. */
  public BrowserVisit authorizeWith(String uri) {
    return authorize(authorizationFor(registration.mapped(uri)));
  }

  /**
   * Sends the PSU with a near miss of a registered redirect URI (AUTH-2): the first registered URI
   * the variant applies to, never a variant that is itself registered.
   */
  public BrowserVisit authorizeWithVariant(RedirectUriVariant variant) {
    List<String> registered = registration.registeredUris();
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
    BrowserVisit a = visits.get(registration.mapped(sampleUri));
    if (a == null) {
      throw new IllegalStateException("the PSU was not sent with " + sampleUri + " yet");
    }
    return a;
  }

  /** The bank's authorisation host, where the PSU's browser is sent ({@code kit.authBaseUrl}). */
  public URI authorisationHost() {
    return ctx.client().endpoints().authorization(ctx.tenant());
  }

  /** A client_id no bank has issued (AUTH-4). */
  static String unknownClientId() {
    return "kit-unknown-client-" + UUID.randomUUID();
  }

  /** A standard authorisation request for the client registered in this scenario. */
  public AuthorizationRequest authorizationFor(String redirectUri) {
    return AuthorizationRequest.standard(registration.clientId(), redirectUri);
  }
}
