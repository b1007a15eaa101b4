package com.obkit.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * An in-memory test CA that issues eIDAS-profile test certificates (contract section 3) and TLS
 * server certificates for the embedded sandbox. Signatures are SHA256withRSA; keys must be RSA of
 * at least 2048 bits. Thread-safe: its state is immutable apart from the (thread-safe) {@link
 * SecureRandom}.
 */
public final class TestCa {

  /** Signature algorithm of every certificate: never SHA-1 (contract section 3). */
  static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

  private static final int MIN_RSA_BITS = 2048;

  /**
   * Random serial size: RFC 5280 asks for at least 64 bits of entropy; 127 bits fit in 16 octets.
   */
  private static final int SERIAL_BITS = 127;

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final X500Name subject;
  private final SecureRandom random = new SecureRandom();

  private TestCa(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  /**
   * A self-signed CA (basicConstraints CA critical, keyUsage keyCertSign + cRLSign, SKI), valid
   * from a day ago for ten years.
   *
   * @param subjectDn the CA's DN in RFC 2253 / RFC 1779 syntax, as {@link X500Principal} parses it
   *     (so attribute order matches what {@code getName("RFC1779")} prints back); OIDs may be
   *     written as {@code 2.5.4.97=} or {@code OID.2.5.4.97=}
   * @param key the CA's RSA key pair (at least 2048 bits)
   */
  public static TestCa create(String subjectDn, KeyPair key) {
    Objects.requireNonNull(subjectDn, "subjectDn");
    X500Principal principal;
    try {
      principal = new X500Principal(subjectDn);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "CA subject DN '" + subjectDn + "' cannot be parsed: " + e.getMessage(), e);
    }
    return create(X500Name.getInstance(principal.getEncoded()), key);
  }

  /**
   * A CA whose subject mirrors the issuer of the bank's sandbox test certificates: {@code
   * CN=Xs2aTpp.com, O=TriodosBank, 2.5.4.97=<caOrgId>, L=Zeist, C=NL} (contract section 3, "sandbox
   * reality").
   */
  public static TestCa sandboxLike(KeyPair key, OrganizationId caOrgId) {
    Objects.requireNonNull(caOrgId, "caOrgId");
    // Encoded most-significant first (C ... CN), so RFC 1779 prints it CN first, as the bank's Key
    // Id does.
    X500Name name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "NL")
            .addRDN(BCStyle.L, "Zeist")
            .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, caOrgId.value())
            .addRDN(BCStyle.O, "TriodosBank")
            .addRDN(BCStyle.CN, "Xs2aTpp.com")
            .build();
    return create(name, key);
  }

  private static TestCa create(X500Name name, KeyPair key) {
    Objects.requireNonNull(key, "key");
    requireStrongRsa(key.getPublic(), "CA key");
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  new BigInteger(SERIAL_BITS - 1, new SecureRandom()).setBit(SERIAL_BITS - 1),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  name,
                  key.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(key.getPublic()));
      X509Certificate certificate = sign(builder, key.getPrivate(), key.getPublic());
      return new TestCa(certificate, key.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot create test CA certificate", e);
    }
  }

  /**
   * A CA kept from an earlier run (its certificate and private key, as {@link #privateKey()} gave
   * them): the kit's identity pool issues renewals from the CA that issued the pooled certificates.
   *
   * @throws IllegalArgumentException if the certificate is no CA certificate, is not self-signed,
   *     or the key does not match it
   */
  public static TestCa restore(X509Certificate certificate, PrivateKey privateKey) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException("not a CA certificate (basicConstraints CA is not set)");
    }
    try {
      certificate.verify(certificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the CA certificate is not self-signed", e);
    }
    requireStrongRsa(certificate.getPublicKey(), "CA key");
    if (!(privateKey instanceof RSAKey rsa)
        || !rsa.getModulus().equals(((RSAKey) certificate.getPublicKey()).getModulus())) {
      throw new IllegalArgumentException("the private key does not match the CA certificate");
    }
    return new TestCa(certificate, privateKey);
  }

  /** The CA's private key, for the identity pool to keep (owner-only files); never printed. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The CA's self-signed certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Issues a certificate for {@code spec} with a random positive serial. The certificate is
   * verified against the CA key before it is returned, but not checked for validity: expired and
   * not-yet-valid certificates are legitimate output for CERT-2 tests.
   *
   * @return the certificate, the subject's private key, and chain [CA certificate]
   * @throws IllegalArgumentException if {@code subjectKey} is not RSA of at least 2048 bits
   */
  public Credentials issue(CertificateSpec spec, KeyPair subjectKey) {
    return issue(spec, subjectKey, randomSerial());
  }

  /**
   * As {@link #issue(CertificateSpec, KeyPair)} with a chosen serial (tests of the sandbox's serial
   * 1).
   */
  Credentials issue(CertificateSpec spec, KeyPair subjectKey, BigInteger serial) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(serial, "serial");
    if (serial.signum() <= 0) {
      throw new IllegalArgumentException("serial number must be positive, got " + serial);
    }
    requireStrongRsa(subjectKey.getPublic(), "subject key");

    X500NameBuilder subjectBuilder =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, spec.country())
            .addRDN(BCStyle.O, spec.organization());
    // CERT-1: the organizationIdentifier (2.5.4.97) is what the bank binds registrations to.
    spec.subjectOrganizationIdentifier()
        .ifPresent(value -> subjectBuilder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, value));
    subjectBuilder.addRDN(BCStyle.CN, spec.commonName());

    CertificateProfile profile = spec.profile();
    List<QCStatement> statements = new ArrayList<>();
    if (profile.hasQcCompliance()) {
      statements.add(new QCStatement(new ASN1ObjectIdentifier(QcStatements.QC_COMPLIANCE)));
    }
    profile
        .qcTypeOid()
        .ifPresent(
            type ->
                statements.add(
                    new QCStatement(
                        new ASN1ObjectIdentifier(QcStatements.QC_TYPE),
                        new DERSequence(new ASN1ObjectIdentifier(type)))));
    spec.psd2QcStatement().ifPresent(psd2 -> statements.add(psd2.toQcStatement()));

    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial,
                  Date.from(spec.notBefore()),
                  Date.from(spec.notAfter()),
                  subjectBuilder.build(),
                  subjectKey.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsageBits()))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(subjectKey.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(certificate));
      if (!profile.extendedKeyUsages().isEmpty()) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(profile.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
      }
      if (!statements.isEmpty()) {
        // RFC 3739: qcStatements is non-critical.
        builder.addExtension(
            Extension.qCStatements,
            false,
            new DERSequence(statements.toArray(ASN1Encodable[]::new)));
      }
      X509Certificate issued = sign(builder, privateKey, certificate.getPublicKey());
      return new Credentials(issued, subjectKey.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue certificate for " + spec.commonName(), e);
    }
  }

  /**
   * A TLS server certificate valid for one day: subjectAltName dNSName for host names and iPAddress
   * for IP literals ({@code 127.0.0.1}, {@code ::1}), EKU serverAuth, keyUsage digitalSignature +
   * keyEncipherment.
   *
   * @param dnsNamesOrIps the names to cover; none means {@code localhost}, {@code 127.0.0.1},
   *     {@code ::1}
   */
  public Credentials issueTlsServer(KeyPair key, String... dnsNamesOrIps) {
    Objects.requireNonNull(key, "key");
    requireStrongRsa(key.getPublic(), "TLS server key");
    List<String> names =
        dnsNamesOrIps == null || dnsNamesOrIps.length == 0
            ? List.of("localhost", "127.0.0.1", "::1")
            : List.of(dnsNamesOrIps);
    GeneralName[] altNames = new GeneralName[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw new IllegalArgumentException("TLS server name must not be blank");
      }
      altNames[i] =
          IPAddress.isValid(name)
              ? new GeneralName(GeneralName.iPAddress, name)
              : new GeneralName(GeneralName.dNSName, name);
    }
    Instant now = Instant.now();
    X500Name subjectName =
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0)).build();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  randomSerial(),
                  Date.from(now.minus(Duration.ofMinutes(1))),
                  Date.from(now.plus(Duration.ofDays(1))),
                  subjectName,
                  key.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(key.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(certificate));
      X509Certificate issued = sign(builder, privateKey, certificate.getPublicKey());
      return new Credentials(issued, key.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue TLS server certificate for " + names, e);
    }
  }

  private BigInteger randomSerial() {
    // Top bit set: always positive, never zero, fixed length, 126 random bits.
    return new BigInteger(SERIAL_BITS - 1, random).setBit(SERIAL_BITS - 1);
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey signingKey, PublicKey verificationKey)
      throws GeneralSecurityException {
    ContentSigner signer;
    try {
      signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create " + SIGNATURE_ALGORITHM + " signer", e);
    }
    X509Certificate certificate =
        new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    // Deliberately no checkValidity(): expired certificates are wanted for negative tests.
    certificate.verify(verificationKey);
    return certificate;
  }

  private static void requireStrongRsa(PublicKey key, String what) {
    Objects.requireNonNull(key, what);
    if (!(key instanceof RSAKey)) {
      throw new IllegalArgumentException(what + " must be RSA, got " + key.getAlgorithm());
    }
    int bits = ((RSAKey) key).getModulus().bitLength();
    if (bits < MIN_RSA_BITS) {
      throw new IllegalArgumentException(
          what + " is RSA " + bits + " bits; at least " + MIN_RSA_BITS + " bits are required");
    }
  }

  @Override
  public String toString() {
    return "TestCa[" + certificate.getSubjectX500Principal().getName("RFC1779") + "]";
  }
}
