package com.obkit.sandbox;

import java.util.Objects;

/**
 * Which rules apply to which request (contract sections 2, 3 and 5): signed XS2A requests (onboarding,
 * test accounts) need everything; the registration call needs the certificate headers and a valid
 * signature only when one is present.
 */
final class RequestVerifier {

  private final SandboxOptions.Mode mode;
  private final CertificateVerifier certificates;
  private final SignatureVerifier signatures;
  private final SandboxOptions options;

  /** The faithful verifier. */
  RequestVerifier(SandboxOptions.Mode mode, CertificateVerifier certificates, SignatureVerifier signatures) {
    this(mode, certificates, signatures, SandboxOptions.defaults());
  }

  private RequestVerifier(
      SandboxOptions.Mode mode, CertificateVerifier certificates, SignatureVerifier signatures, SandboxOptions options) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.certificates = Objects.requireNonNull(certificates, "certificates");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * This verifier (same mode, certificate registry and clock) breaking the rules of sections 2 and 3
   * named by {@code sandboxOptions}' deviations. The endpoints derive theirs with it, since {@link
   * ReferenceSandbox} builds the faithful one.
   */
  RequestVerifier deviating(SandboxOptions sandboxOptions) {
    return new RequestVerifier(mode, certificates.deviating(sandboxOptions), new SignatureVerifier(sandboxOptions), sandboxOptions);
  }

  /** TOK-2, ACC-3: SIG-7 (sandbox), certificate rules, signature rules. */
  TppCertificate verifySigned(RequestView request) {
    return verify(request, !options.deviates(Deviation.SIGNATURE_NOT_REQUIRED));
  }

  /** Section 5: SIG-7 (sandbox), certificate rules; signature rules only when a Signature is sent. */
  TppCertificate verifyRegistration(RequestView request) {
    return verify(request, options.deviates(Deviation.UNSIGNED_REGISTRATION_REFUSED));
  }

  /**
   * SIG-7 (sandbox), certificate rules, and the signature rules when {@code signatureRequired} or when a
   * {@code Signature} is sent anyway (a signature present is always verified).
   */
  TppCertificate verify(RequestView request, boolean signatureRequired) {
    requireSslCertificateInSandbox(request);
    TppCertificate certificate = certificates.verifySigningCertificate(request);
    if (signatureRequired || request.hasHeader(SignatureVerifier.SIGNATURE)) {
      signatures.verify(request, certificate.certificate());
    }
    return certificate;
  }

  /** SIG-7: the sandbox wants {@code SSL-Certificate} on every request; production uses mutual TLS. */
  void requireSslCertificateInSandbox(RequestView request) {
    if (mode == SandboxOptions.Mode.SANDBOX) {
      certificates.verifySslCertificate(request);
    }
  }
}
