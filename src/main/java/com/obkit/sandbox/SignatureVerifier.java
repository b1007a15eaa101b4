package com.obkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's signature rules (contract section 2), each one small named method: SIG-1 (present),
 * SIG-2 (verifies), SIG-3 (digest signed and matching the exact body), SIG-4 (keyId names the
 * certificate), SIG-5/SIG-6 (algorithm labels). Signing string per draft-cavage-http-signatures-10
 * section 2.3.
 *
 * <p>Deliberately independent of the kit's {@code com.obkit.signing} (only its {@link
 * DigestAlgorithm} enum is shared): this is the second implementation the kit's signer is checked
 * against.
 *
 * <p>The {@link Deviation}s of section 2 are switches inside these methods, one per rule they
 * break.
 */
final class SignatureVerifier {

  static final String SIGNATURE = "Signature";
  static final String DIGEST = "Digest";

  /** SIG-5: the labels the bank's pages use; compared case-insensitively. */
  private static final Set<String> ALGORITHM_LABELS = Set.of("sha256withrsa", "rsa-sha256");

  private static final String REQUEST_TARGET = "(request-target)";

  private final SandboxOptions options;

  /**
   * A verifier that breaks exactly the section 2 rules named by {@code options}' deviations (none:
   * faithful).
   */
  SignatureVerifier(SandboxOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  SandboxOptions options() {
    return options;
  }

  /** All signature rules, in the order a bank would naturally apply them. */
  void verify(RequestView request, X509Certificate certificate) {
    String value = requireSignaturePresent(request);
    SignatureHeader signature = requireParseableSignature(value);
    if (!options.deviates(Deviation.UNKNOWN_ALGORITHM_ACCEPTED)) {
      requireKnownAlgorithm(signature);
    }
    requireKeyIdMatchesCertificate(signature, certificate);
    if (!options.deviates(Deviation.DIGEST_NOT_REQUIRED_IN_HEADERS)) {
      requireDigestSigned(signature);
    }
    if (!options.deviates(Deviation.DIGEST_NOT_COMPARED)) {
      requireDigestMatchesBody(request);
    }
    String signingString = requireSignedHeadersPresent(signature, request);
    if (options.deviates(Deviation.SIGNED_HEADERS_NOT_CHECKED)
        && verifies(signature, digestLine(request), certificate)) {
      return; // SIG-2 broken: the headers listed besides digest are not protected
    }
    if (!options.deviates(Deviation.SIGNATURE_NOT_VERIFIED)) {
      requireSignatureVerifies(signature, signingString, certificate);
    }
  }

  /** SIG-1: a {@code Signature} header ({@code SIGNATURE_MISSING}). */
  String requireSignaturePresent(RequestView request) {
    return request
        .header(SIGNATURE)
        .orElseThrow(
            () ->
                Rejection.unauthorized(Rejection.SIGNATURE_MISSING, "header Signature is missing"));
  }

  /** The header is a cavage parameter list with keyId, algorithm and signature. */
  SignatureHeader requireParseableSignature(String value) {
    SignatureHeader header;
    try {
      header = SignatureHeader.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid("header Signature " + e.getMessage());
    }
    for (String required : List.of("keyId", "algorithm", "signature")) {
      boolean present =
          switch (required) {
            case "keyId" -> header.keyId().isPresent();
            case "algorithm" -> header.algorithm().isPresent();
            default -> header.signature().isPresent();
          };
      if (!present) {
        throw invalid("header Signature has no " + required + " parameter");
      }
    }
    return header;
  }

  /** SIG-5 / SIG-6: {@code SHA256withRSA} or {@code rsa-sha256}, case-insensitive. */
  void requireKnownAlgorithm(SignatureHeader signature) {
    String label = signature.algorithm().orElse("");
    Set<String> accepted =
        options.deviates(Deviation.RSA_SHA256_LABEL_REFUSED)
            ? Set.of("sha256withrsa")
            : ALGORITHM_LABELS;
    if (!accepted.contains(label.toLowerCase(Locale.ROOT))) {
      throw invalid(
          "header Signature algorithm '" + label + "' is not SHA256withRSA or rsa-sha256");
    }
  }

  /**
   * SIG-4: {@code keyId} is {@code SN=<hex serial>,CA=<issuer DN>}; the serial is compared as a
   * number, the issuer exactly against {@code X500Principal.getName("RFC1779")} of the
   * certificate's issuer.
   */
  void requireKeyIdMatchesCertificate(SignatureHeader signature, X509Certificate certificate) {
    KeyIdentifier keyId =
        KeyIdentifier.parse(signature.keyId().orElse(""))
            .orElseThrow(
                () ->
                    invalid(
                        "header Signature keyId is not of the form SN=<lowercase hex serial without"
                            + " leading zeros>,CA=<issuer DN>"));
    if (!keyId.serialNumber().equals(certificate.getSerialNumber())
        && !options.deviates(Deviation.KEYID_SERIAL_NOT_CHECKED)) {
      throw invalid(
          "header Signature keyId serial number "
              + keyId.serialNumber().toString(16)
              + " does not match TPP-Signature-Certificate serial number "
              + certificate.getSerialNumber().toString(16));
    }
    String issuer = certificate.getIssuerX500Principal().getName("RFC1779");
    if (!keyId.issuer().equals(issuer) && !options.deviates(Deviation.KEYID_ISSUER_NOT_CHECKED)) {
      throw invalid(
          "header Signature keyId issuer '"
              + keyId.issuer()
              + "' does not match TPP-Signature-Certificate issuer '"
              + issuer
              + "'");
    }
  }

  /** SIG-3: {@code digest} is among the signed headers. */
  void requireDigestSigned(SignatureHeader signature) {
    if (!signature.headers().contains("digest")) {
      throw invalid("header Signature headers " + signature.headers() + " do not include digest");
    }
    if (options.deviates(Deviation.DIGEST_ONLY_HEADER_LIST_REFUSED)
        && !signature.headers().contains("x-request-id")) {
      throw invalid(
          "header Signature headers " + signature.headers() + " do not include x-request-id");
    }
  }

  /**
   * SIG-3 / SIG-5: a {@code Digest} header whose SHA-256 or SHA-512 value matches the exact body
   * bytes (every supported entry must match; entries of unknown algorithms are ignored, RFC 3230).
   */
  void requireDigestMatchesBody(RequestView request) {
    String value = request.header(DIGEST).orElseThrow(() -> invalid("header Digest is missing"));
    List<String[]> known = new ArrayList<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      int eq = trimmed.indexOf('=');
      if (eq <= 0) {
        throw invalid("header Digest entry is not <algorithm>=<base64>");
      }
      // The contract's two labels (section 2), as the sandbox reads them.
      String label = trimmed.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      boolean supported =
          label.equals("SHA-256")
              || (label.equals("SHA-512") && !options.deviates(Deviation.SHA512_DIGEST_REFUSED));
      if (supported) {
        known.add(new String[] {label, trimmed.substring(eq + 1).trim()});
      }
    }
    if (known.isEmpty()) {
      throw invalid("header Digest uses no supported algorithm (SHA-256, SHA-512)");
    }
    byte[] body = request.body();
    for (String[] entry : known) {
      byte[] claimed;
      try {
        claimed = Base64.getDecoder().decode(entry[1]);
      } catch (IllegalArgumentException e) {
        throw invalid("header Digest " + entry[0] + " value is not base64");
      }
      if (!MessageDigest.isEqual(claimed, digest(entry[0], body))) {
        throw invalid(
            "header Digest "
                + entry[0]
                + " does not match the request body ("
                + body.length
                + " bytes)");
      }
    }
  }

  /**
   * CAV 2.3: every listed header is present; returns the signing string {@code lowercase(name):
   * value} joined by {@code \n}, {@code (request-target)} as {@code <method> <path>[?<query>]}.
   */
  String requireSignedHeadersPresent(SignatureHeader signature, RequestView request) {
    List<String> lines = new ArrayList<>();
    for (String name : signature.headers()) {
      if (REQUEST_TARGET.equals(name)) {
        String query = request.rawQuery();
        lines.add(
            name
                + ": "
                + request.method().toLowerCase(Locale.ROOT)
                + " "
                + request.rawPath()
                + (query.isEmpty() ? "" : "?" + query));
        continue;
      }
      List<String> values = request.headerValues(name);
      if (values.isEmpty()) {
        throw invalid(
            "header " + name + " is listed in Signature headers but absent from the request");
      }
      lines.add(name + ": " + String.join(", ", values.stream().map(String::trim).toList()));
    }
    return String.join("\n", lines);
  }

  /**
   * SIG-2: RSASSA-PKCS1-v1_5 with SHA-256 over the signing string, with the certificate's public
   * key.
   */
  void requireSignatureVerifies(
      SignatureHeader signature, String signingString, X509Certificate certificate) {
    if (!verifies(signature, signingString, certificate)) {
      throw invalid(
          "header Signature does not verify with the TPP-Signature-Certificate public key");
    }
  }

  /**
   * Whether the signature verifies over {@code signingString}; rejects an unusable signature or
   * key.
   */
  private static boolean verifies(
      SignatureHeader signature, String signingString, X509Certificate certificate) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature.signature().orElse(""));
    } catch (IllegalArgumentException e) {
      throw invalid("header Signature signature is not base64");
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(bytes);
    } catch (InvalidKeyException e) {
      throw invalid("TPP-Signature-Certificate key cannot verify SHA256withRSA signatures");
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // e.g. a signature of the wrong length for the key
    }
  }

  /** The signing string of a Signature whose headers list is {@code digest} alone (CAV 2.3). */
  private static String digestLine(RequestView request) {
    return "digest: "
        + String.join(", ", request.headerValues(DIGEST).stream().map(String::trim).toList());
  }

  private static byte[] digest(String algorithm, byte[] body) {
    try {
      return MessageDigest.getInstance(algorithm).digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }

  private static Rejection invalid(String text) {
    return Rejection.unauthorized(Rejection.SIGNATURE_INVALID, text);
  }
}
