package com.obkit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.evidence.EvidenceProblem.Kind;
import com.obkit.history.RunRecord;
import com.obkit.pki.Certificates;
import com.obkit.report.Eligibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * What {@code kit verify} checks, in this order, stopping at the first that does not hold: the
 * manifest is there and readable; every entry it lists is in the zip with its SHA-256; the zip
 * holds nothing it does not list; the manifest is signed; the signature verifies; it is by the
 * certificate the manifest names; that certificate chains to {@code --ca} (when given) at the
 * signing time; its organization id is {@code --organization-id} (when given).
 *
 * <p>Without {@code --ca} a valid signature proves only that the holder of the key in the bundle
 * signed it: anyone can sign a bundle of their own making with a certificate of their own. The bank
 * gives {@code --ca} (the qualified trust service's CA) and {@code --organization-id} (the TPP it
 * expects) to know it was that TPP.
 */
public final class BundleVerifier {

  private BundleVerifier() {}

  /**
   * What is expected of the signer.
   *
   * @param ca the CA the signer's certificate must chain to
   * @param organizationId the organization id the signer's certificate must carry
   */
  public record Expectations(Optional<X509Certificate> ca, Optional<String> organizationId) {
    public Expectations {
      Objects.requireNonNull(ca, "ca");
      Objects.requireNonNull(organizationId, "organizationId");
    }

    /** Nothing expected beyond a valid signature. */
    public static Expectations none() {
      return new Expectations(Optional.empty(), Optional.empty());
    }
  }

  /**
   * The outcome.
   *
   * @param problem the first check that does not hold; empty when the bundle verifies
   * @param lines what the bundle says, as far as it was checked: entries, who signed and when, the
   *     bank, the verdict, the self-certification
   */
  public record Verification(Optional<Problem> problem, List<String> lines) {
    public Verification {
      Objects.requireNonNull(problem, "problem");
      lines = List.copyOf(lines);
    }

    public boolean verified() {
      return problem.isEmpty();
    }
  }

  /**
   * Why a bundle does not verify.
   *
   * @param kind which check failed
   * @param message what does not hold, naming the entry or the expectation
   */
  public record Problem(Kind kind, String message) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Verifies the bundle at {@code zip}.
   *
   * @throws IllegalArgumentException when {@code zip} cannot be read as a zip at all (a user's
   *     mistake, not a verification failure)
   */
  public static Verification verify(Path zip, Expectations expected) {
    Map<String, byte[]> entries = EvidenceBundle.read(zip);
    List<String> lines = new ArrayList<>();
    // What the run says is printed after who signed it, and also when the signature fails: the
    // entries it comes from have held their digests by then.
    List<String> run = new ArrayList<>();
    try {
      check(entries, expected, lines, run);
      lines.addAll(run);
      return new Verification(Optional.empty(), lines);
    } catch (EvidenceProblem p) {
      lines.addAll(run);
      return new Verification(Optional.of(new Problem(p.kind(), p.getMessage())), lines);
    }
  }

  private static void check(
      Map<String, byte[]> entries, Expectations expected, List<String> lines, List<String> run) {
    byte[] manifestBytes = entries.get(EvidenceBundle.MANIFEST);
    if (manifestBytes == null) {
      throw new EvidenceProblem(
          Kind.NOT_A_BUNDLE, "no " + EvidenceBundle.MANIFEST + ": this is not an evidence bundle");
    }
    Manifest manifest;
    try {
      manifest = Manifest.parse(manifestBytes);
    } catch (IllegalArgumentException e) {
      throw new EvidenceProblem(Kind.NOT_A_BUNDLE, e.getMessage());
    }
    for (Manifest.Item item : manifest.entries()) {
      byte[] content = entries.get(item.path());
      if (content == null) {
        throw new EvidenceProblem(
            Kind.REMOVED_ENTRY,
            "removed entry "
                + item.path()
                + ": the manifest lists it, the bundle does not hold it");
      }
      String actual = Manifest.sha256(content);
      if (!actual.equals(item.sha256()) || content.length != item.size()) {
        throw new EvidenceProblem(
            Kind.CHANGED_ENTRY,
            "changed entry "
                + item.path()
                + ": its SHA-256 is "
                + actual
                + " ("
                + content.length
                + " bytes), the manifest says "
                + item.sha256()
                + " ("
                + item.size()
                + " bytes)");
      }
    }
    Set<String> listed = Set.copyOf(manifest.entries().stream().map(Manifest.Item::path).toList());
    for (String name : entries.keySet()) {
      if (!listed.contains(name)
          && !name.equals(EvidenceBundle.MANIFEST)
          && !name.equals(EvidenceBundle.SIGNATURE)) {
        throw new EvidenceProblem(
            Kind.ADDED_ENTRY,
            "added entry " + name + ": the bundle holds it, the manifest does not list it");
      }
    }
    lines.add(
        "entries: "
            + manifest.entries().size()
            + ", each with the SHA-256 the manifest gives it (written by obkit "
            + manifest.kitVersion()
            + " at "
            + manifest.createdAt()
            + ")");
    describeRun(entries, run);

    byte[] signature = entries.get(EvidenceBundle.SIGNATURE);
    if (signature == null) {
      throw new EvidenceProblem(
          Kind.NOT_SIGNED,
          "not signed: the bundle holds no "
              + EvidenceBundle.SIGNATURE
              + " (a run with generated credentials has no QSealC of the TPP to sign with)");
    }
    ManifestSignature.Signed signed = ManifestSignature.verify(manifestBytes, signature);
    X509Certificate signer = signed.signer();
    String fingerprint = Certificates.sha256Fingerprint(signer);
    String organizationId = Certificates.organizationIdentifier(signer).orElse("<none>");
    Optional<Manifest.Signer> named = manifest.signer();
    if (named.isEmpty() || !named.get().certificateSha256().equals(fingerprint)) {
      throw new EvidenceProblem(
          Kind.OTHER_SIGNER,
          "signed by another key: the signature verifies with the certificate of "
              + organizationId
              + " (SHA-256 "
              + fingerprint
              + "), but the manifest names "
              + named
                  .map(n -> n.organizationId() + " (SHA-256 " + n.certificateSha256() + ")")
                  .orElse("no signer"));
    }
    lines.add(
        "signed by: "
            + organizationId
            + " ("
            + signer.getSubjectX500Principal().getName(X500Principal.RFC1779)
            + "), certificate SHA-256 "
            + fingerprint);
    lines.add("signed at: " + signed.signedAt());
    if (expected.ca().isPresent()) {
      requireChain(signed, expected.ca().get());
      lines.add(
          "issued by: "
              + expected.ca().get().getSubjectX500Principal().getName(X500Principal.RFC1779)
              + " (the CA given)");
    }
    if (expected.organizationId().isPresent()
        && !expected.organizationId().get().equals(organizationId)) {
      throw new EvidenceProblem(
          Kind.OTHER_ORGANIZATION,
          "signed by "
              + organizationId
              + ", not by the expected "
              + expected.organizationId().get());
    }
  }

  /** The bank, the verdict and the self-certification, from entries whose digests held. */
  private static void describeRun(Map<String, byte[]> entries, List<String> lines) {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode verdict = json(mapper, entries.get("verdict.json"));
    byte[] runJson = entries.get("run.json");
    if (runJson != null) {
      try {
        RunRecord run = RunRecord.parse(new String(runJson, StandardCharsets.UTF_8));
        lines.add(
            "bank: "
                + run.target()
                + ", tenant "
                + run.tenant()
                + ", "
                + run.bankMode()
                + " mode, "
                + run.identity()
                + " credentials, run from "
                + run.start()
                + " to "
                + run.end());
        lines.add("bank release: " + run.fingerprint().describe());
      } catch (IllegalArgumentException e) {
        lines.add("bank: unknown (run.json: " + e.getMessage() + ")");
      }
    }
    if (verdict != null) {
      lines.add("verdict: " + verdict.path("verdict").asText("?"));
      try {
        lines.add(Eligibility.fromJson(verdict.path("eligibility")).line());
      } catch (IllegalArgumentException e) {
        lines.add("SELF-CERTIFICATION: unknown (" + e.getMessage() + ")");
      }
    }
  }

  private static JsonNode json(ObjectMapper mapper, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return mapper.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static void requireChain(ManifestSignature.Signed signed, X509Certificate ca) {
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signed.signer());
      PKIXBuilderParameters parameters =
          new PKIXBuilderParameters(Set.of(new TrustAnchor(ca, null)), target);
      // Checked as of the signing time: a bundle stays valid after its certificate expired.
      parameters.setDate(Date.from(signed.signedAt()));
      // Revocation is the trust service's to answer; a verifier offline cannot ask it.
      parameters.setRevocationEnabled(false);
      List<X509Certificate> pool = new ArrayList<>(signed.chain());
      pool.add(signed.signer());
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
    } catch (GeneralSecurityException e) {
      throw new EvidenceProblem(
          Kind.UNTRUSTED_SIGNER,
          "the signer's certificate does not chain to the CA given ("
              + ca.getSubjectX500Principal().getName(X500Principal.RFC1779)
              + "): "
              + e.getMessage());
    }
  }
}
