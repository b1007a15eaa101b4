package com.obkit.sandbox;

/**
 * The Berlin Group SCA status of a consent's or payment's one authorisation (its {@code scaStatus}
 * link): {@code received} when created, {@code started} once the authorisation endpoint opened a
 * login for it (from then on its {@code scaRedirect} is used up, SCA-3), {@code unconfirmed} once
 * the PSU logged in and a code was issued, {@code finalised} after the TPP's confirmation (CNF-1,
 * PIS-2), {@code failed} after a cancellation or the third wrong login (SCA-2).
 */
enum ScaStatus {
  RECEIVED("received"),
  STARTED("started"),
  UNCONFIRMED("unconfirmed"),
  FINALISED("finalised"),
  FAILED("failed");

  private final String value;

  ScaStatus(String value) {
    this.value = value;
  }

  /** The value in JSON answers. */
  String value() {
    return value;
  }
}
