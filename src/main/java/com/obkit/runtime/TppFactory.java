package com.obkit.runtime;

import com.obkit.client.Tpp;
import com.obkit.config.BankMode;
import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Makes the TPP each scenario acts as. With generated credentials every scenario gets its own
 * organization id (so scenarios stand alone and can run in parallel) and a certificate from the
 * run's test CA; key pairs come from a pool, because RSA key generation would otherwise dominate
 * the run. With credentials from files every scenario acts as the one configured TPP.
 */
public final class TppFactory {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final TestCa ca;
  private final KeyPool keys;
  private final CertificateProfile defaultProfile;
  private final Optional<Tpp> configured;
  private final Optional<IdentityPool> pool;
  private final SecureRandom random = new SecureRandom();

  TppFactory(TestCa ca, KeyPool keys, BankMode mode, Optional<Tpp> configured) {
    this(ca, keys, mode, configured, Optional.empty());
  }

  TppFactory(
      TestCa ca,
      KeyPool keys,
      BankMode mode,
      Optional<Tpp> configured,
      Optional<IdentityPool> pool) {
    this.ca = ca;
    this.keys = keys;
    this.defaultProfile = profile(mode);
    this.configured = configured;
    this.pool = pool;
  }

  /** The certificate profile of generated identities in {@code mode}. */
  static CertificateProfile profile(BankMode mode) {
    return mode == BankMode.SANDBOX ? CertificateProfile.SANDBOX : CertificateProfile.QSEALC;
  }

  /** The identity pool ({@code kit.identities=pool} with generated credentials). */
  public Optional<IdentityPool> pool() {
    return pool;
  }

  /**
   * Whether certificates are generated (so negative certificate scenarios can make broken ones).
   */
  public boolean generates() {
    return configured.isEmpty();
  }

  /** A fresh organization id, unique to the scenario: {@code PSDNL-DNB-KIT<10 random>}. */
  public OrganizationId freshOrganizationId() {
    StringBuilder sb = new StringBuilder("PSDNL-DNB-KIT");
    for (int i = 0; i < 10; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return OrganizationId.of(sb.toString());
  }

  /** A TPP of its own: a fresh organization id and certificate, or the configured TPP. */
  public Tpp newTpp() {
    return configured.orElseGet(() -> issue(freshOrganizationId(), UnaryOperator.identity()));
  }

  /**
   * The scenario's TPP number {@code ordinal} (1 for the TPP it acts as, 2 for "another TPP"): the
   * configured TPP; with {@code kit.identities=pool} the one the pool keeps for this scenario (the
   * bank registered it in an earlier run); else a fresh organization id and certificate.
   *
   * @param scenario a stable key of the scenario (feature file and scenario name)
   * @param line the scenario's line (tells apart scenarios of one name)
   */
  public Tpp newTpp(String scenario, int line, int ordinal) {
    if (configured.isPresent() || pool.isEmpty()) {
      return newTpp();
    }
    return pool.get()
        .tpp(
            scenario,
            line,
            ordinal,
            this::freshOrganizationId,
            orgId -> certificate(orgId, UnaryOperator.identity()));
  }

  /** A TPP with a certificate for {@code orgId}, customised (validity, roles, profile, ...). */
  public Tpp issue(OrganizationId orgId, UnaryOperator<CertificateSpec.Builder> customise) {
    return new Tpp(orgId, certificate(orgId, customise));
  }

  /**
   * A new certificate for the same organization id (a renewal, as the bank's test client would
   * give).
   */
  public Tpp renew(Tpp tpp) {
    Tpp renewed = issue(tpp.organizationId(), UnaryOperator.identity());
    // The renewed certificate becomes the organization's active one at the bank (CERT-4): the
    // pool keeps it, or the next run would present a revoked certificate.
    pool.ifPresent(p -> p.renewed(renewed));
    return renewed;
  }

  /**
   * A certificate for {@code orgId} from the run's test CA with the default profile, customised.
   * Available whatever the credential source: the kit's self-checks inspect its generator even when
   * the scenarios act with the TPP's certificate from files.
   */
  public Credentials certificate(
      OrganizationId orgId, UnaryOperator<CertificateSpec.Builder> customise) {
    CertificateSpec spec =
        customise.apply(CertificateSpec.builder(orgId).profile(defaultProfile)).build();
    return ca.issue(spec, keys.next());
  }
}
