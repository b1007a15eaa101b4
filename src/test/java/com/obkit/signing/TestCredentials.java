package com.obkit.signing;

import com.obkit.pki.Credentials;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed RSA 2048 test certificates for this package's tests, generated once per JVM (key
 * generation is slow). Deliberately independent of com.obkit.pki's generators.
 */
final class TestCredentials {

  private TestCredentials() {}

  /**
   * Like the bank's sandbox certificate: serial 1, issuer = subject with an organizationIdentifier.
   */
  static Credentials main() {
    return Holder.MAIN;
  }

  /** A different key and certificate, for "signed by another key" cases. */
  static Credentials other() {
    return Holder.OTHER;
  }

  private static final class Holder {
    static final Credentials MAIN = create(BigInteger.ONE, "Xs2aTpp.com", "PSDNL-DNB-R000000");
    static final Credentials OTHER =
        create(BigInteger.valueOf(0x2a), "Other Tpp", "PSDBE-NBB-0123456789");
  }

  private static Credentials create(BigInteger serial, String commonName, String organizationId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      X500Name name =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.C, "NL")
              .addRDN(BCStyle.L, "Zeist")
              .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, organizationId)
              .addRDN(BCStyle.O, "TriodosBank")
              .addRDN(BCStyle.CN, commonName)
              .build();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              serial,
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(365))),
              name,
              pair.getPublic());
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      return new Credentials(certificate, pair.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException("cannot create test credentials", e);
    }
  }
}
