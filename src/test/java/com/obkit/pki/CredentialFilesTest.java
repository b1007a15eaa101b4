package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFilesTest {

  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R000000");
  private static final String PASSWORD = "s3cret-Pa55word";

  private final TestCa ca = TestCa.create("CN=Files Test CA, C=NL", TestKeys.ca());
  private final Credentials credentials =
      ca.issue(CertificateSpec.builder(ORG).build(), TestKeys.subject());

  @TempDir Path dir;

  // --- save / loadPem
  // ------------------------------------------------------------------------------

  @Test
  void saveWritesTheTrioAndLoadPemReadsItBack() throws Exception {
    SavedCredentials saved = CredentialFiles.save(credentials, dir.resolve("creds"));

    assertThat(saved.certificate()).isEqualTo(dir.resolve("creds/certificate.pem"));
    assertThat(saved.privateKey()).isEqualTo(dir.resolve("creds/private-key.pem"));
    assertThat(saved.keyId()).isEqualTo(dir.resolve("creds/key-id.txt"));
    assertThat(Files.readString(saved.keyId())).isEqualTo(credentials.keyId().toString());
    // PEM markers are split in this file so that secret scanners see no committed key: there is
    // none.
    assertThat(Files.readString(saved.privateKey())).startsWith("-----BEGIN " + "PRIVATE KEY-----");
    assertThat(Files.readString(saved.certificate())).startsWith("-----BEGIN CERTIFICATE-----");

    Credentials loaded = CredentialFiles.loadPem(saved.certificate(), saved.privateKey(), null);
    assertThat(loaded.certificate()).isEqualTo(credentials.certificate());
    assertThat(loaded.privateKey().getEncoded()).isEqualTo(credentials.privateKey().getEncoded());
    assertThat(loaded.chain()).containsExactly(ca.certificate());
    assertThat(KeyId.parse(Files.readString(saved.keyId()))).isEqualTo(loaded.keyId());
  }

  @Test
  void savedPrivateKeyIsOwnerOnlyEvenWhenReplacingAReadableFile() throws Exception {
    Path target = dir.resolve("creds");
    Files.createDirectories(target);
    Path key = target.resolve("private-key.pem");
    Files.writeString(key, "old");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    SavedCredentials saved = CredentialFiles.save(credentials, target);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.privateKey())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(saved.privateKey())).contains("PRIVATE KEY");
    try (var files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left behind")
          .containsExactlyInAnyOrder("certificate.pem", "private-key.pem", "key-id.txt");
    }
  }

  @Test
  void saveInsideAReportsFolderIsRefused() {
    Path reports = dir.resolve("reports").resolve("run-1");

    assertThatThrownBy(() -> CredentialFiles.save(credentials, reports))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("reports")
        .hasMessageContaining(reports.toString());
    assertThat(reports).doesNotExist();
    assertThatThrownBy(() -> CredentialFiles.save(credentials, dir.resolve("reports")))
        .isInstanceOf(CredentialException.class);
    assertThatThrownBy(
            () ->
                CredentialFiles.savePkcs12(
                    credentials, dir.resolve("reports/x.p12"), PASSWORD.toCharArray()))
        .isInstanceOf(CredentialException.class);
  }

  @Test
  void saveThroughASymlinkIntoReportsIsRefused() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Path link = Files.createSymbolicLink(dir.resolve("innocent"), reports);

    assertThatThrownBy(() -> CredentialFiles.save(credentials, link.resolve("sub")))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("reports");
  }

  @Test
  void encryptedPkcs8KeyLoadsWithItsPassword() throws Exception {
    Path cert = writeCertificate();
    Path key = dir.resolve("encrypted.pem");
    Files.writeString(key, encryptedPkcs8(credentials.privateKey(), PASSWORD));
    assertThat(Files.readString(key)).startsWith("-----BEGIN " + "ENCRYPTED PRIVATE KEY-----");

    Credentials loaded = CredentialFiles.loadPem(cert, key, PASSWORD.toCharArray());

    assertThat(loaded.privateKey().getEncoded()).isEqualTo(credentials.privateKey().getEncoded());
  }

  @Test
  void encryptedPkcs8KeyWithWrongOrMissingPasswordIsRefused() throws Exception {
    Path cert = writeCertificate();
    Path key = dir.resolve("encrypted.pem");
    Files.writeString(key, encryptedPkcs8(credentials.privateKey(), PASSWORD));

    assertThatThrownBy(() -> CredentialFiles.loadPem(cert, key, "wrong-guess".toCharArray()))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(key.toString())
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("wrong-guess")
        .hasMessageNotContaining(PASSWORD);
    assertThatThrownBy(() -> CredentialFiles.loadPem(cert, key, null))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("is encrypted");
  }

  @Test
  void pkcs1RsaPrivateKeyLoads() throws Exception {
    Path cert = writeCertificate();
    Path key = dir.resolve("rsa.pem");
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(credentials.privateKey());
    }
    Files.writeString(key, pem.toString());
    assertThat(pem.toString()).startsWith("-----BEGIN " + "RSA PRIVATE KEY-----");

    Credentials loaded = CredentialFiles.loadPem(cert, key, null);

    assertThat(loaded.privateKey().getEncoded()).isEqualTo(credentials.privateKey().getEncoded());
    assertThat(loaded.chain()).isEmpty();
  }

  @Test
  void keyThatDoesNotMatchTheCertificateIsRefused() throws Exception {
    SavedCredentials saved = CredentialFiles.save(credentials, dir.resolve("a"));
    Credentials other = ca.issue(CertificateSpec.builder(ORG).build(), TestKeys.other());
    SavedCredentials otherSaved = CredentialFiles.save(other, dir.resolve("b"));

    assertThatThrownBy(
            () -> CredentialFiles.loadPem(saved.certificate(), otherSaved.privateKey(), null))
        .isInstanceOf(CredentialException.class)
        .hasMessage(
            "private key in "
                + otherSaved.privateKey()
                + " does not match the certificate in "
                + saved.certificate());
  }

  @Test
  void garbledPemIsRefusedNamingTheFile() throws Exception {
    SavedCredentials saved = CredentialFiles.save(credentials, dir.resolve("ok"));
    Path garbledCert = dir.resolve("garbled-cert.pem");
    Files.writeString(
        garbledCert, "-----BEGIN CERTIFICATE-----\nAAAA$$$not base64\n-----END CERTIFICATE-----\n");
    Path garbledKey = dir.resolve("garbled-key.pem");
    Files.writeString(
        garbledKey, "-----BEGIN " + "PRIVATE KEY-----\nMIIBAAAA\n-----END " + "PRIVATE KEY-----\n");
    Path emptyCert = dir.resolve("empty.pem");
    Files.writeString(emptyCert, "just some text\n");

    assertThatThrownBy(() -> CredentialFiles.loadPem(garbledCert, saved.privateKey(), null))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(garbledCert.toString());
    assertThatThrownBy(() -> CredentialFiles.loadPem(saved.certificate(), garbledKey, null))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(garbledKey.toString());
    assertThatThrownBy(() -> CredentialFiles.loadPem(emptyCert, saved.privateKey(), null))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(emptyCert.toString())
        .hasMessageContaining("no PEM CERTIFICATE");
    assertThatThrownBy(() -> CredentialFiles.loadPem(saved.privateKey(), saved.privateKey(), null))
        .as("a key where a certificate belongs")
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("where a CERTIFICATE was expected");
    assertThatThrownBy(
            () -> CredentialFiles.loadPem(saved.certificate(), saved.certificate(), null))
        .as("a certificate where a key belongs")
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("not a PRIVATE KEY");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> CredentialFiles.loadPem(missing, missing, null))
        .isInstanceOf(CredentialException.class)
        .hasMessage("cannot read " + missing + ": no such file");
  }

  // --- PKCS#12
  // -------------------------------------------------------------------------------------

  @Test
  void pkcs12RoundTrips() throws Exception {
    Path p12 = dir.resolve("tpp.p12");
    CredentialFiles.savePkcs12(credentials, p12, PASSWORD.toCharArray());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12)))
        .isEqualTo("rw-------");
    for (String alias : new String[] {null, CredentialFiles.PKCS12_ALIAS}) {
      Credentials loaded = CredentialFiles.loadPkcs12(p12, PASSWORD.toCharArray(), alias);
      assertThat(loaded.certificate()).isEqualTo(credentials.certificate());
      assertThat(loaded.privateKey().getEncoded()).isEqualTo(credentials.privateKey().getEncoded());
      assertThat(loaded.chain()).containsExactly(ca.certificate());
    }
  }

  @Test
  void pkcs12WithWrongPasswordIsRefused() {
    Path p12 = dir.resolve("tpp.p12");
    CredentialFiles.savePkcs12(credentials, p12, PASSWORD.toCharArray());

    assertThatThrownBy(() -> CredentialFiles.loadPkcs12(p12, "guess".toCharArray(), null))
        .isInstanceOf(CredentialException.class)
        .hasMessage("cannot open PKCS#12 " + p12 + ": wrong password or corrupt file");
  }

  @Test
  void corruptPkcs12IsRefused() throws Exception {
    Path p12 = dir.resolve("corrupt.p12");
    Files.write(p12, "definitely not PKCS#12".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> CredentialFiles.loadPkcs12(p12, PASSWORD.toCharArray(), null))
        .isInstanceOf(CredentialException.class)
        .hasMessage("cannot open PKCS#12 " + p12 + ": wrong password or corrupt file");
  }

  @Test
  void pkcs12WithUnknownAliasIsRefused() {
    Path p12 = dir.resolve("tpp.p12");
    CredentialFiles.savePkcs12(credentials, p12, PASSWORD.toCharArray());

    assertThatThrownBy(() -> CredentialFiles.loadPkcs12(p12, PASSWORD.toCharArray(), "other"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("no private key entry named 'other'")
        .hasMessageNotContaining(PASSWORD);
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private Path writeCertificate() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Files.writeString(cert, Certificates.toPem(credentials.certificate()));
    return cert;
  }

  private static String encryptedPkcs8(PrivateKey key, String password) throws Exception {
    OutputEncryptor encryptor =
        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
            .setPRF(PKCS8Generator.PRF_HMACSHA256)
            .setProvider(new BouncyCastleProvider())
            .setPassword(password.toCharArray())
            .build();
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(new JcaPKCS8Generator(key, encryptor));
    }
    return pem.toString();
  }
}
