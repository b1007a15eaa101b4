package com.obkit.signing;

import com.obkit.pki.Credentials;
import com.obkit.pki.KeyId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one thing a negative conformance scenario breaks in an otherwise correct request (contract
 * section 2). Each constant names the rule it probes ({@link #rule()}); everything else about the
 * request stays correct, so a bank that rejects it can only be rejecting for that reason.
 *
 * <p>The signing filters apply it: {@link #signedRequestHeaders} for signed requests, {@link
 * #unsignedRequestHeaders} for the registration call sent unsigned (contract section 5).
 */
public enum Tampering {

  /** Nothing broken: the configured profile, the default path. */
  NONE("-", "nothing broken", true),

  /** SIG-1: no {@code Signature} header; {@code Digest} and certificate are still sent. */
  OMIT_SIGNATURE("SIG-1", "no Signature header", false),

  /** SIG-1: no {@code TPP-Signature-Certificate}; the request is otherwise signed correctly. */
  OMIT_SIGNATURE_CERTIFICATE("SIG-1", "no TPP-Signature-Certificate header", true),

  /** SIG-7: no {@code SSL-Certificate} (sandbox only). */
  OMIT_SSL_CERTIFICATE("SIG-7", "no SSL-Certificate header", true),

  /**
   * CERT-3: {@code TPP-Signature-Certificate} is base64 of random bytes, not a certificate. The
   * signature and keyId still belong to the real certificate.
   */
  GARBLED_SIGNATURE_CERTIFICATE("CERT-3", "TPP-Signature-Certificate is not a certificate", true),

  /**
   * SIG-7 / CERT-3: {@code SSL-Certificate} is base64 of random bytes (set even if none is
   * configured).
   */
  GARBLED_SSL_CERTIFICATE("SIG-7", "SSL-Certificate is not a certificate", true),

  /**
   * SIG-2: one bit of the decoded signature flipped, re-encoded; keyId, headers, Digest untouched.
   */
  CORRUPT_SIGNATURE("SIG-2", "signature bytes corrupted", false),

  /**
   * SIG-2: signed with {@link TamperingContext#otherKey()}, a key that does not belong to the
   * certificate sent; keyId and certificate are the real ones.
   */
  SIGNED_BY_OTHER_KEY("SIG-2", "signed with a key other than the certificate's", false),

  /**
   * SIG-3: {@code Digest} is the digest of a different body, and the signature is computed
   * consistently over that wrong Digest: the signature verifies, only comparing the Digest with the
   * body catches it.
   */
  DIGEST_MISMATCH("SIG-3", "Digest does not match the body", false),

  /**
   * SIG-3: {@code headers="x-request-id"} only (no {@code digest}), correctly signed; Digest still
   * sent.
   */
  HEADERS_WITHOUT_DIGEST("SIG-3", "digest is not among the signed headers", false),

  /** SIG-4: keyId serial number is the certificate's plus one; correctly signed otherwise. */
  KEYID_WRONG_SERIAL("SIG-4", "keyId serial number does not match the certificate", false),

  /** SIG-4: keyId issuer is {@code CN=Some Other CA, C=NL}; correctly signed otherwise. */
  KEYID_WRONG_ISSUER("SIG-4", "keyId issuer does not match the certificate", false),

  /** SIG-6: {@code algorithm="hmac-sha1"} although the request is correctly RSA-SHA256 signed. */
  UNKNOWN_ALGORITHM_LABEL("SIG-6", "unknown algorithm label", false),

  /**
   * SIG-2: the {@code X-Request-ID} sent differs from the one signed. {@code x-request-id} is added
   * to the signed headers if the profile lacks it, else this would break nothing.
   */
  SIGNED_REQUEST_ID_CHANGED("SIG-2", "X-Request-ID differs from the signed one", false),
  /**
   * SIG-2: the signature is valid over the digest line alone, but the header lists {@code digest
   * x-request-id}; a bank must verify every listed header, so this must not verify.
   */
  SIGNATURE_COVERS_FEWER_HEADERS(
      "SIG-2", "the signature covers fewer headers than it lists", false);

  /** The issuer written by {@link #KEYID_WRONG_ISSUER}. */
  public static final String OTHER_ISSUER = "CN=Some Other CA, C=NL";

  /** The label written by {@link #UNKNOWN_ALGORITHM_LABEL}. */
  public static final String UNKNOWN_ALGORITHM = "hmac-sha1";

  private final String rule;
  private final String description;
  private final boolean appliesToUnsigned;

  Tampering(String rule, String description, boolean appliesToUnsigned) {
    this.rule = rule;
    this.description = description;
    this.appliesToUnsigned = appliesToUnsigned;
  }

  /** The contract rule this probes, e.g. {@code SIG-3}; {@code -} for {@link #NONE}. */
  public String rule() {
    return rule;
  }

  /** What is broken, for reports. */
  public String description() {
    return description;
  }

  /**
   * Whether this makes sense for a request that carries certificates but no signature (the
   * registration call sent unsigned): {@link #NONE}, the {@code OMIT_*_CERTIFICATE} and {@code
   * GARBLED_*} constants.
   */
  public boolean appliesToUnsignedRequests() {
    return appliesToUnsigned;
  }

  /**
   * The headers to send on a signed request, in sending order ({@code X-Request-ID}, {@code
   * Digest}, {@code Signature}, {@code TPP-Signature-Certificate}, {@code SSL-Certificate}), with
   * this tampering applied. A header missing from the map must be absent from the request.
   *
   * @param body the exact body bytes that will be sent
   * @param requestId the fresh request id
   * @param otherHeaders values of other headers the profile may sign (see {@link
   *     HttpSigner#sign(byte[], String, Map)})
   */
  public Map<String, String> signedRequestHeaders(
      TamperingContext context, byte[] body, String requestId, Map<String, String> otherHeaders) {
    Objects.requireNonNull(context, "context");
    Credentials signing = context.signing();
    SigningProfile profile = context.profile();
    HttpSigner signer = new HttpSigner(signing, profile);
    KeyId realKeyId = signing.keyId();

    SignedHeaders signed =
        switch (this) {
          case SIGNED_BY_OTHER_KEY ->
              new HttpSigner(
                      new Credentials(signing.certificate(), otherKey(context), signing.chain()),
                      profile)
                  .sign(body, requestId, otherHeaders);
          // Digest and signature agree with each other, just not with the body sent.
          case DIGEST_MISMATCH -> signer.sign(differentBody(body), requestId, otherHeaders);
          case HEADERS_WITHOUT_DIGEST ->
              new HttpSigner(signing, profile.withSignedHeaders(List.of("x-request-id")))
                  .sign(body, requestId, otherHeaders);
          case KEYID_WRONG_SERIAL ->
              signer
                  .withKeyId(
                      new KeyId(realKeyId.serialNumber().add(BigInteger.ONE), realKeyId.issuer())
                          .toString())
                  .sign(body, requestId, otherHeaders);
          case KEYID_WRONG_ISSUER ->
              signer
                  .withKeyId(
                      new KeyId(realKeyId.serialNumber(), otherIssuer(realKeyId.issuer()))
                          .toString())
                  .sign(body, requestId, otherHeaders);
          case UNKNOWN_ALGORITHM_LABEL ->
              new HttpSigner(signing, profile.withAlgorithmLabel(UNKNOWN_ALGORITHM))
                  .sign(body, requestId, otherHeaders);
          case SIGNED_REQUEST_ID_CHANGED ->
              new HttpSigner(signing, withRequestIdSigned(profile))
                  .sign(body, requestId, otherHeaders)
                  .withRequestId(differentRequestId(requestId));
          case SIGNATURE_COVERS_FEWER_HEADERS -> {
            SignedHeaders overDigest =
                new HttpSigner(signing, profile.withSignedHeaders(List.of("digest")))
                    .sign(body, requestId, otherHeaders);
            SignatureHeader s = overDigest.signatureHeader();
            yield overDigest.withSignature(
                new SignatureHeader(
                    s.keyId(),
                    s.algorithm(),
                    withRequestIdSigned(profile).signedHeaders(),
                    s.signature()));
          }
          case CORRUPT_SIGNATURE -> {
            SignedHeaders good = signer.sign(body, requestId, otherHeaders);
            SignatureHeader s = good.signatureHeader();
            yield good.withSignature(
                new SignatureHeader(
                    s.keyId(), s.algorithm(), s.headers(), flipOneBit(s.signature())));
          }
          default -> signer.sign(body, requestId, otherHeaders);
        };

    Map<String, String> headers = new LinkedHashMap<>(signed.asMap());
    context
        .sslCertificate()
        .ifPresent(ssl -> headers.put(SignedHeaders.SSL_CERTIFICATE, ssl.certificateHeaderValue()));
    applyCertificateTampering(headers);
    if (this == OMIT_SIGNATURE) {
      headers.remove(SignedHeaders.SIGNATURE);
    }
    return Collections.unmodifiableMap(headers);
  }

  /**
   * The headers to send on a request that carries certificates but no signature (contract section
   * 5, the registration call as the bank's page shows it): {@code TPP-Signature-Certificate} and,
   * if given, {@code SSL-Certificate}, with this tampering applied.
   *
   * @throws IllegalStateException if this tampering needs a signature ({@link
   *     #appliesToUnsignedRequests()})
   */
  public Map<String, String> unsignedRequestHeaders(
      Credentials signatureCertificate, Optional<Credentials> sslCertificate) {
    Objects.requireNonNull(signatureCertificate, "signatureCertificate");
    Objects.requireNonNull(sslCertificate, "sslCertificate");
    if (!appliesToUnsigned) {
      throw new IllegalStateException(
          "tampering " + name() + " (" + description + ") needs a signed request");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        SignedHeaders.TPP_SIGNATURE_CERTIFICATE, signatureCertificate.certificateHeaderValue());
    sslCertificate.ifPresent(
        ssl -> headers.put(SignedHeaders.SSL_CERTIFICATE, ssl.certificateHeaderValue()));
    applyCertificateTampering(headers);
    return Collections.unmodifiableMap(headers);
  }

  private void applyCertificateTampering(Map<String, String> headers) {
    switch (this) {
      case OMIT_SIGNATURE_CERTIFICATE -> headers.remove(SignedHeaders.TPP_SIGNATURE_CERTIFICATE);
      case OMIT_SSL_CERTIFICATE -> headers.remove(SignedHeaders.SSL_CERTIFICATE);
      case GARBLED_SIGNATURE_CERTIFICATE ->
          headers.put(SignedHeaders.TPP_SIGNATURE_CERTIFICATE, garbage());
      case GARBLED_SSL_CERTIFICATE -> headers.put(SignedHeaders.SSL_CERTIFICATE, garbage());
      default -> {}
    }
  }

  private static PrivateKey otherKey(TamperingContext context) {
    PrivateKey key = Objects.requireNonNull(context.otherKey().get(), "other key");
    if (key.equals(context.signing().privateKey())) {
      // Would silently produce a valid request and a false "bank accepts foreign signatures"
      // verdict.
      throw new IllegalStateException(
          "the other key for " + SIGNED_BY_OTHER_KEY + " is the signing key itself");
    }
    return key;
  }

  /** Base64 of random bytes that cannot be DER: the first byte is never 0x30 (SEQUENCE). */
  private static String garbage() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    bytes[0] = 0x00;
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] differentBody(byte[] body) {
    byte[] original = body == null ? new byte[0] : body;
    byte[] suffix = "\n(tampered)".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[original.length + suffix.length];
    System.arraycopy(original, 0, out, 0, original.length);
    System.arraycopy(suffix, 0, out, original.length, suffix.length);
    return out;
  }

  private static String otherIssuer(String realIssuer) {
    return OTHER_ISSUER.equals(realIssuer) ? "CN=Yet Another CA, C=NL" : OTHER_ISSUER;
  }

  private static SigningProfile withRequestIdSigned(SigningProfile profile) {
    if (profile.signedHeaders().contains("x-request-id")) {
      return profile;
    }
    List<String> headers = new ArrayList<>(profile.signedHeaders());
    headers.add("x-request-id");
    return profile.withSignedHeaders(headers);
  }

  private static String differentRequestId(String requestId) {
    String other;
    do {
      other = UUID.randomUUID().toString();
    } while (other.equalsIgnoreCase(requestId));
    return other;
  }

  /** Flips the lowest bit of the middle byte: same length, certainly not a valid signature. */
  private static String flipOneBit(String base64Signature) {
    byte[] bytes = Base64.getDecoder().decode(base64Signature);
    bytes[bytes.length / 2] ^= 0x01;
    return Base64.getEncoder().encodeToString(bytes);
  }
}
