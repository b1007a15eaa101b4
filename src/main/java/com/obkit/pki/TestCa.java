package com.obkit.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * An in-memory test CA that issues eIDAS-profile test certificates (contract section 3) and TLS
 * server certificates for the embedded sandbox. Signatures are SHA256withRSA; keys must be RSA of
 * at least 2048 bits.
 *
 * <p>The CA remembers the serials it issued and revoked ({@link #revoke(X509Certificate)}), so that
 * it can sign a CRL ({@link #crl()}) and answer OCSP requests ({@link #answerOcsp(byte[])}); {@link
 * CaResponder} serves both over HTTP. Production-profile certificates name those services
 * (authority information access, CRL distribution points) only when the CA has a repository ({@link
 * #publishedAt(URI)}): a certificate never points to a service that does not answer.
 *
 * <p>Thread-safe: its state is immutable apart from the (thread-safe) {@link SecureRandom} and the
 * concurrent record of issued and revoked serials.
 */
public final class TestCa {

  /** Signature algorithm of every certificate: never SHA-1 (contract section 3). */
  static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

  private static final int MIN_RSA_BITS = 2048;

  /**
   * Random serial size: RFC 5280 asks for at least 64 bits of entropy; 127 bits fit in 16 octets.
   */
  private static final int SERIAL_BITS = 127;

  /** OID of the CA/Browser Forum cabfOrganizationIdentifier extension (EV Guidelines 9.8.2). */
  public static final String CABF_ORGANIZATION_IDENTIFIER = "2.23.140.3.1";

  /** OID of the EV subject attribute jurisdictionCountryName (EV Guidelines 9.2.4). */
  public static final String JURISDICTION_COUNTRY = "1.3.6.1.4.1.311.60.2.1.3";

  /** How long a CRL or an OCSP answer is fresh (nextUpdate - thisUpdate). */
  static final Duration STATUS_VALIDITY = Duration.ofHours(24);

  /** The revocation status of a serial number, as the CA's CRL and OCSP answers tell it. */
  public enum Status {
    /** Issued by this CA and not revoked. */
    GOOD,
    /** Issued by this CA and revoked. */
    REVOKED,
    /** Not issued by this CA (or issued by an earlier run that did not record it). */
    UNKNOWN
  }

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final X500Name subject;
  private final Optional<URI> repository;
  private final Ledger ledger;
  private final SecureRandom random = new SecureRandom();

  private TestCa(
      X509Certificate certificate, PrivateKey privateKey, Optional<URI> repository, Ledger ledger) {
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    this.repository = repository;
    this.ledger = ledger;
  }

  private TestCa(X509Certificate certificate, PrivateKey privateKey) {
    this(certificate, privateKey, Optional.empty(), new Ledger());
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
   * The same CA (key, certificate, record of issued and revoked serials) with a repository: the
   * production-profile certificates it issues then name {@code <base>ocsp} (OCSP), {@code
   * <base>ca.crt} (CA issuers) and {@code <base>crl} (CRL distribution point). The caller makes
   * sure something answers there, as {@link CaResponder} does.
   *
   * @param base an absolute http or https URL ending in {@code /}
   */
  public TestCa publishedAt(URI base) {
    Objects.requireNonNull(base, "base");
    if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
        || base.getHost() == null
        || !base.getPath().endsWith("/")) {
      throw new IllegalArgumentException(
          "repository base '" + base + "' is not an absolute http(s) URL ending in '/'");
    }
    return new TestCa(certificate, privateKey, Optional.of(base), ledger);
  }

  /** The repository base URL; empty when certificates name no OCSP responder and no CRL. */
  public Optional<URI> repository() {
    return repository;
  }

  /** The OCSP responder URL certificates name, if the CA has a repository. */
  public Optional<URI> ocspUrl() {
    return repository.map(base -> base.resolve("ocsp"));
  }

  /** The CRL distribution point certificates name, if the CA has a repository. */
  public Optional<URI> crlUrl() {
    return repository.map(base -> base.resolve("crl"));
  }

  /** Where the CA certificate is served (AIA caIssuers), if the CA has a repository. */
  public Optional<URI> caIssuersUrl() {
    return repository.map(base -> base.resolve("ca.crt"));
  }

  /**
   * Records a certificate this CA issued in an earlier run (the identity pool hands such
   * certificates out again), so that OCSP answers good for it instead of unknown.
   *
   * @throws IllegalArgumentException if this CA did not sign it
   */
  public void recordIssued(X509Certificate issued) {
    requireIssuedHere(issued);
    ledger.issued.putIfAbsent(issued.getSerialNumber(), Ledger.NOT_REVOKED);
  }

  /**
   * Revokes a certificate this CA issued (reason superseded, as a renewal at the bank does): the
   * next CRL lists it and OCSP answers revoked. Revoking twice keeps the first revocation time.
   *
   * @throws IllegalArgumentException if this CA did not sign it
   */
  public void revoke(X509Certificate issued) {
    requireIssuedHere(issued);
    Instant now = Instant.now();
    ledger.issued.merge(
        issued.getSerialNumber(),
        now,
        (old, fresh) -> old.equals(Ledger.NOT_REVOKED) ? fresh : old);
  }

  /** The status of {@code serial} among the certificates this CA issued. */
  public Status status(BigInteger serial) {
    Instant revoked = ledger.issued.get(serial);
    if (revoked == null) {
      return Status.UNKNOWN;
    }
    return revoked.equals(Ledger.NOT_REVOKED) ? Status.GOOD : Status.REVOKED;
  }

  /**
   * A fresh CRL (RFC 5280 v2: authority key identifier, CRL number, next update in 24 hours)
   * listing every revoked serial, signed SHA256withRSA by the CA and verified before it is
   * returned.
   */
  public X509CRL crl() {
    Instant now = Instant.now();
    X509v2CRLBuilder builder = new X509v2CRLBuilder(subject, Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(STATUS_VALIDITY)));
    for (Map.Entry<BigInteger, Instant> entry : ledger.issued.entrySet()) {
      if (!entry.getValue().equals(Ledger.NOT_REVOKED)) {
        builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue()), CRLReason.superseded);
      }
    }
    try {
      builder.addExtension(Extension.authorityKeyIdentifier, false, keyIdOnlyAuthorityKeyId());
      builder.addExtension(
          Extension.cRLNumber,
          false,
          new CRLNumber(BigInteger.valueOf(ledger.crlNumber.incrementAndGet())));
      X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(signer(privateKey)));
      crl.verify(certificate.getPublicKey());
      return crl;
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot sign the test CA's CRL", e);
    }
  }

  /**
   * Answers a DER-encoded OCSP request (RFC 6960) with a DER-encoded OCSP response signed by the CA
   * itself (responder id by key hash): good for a certificate it issued, revoked (reason
   * superseded) for one it revoked, unknown for any other serial or another issuer. A nonce in the
   * request is echoed. A request that cannot be parsed gets the status malformedRequest.
   */
  public byte[] answerOcsp(byte[] request) {
    Objects.requireNonNull(request, "request");
    try {
      OCSPReq ocspRequest;
      try {
        ocspRequest = new OCSPReq(request);
      } catch (IOException | RuntimeException e) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      X509CertificateHolder caHolder = new JcaX509CertificateHolder(certificate);
      BasicOCSPRespBuilder builder =
          new BasicOCSPRespBuilder(
              new RespID(caHolder.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
      Instant now = Instant.now();
      Date thisUpdate = Date.from(now);
      Date nextUpdate = Date.from(now.plus(STATUS_VALIDITY));
      for (Req single : ocspRequest.getRequestList()) {
        CertificateID id = single.getCertID();
        Status status =
            id.matchesIssuer(caHolder, digests) ? status(id.getSerialNumber()) : Status.UNKNOWN;
        CertificateStatus answer =
            switch (status) {
              case GOOD -> CertificateStatus.GOOD;
              case REVOKED ->
                  new RevokedStatus(
                      Date.from(ledger.issued.get(id.getSerialNumber())), CRLReason.superseded);
              case UNKNOWN -> new UnknownStatus();
            };
        builder.addResponse(id, answer, thisUpdate, nextUpdate, null);
      }
      var nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
      }
      BasicOCSPResp basic = builder.build(signer(privateKey), null, thisUpdate);
      if (!basic.isSignatureValid(
          new JcaContentVerifierProviderBuilder().build(certificate.getPublicKey()))) {
        throw new IllegalStateException("the OCSP response does not verify with the CA key");
      }
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OCSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot answer the OCSP request", e);
    }
  }

  private void requireIssuedHere(X509Certificate issued) {
    Objects.requireNonNull(issued, "certificate");
    try {
      issued.verify(certificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "certificate "
              + issued.getSerialNumber().toString(16)
              + " was not issued by "
              + this
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * AKI with keyIdentifier only (RFC 5280 4.2.1.1; the CA/Browser Forum BRs forbid
   * authorityCertIssuer and authorityCertSerialNumber): the CA's own SKI, so the chain links even
   * for a restored CA whose SKI was computed another way.
   */
  private AuthorityKeyIdentifier keyIdOnlyAuthorityKeyId() throws GeneralSecurityException {
    byte[] ski = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    byte[] keyId =
        ski != null
            ? org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ski).getOctets())
                .getKeyIdentifier()
            : new JcaX509ExtensionUtils()
                .createSubjectKeyIdentifier(certificate.getPublicKey())
                .getKeyIdentifier();
    return new AuthorityKeyIdentifier(keyId);
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

    CertificateProfile profile = spec.profile();
    X500Name subjectName = profile.isProduction() ? productionSubject(spec) : sandboxSubject(spec);
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
    if (profile.isProduction()) {
      statements.add(
          new QCStatement(
              new ASN1ObjectIdentifier(QcStatements.QC_PDS),
              new DERSequence(
                  new DERSequence(
                      new ASN1Encodable[] {
                        new DERIA5String(spec.pdsUrl().toString()), new DERPrintableString("en")
                      }))));
    }
    spec.psd2QcStatement().ifPresent(psd2 -> statements.add(psd2.toQcStatement()));

    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial,
                  Date.from(spec.notBefore()),
                  Date.from(spec.notAfter()),
                  subjectName,
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
                  // The sandbox profile stays as it was (issuer and serial in the AKI too).
                  profile.isProduction()
                      ? keyIdOnlyAuthorityKeyId()
                      : utils.createAuthorityKeyIdentifier(certificate));
      if (profile.isProduction()) {
        addProductionExtensions(builder, spec);
      }
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
      ledger.issued.putIfAbsent(issued.getSerialNumber(), Ledger.NOT_REVOKED);
      return new Credentials(issued, subjectKey.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue certificate for " + spec.commonName(), e);
    }
  }

  /** C, O, 2.5.4.97, CN: what the bank's sandbox certificates hold, unchanged. */
  private static X500Name sandboxSubject(CertificateSpec spec) {
    X500NameBuilder subjectBuilder =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, spec.country())
            .addRDN(BCStyle.O, spec.organization());
    // CERT-1: the organizationIdentifier (2.5.4.97) is what the bank binds registrations to.
    spec.subjectOrganizationIdentifier()
        .ifPresent(value -> subjectBuilder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, value));
    return subjectBuilder.addRDN(BCStyle.CN, spec.commonName()).build();
  }

  /**
   * C, ST, L, O, 2.5.4.97 and, for a QWAC, the EV attributes jurisdictionCountryName,
   * businessCategory and serialNumber, then CN. Encodings are explicit: PrintableString where X.520
   * and the EV Guidelines require it (country codes, serialNumber), UTF8String elsewhere (RFC 5280
   * 4.1.2.4).
   */
  private static X500Name productionSubject(CertificateSpec spec) {
    X500NameBuilder subjectBuilder =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, new DERPrintableString(spec.country()))
            .addRDN(BCStyle.ST, new DERUTF8String(spec.stateOrProvince()))
            .addRDN(BCStyle.L, new DERUTF8String(spec.locality()))
            .addRDN(BCStyle.O, new DERUTF8String(spec.organization()));
    // CERT-1: the organizationIdentifier (2.5.4.97) is what the bank binds registrations to.
    spec.subjectOrganizationIdentifier()
        .ifPresent(
            value ->
                subjectBuilder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, new DERUTF8String(value)));
    if (spec.profile() == CertificateProfile.QWAC) {
      subjectBuilder
          .addRDN(
              new ASN1ObjectIdentifier(JURISDICTION_COUNTRY),
              new DERPrintableString(spec.jurisdictionCountry()))
          .addRDN(BCStyle.BUSINESS_CATEGORY, new DERUTF8String(spec.businessCategory()))
          .addRDN(BCStyle.SERIALNUMBER, new DERPrintableString(spec.registrationNumber()));
    }
    return subjectBuilder.addRDN(BCStyle.CN, new DERUTF8String(spec.commonName())).build();
  }

  /**
   * certificatePolicies, cabfOrganizationIdentifier, subjectAltName (QWAC), and, with a repository,
   * authority information access and CRL distribution points.
   */
  private void addProductionExtensions(X509v3CertificateBuilder builder, CertificateSpec spec)
      throws CertIOException {
    CertificateProfile profile = spec.profile();
    builder.addExtension(
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(
            profile.policyOids().stream()
                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                .toArray(PolicyInformation[]::new)));
    // Derived from the valid organization id only: a raw (broken) 2.5.4.97 has no structure to
    // restate, and a certificate without one has nothing to restate.
    if (spec.organizationId().isPresent()) {
      builder.addExtension(
          new ASN1ObjectIdentifier(CABF_ORGANIZATION_IDENTIFIER),
          false,
          cabfOrganizationIdentifier(spec.organizationId().get()));
    }
    if (profile == CertificateProfile.QWAC) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, spec.domain())));
    }
    if (repository.isPresent()) {
      builder.addExtension(
          Extension.authorityInfoAccess,
          false,
          new AuthorityInformationAccess(
              new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl().orElseThrow())),
                new AccessDescription(
                    AccessDescription.id_ad_caIssuers, uri(caIssuersUrl().orElseThrow()))
              }));
      builder.addExtension(
          Extension.cRLDistributionPoints,
          false,
          new CRLDistPoint(
              new DistributionPoint[] {
                new DistributionPoint(
                    new DistributionPointName(new GeneralNames(uri(crlUrl().orElseThrow()))),
                    null,
                    null)
              }));
    }
  }

  /**
   * cabfOrganizationIdentifier (EV Guidelines 9.8.2): SEQUENCE { registrationSchemeIdentifier
   * PrintableString SIZE(3), registrationCountry PrintableString SIZE(2), registrationReference
   * UTF8String }, no registrationStateOrProvince. It restates the subject's 2.5.4.97 value as the
   * EV Guidelines 9.2.8 parse it: 3 letters of scheme ({@code PSD}), 2 letters of country, then
   * after the hyphen the reference, which for the PSD scheme is the NCA and the authorisation
   * number ({@code PSDNL-DNB-R000000} → PSD, NL, {@code DNB-R000000}; ETSI TS 119 495 5.2.1).
   */
  static DERSequence cabfOrganizationIdentifier(OrganizationId orgId) {
    return new DERSequence(
        new ASN1Encodable[] {
          new DERPrintableString("PSD"),
          new DERPrintableString(orgId.country()),
          new DERUTF8String(orgId.authority() + "-" + orgId.authorisationNumber())
        });
  }

  private static GeneralName uri(URI uri) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
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

  private static ContentSigner signer(PrivateKey signingKey) throws GeneralSecurityException {
    try {
      return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create " + SIGNATURE_ALGORITHM + " signer", e);
    }
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey signingKey, PublicKey verificationKey)
      throws GeneralSecurityException {
    X509Certificate certificate =
        new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
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

  /**
   * Serial → revocation time ({@link #NOT_REVOKED} while good), shared by a CA and its {@link
   * #publishedAt(URI)} copies, and the CRL number counter.
   */
  private static final class Ledger {
    static final Instant NOT_REVOKED = Instant.EPOCH;

    final Map<BigInteger, Instant> issued = new ConcurrentHashMap<>();

    // Seeded with the clock so that CRL numbers keep increasing across runs of a pooled CA.
    final AtomicLong crlNumber = new AtomicLong(System.currentTimeMillis());
  }

  @Override
  public String toString() {
    return "TestCa[" + certificate.getSubjectX500Principal().getName("RFC1779") + "]";
  }
}
