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
  private final SecureRandom random = new SecureRandom();

  TppFactory(TestCa ca, KeyPool keys, BankMode mode, Optional<Tpp> configured) {
    this.ca = ca;
    this.keys = keys;
    this.defaultProfile =
        mode == BankMode.SANDBOX ? CertificateProfile.SANDBOX : CertificateProfile.QSEALC;
    this.configured = configured;
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

  /** The scenario's TPP: a fresh organization id and certificate, or the configured TPP. */
  public Tpp newTpp() {
    return configured.orElseGet(() -> issue(freshOrganizationId(), UnaryOperator.identity()));
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
    return issue(tpp.organizationId(), UnaryOperator.identity());
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
