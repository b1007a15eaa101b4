package com.obkit.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TestCa#issue(CertificateSpec, java.security.KeyPair)} puts into a certificate. Build
 * one with {@link #builder(OrganizationId)}; the negative-test switches ({@link
 * Builder#withoutOrganizationIdentifier()}, {@link Builder#rawOrganizationIdentifier(String)},
 * {@link Builder#withoutPsd2Statement()}) produce certificates the bank must refuse (CERT-1,
 * CERT-5).
 *
 * @param commonName subject CN
 * @param organizationId the valid organization identifier in the subject (2.5.4.97); empty when the
 *     subject carries none or carries {@link #rawOrganizationIdentifier()} instead
 * @param rawOrganizationIdentifier an arbitrary, possibly invalid, 2.5.4.97 value (negative CERT-1
 *     tests); never present together with {@code organizationId}
 * @param organization subject O
 * @param country subject C (ISO 3166-1 alpha-2)
 * @param roles PSP roles of the PSD2 statement (may be empty for negative tests)
 * @param ncaName nCAName of the PSD2 statement
 * @param ncaId nCAId of the PSD2 statement, e.g. {@code NL-DNB}
 * @param profile the certificate profile (QC statements, key usages)
 * @param notBefore start of validity
 * @param notAfter end of validity (after {@code notBefore}; may be in the past: CERT-2 tests)
 * @param psd2Statement whether the PSD2 QC statement is included (false only for CERT-5 tests)
 */
public record CertificateSpec(
    String commonName,
    Optional<OrganizationId> organizationId,
    Optional<String> rawOrganizationIdentifier,
    String organization,
    String country,
    List<PspRole> roles,
    String ncaName,
    String ncaId,
    CertificateProfile profile,
    Instant notBefore,
    Instant notAfter,
    boolean psd2Statement) {

  public CertificateSpec {
    requireText(commonName, "commonName");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(rawOrganizationIdentifier, "rawOrganizationIdentifier");
    if (organizationId.isPresent() && rawOrganizationIdentifier.isPresent()) {
      throw new IllegalArgumentException(
          "organizationId and rawOrganizationIdentifier are exclusive: the subject holds one 2.5.4.97 value");
    }
    requireText(organization, "organization");
    Objects.requireNonNull(country, "country");
    if (!country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          "country '" + country + "' is not an ISO 3166-1 alpha-2 code (two uppercase letters)");
    }
    Objects.requireNonNull(roles, "roles");
    roles = List.copyOf(roles);
    Objects.requireNonNull(ncaName, "ncaName");
    Objects.requireNonNull(ncaId, "ncaId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (!notBefore.isBefore(notAfter)) {
      throw new IllegalArgumentException(
          "notBefore " + notBefore + " must be before notAfter " + notAfter);
    }
  }

  /** The value the subject's 2.5.4.97 attribute will hold, if any. */
  public Optional<String> subjectOrganizationIdentifier() {
    return organizationId.map(OrganizationId::value).or(() -> rawOrganizationIdentifier);
  }

  /** The PSD2 statement this spec asks for; empty when {@link #psd2Statement()} is false. */
  public Optional<Psd2QcStatement> psd2QcStatement() {
    return psd2Statement
        ? Optional.of(new Psd2QcStatement(roles, ncaName, ncaId))
        : Optional.empty();
  }

  /**
   * A builder with the defaults of a sandbox test certificate for {@code organizationId}: CN {@code
   * "TPP <orgId>"}, O {@code "Conformance Kit TPP"}, C = the org id's country, roles PSP_AI +
   * PSP_PI, nCAName {@code "Competent Authority <authority>"}, nCAId = {@link
   * OrganizationId#ncaId()}, profile {@link CertificateProfile#SANDBOX}, valid from one minute ago
   * for 365 days.
   */
  public static Builder builder(OrganizationId organizationId) {
    return new Builder(organizationId);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Builder for {@link CertificateSpec}; not thread-safe. */
  public static final class Builder {
    private String commonName;
    private Optional<OrganizationId> organizationId;
    private Optional<String> rawOrganizationIdentifier = Optional.empty();
    private String organization = "Conformance Kit TPP";
    private String country;
    private List<PspRole> roles = List.of(PspRole.PSP_AI, PspRole.PSP_PI);
    private String ncaName;
    private String ncaId;
    private CertificateProfile profile = CertificateProfile.SANDBOX;
    private Instant notBefore;
    private Instant notAfter;
    private boolean psd2Statement = true;

    private Builder(OrganizationId orgId) {
      Objects.requireNonNull(orgId, "organizationId");
      Instant now = Instant.now();
      this.commonName = "TPP " + orgId;
      this.organizationId = Optional.of(orgId);
      this.country = orgId.country();
      this.ncaName = "Competent Authority " + orgId.authority();
      this.ncaId = orgId.ncaId();
      // A minute of slack so that a bank whose clock lags slightly does not see "not yet valid".
      this.notBefore = now.minus(Duration.ofMinutes(1));
      this.notAfter = now.plus(Duration.ofDays(365));
    }

    public Builder commonName(String commonName) {
      this.commonName = commonName;
      return this;
    }

    /** Subject O. */
    public Builder organization(String organization) {
      this.organization = organization;
      return this;
    }

    /** Subject C. */
    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public Builder roles(List<PspRole> roles) {
      this.roles = List.copyOf(roles);
      return this;
    }

    public Builder roles(PspRole... roles) {
      return roles(List.of(roles));
    }

    public Builder ncaName(String ncaName) {
      this.ncaName = ncaName;
      return this;
    }

    public Builder ncaId(String ncaId) {
      this.ncaId = ncaId;
      return this;
    }

    public Builder profile(CertificateProfile profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Validity period; a past or future window makes an expired / not-yet-valid certificate
     * (CERT-2).
     */
    public Builder validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    /** The subject gets no 2.5.4.97 attribute (negative CERT-1 tests). */
    public Builder withoutOrganizationIdentifier() {
      this.organizationId = Optional.empty();
      this.rawOrganizationIdentifier = Optional.empty();
      return this;
    }

    /**
     * Puts {@code value} into the subject's 2.5.4.97 attribute unvalidated (negative CERT-1 tests);
     * the other defaults still come from the builder's organization id.
     */
    public Builder rawOrganizationIdentifier(String value) {
      this.rawOrganizationIdentifier = Optional.of(Objects.requireNonNull(value, "value"));
      this.organizationId = Optional.empty();
      return this;
    }

    /** No PSD2 QC statement at all (CERT-5 tests). */
    public Builder withoutPsd2Statement() {
      this.psd2Statement = false;
      return this;
    }

    public CertificateSpec build() {
      return new CertificateSpec(
          commonName,
          organizationId,
          rawOrganizationIdentifier,
          organization,
          country,
          roles,
          ncaName,
          ncaId,
          profile,
          notBefore,
          notAfter,
          psd2Statement);
    }
  }
}
