package com.obkit.sandbox;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test-only certificate factory, written with Bouncy Castle directly (independent of the kit's pki
 * package): sandbox-like TPP certificates with a PSD2 QC statement, and every broken variant the
 * sandbox must refuse.
 */
final class TestPki {

  /** Keys are slow to make: a few, once per JVM, shared read-only by all test classes. */
  static final class Keys {
    static final KeyPair CA = rsa();
    static final KeyPair TPP_A = rsa();
    static final KeyPair TPP_B = rsa();
    static final KeyPair TPP_C = rsa();

    private Keys() {}

    private static KeyPair rsa() {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final String PSD2_STATEMENT = "0.4.0.19495.2";
  static final String[] PSP_AS = {"0.4.0.19495.1.1", "PSP_AS"};
  static final String[] PSP_PI = {"0.4.0.19495.1.2", "PSP_PI"};
  static final String[] PSP_AI = {"0.4.0.19495.1.3", "PSP_AI"};
  static final String[] PSP_IC = {"0.4.0.19495.1.4", "PSP_IC"};

  /** The bank's synthetic sandbox issuer. */
  static final String SANDBOX_ISSUER =
      "CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDGO-BES-WGXZKBYE, L=Zeist, C=NL";

  private TestPki() {}

  static Spec tpp(String organizationId) {
    return new Spec(organizationId);
  }

  static String header(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A mutable builder of one test certificate. */
  static final class Spec {
    private final String organizationId;
    private List<String[]> roles = new ArrayList<>(List.of(PSP_AI, PSP_PI));
    private boolean qcStatement = true;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    private BigInteger serial = new BigInteger(64, new SecureRandom()).add(BigInteger.TWO);
    private String commonName = "Test TPP";

    private Spec(String organizationId) {
      this.organizationId = organizationId;
    }

    Spec roles(String[]... value) {
      roles = new ArrayList<>(List.of(value));
      return this;
    }

    Spec withoutQcStatement() {
      qcStatement = false;
      return this;
    }

    Spec validity(Instant from, Instant to) {
      notBefore = from;
      notAfter = to;
      return this;
    }

    Spec serial(BigInteger value) {
      serial = value;
      return this;
    }

    Spec commonName(String value) {
      commonName = value;
      return this;
    }

    X509Certificate issue(KeyPair subjectKey) {
      try {
        X500NameBuilder subject =
            new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, "Test TPP BV");
        if (organizationId != null) {
          subject.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, organizationId);
        }
        subject.addRDN(BCStyle.C, "NL");
        JcaX509v3CertificateBuilder builder =
            new JcaX509v3CertificateBuilder(
                new X500Name(SANDBOX_ISSUER.replace("OID.2.5.4.97", "2.5.4.97")),
                serial,
                Date.from(notBefore),
                Date.from(notAfter),
                subject.build(),
                subjectKey.getPublic());
        if (qcStatement) {
          ASN1EncodableVector roleSeq = new ASN1EncodableVector();
          for (String[] r : roles) {
            roleSeq.add(
                new DERSequence(
                    new org.bouncycastle.asn1.ASN1Encodable[] {
                      new ASN1ObjectIdentifier(r[0]), new DERUTF8String(r[1])
                    }));
          }
          DERSequence info =
              new DERSequence(
                  new org.bouncycastle.asn1.ASN1Encodable[] {
                    new DERSequence(roleSeq),
                    new DERUTF8String("Test NCA"),
                    new DERUTF8String("NL-DNB")
                  });
          DERSequence statement =
              new DERSequence(
                  new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1ObjectIdentifier(PSD2_STATEMENT), info
                  });
          builder.addExtension(Extension.qCStatements, false, new DERSequence(statement));
        }
        return new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(Keys.CA.getPrivate())));
      } catch (Exception e) {
        throw new IllegalStateException("test certificate", e);
      }
    }
  }
}
