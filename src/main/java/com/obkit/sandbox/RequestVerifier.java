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

  RequestVerifier(SandboxOptions.Mode mode, CertificateVerifier certificates, SignatureVerifier signatures) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.certificates = Objects.requireNonNull(certificates, "certificates");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
  }

  /** TOK-2, ACC-3: SIG-7 (sandbox), certificate rules, signature rules. */
  TppCertificate verifySigned(RequestView request) {
    requireSslCertificateInSandbox(request);
    TppCertificate certificate = certificates.verifySigningCertificate(request);
    signatures.verify(request, certificate.certificate());
    return certificate;
  }

  /** Section 5: SIG-7 (sandbox), certificate rules; signature rules only when a Signature is sent. */
  TppCertificate verifyRegistration(RequestView request) {
    requireSslCertificateInSandbox(request);
    TppCertificate certificate = certificates.verifySigningCertificate(request);
    if (request.hasHeader(SignatureVerifier.SIGNATURE)) {
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
