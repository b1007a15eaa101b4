package com.obkit.sandbox;

import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.TestCa;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The sandbox's TLS identity: an RSA 2048 key and a server certificate for 127.0.0.1, localhost and
 * the bind host, issued at start by a throwaway test CA, in memory (no files on disk). Clients
 * trust {@link #certificate()} directly.
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
      // The kit's one certificate generator (pki): a throwaway CA issues the server certificate.
      TestCa ca =
          TestCa.create("CN=obkit reference sandbox CA, O=obkit", KeyPool.generateRsa(2048));
      Credentials server =
          ca.issueTlsServer(KeyPool.generateRsa(2048), names(bindHost).toArray(String[]::new));
      String password = new Secrets().secret(18); // never leaves this object: reported to no one
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "sandbox",
          server.privateKey(),
          password.toCharArray(),
          new X509Certificate[] {server.certificate(), ca.certificate()});
      return new ServerTls(server.certificate(), keyStore, password);
    } catch (GeneralSecurityException | java.io.IOException e) {
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
