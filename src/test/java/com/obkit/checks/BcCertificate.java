package com.obkit.checks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates built with Bouncy Castle directly, for the negative controls of {@link
 * CertificateChecks}: each lacks or breaks one feature the kit's generator puts in. Nothing here
 * uses {@code com.obkit.pki}.
 */
final class BcCertificate {
  private X500Name subject =
      new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Bare").build();
  private KeyPair key = rsa2048();
  private String signatureAlgorithm = "SHA256withRSA";
  private final List<Extension> extensions = new ArrayList<>();

  static BcCertificate bare() {
    return new BcCertificate();
  }

  BcCertificate subject(X500Name name) {
    this.subject = name;
    return this;
  }

  BcCertificate key(KeyPair pair, String algorithm) {
    this.key = pair;
    this.signatureAlgorithm = algorithm;
    return this;
  }

  BcCertificate extension(ASN1ObjectIdentifier oid, ASN1Encodable value) {
    try {
      extensions.add(new Extension(oid, false, value.toASN1Primitive().getEncoded()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** A qcStatements extension (RFC 3739) holding exactly these statements. */
  BcCertificate qcStatements(ASN1Encodable... statements) {
    return extension(Extension.qCStatements, new DERSequence(statements));
  }

  X509Certificate build() {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              BigInteger.valueOf(7),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              subject,
              key.getPublic());
      for (Extension e : extensions) {
        builder.addExtension(e);
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(signatureAlgorithm).build(key.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build test certificate", e);
    }
  }

  /** A QC statement {@code id} with {@code info} (null: none). */
  static QCStatement statement(String id, ASN1Encodable info) {
    return info == null
        ? new QCStatement(new ASN1ObjectIdentifier(id))
        : new QCStatement(new ASN1ObjectIdentifier(id), info);
  }

  /** A roleOfPSP {@code SEQUENCE { roleOfPspOid, roleOfPspName }}. */
  static DERSequence role(String oid, String name) {
    return new DERSequence(
        new ASN1Encodable[] {new ASN1ObjectIdentifier(oid), new DERUTF8String(name)});
  }

  /** A PSD2 statementInfo {@code SEQUENCE { rolesOfPSP, nCAName, nCAId }}. */
  static DERSequence psd2Info(ASN1Encodable ncaName, ASN1Encodable ncaId, ASN1Encodable... roles) {
    return new DERSequence(new ASN1Encodable[] {new DERSequence(roles), ncaName, ncaId});
  }

  static KeyPair rsa2048() {
    return Keys.RSA_2048;
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Keys {
    static final KeyPair RSA_2048 = rsa(2048);
  }
}
