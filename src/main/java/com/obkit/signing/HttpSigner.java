package com.obkit.signing;

import com.obkit.pki.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs requests as the bank expects (contract section 2): computes {@code Digest}, the signing
 * string of {@link SigningProfile#signedHeaders()}, an RSASSA-PKCS1-v1_5 SHA-256 signature, the
 * {@code Signature} header and {@code TPP-Signature-Certificate}. Immutable and thread-safe.
 *
 * <p>The JDK algorithm is always {@code SHA256withRSA}: the profile's label ({@code SHA256withRSA}
 * or {@code rsa-sha256}, SIG-5) only goes into {@code algorithm="…"}; both name the same scheme.
 */
public final class HttpSigner {

  /** RSASSA-PKCS1-v1_5 with SHA-256 (BG section 12), whatever the label says. */
  private static final String JDK_ALGORITHM = "SHA256withRSA";

  private static final int MIN_RSA_BITS = 2048;

  private final Credentials credentials;
  private final SigningProfile profile;
  private final String keyId;

  /**
   * @param credentials the signing certificate (QSealC, or the sandbox test certificate) and its
   *     RSA key
   * @param profile the algorithm label, signed headers and digest algorithm
   * @throws IllegalArgumentException if the key is not RSA or shorter than 2048 bits
   */
  public HttpSigner(Credentials credentials, SigningProfile profile) {
    this(
        credentials,
        profile,
        Objects.requireNonNull(credentials, "credentials").keyId().toString());
  }

  private HttpSigner(Credentials credentials, SigningProfile profile, String keyId) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    if (keyId.isBlank()) {
      throw new IllegalArgumentException("keyId must not be blank");
    }
    PrivateKey key = credentials.privateKey();
    if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "signing key must be an RSA key (RSASSA-PKCS1-v1_5, contract section 2), not "
              + key.getAlgorithm());
    }
    // Hardware keys may not expose the modulus; check when we can.
    if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new IllegalArgumentException(
          "signing key has "
              + rsa.getModulus().bitLength()
              + " bits; at least "
              + MIN_RSA_BITS
              + " are required");
    }
  }

  /**
   * A signer that writes {@code keyId} instead of {@link Credentials#keyId()}: for a bank whose
   * keyId style differs (contract section 9) and for SIG-4 negative scenarios.
   */
  public HttpSigner withKeyId(String otherKeyId) {
    return new HttpSigner(credentials, profile, otherKeyId);
  }

  /** The profile this signer applies. */
  public SigningProfile profile() {
    return profile;
  }

  /** The keyId this signer writes. */
  public String keyId() {
    return keyId;
  }

  /**
   * Signs a request whose signed headers are among {@code digest} and {@code x-request-id}.
   *
   * @param body the exact body bytes that will be sent ({@code null} or empty: the empty body)
   * @param requestId the {@code X-Request-ID} that will be sent
   * @throws IllegalArgumentException if the profile signs another header (named in the message)
   */
  public SignedHeaders sign(byte[] body, String requestId) {
    return sign(body, requestId, Map.of());
  }

  /**
   * Signs a request that also signs other headers (e.g. {@code date}, {@code tpp-redirect-uri},
   * {@code (request-target)}).
   *
   * @param body the exact body bytes that will be sent ({@code null} or empty: the empty body)
   * @param requestId the {@code X-Request-ID} that will be sent
   * @param otherHeaders values of the other signed headers, by name (any case); must not hold
   *     {@code digest} or {@code x-request-id}, which this signer computes
   * @throws IllegalArgumentException if a signed header has no value (named in the message), or
   *     {@code otherHeaders} tries to supply {@code digest} / {@code x-request-id}
   */
  public SignedHeaders sign(byte[] body, String requestId, Map<String, String> otherHeaders) {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(otherHeaders, "otherHeaders");
    if (requestId.isBlank()) {
      throw new IllegalArgumentException("X-Request-ID must not be blank");
    }
    Map<String, String> values = new HashMap<>();
    otherHeaders.forEach((name, value) -> values.put(name.strip().toLowerCase(Locale.ROOT), value));
    for (String computed : List.of("digest", "x-request-id")) {
      if (values.containsKey(computed)) {
        throw new IllegalArgumentException(
            "other headers must not supply '" + computed + "': the signer computes it");
      }
    }
    String digest = Digests.header(profile.digestAlgorithm(), body);
    values.put("digest", digest);
    values.put("x-request-id", requestId);

    String signingString =
        SigningString.build(profile.signedHeaders(), name -> Optional.ofNullable(values.get(name)));
    String signatureValue = Base64.getEncoder().encodeToString(rsaSign(signingString));
    SignatureHeader header =
        new SignatureHeader(
            keyId, profile.algorithmLabel(), profile.signedHeaders(), signatureValue);
    return new SignedHeaders(requestId, digest, header, credentials.certificateHeaderValue());
  }

  private byte[] rsaSign(String signingString) {
    try {
      Signature signature = Signature.getInstance(JDK_ALGORITHM);
      signature.initSign(credentials.privateKey());
      // Header values are ASCII in practice; UTF-8 is the only sane reading of anything else.
      signature.update(signingString.getBytes(StandardCharsets.UTF_8));
      return signature.sign();
    } catch (GeneralSecurityException e) {
      // The message names the failure class only: key material never reaches logs.
      throw new IllegalStateException(
          "request signing failed (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  @Override
  public String toString() {
    return "HttpSigner[keyId=" + keyId + ", profile=" + profile + "]";
  }
}
