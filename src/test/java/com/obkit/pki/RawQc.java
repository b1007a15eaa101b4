package com.obkit.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * Reads qcStatements with nothing but raw BC ASN.1 primitives, independently of {@link
 * QcStatements} and {@link Psd2QcStatement}, so tests do not check the parser with itself.
 */
final class RawQc {

  /** statement id -> statementInfo (null when absent), in order. */
  final Map<String, ASN1Encodable> statements = new LinkedHashMap<>();

  private RawQc() {}

  static RawQc of(X509Certificate certificate) throws IOException {
    RawQc raw = new RawQc();
    byte[] ext = certificate.getExtensionValue("1.3.6.1.5.5.7.1.3");
    if (ext == null) {
      return raw;
    }
    ASN1Sequence seq =
        (ASN1Sequence)
            ASN1Primitive.fromByteArray(
                ((ASN1OctetString) ASN1Primitive.fromByteArray(ext)).getOctets());
    for (ASN1Encodable element : seq) {
      ASN1Sequence statement = (ASN1Sequence) element;
      String id = ((ASN1ObjectIdentifier) statement.getObjectAt(0)).getId();
      raw.statements.put(id, statement.size() > 1 ? statement.getObjectAt(1) : null);
    }
    return raw;
  }

  /** [oid, name] pairs of the PSD2 statement's rolesOfPSP. */
  List<List<String>> psd2Roles() {
    List<List<String>> roles = new ArrayList<>();
    for (ASN1Encodable role : (ASN1Sequence) psd2().getObjectAt(0)) {
      ASN1Sequence pair = (ASN1Sequence) role;
      roles.add(
          List.of(
              ((ASN1ObjectIdentifier) pair.getObjectAt(0)).getId(),
              ((DERUTF8String) pair.getObjectAt(1)).getString()));
    }
    return roles;
  }

  String psd2NcaName() {
    return ((DERUTF8String) psd2().getObjectAt(1)).getString();
  }

  String psd2NcaId() {
    return ((DERUTF8String) psd2().getObjectAt(2)).getString();
  }

  List<String> qcTypes() {
    List<String> types = new ArrayList<>();
    for (ASN1Encodable oid : (ASN1Sequence) statements.get("0.4.0.1862.1.6")) {
      types.add(((ASN1ObjectIdentifier) oid).getId());
    }
    return types;
  }

  private ASN1Sequence psd2() {
    return (ASN1Sequence) statements.get("0.4.0.19495.2");
  }
}
