package com.obkit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.evidence.BundleVerifier.Expectations;
import com.obkit.evidence.BundleVerifier.Problem;
import com.obkit.evidence.BundleVerifier.Verification;
import com.obkit.evidence.EvidenceProblem.Kind;
import com.obkit.pki.Certificates;
import com.obkit.pki.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bundle verifies; each way of tampering with it fails with its own kind and message. */
class BundleVerifierTest {

  static Bundles.Pki tpp;
  static Bundles.Pki stranger;

  @TempDir Path dir;

  @BeforeAll
  static void keys() {
    tpp = Bundles.pki("PSDNL-KIT-TESTCA", Bundles.ORG);
    stranger = Bundles.pki("PSDNL-KIT-OTHERCA", OrganizationId.of("PSDNL-DNB-R666666"));
  }

  private Path signed() {
    return Bundles.write(dir, Optional.of(tpp.seal()));
  }

  private static Problem problem(Path zip) {
    return problem(zip, Expectations.none());
  }

  private static Problem problem(Path zip, Expectations expected) {
    Verification v = BundleVerifier.verify(zip, expected);
    assertThat(v.verified()).as("verified").isFalse();
    return v.problem().orElseThrow();
  }

  @Test
  void aSignedBundleVerifiesAndSaysWhoSignedWhenAgainstWhichReleaseAndTheVerdict() {
    Verification v = BundleVerifier.verify(signed(), Expectations.none());
    assertThat(v.problem()).isEmpty();
    String subject =
        tpp.seal().certificate().getSubjectX500Principal().getName(X500Principal.RFC1779);
    assertThat(v.lines())
        .containsExactly(
            "entries: 5, each with the SHA-256 the manifest gives it (written by obkit 0.1.0 at"
                + " 2026-12-02T10:00:00Z)",
            "signed by: PSDNL-DNB-R515151 ("
                + subject
                + "), certificate SHA-256 "
                + Certificates.sha256Fingerprint(tpp.seal().certificate()),
            v.lines().get(2),
            "bank: embedded reference sandbox, tenant nl, sandbox mode, generated credentials, run"
                + " from 2026-12-02T09:58:30Z to 2026-12-02T10:00:00Z",
            "bank release: version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi 77b1d0aa, discovery"
                + " 0c9d4e5f)",
            "verdict: CONFORMANT",
            "SELF-CERTIFICATION: READY | not applicable here: CERT-4");
    assertThat(v.lines().get(2)).matches("signed at: 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void theExpectedCaAndOrganizationIdHold() {
    Verification v =
        BundleVerifier.verify(
            signed(),
            new Expectations(
                Optional.of(tpp.ca().certificate()), Optional.of(Bundles.ORG.value())));
    assertThat(v.problem()).isEmpty();
    assertThat(v.lines().get(3))
        .isEqualTo(
            "issued by: CN=Xs2aTpp.com, O=TriodosBank, OID.2.5.4.97=PSDNL-KIT-TESTCA, L=Zeist,"
                + " C=NL (the CA given)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run.json",
        "verdict.json",
        "verdict.html",
        "exchanges/02_token/initial/11/01-request-get.html",
        "exchanges/02_token/initial/11/02-response-200.html"
      })
  void aChangedByteInAnyEntryNamesThatEntry(String name) throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    byte[] original = entries.get(name);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 0x01;
    entries.put(name, changed);
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(
                Kind.CHANGED_ENTRY,
                "changed entry "
                    + name
                    + ": its SHA-256 is "
                    + Manifest.sha256(changed)
                    + " ("
                    + changed.length
                    + " bytes), the manifest says "
                    + Manifest.sha256(original)
                    + " ("
                    + original.length
                    + " bytes)"));
  }

  @Test
  void aChangedByteInTheManifestBreaksTheSignature() throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    String manifest = new String(entries.get(EvidenceBundle.MANIFEST), StandardCharsets.UTF_8);
    entries.put(
        EvidenceBundle.MANIFEST,
        manifest.replace("\"0.1.0\"", "\"0.1.1\"").getBytes(StandardCharsets.UTF_8));
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(
                Kind.SIGNATURE_INVALID,
                "signature invalid: manifest.json.p7s does not verify over manifest.json with the"
                    + " certificate it holds"));
  }

  @Test
  void aChangedByteInTheSignatureBreaksIt() throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    byte[] p7s = entries.get(EvidenceBundle.SIGNATURE).clone();
    p7s[p7s.length - 1] ^= 0x01; // the last byte of the signature value
    entries.put(EvidenceBundle.SIGNATURE, p7s);
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(
                Kind.SIGNATURE_INVALID,
                "signature invalid: manifest.json.p7s does not verify over manifest.json with the"
                    + " certificate it holds"));
  }

  @Test
  void aRemovedEntryIsNamed() throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    entries.remove("verdict.html");
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(
                Kind.REMOVED_ENTRY,
                "removed entry verdict.html: the manifest lists it, the bundle does not hold it"));
  }

  @Test
  void anAddedEntryIsNamed() throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    entries.put("exchanges/extra.html", "<p>made up</p>".getBytes(StandardCharsets.UTF_8));
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(
                Kind.ADDED_ENTRY,
                "added entry exchanges/extra.html: the bundle holds it, the manifest does not list"
                    + " it"));
  }

  @Test
  void aSignatureByAnotherKeyOverTheSameManifestIsRefused() throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    entries.put(
        EvidenceBundle.SIGNATURE,
        ManifestSignature.sign(entries.get(EvidenceBundle.MANIFEST), stranger.seal()));
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(
                Kind.OTHER_SIGNER,
                "signed by another key: the signature verifies with the certificate of"
                    + " PSDNL-DNB-R666666 (SHA-256 "
                    + Certificates.sha256Fingerprint(stranger.seal().certificate())
                    + "), but the manifest names PSDNL-DNB-R515151 (SHA-256 "
                    + Certificates.sha256Fingerprint(tpp.seal().certificate())
                    + ")"));
  }

  @Test
  void aBundleMadeAndSignedByAnotherTppFailsOnlyTheExpectations() {
    Path zip = Bundles.write(dir, Optional.of(stranger.seal()));
    assertThat(BundleVerifier.verify(zip, Expectations.none()).verified()).isTrue();
    assertThat(problem(zip, new Expectations(Optional.empty(), Optional.of(Bundles.ORG.value()))))
        .isEqualTo(
            new Problem(
                Kind.OTHER_ORGANIZATION,
                "signed by PSDNL-DNB-R666666, not by the expected PSDNL-DNB-R515151"));
    Problem untrusted =
        problem(zip, new Expectations(Optional.of(tpp.ca().certificate()), Optional.empty()));
    assertThat(untrusted.kind()).isEqualTo(Kind.UNTRUSTED_SIGNER);
    assertThat(untrusted.message())
        .startsWith(
            "the signer's certificate does not chain to the CA given (CN=Xs2aTpp.com,"
                + " O=TriodosBank, OID.2.5.4.97=PSDNL-KIT-TESTCA, L=Zeist, C=NL): ");
  }

  @Test
  void anUnsignedBundleSaysSoAfterItsDigestsHeld() {
    Verification v =
        BundleVerifier.verify(Bundles.write(dir, Optional.empty()), Expectations.none());
    assertThat(v.problem())
        .contains(
            new Problem(
                Kind.NOT_SIGNED,
                "not signed: the bundle holds no manifest.json.p7s (a run with generated"
                    + " credentials has no QSealC of the TPP to sign with)"));
    assertThat(v.lines()).hasSize(5);
    assertThat(v.lines().get(3)).isEqualTo("verdict: CONFORMANT");
  }

  @Test
  void aZipWithoutManifestIsNoBundle() throws Exception {
    Path zip = signed();
    Map<String, byte[]> entries = new LinkedHashMap<>(EvidenceBundle.read(zip));
    entries.remove(EvidenceBundle.MANIFEST);
    assertThat(problem(Bundles.rewrite(zip, entries)))
        .isEqualTo(
            new Problem(Kind.NOT_A_BUNDLE, "no manifest.json: this is not an evidence bundle"));
  }

  @Test
  void aFileThatIsNoZipOrIsMissingIsAUsersMistakeNamingIt() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a zip");
    assertThatThrownBy(() -> BundleVerifier.verify(text, Expectations.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(text + " is not a zip file, or an empty one");
    Path missing = dir.resolve("nope.zip");
    assertThatThrownBy(() -> BundleVerifier.verify(missing, Expectations.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("evidence bundle " + missing + " does not exist");
  }

  @Test
  void anEntryNamedTwiceOrEscapingTheFolderIsRefused() throws Exception {
    Path zip = dir.resolve("evil.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("../../etc/passwd"));
      z.write(1);
      z.closeEntry();
    }
    assertThatThrownBy(() -> EvidenceBundle.read(zip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(zip + ": entry name '../../etc/passwd' has a '..' segment");
  }

  @Test
  void theSignatureIsDetachedWithOneSignerAndTheCertificateAndItsChain() throws Exception {
    Map<String, byte[]> entries = EvidenceBundle.read(signed());
    CMSSignedData cms =
        new CMSSignedData(
            new CMSProcessableByteArray(entries.get(EvidenceBundle.MANIFEST)),
            entries.get(EvidenceBundle.SIGNATURE));
    assertThat(new CMSSignedData(entries.get(EvidenceBundle.SIGNATURE)).getSignedContent())
        .isNull();
    assertThat(cms.getSignerInfos().size()).isEqualTo(1);
    assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
    assertThat(List.copyOf(entries.keySet()).subList(5, 7))
        .containsExactly(EvidenceBundle.MANIFEST, EvidenceBundle.SIGNATURE);
  }
}
