package com.obkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Access and refresh tokens of the token endpoint (contract sections 12, 13, 15). Every token
 * belongs to a {@link Grant}: one authorisation code's exchange, bound to one client and at most
 * one consent or payment ({@link ScaTarget}). Access tokens live {@link #ACCESS_LIFETIME} by the
 * sandbox clock; refresh tokens rotate (a refresh retires the one presented, TKN-7) and die with
 * their grant, which a reused code (TKN-4) or a revoked refresh token (REV-2) revokes.
 *
 * <p>Token values are secrets from {@link Secrets#secret}; no {@code toString} here shows one.
 */
final class AccessTokens {

  /** {@code expires_in} of every access token (PROD: 600). */
  static final Duration ACCESS_LIFETIME = Duration.ofSeconds(600);

  /** How long a refresh token lasts unused (the consent's 90 days at most). */
  static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

  /** Expired access tokens are remembered this long, so that they are refused as expired. */
  private static final Duration REMEMBER_EXPIRED = Duration.ofDays(1);

  /**
   * What a code's exchange granted.
   *
   * @param grantId public identifier of the grant (the code's, chosen when the code was issued)
   * @param clientId the client the tokens were issued to
   * @param target the consent or payment of the scope; empty for a plain {@code openid} request
   * @param scope the scope of the authorisation request, when it had one
   */
  record Grant(
      String grantId, String clientId, Optional<ScaTarget> target, Optional<String> scope) {
    Grant {
      Objects.requireNonNull(grantId, "grantId");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** A live or expired access token's meaning. */
  record AccessToken(Grant grant, Instant expiresAt) {
    AccessToken {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private record RefreshToken(Grant grant, Instant expiresAt, boolean retired) {}

  /** What one exchange or refresh issued; {@link #toString()} hides the values. */
  record Issued(String accessToken, Optional<String> refreshToken, Grant grant) {
    Issued {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(refreshToken, "refreshToken");
      Objects.requireNonNull(grant, "grant");
    }

    @Override
    public String toString() {
      return "Issued[grant=" + grant.grantId() + ", refresh=" + refreshToken.isPresent() + "]";
    }
  }

  private final ConcurrentMap<String, AccessToken> access = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RefreshToken> refresh = new ConcurrentHashMap<>();
  private final Set<String> revokedGrants = ConcurrentHashMap.newKeySet();
  private final Clock clock;
  private final Secrets secrets;

  AccessTokens(Clock clock, Secrets secrets) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** A new access token for {@code grant}, and a refresh token when {@code withRefresh}. */
  Issued issue(Grant grant, boolean withRefresh) {
    Instant now = clock.instant();
    access.values().removeIf(t -> now.isAfter(t.expiresAt().plus(REMEMBER_EXPIRED)));
    refresh.values().removeIf(t -> now.isAfter(t.expiresAt()));
    String accessToken = secrets.secret(32);
    access.put(accessToken, new AccessToken(grant, now.plus(ACCESS_LIFETIME)));
    Optional<String> refreshToken = Optional.empty();
    if (withRefresh) {
      String value = secrets.secret(32);
      refresh.put(value, new RefreshToken(grant, now.plus(REFRESH_LIFETIME), false));
      refreshToken = Optional.of(value);
    }
    return new Issued(accessToken, refreshToken, grant);
  }

  /** The access token when it is known, not expired and its grant not revoked. */
  Optional<AccessToken> live(String token) {
    Instant now = clock.instant();
    return known(token).filter(t -> now.isBefore(t.expiresAt()));
  }

  /** The access token when it is known and its grant not revoked, expired or not. */
  Optional<AccessToken> known(String token) {
    AccessToken t = token == null ? null : access.get(token);
    if (t == null || revokedGrants.contains(t.grant().grantId())) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  /**
   * TKN-7: a refresh with a live refresh token of {@code clientId}: the token is retired (a second
   * use is refused) and a new access token and refresh token of the same grant are issued. Empty
   * for an unknown, retired, expired, revoked or another client's refresh token.
   */
  Optional<Issued> refresh(String token, String clientId) {
    if (token == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    AtomicReference<Grant> retired = new AtomicReference<>();
    refresh.computeIfPresent(
        token,
        (key, r) -> {
          if (r.retired()
              || !now.isBefore(r.expiresAt())
              || !r.grant().clientId().equals(clientId)
              || revokedGrants.contains(r.grant().grantId())) {
            return r;
          }
          retired.set(r.grant());
          return new RefreshToken(r.grant(), r.expiresAt(), true);
        });
    Grant grant = retired.get();
    return grant == null ? Optional.empty() : Optional.of(issue(grant, true));
  }

  /** TKN-4, REV-2: every token of the grant, issued so far or later, stops working. */
  void revokeGrant(String grantId) {
    revokedGrants.add(grantId);
  }

  /**
   * RFC 7009 for {@code clientId}: a refresh token revokes its whole grant (its access tokens too);
   * an access token only itself. A token that is unknown or another client's is left alone (the
   * answer is 200 either way, RFC 7009 2.2).
   */
  void revoke(String token, String clientId) {
    if (token == null) {
      return;
    }
    RefreshToken r = refresh.get(token);
    if (r != null && r.grant().clientId().equals(clientId)) {
      revokeGrant(r.grant().grantId());
      return;
    }
    AccessToken a = access.get(token);
    if (a != null && a.grant().clientId().equals(clientId)) {
      access.remove(token, a);
    }
  }

  /**
   * Self-test control: every live access token of {@code clientId} expires now; returns how many.
   */
  int expireAll(String clientId) {
    Instant now = clock.instant();
    AtomicInteger count = new AtomicInteger();
    access.replaceAll(
        (token, t) -> {
          if (t.grant().clientId().equals(clientId) && now.isBefore(t.expiresAt())) {
            count.incrementAndGet();
            return new AccessToken(t.grant(), now);
          }
          return t;
        });
    return count.get();
  }

  @Override
  public String toString() {
    return "AccessTokens[" + access.size() + " access, " + refresh.size() + " refresh]";
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    access.clear();
    refresh.clear();
    revokedGrants.clear();
  }
}
