package com.obkit.sandbox;

import java.util.Objects;

/**
 * Which rules apply to which request (contract sections 2, 3 and 5): signed XS2A requests
 * (onboarding, test accounts) need everything; the registration call needs the certificate headers
 * and a valid signature only when one is present.
 */
final class RequestVerifier {

  private final SandboxOptions options;
  private final CertificateVerifier certificates;
  private final SignatureVerifier signatures;

  /**
   * A verifier for {@code options}' mode (SIG-7) breaking exactly the rules of sections 2, 3 and 5
   * named by its deviations. {@code certificates} and {@code signatures} must have been built with
   * the same options: {@link ReferenceSandbox#start} builds all three from one {@link
   * SandboxOptions}.
   */
  RequestVerifier(
      SandboxOptions options, CertificateVerifier certificates, SignatureVerifier signatures) {
    this.options = Objects.requireNonNull(options, "options");
    this.certificates = Objects.requireNonNull(certificates, "certificates");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    requireSameOptions(options, certificates.options(), "the certificate verifier");
    requireSameOptions(options, signatures.options(), "the signature verifier");
  }

  /** The options this verifier applies. */
  SandboxOptions options() {
    return options;
  }

  /**
   * Fails fast when a collaborator was built with other options than its user: half a sandbox
   * breaking a rule (a {@link Deviation}) and half keeping it would make a self-test pass or fail
   * for the wrong reason.
   */
  static void requireSameOptions(SandboxOptions expected, SandboxOptions actual, String what) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException(
          what + " was built with other sandbox options than its user");
    }
  }

  /** TOK-2, ACC-3: SIG-7 (sandbox), certificate rules, signature rules. */
  TppCertificate verifySigned(RequestView request) {
    return verify(request, !options.deviates(Deviation.SIGNATURE_NOT_REQUIRED));
  }

  /**
   * Section 5: SIG-7 (sandbox), certificate rules; signature rules only when a Signature is sent.
   */
  TppCertificate verifyRegistration(RequestView request) {
    return verify(request, options.deviates(Deviation.UNSIGNED_REGISTRATION_REFUSED));
  }

  /**
   * SIG-7 (sandbox), certificate rules, and the signature rules when {@code signatureRequired} or
   * when a {@code Signature} is sent anyway (a signature present is always verified).
   */
  TppCertificate verify(RequestView request, boolean signatureRequired) {
    requireSslCertificateInSandbox(request);
    TppCertificate certificate = certificates.verifySigningCertificate(request);
    if (signatureRequired || request.hasHeader(SignatureVerifier.SIGNATURE)) {
      signatures.verify(request, certificate.certificate());
    }
    return certificate;
  }

  /**
   * SIG-7: the sandbox wants {@code SSL-Certificate} on every request; production uses mutual TLS.
   */
  void requireSslCertificateInSandbox(RequestView request) {
    if (options.mode() == SandboxOptions.Mode.SANDBOX) {
      certificates.verifySslCertificate(request);
    }
  }
}
