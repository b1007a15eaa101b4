package com.obkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Login sessions (between the authorisation request and the PSU's login) and authorisation codes
 * (single use, 10 minutes), both expiring by the sandbox clock.
 */
final class AuthorizationStore {

  static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  /** A pending authorisation; {@link #toString()} shows no identifiers. */
  record Session(
      Tenant tenant,
      String clientId,
      String redirectUri,
      String state,
      String codeChallenge,
      String scope,
      Instant expiresAt) {
    Session {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(codeChallenge, "codeChallenge");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "Session[tenant=" + tenant + ", redirectUri=" + redirectUri + "]";
    }
  }

  /** What an authorisation code stands for. */
  record Code(
      String clientId, String redirectUri, String codeChallenge, String scope, Instant expiresAt) {
    Code {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(codeChallenge, "codeChallenge");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "Code[redirectUri=" + redirectUri + "]";
    }
  }

  private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Code> codes = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Secrets secrets;

  AuthorizationStore(Clock clock, Secrets secrets) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  String openSession(
      Tenant tenant,
      String clientId,
      String redirectUri,
      String state,
      String codeChallenge,
      String scope) {
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
            scope,
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

  /** Ends the session; true only for the one caller that ended it (no double login). */
  boolean closeSession(String id) {
    return sessions.remove(id) != null;
  }

  String issueCode(Session session) {
    Instant now = clock.instant();
    codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
    String code = secrets.secret(32);
    codes.put(
        code,
        new Code(
            session.clientId(),
            session.redirectUri(),
            session.codeChallenge(),
            session.scope(),
            now.plus(CODE_LIFETIME)));
    return code;
  }

  /** Single use: the code is gone after the first attempt, whatever its outcome. */
  Optional<Code> redeem(String code) {
    Code c = code == null ? null : codes.remove(code);
    if (c == null || !clock.instant().isBefore(c.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(c);
  }
}
