package com.obkit.pki;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The certificate profiles the kit can issue (contract section 3).
 *
 * <ul>
 *   <li>{@link #QSEALC}: production seal certificate for signing requests (ETSI EN 319 412-5:
 *       QcCompliance, QcType qct-eseal, PSD2 statement; keyUsage digitalSignature +
 *       nonRepudiation).
 *   <li>{@link #QWAC}: production website certificate for mutual TLS (QcCompliance, QcType qct-web,
 *       PSD2 statement; keyUsage digitalSignature + keyEncipherment; EKU serverAuth + clientAuth).
 *   <li>{@link #SANDBOX}: what the bank's API Test Client hands out ("sandbox reality"): only the
 *       PSD2 statement, keyUsage digitalSignature + nonRepudiation.
 * </ul>
 */
public enum CertificateProfile {
  QSEALC(
      true, QcStatements.QCT_ESEAL, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of()),
  QWAC(
      true,
      QcStatements.QCT_WEB,
      KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
      List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)),
  SANDBOX(false, null, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of());

  private final boolean qcCompliance;
  private final String qcType;
  private final int keyUsageBits;
  private final List<KeyPurposeId> extendedKeyUsages;

  CertificateProfile(
      boolean qcCompliance, String qcType, int keyUsageBits, List<KeyPurposeId> extendedKeyUsages) {
    this.qcCompliance = qcCompliance;
    this.qcType = qcType;
    this.keyUsageBits = keyUsageBits;
    this.extendedKeyUsages = extendedKeyUsages;
  }

  /** Whether certificates of this profile carry the QcCompliance statement (0.4.0.1862.1.1). */
  public boolean hasQcCompliance() {
    return qcCompliance;
  }

  /** The QcType this profile declares (qct-eseal / qct-web), empty for {@link #SANDBOX}. */
  public Optional<String> qcTypeOid() {
    return Optional.ofNullable(qcType);
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
