package com.obkit.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.qualified.QCStatement;

/**
 * The PSD2 QC statement of ETSI TS 119 495 (statement id {@code 0.4.0.19495.2}, contract section 3,
 * rule CERT-5):
 *
 * <pre>
 * PSD2QcType ::= SEQUENCE {
 *   rolesOfPSP RolesOfPSP,          -- SEQUENCE OF SEQUENCE { roleOfPspOid OID, roleOfPspName UTF8String }
 *   nCAName    UTF8String,
 *   nCAId      UTF8String }
 * </pre>
 *
 * @param roles the PSP roles, in certificate order (may be empty: negative tests use that)
 * @param ncaName the competent authority's name
 * @param ncaId the competent authority's id, e.g. {@code NL-DNB}
 */
public record Psd2QcStatement(List<PspRole> roles, String ncaName, String ncaId) {

  public Psd2QcStatement {
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(ncaName, "ncaName");
    Objects.requireNonNull(ncaId, "ncaId");
    roles = List.copyOf(roles); // also refuses null elements
  }

  /** Whether the statement grants {@code role} (CERT-5: roles must allow the service). */
  public boolean hasRole(PspRole role) {
    return roles.contains(role);
  }

  /**
   * The PSD2 statement of {@code certificate}.
   *
   * @return empty when the certificate has no qcStatements extension or no PSD2 statement in it
   * @throws IllegalArgumentException naming the defect when the statement is malformed, a role OID
   *     is unknown, a roleOfPspName does not match its OID, or there is more than one PSD2
   *     statement
   */
  public static Optional<Psd2QcStatement> from(X509Certificate certificate) {
    Psd2QcStatement found = null;
    for (QCStatement statement : QcStatements.statements(certificate)) {
      if (!statement.getStatementId().getId().equals(QcStatements.PSD2)) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException(
            "qcStatements hold more than one PSD2 statement (0.4.0.19495.2)");
      }
      found = fromStatementInfo(statement.getStatementInfo());
    }
    return Optional.ofNullable(found);
  }

  /** Parses the statementInfo of a PSD2 statement. */
  static Psd2QcStatement fromStatementInfo(ASN1Encodable info) {
    if (!(info instanceof ASN1Sequence)) {
      throw new IllegalArgumentException(
          "PSD2 statement (0.4.0.19495.2) must hold SEQUENCE { rolesOfPSP, nCAName, nCAId }, found "
              + (info == null ? "no statementInfo" : info.getClass().getSimpleName()));
    }
    ASN1Sequence sequence = (ASN1Sequence) info;
    if (sequence.size() != 3) {
      throw new IllegalArgumentException(
          "PSD2 statement must have 3 elements (rolesOfPSP, nCAName, nCAId), found "
              + sequence.size());
    }
    if (!(sequence.getObjectAt(0) instanceof ASN1Sequence)) {
      throw new IllegalArgumentException("PSD2 statement: rolesOfPSP is not a SEQUENCE");
    }
    List<PspRole> roles = new ArrayList<>();
    for (ASN1Encodable element : (ASN1Sequence) sequence.getObjectAt(0)) {
      roles.add(role(element));
    }
    String ncaName = utf8(sequence.getObjectAt(1), "nCAName");
    String ncaId = utf8(sequence.getObjectAt(2), "nCAId");
    return new Psd2QcStatement(roles, ncaName, ncaId);
  }

  private static PspRole role(ASN1Encodable element) {
    if (!(element instanceof ASN1Sequence) || ((ASN1Sequence) element).size() != 2) {
      throw new IllegalArgumentException(
          "PSD2 statement: a role is not SEQUENCE { roleOfPspOid, roleOfPspName }");
    }
    ASN1Sequence roleSequence = (ASN1Sequence) element;
    if (!(roleSequence.getObjectAt(0) instanceof ASN1ObjectIdentifier)) {
      throw new IllegalArgumentException(
          "PSD2 statement: roleOfPspOid is not an OBJECT IDENTIFIER");
    }
    String oid = ((ASN1ObjectIdentifier) roleSequence.getObjectAt(0)).getId();
    String name = utf8(roleSequence.getObjectAt(1), "roleOfPspName");
    PspRole role =
        PspRole.byOid(oid)
            .orElseThrow(
                () -> new IllegalArgumentException("PSD2 statement: unknown roleOfPspOid " + oid));
    if (!role.name().equals(name)) {
      throw new IllegalArgumentException(
          "PSD2 statement: roleOfPspName '"
              + name
              + "' does not match roleOfPspOid "
              + oid
              + " (expected "
              + role.name()
              + ")");
    }
    return role;
  }

  private static String utf8(ASN1Encodable value, String field) {
    // ETSI TS 119 495 types these fields as UTF8String; another string type is a profile violation.
    if (!(value instanceof ASN1UTF8String)) {
      throw new IllegalArgumentException(
          "PSD2 statement: "
              + field
              + " is not a UTF8String (found "
              + value.getClass().getSimpleName()
              + ")");
    }
    return ((ASN1UTF8String) value).getString();
  }

  /** This statement as an RFC 3739 QCStatement, ready for the qcStatements extension. */
  QCStatement toQcStatement() {
    ASN1EncodableVector roleVector = new ASN1EncodableVector();
    for (PspRole role : roles) {
      roleVector.add(
          new DERSequence(
              new ASN1Encodable[] {
                new ASN1ObjectIdentifier(role.oid()), new DERUTF8String(role.name())
              }));
    }
    DERSequence info =
        new DERSequence(
            new ASN1Encodable[] {
              new DERSequence(roleVector), new DERUTF8String(ncaName), new DERUTF8String(ncaId)
            });
    return new QCStatement(new ASN1ObjectIdentifier(QcStatements.PSD2), info);
  }
}
