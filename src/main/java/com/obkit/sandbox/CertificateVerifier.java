package com.obkit.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The bank's certificate rules (contract sections 2 and 3), each one small named method so that a
 * single rule can be switched or broken on purpose: SIG-1 (certificate header present), SIG-7
 * ({@code SSL-Certificate} in the sandbox), CERT-1 (organizationIdentifier), CERT-2 (validity),
 * CERT-3 (parseable X.509), CERT-4 (not revoked), CERT-5 (PSD2 QC statement with a TPP role).
 *
 * <p>Deliberately independent of the kit's own certificate code: this is the second implementation
 * the kit is checked against. The {@link Deviation}s of these rules are switches inside these
 * methods.
 */
final class CertificateVerifier {

  static final String TPP_SIGNATURE_CERTIFICATE = "TPP-Signature-Certificate";
  static final String SSL_CERTIFICATE = "SSL-Certificate";

  /** RFC 3739 qcStatements extension. */
  static final String QC_STATEMENTS_OID = "1.3.6.1.5.5.7.1.3";

  /** ETSI TS 119 495 PSD2 QC statement id. */
  static final String PSD2_STATEMENT_OID = "0.4.0.19495.2";

  /** X.520 organizationIdentifier. */
  static final String ORGANIZATION_IDENTIFIER_OID = "2.5.4.97";

  /** Roles that make a TPP: payment initiation, account information, card-based instruments. */
  private final Clock clock;

  private final CertificateRegistry registry;
  private final SandboxOptions options;

  /**
   * A verifier judging validity (CERT-2) by {@code options}' clock and breaking exactly the
   * certificate rules named by {@code options}' deviations (none: the faithful verifier).
   */
  CertificateVerifier(SandboxOptions options, CertificateRegistry registry) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = options.clock();
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  SandboxOptions options() {
    return options;
  }

  /** SIG-7 (sandbox mode): {@code SSL-Certificate} present, parseable, within validity. */
  void verifySslCertificate(RequestView request) {
    if (options.deviates(Deviation.SSL_CERTIFICATE_NOT_REQUIRED)
        && !request.hasHeader(SSL_CERTIFICATE)) {
      return;
    }
    String value = requireCertificateHeaderPresent(request, SSL_CERTIFICATE);
    if (options.deviates(Deviation.SSL_CERTIFICATE_NOT_PARSED)) {
      return;
    }
    X509Certificate certificate = requireParseableCertificate(value, SSL_CERTIFICATE);
    requireWithinValidity(certificate, SSL_CERTIFICATE);
  }

  /**
   * SIG-1, CERT-3, CERT-2, CERT-1, CERT-4, CERT-5 on {@code TPP-Signature-Certificate}, in that
   * order.
   */
  TppCertificate verifySigningCertificate(RequestView request) {
    String header =
        options.deviates(Deviation.SIGNATURE_CERTIFICATE_NOT_REQUIRED)
                && !request.hasHeader(TPP_SIGNATURE_CERTIFICATE)
            ? SSL_CERTIFICATE
            : TPP_SIGNATURE_CERTIFICATE;
    String value = requireCertificateHeaderPresent(request, header);
    X509Certificate certificate = requireParseableCertificate(value, header);
    requireWithinValidity(certificate, header);
    OrganizationId organizationId = requireOrganizationIdentifier(certificate);
    String fingerprint = fingerprint(certificate);
    requireNotRevoked(fingerprint, organizationId);
    if (!options.deviates(Deviation.PSP_ROLES_NOT_CHECKED)) {
      requirePsd2TppRole(certificate);
    }
    return new TppCertificate(certificate, organizationId, fingerprint);
  }

  /** SIG-1 / SIG-7: the header is there ({@code CERTIFICATE_MISSING}). */
  String requireCertificateHeaderPresent(RequestView request, String header) {
    return request
        .header(header)
        .orElseThrow(
            () ->
                Rejection.unauthorized(
                    Rejection.CERTIFICATE_MISSING, "header " + header + " is missing"));
  }

  /**
   * CERT-3: base64 (no PEM armour, no line breaks) of exactly one DER X.509 certificate, nothing
   * trailing ({@code CERTIFICATE_INVALID}).
   */
  X509Certificate requireParseableCertificate(String value, String header) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      if (options.deviates(Deviation.SERVER_ERROR_ON_GARBLED_CERTIFICATE)) {
        throw Rejection.deviantServerError(e);
      }
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_INVALID,
          "header "
              + header
              + " is not base64 (DER certificate expected, no PEM armour, no line breaks)");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      X509Certificate certificate =
          (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
      if (certificate == null || certificate.getEncoded().length != der.length) {
        throw new CertificateException("trailing bytes after the certificate");
      }
      return certificate;
    } catch (CertificateException | RuntimeException e) {
      if (options.deviates(Deviation.SERVER_ERROR_ON_GARBLED_CERTIFICATE)) {
        throw Rejection.deviantServerError(e);
      }
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_INVALID, "header " + header + " is not an X.509 certificate");
    }
  }

  /** CERT-2 / SIG-7: valid at the sandbox clock's now ({@code CERTIFICATE_EXPIRED}). */
  void requireWithinValidity(X509Certificate certificate, String header) {
    Date now = Date.from(clock.instant());
    try {
      certificate.checkValidity(now);
    } catch (CertificateExpiredException e) {
      if (options.deviates(Deviation.EXPIRED_CERTIFICATE_ACCEPTED)) {
        return;
      }
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_EXPIRED,
          "certificate in " + header + " expired at " + certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      if (options.deviates(Deviation.NOT_YET_VALID_CERTIFICATE_ACCEPTED)) {
        return;
      }
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_EXPIRED,
          "certificate in "
              + header
              + " is not valid before "
              + certificate.getNotBefore().toInstant());
    }
  }

  /**
   * CERT-1: exactly one subject organizationIdentifier (2.5.4.97) following ETSI TS 119 495 5.2.1
   * ({@code CERTIFICATE_INVALID}).
   */
  OrganizationId requireOrganizationIdentifier(X509Certificate certificate) {
    List<String> values = organizationIdentifiers(certificate);
    if (values.isEmpty() && options.deviates(Deviation.ORGANIZATION_ID_NOT_REQUIRED)) {
      return surrogateOrganizationId(certificate.getSubjectX500Principal().getName());
    }
    if (values.isEmpty()) {
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_INVALID,
          "TPP-Signature-Certificate subject has no organizationIdentifier (2.5.4.97)");
    }
    if (values.size() > 1) {
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_INVALID,
          "TPP-Signature-Certificate subject has more than one organizationIdentifier");
    }
    String value = values.get(0);
    if (!OrganizationId.isValid(value)
        && options.deviates(Deviation.ORGANIZATION_ID_FORMAT_NOT_CHECKED)) {
      return surrogateOrganizationId(value);
    }
    if (!OrganizationId.isValid(value)) {
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_INVALID,
          "TPP-Signature-Certificate organizationIdentifier '"
              + value
              + "' does not follow ETSI TS 119 495 5.2.1 (PSD<CC>-<AUTHORITY>-<number>)");
    }
    return OrganizationId.of(value);
  }

  /**
   * CERT-4: not a certificate replaced by a newer one for its organization id ({@code
   * CERTIFICATE_REVOKED}).
   */
  void requireNotRevoked(String fingerprint, OrganizationId organizationId) {
    if (registry.isRevoked(fingerprint)) {
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_REVOKED,
          "TPP-Signature-Certificate was revoked: a newer certificate is registered for "
              + organizationId);
    }
  }

  /**
   * CERT-5: a PSD2 QC statement whose role names match their OIDs and which holds at least one TPP
   * role (PSP_PI, PSP_AI or PSP_IC) ({@code ROLE_INVALID}).
   */
  void requirePsd2TppRole(X509Certificate certificate) {
    List<String> roles = psd2Roles(certificate);
    if (roles.stream().noneMatch(PspRoles.TPP_ROLES::contains)) {
      throw Rejection.unauthorized(
          Rejection.ROLE_INVALID,
          "TPP-Signature-Certificate PSD2 roles "
              + roles
              + " contain none of PSP_PI, PSP_AI, PSP_IC");
    }
  }

  /** Lowercase hex SHA-256 of the DER encoding. */
  static String fingerprint(X509Certificate certificate) {
    try {
      return sha256Hex(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate that was just parsed", e);
    }
  }

  /**
   * CERT-1 deviations: what a bank that does not check the identifier binds tokens and clients to.
   * A well-formed stand-in ({@code PSDZZ-DEVIANT-<hash>}), stable per raw value, so that the rest
   * of the sandbox keeps working on {@link OrganizationId}s.
   */
  static OrganizationId surrogateOrganizationId(String raw) {
    return OrganizationId.of(
        "PSDZZ-DEVIANT-" + sha256Hex(raw.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  private static List<String> organizationIdentifiers(X509Certificate certificate) {
    ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(ORGANIZATION_IDENTIFIER_OID);
    List<String> values = new ArrayList<>();
    try {
      X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
      for (RDN rdn : subject.getRDNs()) {
        for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
          if (oid.equals(atv.getType())) {
            ASN1Encodable v = atv.getValue();
            // A non-string value cannot be a 5.2.1 identifier; keep it as an invalid marker.
            values.add(v instanceof ASN1String s ? s.getString() : "<non-string value>");
          }
        }
      }
    } catch (RuntimeException e) {
      throw Rejection.unauthorized(
          Rejection.CERTIFICATE_INVALID, "TPP-Signature-Certificate subject cannot be parsed");
    }
    return values;
  }

  /** The roles of the PSD2 QC statement; rejects a missing or malformed statement. */
  private static List<String> psd2Roles(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(QC_STATEMENTS_OID);
    if (extension == null) {
      throw Rejection.unauthorized(
          Rejection.ROLE_INVALID,
          "TPP-Signature-Certificate has no qcStatements extension (PSD2 QC statement required)");
    }
    Optional<ASN1Sequence> statement;
    try {
      ASN1Sequence statements =
          ASN1Sequence.getInstance(
              ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets()));
      statement = psd2Statement(statements);
    } catch (
        Exception
            e) { // BC throws IOException, IllegalArgumentException, ClassCastException on bad DER
      throw Rejection.unauthorized(
          Rejection.ROLE_INVALID, "TPP-Signature-Certificate qcStatements extension is malformed");
    }
    ASN1Sequence info =
        statement.orElseThrow(
            () ->
                Rejection.unauthorized(
                    Rejection.ROLE_INVALID,
                    "TPP-Signature-Certificate has no PSD2 QC statement ("
                        + PSD2_STATEMENT_OID
                        + ")"));
    try {
      if (info.size() != 3) {
        throw new IllegalArgumentException("PSD2 statement must hold rolesOfPSP, nCAName, nCAId");
      }
      ASN1UTF8String.getInstance(info.getObjectAt(1)); // nCAName
      ASN1UTF8String.getInstance(info.getObjectAt(2)); // nCAId
      List<String> roles = new ArrayList<>();
      for (ASN1Encodable element : ASN1Sequence.getInstance(info.getObjectAt(0))) {
        ASN1Sequence role = ASN1Sequence.getInstance(element);
        if (role.size() != 2) {
          throw new IllegalArgumentException("role must be roleOfPspOid, roleOfPspName");
        }
        String oid = ASN1ObjectIdentifier.getInstance(role.getObjectAt(0)).getId();
        String name = ASN1UTF8String.getInstance(role.getObjectAt(1)).getString();
        String known =
            PspRoles.nameOf(oid)
                .orElseThrow(
                    () ->
                        Rejection.unauthorized(
                            Rejection.ROLE_INVALID,
                            "TPP-Signature-Certificate PSD2 role OID " + oid + " is unknown"));
        if (!known.equals(name)) {
          throw Rejection.unauthorized(
              Rejection.ROLE_INVALID,
              "TPP-Signature-Certificate PSD2 role name '"
                  + name
                  + "' does not match its OID "
                  + oid
                  + " ("
                  + known
                  + ")");
        }
        roles.add(known);
      }
      return roles;
    } catch (Rejection r) {
      throw r;
    } catch (RuntimeException e) {
      throw Rejection.unauthorized(
          Rejection.ROLE_INVALID, "TPP-Signature-Certificate PSD2 QC statement is malformed");
    }
  }

  private static Optional<ASN1Sequence> psd2Statement(ASN1Sequence statements) {
    for (ASN1Encodable element : statements) {
      ASN1Sequence statement = ASN1Sequence.getInstance(element);
      ASN1ObjectIdentifier id = ASN1ObjectIdentifier.getInstance(statement.getObjectAt(0));
      if (PSD2_STATEMENT_OID.equals(id.getId())) {
        if (statement.size() < 2) {
          throw new IllegalArgumentException("PSD2 statement without statementInfo");
        }
        return Optional.of(ASN1Sequence.getInstance(statement.getObjectAt(1)));
      }
    }
    return Optional.empty();
  }
}
