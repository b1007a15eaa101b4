package com.obkit.evidence;

import com.obkit.history.Runs;
import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.Credentials;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.TestCa;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Evidence bundles for tests: a QSealC of a test CA, a run's entries, and zip surgery. */
final class Bundles {

  static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R515151");
  static final Instant CREATED = Instant.parse("2026-12-02T10:00:00Z");

  /** A test CA, and a QSealC it issued to {@link #ORG}. */
  record Pki(TestCa ca, Credentials seal) {}

  private Bundles() {}

  static Pki pki(String caOrgId, OrganizationId org) {
    TestCa ca = TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of(caOrgId));
    Credentials seal =
        ca.issue(
            CertificateSpec.builder(org).profile(CertificateProfile.QSEALC).build(),
            KeyPool.generateRsa(2048));
    return new Pki(ca, seal);
  }

  /** A run's entries: its record, its verdict (READY), a page and two exchanges. */
  static List<BundleEntry> entries() {
    return List.of(
        BundleEntry.text("run.json", Runs.run("2026-12-02T09:58:30Z").toJson()),
        BundleEntry.text(
            "verdict.json",
            "{\"verdict\":\"CONFORMANT\",\"eligibility\":{\"status\":\"READY\",\"reasons\":[],"
                + "\"waivedRules\":[],\"rulesNotRun\":[],\"notApplicableRules\":[\"CERT-4\"],"
                + "\"tenants\":{\"nl\":\"this run\"}}}"),
        BundleEntry.text("verdict.html", "<html><body>CONFORMANT</body></html>"),
        BundleEntry.text("exchanges/02_token/initial/11/01-request-get.html", "<p>GET ...</p>"),
        BundleEntry.text("exchanges/02_token/initial/11/02-response-200.html", "<p>200</p>"));
  }

  static Path write(Path dir, Optional<Credentials> signer) {
    Path zip = dir.resolve("evidence.zip");
    EvidenceBundle.write(zip, entries(), signer, "0.1.0", CREATED);
    return zip;
  }

  /** Writes {@code entries} as a zip, as they are: what someone tampering with a bundle does. */
  static Path rewrite(Path zip, Map<String, byte[]> entries) throws IOException {
    Path out = zip.resolveSibling("tampered-" + zip.getFileName());
    try (OutputStream os = Files.newOutputStream(out);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out;
  }
}
