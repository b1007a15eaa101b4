package com.obkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.ConfigException;
import com.obkit.config.KitConfig;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad credential files stop the run before any request, with a message naming the key and the file.
 */
class CredentialConfigurationTest {
  private static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R123456");
  private static Credentials credentials;
  private static Credentials other;

  @TempDir static Path dir;

  @BeforeAll
  static void issue() {
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    credentials = ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048));
    other = ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048));
  }

  private static KitConfig pem(Path cert, Path key) {
    return KitConfig.load(
        Map.of(
            "kit.credentials.source", "pem",
            "kit.credentials.certificate", cert.toString(),
            "kit.credentials.privateKey", key.toString(),
            "kit.organizationId", ORG.value(),
            "kit.registration.keepRedirectUris", "https://tpp.example/cb"),
        Map.of());
  }

  @Test
  void goodPemFilesPass() throws Exception {
    SavedCredentials saved =
        CredentialFiles.save(credentials, Files.createDirectories(dir.resolve("good")));
    assertThatCode(() -> KitRuntime.validate(pem(saved.certificate(), saved.privateKey())))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingFileIsNamedWithItsKey() {
    assertThatThrownBy(() -> pem(dir.resolve("absent.pem"), dir.resolve("absent-key.pem")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.credentials.certificate")
        .hasMessageContaining("absent.pem");
  }

  @Test
  void aGarbledCertificateIsNamed() throws Exception {
    SavedCredentials saved =
        CredentialFiles.save(credentials, Files.createDirectories(dir.resolve("garbled-cert")));
    Files.writeString(
        saved.certificate(),
        "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> KitRuntime.validate(pem(saved.certificate(), saved.privateKey())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kit.credentials")
        .hasMessageContaining(saved.certificate().toString());
  }

  @Test
  void aGarbledKeyIsNamed() throws Exception {
    SavedCredentials saved =
        CredentialFiles.save(credentials, Files.createDirectories(dir.resolve("garbled-key")));
    Files.writeString(saved.privateKey(), "garbage");
    assertThatThrownBy(() -> KitRuntime.validate(pem(saved.certificate(), saved.privateKey())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(saved.privateKey().toString());
  }

  @Test
  void aKeyThatDoesNotMatchItsCertificateIsNamed() throws Exception {
    SavedCredentials a =
        CredentialFiles.save(credentials, Files.createDirectories(dir.resolve("a")));
    SavedCredentials b = CredentialFiles.save(other, Files.createDirectories(dir.resolve("b")));
    assertThatThrownBy(() -> KitRuntime.validate(pem(a.certificate(), b.privateKey())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not match")
        .hasMessageContaining(a.certificate().toString());
  }

  @Test
  void aWrongPkcs12PasswordIsNamedButNotShown() throws Exception {
    Path p12 = dir.resolve("tpp.p12");
    CredentialFiles.savePkcs12(credentials, p12, "right-password".toCharArray());
    Map<String, String> sys =
        new HashMap<>(
            Map.of(
                "kit.credentials.source",
                "pkcs12",
                "kit.credentials.pkcs12",
                p12.toString(),
                "kit.credentials.pkcs12Password",
                "wrong-password",
                "kit.organizationId",
                ORG.value(),
                "kit.registration.keepRedirectUris",
                "https://tpp.example/cb"));
    assertThatThrownBy(() -> KitRuntime.validate(KitConfig.load(sys, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(p12.toString())
        .hasMessageContaining("wrong password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password"));
    sys.put("kit.credentials.pkcs12Password", "right-password");
    assertThatCode(() -> KitRuntime.validate(KitConfig.load(sys, Map.of())))
        .doesNotThrowAnyException();
  }

  @Test
  void anOrganizationIdThatIsNotTheCertificatesIsNamed() throws Exception {
    SavedCredentials saved =
        CredentialFiles.save(credentials, Files.createDirectories(dir.resolve("org")));
    KitConfig config =
        KitConfig.load(
            Map.of(
                "kit.credentials.source",
                "pem",
                "kit.credentials.certificate",
                saved.certificate().toString(),
                "kit.credentials.privateKey",
                saved.privateKey().toString(),
                "kit.organizationId",
                "PSDNL-DNB-OTHER1",
                "kit.registration.keepRedirectUris",
                "https://tpp.example/cb"),
            Map.of());
    assertThatThrownBy(() -> KitRuntime.validate(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PSDNL-DNB-OTHER1")
        .hasMessageContaining(ORG.value());
  }
}
