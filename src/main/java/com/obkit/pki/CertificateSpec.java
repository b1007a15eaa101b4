package com.obkit.pki;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link TestCa#issue(CertificateSpec, java.security.KeyPair)} puts into a certificate. Build
 * one with {@link #builder(OrganizationId)}; the negative-test switches ({@link
 * Builder#withoutOrganizationIdentifier()}, {@link Builder#rawOrganizationIdentifier(String)},
 * {@link Builder#withoutPsd2Statement()}, {@link Builder#negativeTest()}) produce certificates the
 * bank must refuse (CERT-1, CERT-2, CERT-5).
 *
 * <p>The fields {@code locality} to {@code pdsUrl} are written only into production-profile
 * certificates ({@link CertificateProfile#isProduction()}); a {@link CertificateProfile#SANDBOX}
 * certificate mirrors the bank's sandbox certificates, which carry none of them.
 *
 * @param commonName subject CN; in a {@link CertificateProfile#QSEALC} it equals {@code
 *     organization}, in a {@link CertificateProfile#QWAC} it equals {@code domain}
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
 * @param notAfter end of validity (after {@code notBefore}; may be in the past: CERT-2 tests); for
 *     a production profile at most {@link CertificateProfile#MAX_PRODUCTION_VALIDITY} after {@code
 *     notBefore}, counted inclusively as RFC 5280 does, unless {@code negativeTest}
 * @param psd2Statement whether the PSD2 QC statement is included (false only for CERT-5 tests)
 * @param locality subject L (production profiles)
 * @param stateOrProvince subject ST (production profiles)
 * @param domain the TPP's DNS domain: the QWAC's subjectAltName dNSName and CN
 * @param businessCategory the EV subject's businessCategory (2.5.4.15), one of the four of the EV
 *     Guidelines 7.1.4.2.3; written into a QWAC
 * @param jurisdictionCountry the EV subject's jurisdictionCountryName (1.3.6.1.4.1.311.60.2.1.3),
 *     ISO 3166-1 alpha-2; written into a QWAC
 * @param registrationNumber the EV subject's serialNumber (2.5.4.5): the company registration
 *     number, a PrintableString of 1 to 64 characters; written into a QWAC
 * @param pdsUrl the QcPDS location (ETSI EN 319 412-5), an absolute https URL; its language is
 *     {@code en}
 * @param negativeTest whether this certificate breaks the production-profile limits on purpose
 *     (validity longer than {@link CertificateProfile#MAX_PRODUCTION_VALIDITY})
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
    boolean psd2Statement,
    String locality,
    String stateOrProvince,
    String domain,
    String businessCategory,
    String jurisdictionCountry,
    String registrationNumber,
    URI pdsUrl,
    boolean negativeTest) {

  /** The four businessCategory values of the CA/Browser Forum EV Guidelines 7.1.4.2.3. */
  public static final Set<String> BUSINESS_CATEGORIES =
      Set.of(
          "Private Organization", "Government Entity", "Business Entity", "Non-Commercial Entity");

  /** Default businessCategory of a TPP: a company. */
  public static final String PRIVATE_ORGANIZATION = "Private Organization";

  /**
   * Default QcPDS location. A reserved example domain (RFC 2606): there is no real PKI disclosure
   * statement for a test CA, and a bank must not be led to think there is one.
   */
  public static final URI DEFAULT_PDS_URL = URI.create("https://www.example.com/obkit/pds/en.pdf");

  // RFC 1034/1123 preferred name syntax: LDH labels of 1..63, at least two labels, no trailing dot.
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

  // X.680 PrintableString: the attribute types 2.5.4.5 and jurisdictionCountryName use it.
  private static final Pattern PRINTABLE = Pattern.compile("^[A-Za-z0-9 '()+,\\-./:=?]+$");

  public CertificateSpec {
    requireText(commonName, "commonName");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(rawOrganizationIdentifier, "rawOrganizationIdentifier");
    if (organizationId.isPresent() && rawOrganizationIdentifier.isPresent()) {
      throw new IllegalArgumentException(
          "organizationId and rawOrganizationIdentifier are exclusive: the subject holds one 2.5.4.97 value");
    }
    requireText(organization, "organization");
    requireCountry(country, "country");
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
    requireText(locality, "locality");
    requireText(stateOrProvince, "stateOrProvince");
    Objects.requireNonNull(domain, "domain");
    if (!DNS_NAME.matcher(domain).matches()) {
      throw new IllegalArgumentException(
          "domain '"
              + domain
              + "' is not a fully qualified DNS name in lowercase (labels of letters, digits and"
              + " hyphens, e.g. tpp.example.com)");
    }
    Objects.requireNonNull(businessCategory, "businessCategory");
    if (!BUSINESS_CATEGORIES.contains(businessCategory)) {
      throw new IllegalArgumentException(
          "businessCategory '"
              + businessCategory
              + "' is none of the EV Guidelines' Private Organization, Government Entity, Business"
              + " Entity, Non-Commercial Entity");
    }
    requireCountry(jurisdictionCountry, "jurisdictionCountry");
    Objects.requireNonNull(registrationNumber, "registrationNumber");
    if (registrationNumber.length() > 64 || !PRINTABLE.matcher(registrationNumber).matches()) {
      throw new IllegalArgumentException(
          "registrationNumber '"
              + registrationNumber
              + "' is not a PrintableString of 1 to 64 characters (letters, digits, space and"
              + " '()+,-./:=?)");
    }
    Objects.requireNonNull(pdsUrl, "pdsUrl");
    if (!"https".equals(pdsUrl.getScheme()) || pdsUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "pdsUrl '" + pdsUrl + "' is not an absolute https URL (ETSI EN 319 412-5 QcPDS)");
    }
    if (profile.isProduction() && !negativeTest) {
      Duration max = profile.maxValidity().orElseThrow();
      // RFC 5280 4.1.2.5: both ends are part of the validity period, hence the extra second.
      Duration validity = Duration.between(notBefore, notAfter).plusSeconds(1);
      if (validity.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "notAfter "
                + notAfter
                + " is more than "
                + max.toDays()
                + " days after notBefore "
                + notBefore
                + ": a "
                + profile
                + " certificate is valid for at most "
                + max.toDays()
                + " days (call negativeTest() for one that breaks the limit on purpose)");
      }
    }
    if (profile == CertificateProfile.QSEALC && !commonName.equals(organization)) {
      throw new IllegalArgumentException(
          "commonName '"
              + commonName
              + "' must equal organization '"
              + organization
              + "' in a QSEALC certificate (a seal is named after its organization)");
    }
    if (profile == CertificateProfile.QWAC && !commonName.equals(domain)) {
      throw new IllegalArgumentException(
          "commonName '"
              + commonName
              + "' must equal domain '"
              + domain
              + "' in a QWAC certificate (the CN repeats the subjectAltName dNSName)");
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
   * A builder with the defaults of a test certificate for {@code organizationId}: O {@code
   * "Conformance Kit TPP"}, C = the org id's country, roles PSP_AI + PSP_PI, nCAName {@code
   * "Competent Authority <authority>"}, nCAId = {@link OrganizationId#ncaId()}, profile {@link
   * CertificateProfile#SANDBOX}, valid from one minute before {@link Builder#build()}; for the
   * sandbox profile for 365 days with CN {@code "TPP <orgId>"}, for a production profile for 200
   * days with CN = O (QSealC) or the domain (QWAC). Production-profile defaults: L {@code
   * Amsterdam} and ST {@code Noord-Holland} in NL (else {@code Capital City} and {@code Capital
   * Region}), domain {@code <org id in lowercase>.tpp.example.com}, businessCategory {@code Private
   * Organization}, jurisdictionCountry = C, registrationNumber = the authorisation number (or a
   * fixed {@code 00000000} when it is no PrintableString), QcPDS {@link #DEFAULT_PDS_URL}.
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

  private static void requireCountry(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!value.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is not an ISO 3166-1 alpha-2 code (two uppercase letters)");
    }
  }

  /** Builder for {@link CertificateSpec}; not thread-safe. */
  public static final class Builder {
    private final OrganizationId builderOrgId;
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
    private String locality;
    private String stateOrProvince;
    private String domain;
    private String businessCategory = PRIVATE_ORGANIZATION;
    private String jurisdictionCountry;
    private String registrationNumber;
    private URI pdsUrl = DEFAULT_PDS_URL;
    private boolean negativeTest;

    private Builder(OrganizationId orgId) {
      Objects.requireNonNull(orgId, "organizationId");
      this.builderOrgId = orgId;
      this.organizationId = Optional.of(orgId);
      this.country = orgId.country();
      this.ncaName = "Competent Authority " + orgId.authority();
      this.ncaId = orgId.ncaId();
    }

    /** Subject CN; by default {@code "TPP <orgId>"} (sandbox), O (QSealC) or the domain (QWAC). */
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

    /** Subject L (production profiles). */
    public Builder locality(String locality) {
      this.locality = locality;
      return this;
    }

    /** Subject ST (production profiles). */
    public Builder stateOrProvince(String stateOrProvince) {
      this.stateOrProvince = stateOrProvince;
      return this;
    }

    /** The TPP's DNS domain: the QWAC's subjectAltName dNSName and CN. */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /** The QWAC's EV businessCategory (default {@code Private Organization}). */
    public Builder businessCategory(String businessCategory) {
      this.businessCategory = businessCategory;
      return this;
    }

    /** The QWAC's EV jurisdictionCountryName (default: the subject's country). */
    public Builder jurisdictionCountry(String jurisdictionCountry) {
      this.jurisdictionCountry = jurisdictionCountry;
      return this;
    }

    /** The QWAC's EV serialNumber: the company registration number. */
    public Builder registrationNumber(String registrationNumber) {
      this.registrationNumber = registrationNumber;
      return this;
    }

    /** The QcPDS location (an https URL, language {@code en}). */
    public Builder pdsUrl(URI pdsUrl) {
      this.pdsUrl = pdsUrl;
      return this;
    }

    /**
     * Marks the certificate as one that breaks the production-profile limits on purpose, so that a
     * validity longer than {@link CertificateProfile#MAX_PRODUCTION_VALIDITY} is written instead of
     * refused.
     */
    public Builder negativeTest() {
      this.negativeTest = true;
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

    /**
     * The spec; defaults that depend on the profile (CN, validity) are settled here.
     *
     * @throws IllegalArgumentException naming the field that is invalid
     */
    public CertificateSpec build() {
      Objects.requireNonNull(profile, "profile");
      String effectiveDomain = domain != null ? domain : defaultDomain(builderOrgId);
      Instant from = notBefore;
      Instant to = notAfter;
      if (from == null && to == null) {
        // A minute of slack so that a bank whose clock lags slightly does not see "not yet valid".
        from = Instant.now().minus(Duration.ofMinutes(1));
        to =
            profile
                .maxValidity()
                // Inclusive end (RFC 5280): the last second still counts, so stop one short.
                .map(max -> max.minusSeconds(1))
                .map(from::plus)
                .orElse(from.plus(Duration.ofDays(365)).plus(Duration.ofMinutes(1)));
      }
      String cn = commonName;
      if (cn == null) {
        cn =
            switch (profile) {
              case SANDBOX -> "TPP " + builderOrgId;
              case QSEALC -> organization;
              case QWAC -> effectiveDomain;
            };
      }
      boolean nl = "NL".equals(country);
      return new CertificateSpec(
          cn,
          organizationId,
          rawOrganizationIdentifier,
          organization,
          country,
          roles,
          ncaName,
          ncaId,
          profile,
          from,
          to,
          psd2Statement,
          locality != null ? locality : nl ? "Amsterdam" : "Capital City",
          stateOrProvince != null ? stateOrProvince : nl ? "Noord-Holland" : "Capital Region",
          effectiveDomain,
          businessCategory,
          jurisdictionCountry != null ? jurisdictionCountry : country,
          registrationNumber != null ? registrationNumber : defaultRegistration(builderOrgId),
          pdsUrl,
          negativeTest);
    }

    /** {@code PSDNL-DNB-R000000} → {@code psdnl-dnb-r000000.tpp.example.com}. */
    static String defaultDomain(OrganizationId orgId) {
      String label =
          orgId
              .value()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9-]+", "-")
              .replaceAll("-+$", "");
      if (label.length() > 63) {
        label = label.substring(0, 63).replaceAll("-+$", "");
      }
      return label + ".tpp.example.com";
    }

    private static String defaultRegistration(OrganizationId orgId) {
      String number = orgId.authorisationNumber();
      return number.length() <= 64 && PRINTABLE.matcher(number).matches() ? number : "00000000";
    }
  }
}
