package com.obkit.pki;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The certificate profiles the kit can issue (contract section 3).
 *
 * <ul>
 *   <li>{@link #QSEALC}: production seal certificate for signing requests (ETSI EN 319 412-5:
 *       QcCompliance, QcType qct-eseal, QcPDS, PSD2 statement; keyUsage digitalSignature +
 *       nonRepudiation; policy QCP-l).
 *   <li>{@link #QWAC}: production website certificate for mutual TLS (QcCompliance, QcType qct-web,
 *       QcPDS, PSD2 statement; keyUsage digitalSignature + keyEncipherment; EKU serverAuth +
 *       clientAuth; policies EV, EVCP, QCP-w, QCP-w-psd2; EV subject attributes; subjectAltName).
 *   <li>{@link #SANDBOX}: what the bank's API Test Client hands out ("sandbox reality"): only the
 *       PSD2 statement, keyUsage digitalSignature + nonRepudiation.
 * </ul>
 *
 * <p>The two production profiles carry what a qualified trust service puts into real certificates
 * (locality and state in the subject, certificatePolicies, cabfOrganizationIdentifier, authority
 * information access, CRL distribution points, an authority key identifier with the key identifier
 * only, at most 200 days of validity), so that a bank that chokes on a real certificate is caught
 * in testing. The sandbox profile deliberately does not.
 */
public enum CertificateProfile {
  QSEALC(
      true,
      QcStatements.QCT_ESEAL,
      KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
      List.of(),
      List.of(Policies.QCP_L)),
  QWAC(
      true,
      QcStatements.QCT_WEB,
      KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
      List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth),
      List.of(Policies.CABF_EV, Policies.EVCP, Policies.QCP_W, Policies.QCP_W_PSD2)),
  SANDBOX(false, null, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of(), List.of());

  /**
   * The longest validity of a production-profile certificate: the CA/Browser Forum TLS Baseline
   * Requirements (section 6.3.2) allow 200 days for certificates issued from March 2026 on; real
   * qualified trust services issue QSealCs on the same schedule as their QWACs.
   */
  public static final Duration MAX_PRODUCTION_VALIDITY = Duration.ofDays(200);

  /** Certificate policy OIDs of the production profiles. */
  public static final class Policies {
    /** CA/Browser Forum extended validation TLS certificate. */
    public static final String CABF_EV = "2.23.140.1.1";

    /** ETSI EN 319 411-1 EVCP: extended validation certificate policy. */
    public static final String EVCP = "0.4.0.2042.1.4";

    /** ETSI EN 319 411-2 QCP-w: qualified website authentication certificate. */
    public static final String QCP_W = "0.4.0.194112.1.4";

    /** ETSI TS 119 495 QCP-w-psd2: QWAC issued to a payment service provider. */
    public static final String QCP_W_PSD2 = "0.4.0.19495.3.1";

    /** ETSI EN 319 411-2 QCP-l: qualified certificate for an electronic seal (legal person). */
    public static final String QCP_L = "0.4.0.194112.1.1";

    private Policies() {}
  }

  private final boolean qcCompliance;
  private final String qcType;
  private final int keyUsageBits;
  private final List<KeyPurposeId> extendedKeyUsages;
  private final List<String> policies;

  CertificateProfile(
      boolean qcCompliance,
      String qcType,
      int keyUsageBits,
      List<KeyPurposeId> extendedKeyUsages,
      List<String> policies) {
    this.qcCompliance = qcCompliance;
    this.qcType = qcType;
    this.keyUsageBits = keyUsageBits;
    this.extendedKeyUsages = extendedKeyUsages;
    this.policies = policies;
  }

  /** Whether certificates of this profile carry the QcCompliance statement (0.4.0.1862.1.1). */
  public boolean hasQcCompliance() {
    return qcCompliance;
  }

  /**
   * Whether this is a production profile ({@link #QSEALC}, {@link #QWAC}): the certificate carries
   * everything a qualified certificate carries and is valid for at most {@link
   * #MAX_PRODUCTION_VALIDITY}.
   */
  public boolean isProduction() {
    return this != SANDBOX;
  }

  /** The QcType this profile declares (qct-eseal / qct-web), empty for {@link #SANDBOX}. */
  public Optional<String> qcTypeOid() {
    return Optional.ofNullable(qcType);
  }

  /** The certificatePolicies OIDs, in the order they are written; empty for {@link #SANDBOX}. */
  public List<String> policyOids() {
    return policies;
  }

  /** The longest validity this profile allows; empty for {@link #SANDBOX} (no limit). */
  public Optional<Duration> maxValidity() {
    return isProduction() ? Optional.of(MAX_PRODUCTION_VALIDITY) : Optional.empty();
  }

  /** Key usage bits as Bouncy Castle's {@link KeyUsage} constants. */
  int keyUsageBits() {
    return keyUsageBits;
  }

  /** Extended key usages; empty when the profile has no extendedKeyUsage extension. */
  List<KeyPurposeId> extendedKeyUsages() {
    return extendedKeyUsages;
  }
}
