package com.obkit.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headers a signed request carries (contract section 2), as {@link HttpSigner} computed them.
 *
 * @param requestId the {@code X-Request-ID} value
 * @param digest the {@code Digest} value, e.g. {@code SHA-256=…}
 * @param signatureHeader the {@code Signature} header, structured; {@link #signature()} is its
 *     value ({@code keyId="…",algorithm="…",headers="…",signature="…"}). Negative scenarios change
 *     the structure, so the kit never parses a header it wrote.
 * @param signatureCertificate the {@code TPP-Signature-Certificate} value: base64 DER of the
 *     signing certificate
 */
public record SignedHeaders(
    String requestId, String digest, SignatureHeader signatureHeader, String signatureCertificate) {

  /**
   * Header names, spelled as the bank's documentation spells them (HTTP names are
   * case-insensitive).
   */
  public static final String X_REQUEST_ID = "X-Request-ID";

  public static final String DIGEST = "Digest";
  public static final String SIGNATURE = "Signature";
  public static final String TPP_SIGNATURE_CERTIFICATE = "TPP-Signature-Certificate";

  /**
   * Not part of the signature: the sandbox's extra certificate header (SIG-7), set by the filters.
   */
  public static final String SSL_CERTIFICATE = "SSL-Certificate";

  /**
   * Every header the signing filters own: they remove these from a request before setting their
   * own.
   */
  public static final List<String> ALL_NAMES =
      List.of(X_REQUEST_ID, DIGEST, SIGNATURE, TPP_SIGNATURE_CERTIFICATE, SSL_CERTIFICATE);

  public SignedHeaders {
    requireNonBlank(X_REQUEST_ID, requestId);
    requireNonBlank(DIGEST, digest);
    Objects.requireNonNull(signatureHeader, SIGNATURE);
    requireNonBlank(TPP_SIGNATURE_CERTIFICATE, signatureCertificate);
  }

  /** The headers in sending order: X-Request-ID, Digest, Signature, TPP-Signature-Certificate. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(X_REQUEST_ID, requestId);
    map.put(DIGEST, digest);
    map.put(SIGNATURE, signature());
    map.put(TPP_SIGNATURE_CERTIFICATE, signatureCertificate);
    return Collections.unmodifiableMap(map);
  }

  /** The whole {@code Signature} header value, as sent. */
  public String signature() {
    return signatureHeader.format();
  }

  /** A copy with another {@code X-Request-ID} (the signature is not recomputed). */
  public SignedHeaders withRequestId(String otherRequestId) {
    return new SignedHeaders(otherRequestId, digest, signatureHeader, signatureCertificate);
  }

  /** A copy with another {@code Signature} header. */
  public SignedHeaders withSignature(SignatureHeader otherSignature) {
    return new SignedHeaders(requestId, digest, otherSignature, signatureCertificate);
  }

  private static void requireNonBlank(String header, String value) {
    Objects.requireNonNull(value, header);
    if (value.isBlank()) {
      throw new IllegalArgumentException(header + " value must not be blank");
    }
  }
}
