package com.obkit.pki;

import java.util.Arrays;
import java.util.Optional;

/**
 * PSP roles of ETSI TS 119 495 (section 5.1), with their OIDs and the names the QC statement
 * carries.
 */
public enum PspRole {
  PSP_AS("0.4.0.19495.1.1"),
  PSP_PI("0.4.0.19495.1.2"),
  PSP_AI("0.4.0.19495.1.3"),
  PSP_IC("0.4.0.19495.1.4");

  private final String oid;

  PspRole(String oid) {
    this.oid = oid;
  }

  /** The role's object identifier, e.g. {@code 0.4.0.19495.1.3} for PSP_AI. */
  public String oid() {
    return oid;
  }

  /** The role for {@code oid}, if it is one of the four. */
  public static Optional<PspRole> byOid(String oid) {
    return Arrays.stream(values()).filter(r -> r.oid.equals(oid)).findFirst();
  }
}
