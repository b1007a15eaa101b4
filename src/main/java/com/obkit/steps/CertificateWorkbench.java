package com.obkit.steps;

import com.obkit.pki.CertificateProfile;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.PspRole;
import com.obkit.pki.SavedCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Certificate generation for the first stage: what was asked, what was issued or refused, what was
 * saved.
 */
public final class CertificateWorkbench {
  private final ScenarioKit kit;
  private OrganizationId organizationId;
  private Credentials issued;
  private IllegalArgumentException refusal;
  private SavedCredentials saved;

  public CertificateWorkbench(ScenarioKit kit) {
    this.kit = kit;
  }

  public void organizationId(String value) {
    this.organizationId = OrganizationId.of(value);
  }

  public Credentials generate(
      CertificateProfile profile, List<PspRole> roles, String ncaName, String ncaId) {
    issued =
        kit.runtime()
            .tpps()
            .certificate(
                organizationId, b -> b.profile(profile).roles(roles).ncaName(ncaName).ncaId(ncaId));
    return issued;
  }

  /** Asks for a certificate with a possibly invalid identifier; remembers the refusal. */
  public void tryOrganizationId(String value) {
    try {
      organizationId(value);
      generate(CertificateProfile.SANDBOX, List.of(PspRole.PSP_AI), "NCA", "NL-DNB");
    } catch (IllegalArgumentException e) {
      refusal = e;
    }
  }

  public Optional<IllegalArgumentException> refusal() {
    return Optional.ofNullable(refusal);
  }

  public Credentials issued() {
    if (issued == null) {
      throw new IllegalStateException("no certificate was generated in this scenario");
    }
    return issued;
  }

  /** A certificate of the default profile for a sample organization id. */
  public Credentials generateDefault() {
    organizationId(CertificateSteps.sampleOrganization().value());
    return generate(CertificateProfile.SANDBOX, List.of(PspRole.PSP_AI), "NCA", "NL-DNB");
  }

  /** Saves to a fresh private temporary folder (never under reports/). */
  public SavedCredentials save() {
    try {
      Path dir = Files.createTempDirectory("kit-credentials-");
      dir.toFile().deleteOnExit();
      saved = CredentialFiles.save(issued(), dir);
      return saved;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SavedCredentials saved() {
    if (saved == null) {
      throw new IllegalStateException("the credentials were not saved");
    }
    return saved;
  }
}
