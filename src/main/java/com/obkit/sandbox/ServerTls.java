package com.obkit.sandbox;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The sandbox's TLS identity: an RSA 2048 key and a self-signed server certificate for 127.0.0.1,
 * localhost and the bind host, generated in memory at start (no files on disk). Clients trust
 * {@link #certificate()} directly.
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
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keyPair = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=obkit reference sandbox, O=obkit");
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(365))),
              subject,
              keyPair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(bindHost).toArray(GeneralName[]::new)));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));

      String password = new Secrets().secret(18); // never leaves this object: reported to no one
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("sandbox", keyPair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
      return new ServerTls(certificate, keyStore, password);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot generate the sandbox TLS certificate", e);
    }
  }

  private static List<GeneralName> names(String bindHost) {
    Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
    Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
    if (!isWildcard(bindHost)) {
      String host = bindHost.startsWith("[") && bindHost.endsWith("]") ? bindHost.substring(1, bindHost.length() - 1) : bindHost;
      if (isIpLiteral(host)) {
        ips.add(host);
      } else {
        dns.add(host);
      }
    }
    List<GeneralName> names = new ArrayList<>();
    ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    return names;
  }

  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** An IPv4 dotted quad or an IPv6 literal; never resolves a name. */
  private static boolean isIpLiteral(String host) {
    if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+"))) {
      return false;
    }
    try {
      InetAddress.getByName(host); // a literal: parsed, no lookup
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
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
