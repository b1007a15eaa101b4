package com.obkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Login sessions (between the authorisation request and the PSU's login, section 11) and
 * authorisation codes (single use, 10 minutes, section 12), both expiring by the sandbox clock. A
 * used code is remembered until well after its expiry, so that a second use is recognised as such
 * and the tokens of the first one can be revoked (TKN-4).
 */
final class AuthorizationStore {

  static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  /** SCA-2: the third wrong login ends the session with {@code access_denied}. */
  static final int MAX_LOGIN_ATTEMPTS = 3;

  /**
   * A pending authorisation; {@link #toString()} shows no identifiers.
   *
   * @param codeChallengeMethod {@code S256}, or what {@link Deviation#PKCE_NOT_REQUIRED} let
   *     through
   * @param target the consent or payment the login authorises; empty for a plain scope
   * @param failedAttempts wrong logins so far (SCA-2)
   */
  record Session(
      Tenant tenant,
      String clientId,
      String redirectUri,
      String state,
      String codeChallenge,
      String codeChallengeMethod,
      String scope,
      Optional<ScaTarget> target,
      int failedAttempts,
      Instant expiresAt) {
    Session {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(codeChallenge, "codeChallenge");
      Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    Session withOneMoreFailure() {
      return new Session(
          tenant,
          clientId,
          redirectUri,
          state,
          codeChallenge,
          codeChallengeMethod,
          scope,
          target,
          failedAttempts + 1,
          expiresAt);
    }

    @Override
    public String toString() {
      return "Session[tenant="
          + tenant
          + ", redirectUri="
          + redirectUri
          + ", target="
          + target
          + "]";
    }
  }

  /**
   * What an authorisation code stands for.
   *
   * @param grantId the grant its tokens will belong to (revoked as a whole on a reuse, TKN-4)
   */
  record Code(
      String clientId,
      String redirectUri,
      String codeChallenge,
      String codeChallengeMethod,
      String scope,
      Optional<ScaTarget> target,
      String grantId,
      Instant expiresAt) {
    Code {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(codeChallenge, "codeChallenge");
      Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(grantId, "grantId");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "Code[redirectUri=" + redirectUri + ", target=" + target + "]";
    }
  }

  /** The outcome of presenting a code at the token endpoint. */
  enum Outcome {
    /** First use of a live code. */
    FRESH,
    /** The code was presented before (TKN-4). */
    REUSED,
    /** Never issued, or expired. */
    UNKNOWN
  }

  /** A code's presentation: its outcome and, unless unknown, what it stands for. */
  record Redemption(Outcome outcome, Optional<Code> code) {
    Redemption {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(code, "code");
    }
  }

  private record CodeEntry(Code code, boolean used) {}

  private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CodeEntry> codes = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Secrets secrets;

  AuthorizationStore(Clock clock, Secrets secrets) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** Opens a login session with a fresh secret id (reported), for the PSU's browser. */
  String openSession(
      Tenant tenant,
      String clientId,
      String redirectUri,
      String state,
      String codeChallenge,
      String codeChallengeMethod,
      String scope,
      Optional<ScaTarget> target) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    String id = secrets.secret(24);
    sessions.put(
        id,
        new Session(
            tenant,
            clientId,
            redirectUri,
            state,
            codeChallenge,
            codeChallengeMethod,
            scope,
            target,
            0,
            now.plus(SESSION_LIFETIME)));
    return id;
  }

  /** The live session {@code id} of {@code tenant}. */
  Optional<Session> session(String id, Tenant tenant) {
    Session s = id == null ? null : sessions.get(id);
    if (s == null || s.tenant() != tenant || !clock.instant().isBefore(s.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /**
   * SCA-2: counts one wrong login of the session; returns the attempts so far, or 0 when the
   * session is gone (ended by a concurrent request).
   */
  int recordFailedLogin(String id) {
    AtomicInteger attempts = new AtomicInteger();
    sessions.computeIfPresent(
        id,
        (key, s) -> {
          Session next = s.withOneMoreFailure();
          attempts.set(next.failedAttempts());
          return next;
        });
    return attempts.get();
  }

  /** Ends the session; true only for the one caller that ended it (no double login). */
  boolean closeSession(String id) {
    return sessions.remove(id) != null;
  }

  /** A fresh code (a reported secret) for the session's authorisation. */
  String issueCode(Session session) {
    Instant now = clock.instant();
    codes.values().removeIf(c -> !now.isBefore(c.code().expiresAt().plus(CODE_LIFETIME)));
    String code = secrets.secret(32);
    codes.put(
        code,
        new CodeEntry(
            new Code(
                session.clientId(),
                session.redirectUri(),
                session.codeChallenge(),
                session.codeChallengeMethod(),
                session.scope(),
                session.target(),
                secrets.identifier(12),
                now.plus(CODE_LIFETIME)),
            false));
    return code;
  }

  /**
   * Presents a code. The first presentation of a live code is {@link Outcome#FRESH} and, when
   * {@code consume}, uses it up whatever the exchange's outcome (RFC 6749 4.1.2); a later one is
   * {@link Outcome#REUSED}. Only {@link Deviation#CODE_REUSABLE} passes {@code consume} false.
   */
  Redemption redeem(String code, boolean consume) {
    if (code == null) {
      return new Redemption(Outcome.UNKNOWN, Optional.empty());
    }
    Instant now = clock.instant();
    AtomicReference<Redemption> result =
        new AtomicReference<>(new Redemption(Outcome.UNKNOWN, Optional.empty()));
    codes.computeIfPresent(
        code,
        (key, entry) -> {
          if (entry.used()) {
            result.set(new Redemption(Outcome.REUSED, Optional.of(entry.code())));
            return entry;
          }
          if (!now.isBefore(entry.code().expiresAt())) {
            return entry;
          }
          result.set(new Redemption(Outcome.FRESH, Optional.of(entry.code())));
          return consume ? new CodeEntry(entry.code(), true) : entry;
        });
    return result.get();
  }

  /** Forgets everything (a wiped sandbox: contract section 1). */
  void clear() {
    sessions.clear();
    codes.clear();
  }
}
