package com.obkit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.obkit.pki.Certificates;
import com.obkit.testsupport.Openssl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's openssl line checks the manifest's signature as {@code kit verify} does: an
 * implementation the kit does not share code with accepts a bundle's signature and refuses it over
 * a changed manifest. Skipped where openssl is not installed.
 */
class OpensslVerifiesTheSignatureTest {

  static Bundles.Pki tpp;

  @TempDir Path dir;

  @BeforeAll
  static void keys() {
    tpp = Bundles.pki("PSDNL-KIT-TESTCA", Bundles.ORG);
  }

  private Path unpack(Map<String, byte[]> entries) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("unpacked"));
    for (String name : List.of(EvidenceBundle.MANIFEST, EvidenceBundle.SIGNATURE)) {
      Files.write(folder.resolve(name), entries.get(name));
    }
    Files.writeString(
        folder.resolve("ca.pem"),
        Certificates.toPem(tpp.ca().certificate()),
        StandardCharsets.US_ASCII);
    return folder;
  }

  @Test
  void theDocumentedOpensslLineAcceptsTheSignature() throws Exception {
    assumeTrue(Openssl.installed(), "openssl is not installed");
    Map<String, byte[]> entries = EvidenceBundle.read(Bundles.write(dir, Optional.of(tpp.seal())));
    assertThat(Openssl.cmsVerify(unpack(entries))).isEqualTo(0);
  }

  @Test
  void andRefusesItOverAChangedManifest() throws Exception {
    assumeTrue(Openssl.installed(), "openssl is not installed");
    Map<String, byte[]> entries =
        new LinkedHashMap<>(EvidenceBundle.read(Bundles.write(dir, Optional.of(tpp.seal()))));
    byte[] manifest = entries.get(EvidenceBundle.MANIFEST).clone();
    manifest[manifest.length - 3] ^= 0x01;
    entries.put(EvidenceBundle.MANIFEST, manifest);
    assertThat(Openssl.cmsVerify(unpack(entries))).isEqualTo(4);
  }
}
