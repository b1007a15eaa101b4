package com.obkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Initial access tokens (TOK-1): opaque, 256 random bits, bound to the organization id of the
 * certificate that obtained them, living the configured lifetime by the sandbox clock. A token may
 * be used for several registrations until it expires (the bank documents nothing else; DCR allows
 * it).
 */
final class InitialAccessTokens {

  /** What a token grants; no toString of the token value anywhere. */
  record Grant(OrganizationId organizationId, Instant expiresAt) {
    Grant {
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private final ConcurrentMap<String, Grant> grants = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration lifetime;
  private final Secrets secrets;

  InitialAccessTokens(Clock clock, Duration lifetime, Secrets secrets) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** Issues a new token for {@code organizationId}, living the configured lifetime. */
  String issue(OrganizationId organizationId) {
    return issue(organizationId, lifetime);
  }

  /** Issues a new token for {@code organizationId}, living {@code tokenLifetime}. */
  String issue(OrganizationId organizationId, Duration tokenLifetime) {
    Instant now = clock.instant();
    // Keep the map from growing forever, but remember an expired token for a while, so that it is
    // refused as expired (or, by Deviation.EXPIRED_TOKEN_ACCEPTED, accepted) rather than as
    // unknown.
    grants.values().removeIf(g -> !now.isBefore(g.expiresAt().plus(lifetime)));
    String token = secrets.secret(32);
    grants.put(token, new Grant(organizationId, now.plus(tokenLifetime)));
    return token;
  }

  /** The grant of a known token that has not expired yet. */
  Optional<Grant> valid(String token) {
    return issued(token).filter(grant -> clock.instant().isBefore(grant.expiresAt()));
  }

  /** The grant of a token issued here, expired or not. */
  Optional<Grant> issued(String token) {
    return Optional.ofNullable(token == null ? null : grants.get(token));
  }

  /** Whether {@code token} was issued here, expired or not (for a precise error text). */
  boolean known(String token) {
    return grants.containsKey(token);
  }

  /** Ends the life of every token of {@code organizationId} now; returns how many were live. */
  int expireAll(OrganizationId organizationId) {
    Instant now = clock.instant();
    int[] count = {0};
    grants.replaceAll(
        (token, grant) -> {
          if (grant.organizationId().equals(organizationId) && now.isBefore(grant.expiresAt())) {
            count[0]++;
            return new Grant(organizationId, now);
          }
          return grant;
        });
    return count[0];
  }

  long lifetimeSeconds() {
    return lifetime.toSeconds();
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    grants.clear();
  }
}
