package com.obkit.sandbox;

import com.obkit.pki.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Initial access tokens (TOK-1): opaque, 256 random bits, bound to the organization id of the
 * certificate that obtained them, living the configured lifetime by the sandbox clock. A token may be
 * used for several registrations until it expires (the bank documents nothing else; DCR allows it).
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

  /** Issues a new token for {@code organizationId}. */
  String issue(OrganizationId organizationId) {
    Instant now = clock.instant();
    grants.values().removeIf(g -> !now.isBefore(g.expiresAt())); // keep the map from growing forever
    String token = secrets.opaque(32);
    grants.put(token, new Grant(organizationId, now.plus(lifetime)));
    return token;
  }

  /** The grant of a known token that has not expired yet. */
  Optional<Grant> valid(String token) {
    Grant grant = grants.get(token);
    if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** Whether {@code token} was issued here, expired or not (for a precise error text). */
  boolean known(String token) {
    return grants.containsKey(token);
  }

  /** Ends the life of every token of {@code organizationId} now; returns how many were live. */
  int expireAll(OrganizationId organizationId) {
    Instant now = clock.instant();
    int[] count = {0};
    grants.replaceAll((token, grant) -> {
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
}
