package com.obkit.checks;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Checks of a generated eIDAS certificate against the ETSI profiles (contract section 3).
 *
 * <p>They read the certificate with Bouncy Castle's ASN.1 classes directly ({@link
 * X509CertificateHolder}, {@link QCStatement}, {@link KeyUsage}, {@link ExtendedKeyUsage}), never
 * with the kit's generator ({@code com.obkit.pki}), so the generator is not checked with itself.
 * The OIDs are spelled out here from ETSI EN 319 412-5 and ETSI TS 119 495.
 */
public final class CertificateChecks {

  /** Check name of {@link #organizationIdentifier}. */
  public static final String NAME_ORGANIZATION_IDENTIFIER = "CheckOrganizationIdentifier";

  /** Check name of {@link #psd2Statement}. */
  public static final String NAME_PSD2_STATEMENT = "CheckPsd2QcStatement";

  /** Check name of {@link #keyUsages}. */
  public static final String NAME_KEY_USAGES = "CheckKeyUsages";

  /** Check name of {@link #extendedKeyUsages}. */
  public static final String NAME_EXTENDED_KEY_USAGES = "CheckExtendedKeyUsages";

  /** Check name of {@link #qcComplianceAndType}. */
  public static final String NAME_QC_COMPLIANCE_AND_TYPE = "CheckQcComplianceAndType";

  /** Check name of {@link #sha256WithStrongRsa}. */
  public static final String NAME_SHA256_AND_RSA2048 = "CheckSha256AndRsa2048";

  /** QcCompliance, ETSI EN 319 412-5. */
  static final ASN1ObjectIdentifier QC_COMPLIANCE = new ASN1ObjectIdentifier("0.4.0.1862.1.1");

  /** QcType, ETSI EN 319 412-5: statementInfo is a SEQUENCE OF OID. */
  static final ASN1ObjectIdentifier QC_TYPE = new ASN1ObjectIdentifier("0.4.0.1862.1.6");

  /** The PSD2 QC statement, ETSI TS 119 495. */
  static final ASN1ObjectIdentifier PSD2 = new ASN1ObjectIdentifier("0.4.0.19495.2");

  private static final Map<String, String> QC_TYPES =
      Map.of("eseal", "0.4.0.1862.1.6.2", "web", "0.4.0.1862.1.6.3");

  /** PSP role names of ETSI TS 119 495 section 5.1 by their OIDs. */
  private static final Map<String, String> ROLE_BY_OID = roleOids();

  private static final int MIN_RSA_BITS = 2048;

  /** RFC 5280 KeyUsage bit names, in bit order, with Bouncy Castle's bit masks. */
  private static final Map<String, Integer> KEY_USAGES = keyUsageBits();

  private CertificateChecks() {}

  /**
   * CheckOrganizationIdentifier (CERT-1): the subject's {@code organizationIdentifier} (2.5.4.97)
   * is exactly {@code expected} (with several, the first in encoding order).
   */
  public static Check<X509Certificate> organizationIdentifier(String expected) {
    return reading(
        NAME_ORGANIZATION_IDENTIFIER,
        c -> {
          String actual = organizationIdentifierOf(c).orElse("<absent>");
          return actual.equals(expected)
              ? Optional.empty()
              : Optional.of("organizationIdentifier is " + actual + ", expected " + expected);
        });
  }

  /**
   * CheckPsd2QcStatement (CERT-5): the certificate holds exactly one PSD2 QC statement ({@code
   * 0.4.0.19495.2}) with these roles in this order (each roleOfPspName matching its OID), this NCA
   * name and this NCA id, all UTF8Strings.
   *
   * @param roles role names of ETSI TS 119 495 ({@code PSP_AS}, {@code PSP_PI}, {@code PSP_AI},
   *     {@code PSP_IC})
   * @throws IllegalArgumentException if a role name is not one of the four
   */
  public static Check<X509Certificate> psd2Statement(
      List<String> roles, String ncaName, String ncaId) {
    for (String role : roles) {
      if (!ROLE_BY_OID.containsValue(role)) {
        throw new IllegalArgumentException(
            "unknown PSP role '" + role + "' (expected one of " + ROLE_BY_OID.values() + ")");
      }
    }
    String expected = describePsd2(List.copyOf(roles), ncaName, ncaId);
    return reading(
        NAME_PSD2_STATEMENT,
        c -> {
          List<QCStatement> psd2 =
              qcStatements(c).stream().filter(s -> s.getStatementId().equals(PSD2)).toList();
          if (psd2.isEmpty()) {
            return Optional.of("no PSD2 QC statement (" + PSD2 + "), expected " + expected);
          }
          if (psd2.size() > 1) {
            return Optional.of("more than one PSD2 QC statement (" + PSD2 + ")");
          }
          String actual = psd2Of(psd2.get(0).getStatementInfo());
          return actual.equals(expected)
              ? Optional.empty()
              : Optional.of("PSD2 statement is " + actual + ", expected " + expected);
        });
  }

  /**
   * CheckKeyUsages: the keyUsage extension sets exactly {@code expected} (RFC 5280 names such as
   * {@code digitalSignature}, {@code nonRepudiation}), in any order.
   *
   * @throws IllegalArgumentException if a name is not an RFC 5280 key usage
   */
  public static Check<X509Certificate> keyUsages(List<String> expected) {
    for (String name : expected) {
      if (!KEY_USAGES.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown key usage '" + name + "' (expected one of " + KEY_USAGES.keySet() + ")");
      }
    }
    return reading(
        NAME_KEY_USAGES,
        c -> {
          KeyUsage ku = KeyUsage.fromExtensions(c.getExtensions());
          List<String> actual = new ArrayList<>();
          KEY_USAGES.forEach(
              (name, bit) -> {
                if (ku != null && ku.hasUsages(bit)) {
                  actual.add(name);
                }
              });
          return sameSet(actual, expected)
              ? Optional.empty()
              : Optional.of("key usages are " + actual + ", expected " + expected);
        });
  }

  /**
   * CheckExtendedKeyUsages: the extendedKeyUsage extension holds exactly {@code expected} ({@code
   * serverAuth}, {@code clientAuth}, other purposes by OID), in any order; none without it.
   */
  public static Check<X509Certificate> extendedKeyUsages(List<String> expected) {
    return reading(
        NAME_EXTENDED_KEY_USAGES,
        c -> {
          ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(c.getExtensions());
          List<String> actual = new ArrayList<>();
          for (KeyPurposeId purpose : eku == null ? new KeyPurposeId[0] : eku.getUsages()) {
            actual.add(
                purpose.equals(KeyPurposeId.id_kp_serverAuth)
                    ? "serverAuth"
                    : purpose.equals(KeyPurposeId.id_kp_clientAuth)
                        ? "clientAuth"
                        : purpose.getId());
          }
          return sameSet(actual, expected)
              ? Optional.empty()
              : Optional.of("extended key usages are " + actual + ", expected " + expected);
        });
  }

  /**
   * CheckQcComplianceAndType: the qcStatements hold QcCompliance ({@code 0.4.0.1862.1.1}) and a
   * QcType ({@code 0.4.0.1862.1.6}) of exactly {@code qct-eseal} ({@code type} {@code eseal}) or
   * {@code qct-web} ({@code web}).
   *
   * @throws IllegalArgumentException if {@code type} is neither {@code eseal} nor {@code web}
   */
  public static Check<X509Certificate> qcComplianceAndType(String type) {
    String expectedOid = QC_TYPES.get(type);
    if (expectedOid == null) {
      throw new IllegalArgumentException("QC type must be eseal or web, not " + type);
    }
    return reading(
        NAME_QC_COMPLIANCE_AND_TYPE,
        c -> {
          List<QCStatement> statements = qcStatements(c);
          if (statements.stream().noneMatch(s -> s.getStatementId().equals(QC_COMPLIANCE))) {
            return Optional.of("no QcCompliance statement (" + QC_COMPLIANCE + ")");
          }
          List<String> types = new ArrayList<>();
          for (QCStatement s : statements) {
            if (s.getStatementId().equals(QC_TYPE)) {
              for (ASN1Encodable oid : sequence(s.getStatementInfo(), "QcType statementInfo")) {
                types.add(ASN1ObjectIdentifier.getInstance(oid).getId());
              }
            }
          }
          return types.equals(List.of(expectedOid))
              ? Optional.empty()
              : Optional.of("QcType is " + types + ", expected [" + expectedOid + "]");
        });
  }

  /**
   * CheckSha256AndRsa2048: signed with sha256WithRSAEncryption ({@code 1.2.840.113549.1.1.11}), and
   * the subject key is RSA of at least 2048 bits.
   */
  public static Check<X509Certificate> sha256WithStrongRsa() {
    return reading(
        NAME_SHA256_AND_RSA2048,
        c -> {
          List<String> problems = new ArrayList<>();
          ASN1ObjectIdentifier signature = c.getSignatureAlgorithm().getAlgorithm();
          if (!signature.equals(PKCSObjectIdentifiers.sha256WithRSAEncryption)) {
            problems.add(
                "signature algorithm is "
                    + signature
                    + ", expected sha256WithRSAEncryption "
                    + PKCSObjectIdentifiers.sha256WithRSAEncryption);
          }
          SubjectPublicKeyInfo key = c.getSubjectPublicKeyInfo();
          ASN1ObjectIdentifier keyAlgorithm = key.getAlgorithm().getAlgorithm();
          if (!keyAlgorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            problems.add(
                "key algorithm is "
                    + keyAlgorithm
                    + ", expected rsaEncryption "
                    + PKCSObjectIdentifiers.rsaEncryption);
          } else {
            int bits = rsaModulus(key).bitLength();
            if (bits < MIN_RSA_BITS) {
              problems.add("RSA key has " + bits + " bits, expected at least " + MIN_RSA_BITS);
            }
          }
          return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        });
  }

  /**
   * A check that reads the certificate's DER with Bouncy Castle first; a certificate or extension
   * that cannot be read is a failure of the check, named, never an exception.
   */
  private static Check<X509Certificate> reading(
      String name, Function<X509CertificateHolder, Optional<String>> evaluation) {
    return new Check<>(
        name,
        certificate -> {
          try {
            return evaluation.apply(new X509CertificateHolder(certificate.getEncoded()));
          } catch (IOException | CertificateEncodingException | RuntimeException e) {
            return Optional.of("certificate cannot be read: " + e.getMessage());
          }
        });
  }

  private static Optional<String> organizationIdentifierOf(X509CertificateHolder c) {
    for (RDN rdn : c.getSubject().getRDNs(BCStyle.ORGANIZATION_IDENTIFIER)) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        if (attribute.getType().equals(BCStyle.ORGANIZATION_IDENTIFIER)) {
          ASN1Encodable value = attribute.getValue();
          return Optional.of(
              value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value));
        }
      }
    }
    return Optional.empty();
  }

  /** The statements of the qcStatements extension (RFC 3739), none without it. */
  private static List<QCStatement> qcStatements(X509CertificateHolder c) {
    Extension extension = c.getExtension(Extension.qCStatements);
    if (extension == null) {
      return List.of();
    }
    List<QCStatement> out = new ArrayList<>();
    for (ASN1Encodable element : sequence(extension.getParsedValue(), "qcStatements")) {
      out.add(QCStatement.getInstance(element));
    }
    return out;
  }

  /** The PSD2 statementInfo as {@code {roles [...], nCAName '...', nCAId '...'}}. */
  private static String psd2Of(ASN1Encodable info) {
    ASN1Sequence psd2 = sequence(info, "PSD2 statementInfo");
    if (psd2.size() != 3) {
      throw new IllegalArgumentException(
          "PSD2 statementInfo has " + psd2.size() + " elements, expected 3");
    }
    List<String> roles = new ArrayList<>();
    for (ASN1Encodable element : sequence(psd2.getObjectAt(0), "rolesOfPSP")) {
      ASN1Sequence role = sequence(element, "roleOfPSP");
      if (role.size() != 2) {
        throw new IllegalArgumentException(
            "roleOfPSP has " + role.size() + " elements, expected 2 (roleOfPspOid, roleOfPspName)");
      }
      String oid = ASN1ObjectIdentifier.getInstance(role.getObjectAt(0)).getId();
      String name = utf8(role.getObjectAt(1), "roleOfPspName");
      String named = ROLE_BY_OID.get(oid);
      if (named == null) {
        throw new IllegalArgumentException("unknown roleOfPspOid " + oid);
      }
      if (!name.equals(named)) {
        throw new IllegalArgumentException(
            "roleOfPspName '" + name + "' does not match roleOfPspOid " + oid + " (" + named + ")");
      }
      roles.add(name);
    }
    return describePsd2(
        roles, utf8(psd2.getObjectAt(1), "nCAName"), utf8(psd2.getObjectAt(2), "nCAId"));
  }

  private static String describePsd2(List<String> roles, String ncaName, String ncaId) {
    return "{roles " + roles + ", nCAName '" + ncaName + "', nCAId '" + ncaId + "'}";
  }

  private static ASN1Sequence sequence(ASN1Encodable value, String what) {
    if (!(value instanceof ASN1Sequence s)) {
      throw new IllegalArgumentException(what + " is not a SEQUENCE");
    }
    return s;
  }

  /** ETSI TS 119 495 types the PSD2 statement's strings as UTF8String; anything else is wrong. */
  private static String utf8(ASN1Encodable value, String what) {
    if (!(value instanceof ASN1UTF8String s)) {
      throw new IllegalArgumentException(what + " is not a UTF8String");
    }
    return s.getString();
  }

  private static BigInteger rsaModulus(SubjectPublicKeyInfo key) {
    try {
      return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
    } catch (IOException e) {
      throw new IllegalArgumentException("RSA public key is malformed: " + e.getMessage(), e);
    }
  }

  private static boolean sameSet(List<String> actual, List<String> expected) {
    return actual.size() == expected.size()
        && new HashSet<>(actual).equals(new HashSet<>(expected));
  }

  private static Map<String, String> roleOids() {
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("0.4.0.19495.1.1", "PSP_AS");
    roles.put("0.4.0.19495.1.2", "PSP_PI");
    roles.put("0.4.0.19495.1.3", "PSP_AI");
    roles.put("0.4.0.19495.1.4", "PSP_IC");
    return roles;
  }

  private static Map<String, Integer> keyUsageBits() {
    Map<String, Integer> bits = new LinkedHashMap<>();
    bits.put("digitalSignature", KeyUsage.digitalSignature);
    bits.put("nonRepudiation", KeyUsage.nonRepudiation);
    bits.put("keyEncipherment", KeyUsage.keyEncipherment);
    bits.put("dataEncipherment", KeyUsage.dataEncipherment);
    bits.put("keyAgreement", KeyUsage.keyAgreement);
    bits.put("keyCertSign", KeyUsage.keyCertSign);
    bits.put("cRLSign", KeyUsage.cRLSign);
    bits.put("encipherOnly", KeyUsage.encipherOnly);
    bits.put("decipherOnly", KeyUsage.decipherOnly);
    return bits;
  }
}
