package com.obkit.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Certificate helpers: header values (contract section 2), organization identifier (CERT-1), PEM.
 */
public final class Certificates {

  private Certificates() {}

  /**
   * Parses a {@code TPP-Signature-Certificate} / {@code SSL-Certificate} header value: base64 of
   * the DER encoding, no PEM armour (contract section 2; CERT-3 when it is not a certificate).
   * Surrounding whitespace is ignored; whitespace inside the value is not.
   *
   * @throws InvalidCertificateException naming the problem: empty, PEM armour, not base64, not a
   *     certificate
   */
  public static X509Certificate fromBase64Der(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidCertificateException("certificate value is empty");
    }
    String trimmed = value.strip();
    if (trimmed.startsWith("-----BEGIN")) {
      throw new InvalidCertificateException(
          "certificate value carries PEM armour; expected base64 of the DER encoding only");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new InvalidCertificateException(
          "certificate value is not base64: " + e.getMessage(), e);
    }
    if (der.length == 0) {
      throw new InvalidCertificateException("certificate value is empty after base64 decoding");
    }
    try {
      Certificate certificate =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
      if (!(certificate instanceof X509Certificate)) {
        throw new InvalidCertificateException("certificate value is not an X.509 certificate");
      }
      X509Certificate x509 = (X509Certificate) certificate;
      // The JDK factory stops after the first object: trailing bytes mean it was not one clean DER
      // value.
      if (x509.getEncoded().length != der.length) {
        throw new InvalidCertificateException(
            "certificate value has "
                + (der.length - x509.getEncoded().length)
                + " trailing bytes after the DER certificate");
      }
      return x509;
    } catch (CertificateException | RuntimeException e) {
      if (e instanceof InvalidCertificateException) {
        throw (InvalidCertificateException) e;
      }
      throw new InvalidCertificateException(
          "certificate value is base64 but not a DER X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** The certificate as a header value: base64 of DER, one line. */
  public static String toBase64Der(X509Certificate certificate) {
    return Base64.getEncoder().encodeToString(encoded(certificate));
  }

  /**
   * The raw {@code organizationIdentifier} (2.5.4.97) of the certificate's subject, unvalidated
   * (check it with {@link OrganizationId#isValid(String)}, CERT-1); empty when the subject has
   * none. With several, the first in encoding order.
   */
  public static Optional<String> organizationIdentifier(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    for (RDN rdn : subject.getRDNs(BCStyle.ORGANIZATION_IDENTIFIER)) {
      for (var attribute : rdn.getTypesAndValues()) {
        if (attribute.getType().equals(BCStyle.ORGANIZATION_IDENTIFIER)) {
          ASN1Encodable value = attribute.getValue();
          return Optional.of(
              value instanceof ASN1String
                  ? ((ASN1String) value).getString()
                  : IETFUtils.valueToString(value));
        }
      }
    }
    return Optional.empty();
  }

  /** PEM ({@code -----BEGIN CERTIFICATE-----}, 64-character lines, trailing newline). */
  public static String toPem(X509Certificate certificate) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(encoded(certificate));
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }

  /** SHA-256 over the DER encoding, lowercase hex without separators. */
  public static String sha256Fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(encoded(certificate)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }
}
