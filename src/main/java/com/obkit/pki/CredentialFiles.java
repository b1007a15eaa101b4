package com.obkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Loads and saves {@link Credentials}: the PEM trio the bank's API Test Client hands out
 * (Certificate, Private Key, Key Id; contract section 3) and PKCS#12 files for production eIDAS
 * certificates. Error messages name the file and the problem, never a password.
 */
public final class CredentialFiles {

  /** File names as {@link #save(Credentials, Path)} writes them. */
  public static final String CERTIFICATE_FILE = "certificate.pem";

  public static final String PRIVATE_KEY_FILE = "private-key.pem";
  public static final String KEY_ID_FILE = "key-id.txt";

  /** Alias {@link #savePkcs12(Credentials, Path, char[])} stores the key entry under. */
  public static final String PKCS12_ALIAS = "tpp";

  /**
   * A provider instance used explicitly, never registered globally: registering would be JVM-wide
   * mutable state. It covers the PBES2 / legacy PEM ciphers the JDK may lack.
   */
  private static final Provider BC = new BouncyCastleProvider();

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private CredentialFiles() {}

  /**
   * Loads a certificate (chain) and its private key from PEM files.
   *
   * @param certificatePem one or more {@code CERTIFICATE} blocks; the first is the end-entity
   *     certificate, the others become the chain
   * @param privateKeyPem {@code PRIVATE KEY} (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (PKCS#8), or
   *     {@code RSA PRIVATE KEY} (PKCS#1, optionally with legacy OpenSSL encryption)
   * @param keyPassword password of an encrypted key; may be null for an unencrypted one
   * @throws CredentialException naming the file and the problem, also when the key does not match
   *     the certificate
   */
  public static Credentials loadPem(Path certificatePem, Path privateKeyPem, char[] keyPassword) {
    List<X509Certificate> certificates = readCertificates(certificatePem);
    PrivateKey privateKey = readPrivateKey(privateKeyPem, keyPassword);
    X509Certificate certificate = certificates.get(0);
    if (!matches(privateKey, certificate.getPublicKey())) {
      throw new CredentialException(
          "private key in "
              + privateKeyPem
              + " does not match the certificate in "
              + certificatePem);
    }
    return new Credentials(certificate, privateKey, certificates.subList(1, certificates.size()));
  }

  /**
   * Loads a key entry and its certificate chain from a PKCS#12 file.
   *
   * @param alias the entry to load; null for the first private-key entry
   * @throws CredentialException "cannot open PKCS#12 &lt;file&gt;: wrong password or corrupt file",
   *     or naming the missing entry
   */
  public static Credentials loadPkcs12(Path p12, char[] password, String alias) {
    KeyStore store;
    try (InputStream in = Files.newInputStream(p12)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (NoSuchFileException e) {
      throw new CredentialException("cannot read " + p12 + ": no such file", e);
    } catch (IOException | GeneralSecurityException e) {
      // The JDK reports a wrong password as IOException(UnrecoverableKeyException); both look alike
      // here.
      throw new CredentialException(
          "cannot open PKCS#12 " + p12 + ": wrong password or corrupt file", e);
    }
    try {
      List<String> aliases = Collections.list(store.aliases());
      String chosen = alias;
      if (chosen == null) {
        for (String candidate : aliases) {
          if (store.isKeyEntry(candidate)) {
            chosen = candidate;
            break;
          }
        }
        if (chosen == null) {
          throw new CredentialException("PKCS#12 " + p12 + " holds no private key entry");
        }
      } else if (!store.isKeyEntry(chosen)) {
        throw new CredentialException(
            "PKCS#12 "
                + p12
                + " has no private key entry named '"
                + alias
                + "' (entries: "
                + aliases
                + ")");
      }
      Key key = store.getKey(chosen, password);
      if (!(key instanceof PrivateKey)) {
        throw new CredentialException(
            "PKCS#12 " + p12 + ": entry '" + chosen + "' is not a private key");
      }
      Certificate[] chain = store.getCertificateChain(chosen);
      if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
        throw new CredentialException(
            "PKCS#12 " + p12 + ": entry '" + chosen + "' has no X.509 certificate");
      }
      List<X509Certificate> rest = new ArrayList<>();
      for (int i = 1; i < chain.length; i++) {
        rest.add((X509Certificate) chain[i]);
      }
      X509Certificate certificate = (X509Certificate) chain[0];
      if (!matches((PrivateKey) key, certificate.getPublicKey())) {
        throw new CredentialException(
            "PKCS#12 "
                + p12
                + ": private key of entry '"
                + chosen
                + "' does not match its certificate");
      }
      return new Credentials(certificate, (PrivateKey) key, rest);
    } catch (GeneralSecurityException e) {
      throw new CredentialException(
          "cannot open PKCS#12 " + p12 + ": wrong password or corrupt file", e);
    }
  }

  /**
   * Writes {@code certificate.pem} (the certificate, then its chain), {@code private-key.pem}
   * (PKCS#8, unencrypted, created owner-only {@code rw-------} from the start) and {@code
   * key-id.txt} (exactly {@link KeyId#toString()}, no newline) into {@code directory}, replacing
   * earlier files.
   *
   * @throws CredentialException if {@code directory} lies inside a folder named {@code reports}
   *     (reports are published; private keys must never land there) or a file cannot be written
   */
  public static SavedCredentials save(Credentials credentials, Path directory) {
    refuseReports(directory);
    createDirectories(directory);
    Path certificate = directory.resolve(CERTIFICATE_FILE);
    Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
    Path keyId = directory.resolve(KEY_ID_FILE);

    StringBuilder pem = new StringBuilder(Certificates.toPem(credentials.certificate()));
    credentials.chain().forEach(c -> pem.append(Certificates.toPem(c)));
    writePublic(certificate, pem.toString());

    StringWriter keyPem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(keyPem)) {
      writer.writeObject(new JcaPKCS8Generator(credentials.privateKey(), null));
    } catch (IOException e) {
      throw new CredentialException("cannot encode the private key for " + privateKey, e);
    }
    writeSecret(privateKey, keyPem.toString().getBytes(StandardCharsets.US_ASCII));

    writePublic(keyId, credentials.keyId().toString());
    return new SavedCredentials(certificate, privateKey, keyId);
  }

  /**
   * As {@link #save(Credentials, Path)}, but every file owner-only ({@code rw-------}) from its
   * creation, the certificate and Key Id too: the kit's identity pool keeps the three together in
   * an owner-only folder.
   */
  public static SavedCredentials saveOwnerOnly(Credentials credentials, Path directory) {
    refuseReports(directory);
    createDirectories(directory);
    Path certificate = directory.resolve(CERTIFICATE_FILE);
    Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
    Path keyId = directory.resolve(KEY_ID_FILE);
    StringBuilder pem = new StringBuilder(Certificates.toPem(credentials.certificate()));
    credentials.chain().forEach(c -> pem.append(Certificates.toPem(c)));
    writeSecret(certificate, pem.toString().getBytes(StandardCharsets.US_ASCII));
    StringWriter keyPem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(keyPem)) {
      writer.writeObject(new JcaPKCS8Generator(credentials.privateKey(), null));
    } catch (IOException e) {
      throw new CredentialException("cannot encode the private key for " + privateKey, e);
    }
    writeSecret(privateKey, keyPem.toString().getBytes(StandardCharsets.US_ASCII));
    writeSecret(keyId, credentials.keyId().toString().getBytes(StandardCharsets.US_ASCII));
    return new SavedCredentials(certificate, privateKey, keyId);
  }

  /**
   * Writes a PKCS#12 file (JDK defaults: AES-256 / HMAC-SHA-256, no SHA-1 since JDK 12) with one
   * key entry {@value #PKCS12_ALIAS}: the key, the certificate and its chain. Created owner-only
   * like {@link #save(Credentials, Path)}, and refused inside a {@code reports} folder.
   */
  public static void savePkcs12(Credentials credentials, Path file, char[] password) {
    Path parent = file.toAbsolutePath().getParent();
    refuseReports(parent);
    createDirectories(parent);
    Certificate[] chain = new Certificate[1 + credentials.chain().size()];
    chain[0] = credentials.certificate();
    for (int i = 0; i < credentials.chain().size(); i++) {
      chain[i + 1] = credentials.chain().get(i);
    }
    byte[] bytes;
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(PKCS12_ALIAS, credentials.privateKey(), password, chain);
      var out = new ByteArrayOutputStream();
      store.store(out, password);
      bytes = out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new CredentialException("cannot build PKCS#12 for " + file + ": " + e.getMessage(), e);
    }
    writeSecret(file, bytes);
  }

  // --- reading
  // -------------------------------------------------------------------------------------

  /**
   * The first certificate of a PEM file (a CA a user names, e.g. {@code kit verify --ca}).
   *
   * @param what what the file is, for the message ({@code --ca})
   * @throws CredentialException naming {@code what} and the file when it is missing or holds no PEM
   *     certificate
   */
  public static X509Certificate readCertificate(Path file, String what) {
    try {
      return readCertificates(file).get(0);
    } catch (CredentialException e) {
      throw new CredentialException(what + ": " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (!(object instanceof X509CertificateHolder)) {
          throw new CredentialException(
              file
                  + " holds a "
                  + object.getClass().getSimpleName()
                  + " where a CERTIFICATE was expected");
        }
        certificates.add(converter.getCertificate((X509CertificateHolder) object));
      }
    } catch (NoSuchFileException e) {
      throw new CredentialException("cannot read " + file + ": no such file", e);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof CredentialException) {
        throw (CredentialException) e;
      }
      throw new CredentialException(
          "cannot parse PEM certificate in " + file + ": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new CredentialException(file + " holds no PEM CERTIFICATE block");
    }
    return certificates;
  }

  private static PrivateKey readPrivateKey(Path file, char[] password) {
    Object object;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      object = parser.readObject();
    } catch (NoSuchFileException e) {
      throw new CredentialException("cannot read " + file + ": no such file", e);
    } catch (IOException | RuntimeException e) {
      throw new CredentialException(
          "cannot parse PEM private key in " + file + ": " + e.getMessage(), e);
    }
    if (object == null) {
      throw new CredentialException(file + " holds no PEM private key block");
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
    try {
      if (object instanceof PrivateKeyInfo) {
        return converter.getPrivateKey((PrivateKeyInfo) object);
      }
      if (object instanceof PEMKeyPair) {
        return converter.getKeyPair((PEMKeyPair) object).getPrivate();
      }
      if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
        requirePassword(file, password);
        InputDecryptorProvider decryptor =
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password);
        PrivateKeyInfo info;
        try {
          info = ((PKCS8EncryptedPrivateKeyInfo) object).decryptPrivateKeyInfo(decryptor);
        } catch (Exception e) {
          throw wrongPassword(file, e);
        }
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMEncryptedKeyPair) {
        requirePassword(file, password);
        PEMKeyPair pair;
        try {
          pair =
              ((PEMEncryptedKeyPair) object)
                  .decryptKeyPair(
                      new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password));
        } catch (Exception e) {
          throw wrongPassword(file, e);
        }
        return converter.getKeyPair(pair).getPrivate();
      }
    } catch (PEMException e) {
      throw new CredentialException(
          "cannot decode private key in " + file + ": " + e.getMessage(), e);
    } catch (CredentialException e) {
      throw e;
    } catch (Exception e) {
      throw new CredentialException(
          "cannot read private key in " + file + ": " + e.getMessage(), e);
    }
    throw new CredentialException(
        file
            + " holds a "
            + object.getClass().getSimpleName()
            + ", not a PRIVATE KEY, ENCRYPTED PRIVATE KEY or RSA PRIVATE KEY block");
  }

  private static void requirePassword(Path file, char[] password) {
    if (password == null) {
      throw new CredentialException(
          "private key in " + file + " is encrypted; a password is needed");
    }
  }

  private static CredentialException wrongPassword(Path file, Exception cause) {
    return new CredentialException(
        "cannot decrypt private key in " + file + ": wrong password or corrupt file", cause);
  }

  /** Signs a probe with the private key and verifies it with the public key. */
  private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    String algorithm;
    switch (publicKey.getAlgorithm()) {
      case "RSA":
        algorithm = "SHA256withRSA";
        break;
      case "EC":
        algorithm = "SHA256withECDSA";
        break;
      default:
        throw new CredentialException("unsupported key algorithm " + publicKey.getAlgorithm());
    }
    byte[] probe = "obkit key match probe".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  // --- writing
  // -------------------------------------------------------------------------------------

  private static void refuseReports(Path directory) {
    List<Path> candidates = new ArrayList<>();
    candidates.add(directory.toAbsolutePath().normalize());
    try {
      // A symlink could hide a reports folder; resolve what exists.
      Path existing = directory.toAbsolutePath().normalize();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null) {
        candidates.add(existing.toRealPath());
      }
    } catch (IOException e) {
      throw new CredentialException("cannot resolve " + directory + ": " + e.getMessage(), e);
    }
    for (Path candidate : candidates) {
      for (Path element : candidate) {
        if (element.toString().equals("reports")) {
          throw new CredentialException(
              "refusing to write credentials to "
                  + directory
                  + ": it lies inside a 'reports' folder, and reports are published");
        }
      }
    }
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new CredentialException(
          "cannot create directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void writePublic(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CredentialException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes secret bytes to a temporary file that is owner-only from its creation, then moves it
   * over {@code file}: the key is never readable by others, not even briefly, and an existing file
   * with laxer permissions is replaced rather than reused.
   */
  private static void writeSecret(Path file, byte[] content) {
    Path directory = file.toAbsolutePath().getParent();
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", attributes);
      try (OutputStream out = Files.newOutputStream(temporary)) {
        out.write(content);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new CredentialException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // best effort: the temporary file is owner-only anyway
        }
      }
    }
  }
}
