package com.obkit.sandbox;

import java.util.Objects;

/**
 * What an authorisation is for, as its scope names it (contract sections 10, 11, 14): a consent
 * ({@code AIS:<consentId>}) or a payment ({@code PIS:<paymentId>}). Access tokens are bound to
 * exactly one target (AIS-3, CNF-2, PIS-4).
 *
 * @param kind consent or payment
 * @param id the consent's or payment's id
 */
record ScaTarget(Kind kind, String id) {

  /** The two scope prefixes. */
  enum Kind {
    AIS,
    PIS
  }

  ScaTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a target needs an id");
    }
  }

  static ScaTarget consent(String id) {
    return new ScaTarget(Kind.AIS, id);
  }

  static ScaTarget payment(String id) {
    return new ScaTarget(Kind.PIS, id);
  }

  /**
   * The one {@code AIS:}/{@code PIS:} scope token of a space-separated scope, or null when it has
   * none (plain {@code openid} requests keep working, AUTH-1).
   *
   * @throws IllegalArgumentException when the scope names several targets or one without an id
   */
  static ScaTarget fromScope(String scope) {
    if (scope == null) {
      return null;
    }
    ScaTarget found = null;
    for (String token : scope.split(" ")) {
      Kind kind = token.startsWith("AIS:") ? Kind.AIS : token.startsWith("PIS:") ? Kind.PIS : null;
      if (kind == null) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException("the scope names more than one consent or payment");
      }
      String id = token.substring(4);
      if (id.isEmpty()) {
        throw new IllegalArgumentException("the scope token " + token + " names no id");
      }
      found = new ScaTarget(kind, id);
    }
    return found;
  }

  /** {@code AIS:<id>} or {@code PIS:<id>}. */
  String scopeToken() {
    return kind + ":" + id;
  }

  @Override
  public String toString() {
    return scopeToken();
  }
}
