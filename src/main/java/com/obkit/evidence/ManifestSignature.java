package com.obkit.evidence;

import com.obkit.pki.Credentials;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * The manifest's detached CMS signature (RFC 5652 SignedData, DER): one SignerInfo over the
 * manifest's bytes with the signed attributes content type, message digest and signing time, and
 * the signer's certificate with its chain, so that {@code openssl cms -verify -binary -inform DER
 * -in manifest.json.p7s -content manifest.json ...} checks it without any other file but the CA.
 */
public final class ManifestSignature {

  private ManifestSignature() {}

  /**
   * What a valid signature says.
   *
   * @param signer the certificate that verifies it
   * @param chain the other certificates the signature holds
   * @param signedAt its signing-time attribute
   */
  public record Signed(X509Certificate signer, List<X509Certificate> chain, Instant signedAt) {
    public Signed {
      Objects.requireNonNull(signer, "signer");
      chain = List.copyOf(chain);
      Objects.requireNonNull(signedAt, "signedAt");
    }
  }

  /**
   * Signs {@code manifest} with the credentials' key (SHA-256 with RSA or ECDSA, as the key is),
   * holding the certificate and its chain.
   */
  public static byte[] sign(byte[] manifest, Credentials credentials) {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(credentials, "credentials");
    String algorithm =
        switch (credentials.privateKey().getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default ->
              throw new IllegalArgumentException(
                  "cannot sign the evidence with a "
                      + credentials.privateKey().getAlgorithm()
                      + " key: RSA or EC only");
        };
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      certificates.add(credentials.certificate());
      certificates.addAll(credentials.chain());
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSimpleSignerInfoGeneratorBuilder()
              .build(algorithm, credentials.privateKey(), credentials.certificate()));
      generator.addCertificates(new JcaCertStore(certificates));
      // Detached: the manifest is its own entry, and openssl reads it with -content.
      return generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded("DER");
    } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign the evidence manifest", e);
    }
  }

  /**
   * Checks {@code signature} over {@code manifest}.
   *
   * @throws EvidenceProblem naming what is wrong: not a CMS signature, no or more than one signer,
   *     no certificate for the signer, a signature that does not verify
   */
  public static Signed verify(byte[] manifest, byte[] signature) {
    CMSSignedData data;
    try {
      data = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
    } catch (CMSException | RuntimeException e) {
      throw new EvidenceProblem(
          EvidenceProblem.Kind.SIGNATURE_INVALID,
          "signature invalid: " + EvidenceBundle.SIGNATURE + " is not a CMS signature");
    }
    Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw new EvidenceProblem(
          EvidenceProblem.Kind.SIGNATURE_INVALID,
          "signature invalid: "
              + EvidenceBundle.SIGNATURE
              + " has "
              + signers.size()
              + " signers, the kit writes exactly one");
    }
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    Selector<X509CertificateHolder> selector =
        (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID();
    Collection<X509CertificateHolder> matching = data.getCertificates().getMatches(selector);
    if (matching.isEmpty()) {
      throw new EvidenceProblem(
          EvidenceProblem.Kind.SIGNATURE_INVALID,
          "signature invalid: " + EvidenceBundle.SIGNATURE + " holds no certificate of its signer");
    }
    X509CertificateHolder holder = matching.iterator().next();
    boolean valid;
    try {
      valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
    } catch (CMSVerifierCertificateNotValidException e) {
      throw new EvidenceProblem(
          EvidenceProblem.Kind.SIGNATURE_INVALID,
          "signature invalid: the signer's certificate was not valid at the signing time");
    } catch (CMSException | OperatorCreationException | CertificateException e) {
      // A digest mismatch (the manifest changed after signing) is thrown, not returned.
      valid = false;
    }
    if (!valid) {
      throw new EvidenceProblem(
          EvidenceProblem.Kind.SIGNATURE_INVALID,
          "signature invalid: "
              + EvidenceBundle.SIGNATURE
              + " does not verify over "
              + EvidenceBundle.MANIFEST
              + " with the certificate it holds");
    }
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try {
      X509Certificate signerCertificate = converter.getCertificate(holder);
      List<X509Certificate> chain = new ArrayList<>();
      for (X509CertificateHolder other : data.getCertificates().getMatches(null)) {
        if (!other.equals(holder)) {
          chain.add(converter.getCertificate(other));
        }
      }
      return new Signed(
          signerCertificate,
          chain,
          signingTime(signer)
              .orElseThrow(
                  () ->
                      new EvidenceProblem(
                          EvidenceProblem.Kind.SIGNATURE_INVALID,
                          "signature invalid: "
                              + EvidenceBundle.SIGNATURE
                              + " has no signing time")));
    } catch (CertificateException e) {
      throw new EvidenceProblem(
          EvidenceProblem.Kind.SIGNATURE_INVALID,
          "signature invalid: a certificate in " + EvidenceBundle.SIGNATURE + " cannot be read");
    }
  }

  private static Optional<Instant> signingTime(SignerInformation signer) {
    if (signer.getSignedAttributes() == null) {
      return Optional.empty();
    }
    Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      return Optional.empty();
    }
    Date date = Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate();
    return Optional.of(date.toInstant());
  }
}
