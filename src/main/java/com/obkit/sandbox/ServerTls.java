package com.obkit.sandbox;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The sandbox's TLS identity: an RSA 2048 key and a server certificate for 127.0.0.1, localhost and
 * the bind host, self-signed at start, in memory (no files on disk). Clients trust {@link
 * #certificate()} directly.
 */
final class ServerTls {

  private final X509Certificate certificate;
  private final KeyStore keyStore;
  private final String password;

  private ServerTls(X509Certificate certificate, KeyStore keyStore, String password) {
    this.certificate = certificate;
    this.keyStore = keyStore;
    this.password = password;
  }

  static ServerTls generate(String bindHost) {
    try {
      // The sandbox's own small generator (Bouncy Castle), not the kit's pki: a self-signed
      // server certificate that clients trust directly.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair key = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=obkit reference sandbox, O=obkit");
      Instant now = Instant.now();
      List<GeneralName> sans = new ArrayList<>();
      for (String name : names(bindHost)) {
        sans.add(
            name.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')
                ? new GeneralName(GeneralName.iPAddress, name)
                : new GeneralName(GeneralName.dNSName, name));
      }
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  new BigInteger(64, new SecureRandom()).setBit(63),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(Duration.ofDays(30))),
                  subject,
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
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(sans.toArray(GeneralName[]::new)))
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      certificate.verify(key.getPublic()); // issued as meant before it is used
      String password = new Secrets().secret(18); // never leaves this object: reported to no one
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "sandbox", key.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
      return new ServerTls(certificate, keyStore, password);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the sandbox TLS certificate", e);
    }
  }

  /** Loopback addresses, localhost and the bind host (unless it is a wildcard). */
  private static List<String> names(String bindHost) {
    Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "::1", "localhost"));
    if (!isWildcard(bindHost)) {
      String host =
          bindHost.startsWith("[") && bindHost.endsWith("]")
              ? bindHost.substring(1, bindHost.length() - 1)
              : bindHost;
      names.add(host);
    }
    return List.copyOf(names);
  }

  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  X509Certificate certificate() {
    return certificate;
  }

  SslContextFactory.Server sslContextFactory() {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setKeyStore(keyStore);
    factory.setKeyStorePassword(password);
    factory.setKeyManagerPassword(password);
    factory.setSniRequired(false);
    return factory;
  }
}
