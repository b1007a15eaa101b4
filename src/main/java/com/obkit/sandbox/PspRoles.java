package com.obkit.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PSD2 roles of ETSI TS 119 495 (contract section 3) as the sandbox reads them: role OID to
 * role name, and the roles that allow a TPP's service. Independent of the kit's {@code
 * pki.PspRole}, so CERT-5 is not judged by the code under test.
 */
final class PspRoles {
  /** {@code roleOfPspOid} → {@code roleOfPspName}. */
  private static final Map<String, String> BY_OID =
      Map.of(
          "0.4.0.19495.1.1", "PSP_AS",
          "0.4.0.19495.1.2", "PSP_PI",
          "0.4.0.19495.1.3", "PSP_AI",
          "0.4.0.19495.1.4", "PSP_IC");

  /** The roles that allow account information, payment initiation or card-based services. */
  static final Set<String> TPP_ROLES = Set.of("PSP_PI", "PSP_AI", "PSP_IC");

  private PspRoles() {}

  /** The name the contract gives the role OID, or empty for an unknown OID. */
  static Optional<String> nameOf(String oid) {
    return Optional.ofNullable(BY_OID.get(oid));
  }
}
