package com.obkit.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.qualified.QCStatement;

/**
 * Reads the {@code qcStatements} extension (RFC 3739, OID 1.3.6.1.5.5.7.1.3) and names the
 * statements of ETSI EN 319 412-5 and ETSI TS 119 495 the contract uses (section 3).
 */
public final class QcStatements {

  /** The qcStatements extension (RFC 3739). */
  public static final String EXTENSION_OID = "1.3.6.1.5.5.7.1.3";

  /** QcCompliance, ETSI EN 319 412-5: the certificate is an EU qualified certificate. */
  public static final String QC_COMPLIANCE = "0.4.0.1862.1.1";

  /** QcType, ETSI EN 319 412-5: statementInfo is a SEQUENCE OF OID. */
  public static final String QC_TYPE = "0.4.0.1862.1.6";

  /** QcType value for an electronic seal (QSealC). */
  public static final String QCT_ESEAL = "0.4.0.1862.1.6.2";

  /** QcType value for website authentication (QWAC). */
  public static final String QCT_WEB = "0.4.0.1862.1.6.3";

  /**
   * QcPDS, ETSI EN 319 412-5: statementInfo is a SEQUENCE OF PdsLocation { url IA5String, language
   * PrintableString SIZE(2) }, where the PKI disclosure statement is published.
   */
  public static final String QC_PDS = "0.4.0.1862.1.5";

  /** The PSD2 QC statement of ETSI TS 119 495. */
  public static final String PSD2 = "0.4.0.19495.2";

  private QcStatements() {}

  /** Whether the certificate's qcStatements hold QcCompliance. */
  public static boolean hasQcCompliance(X509Certificate certificate) {
    return statements(certificate).stream()
        .anyMatch(s -> s.getStatementId().getId().equals(QC_COMPLIANCE));
  }

  /**
   * The first OID of the first QcType statement, e.g. {@link #QCT_ESEAL}; empty when the
   * certificate declares no QcType.
   *
   * @throws IllegalArgumentException if the QcType statement is malformed
   */
  public static Optional<String> qcTypeOid(X509Certificate certificate) {
    for (QCStatement statement : statements(certificate)) {
      if (!statement.getStatementId().getId().equals(QC_TYPE)) {
        continue;
      }
      ASN1Encodable info = statement.getStatementInfo();
      if (!(info instanceof ASN1Sequence) || ((ASN1Sequence) info).size() == 0) {
        throw new IllegalArgumentException(
            "QcType statement must hold a non-empty SEQUENCE OF OID");
      }
      ASN1Encodable first = ((ASN1Sequence) info).getObjectAt(0);
      if (!(first instanceof ASN1ObjectIdentifier)) {
        throw new IllegalArgumentException("QcType statement holds a non-OID element");
      }
      return Optional.of(((ASN1ObjectIdentifier) first).getId());
    }
    return Optional.empty();
  }

  /**
   * The statement ids in the certificate's qcStatements, in order (empty without the extension).
   */
  public static List<String> statementIds(X509Certificate certificate) {
    List<String> ids = new ArrayList<>();
    for (QCStatement statement : statements(certificate)) {
      ids.add(statement.getStatementId().getId());
    }
    return List.copyOf(ids);
  }

  /**
   * All QC statements of the certificate; empty when it has no qcStatements extension.
   *
   * @throws IllegalArgumentException if the extension is not a SEQUENCE OF QCStatement
   */
  static List<QCStatement> statements(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(EXTENSION_OID);
    if (extension == null) {
      return List.of();
    }
    try {
      byte[] inner = ASN1OctetString.getInstance(extension).getOctets();
      ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(inner));
      List<QCStatement> result = new ArrayList<>();
      for (ASN1Encodable element : sequence) {
        result.add(QCStatement.getInstance(element));
      }
      return List.copyOf(result);
    } catch (IOException | RuntimeException e) {
      // BC signals structural errors with IllegalArgumentException/ClassCastException; one message
      // here.
      throw new IllegalArgumentException(
          "qcStatements extension is malformed (expected SEQUENCE OF QCStatement, RFC 3739): "
              + e.getMessage(),
          e);
    }
  }
}
