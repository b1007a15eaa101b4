package com.obkit.steps;

import com.obkit.client.RedirectUriVariant;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.PspRole;
import com.obkit.signing.Tampering;
import io.cucumber.java.ParameterType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The business phrases of the features, turned into the kit's types. */
public final class ParameterTypes {

  private static final Map<String, Tampering> BREAKAGES =
      Map.ofEntries(
          Map.entry("no Signature header", Tampering.OMIT_SIGNATURE),
          Map.entry("no TPP-Signature-Certificate header", Tampering.OMIT_SIGNATURE_CERTIFICATE),
          Map.entry("no SSL-Certificate header", Tampering.OMIT_SSL_CERTIFICATE),
          Map.entry("a garbled TPP-Signature-Certificate", Tampering.GARBLED_SIGNATURE_CERTIFICATE),
          Map.entry("a garbled SSL-Certificate", Tampering.GARBLED_SSL_CERTIFICATE),
          Map.entry("a corrupted signature", Tampering.CORRUPT_SIGNATURE),
          Map.entry("a signature made with another key", Tampering.SIGNED_BY_OTHER_KEY),
          Map.entry(
              "an X-Request-ID other than the signed one", Tampering.SIGNED_REQUEST_ID_CHANGED),
          Map.entry("a Digest that does not match the body", Tampering.DIGEST_MISMATCH),
          Map.entry("a signed header list without digest", Tampering.HEADERS_WITHOUT_DIGEST),
          Map.entry("a keyId with the wrong serial number", Tampering.KEYID_WRONG_SERIAL),
          Map.entry("a keyId with the wrong issuer", Tampering.KEYID_WRONG_ISSUER),
          Map.entry("an unknown algorithm label", Tampering.UNKNOWN_ALGORITHM_LABEL),
          Map.entry(
              "a signature that covers fewer headers than it lists",
              Tampering.SIGNATURE_COVERS_FEWER_HEADERS));

  private static final Pattern RAW_ORG_ID =
      Pattern.compile("^the organization identifier \"(.*)\"$");

  @ParameterType(
      "no Signature header|no TPP-Signature-Certificate header|no SSL-Certificate header|a garbled TPP-Signature-Certificate"
          + "|a garbled SSL-Certificate|a corrupted signature|a signature made with another key"
          + "|an X-Request-ID other than the signed one|a Digest that does not match the body"
          + "|a signed header list without digest|a keyId with the wrong serial number|a keyId with the wrong issuer"
          + "|an unknown algorithm label|a signature that covers fewer headers than it lists")
  public Tampering breakage(String phrase) {
    return BREAKAGES.get(phrase);
  }

  /** A certificate defect as a change of the standard certificate (negative CERT scenarios). */
  @ParameterType(
      "no organization identifier|the organization identifier \"[^\"]*\"|expired|not yet become valid"
          + "|no PSD2 statement|only the role PSP_AS")
  public UnaryOperator<CertificateSpec.Builder> certificateDefect(String phrase) {
    Instant now = Instant.now();
    Matcher raw = RAW_ORG_ID.matcher(phrase);
    if (raw.matches()) {
      return b -> b.rawOrganizationIdentifier(raw.group(1));
    }
    return switch (phrase) {
      case "no organization identifier" -> CertificateSpec.Builder::withoutOrganizationIdentifier;
      case "expired" ->
          b -> b.validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
      case "not yet become valid" ->
          b -> b.validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
      case "no PSD2 statement" -> CertificateSpec.Builder::withoutPsd2Statement;
      case "only the role PSP_AS" -> b -> b.roles(List.of(PspRole.PSP_AS));
      default -> throw new IllegalArgumentException("unknown certificate defect: " + phrase);
    };
  }

  /** "PSP_AI, PSP_PI" → roles. */
  @ParameterType("\"(PSP_[A-Z]{2}(?:, ?PSP_[A-Z]{2})*)\"")
  public List<PspRole> roles(String list) {
    return Arrays.stream(list.split(",\\s*")).map(PspRole::valueOf).toList();
  }

  @ParameterType("no initial access token|an empty token|an unknown token|an expired token")
  public String tokenDefect(String phrase) {
    return phrase;
  }

  /** The PKCE method sent: none at all, or {@code plain} (AUTH-5 negatives). */
  @ParameterType("no code challenge|the \"plain\" PKCE method")
  public Optional<String> pkceDefect(String phrase) {
    return phrase.equals("no code challenge") ? Optional.empty() : Optional.of("plain");
  }

  /** A near miss of a registered redirect URI, as the AUTH-2 examples name it. */
  @ParameterType(
      "trailing slash added|trailing slash removed|trailing path segment removed|extra path segment"
          + "|query removed|query changed|query added|fragment added|http instead of https"
          + "|host in other case|explicit default port|other port|extra subdomain|userinfo trick"
          + "|percent-encoded path character|last character removed")
  public RedirectUriVariant variant(String phrase) {
    return RedirectUriVariant.byPhrase(phrase);
  }
}
