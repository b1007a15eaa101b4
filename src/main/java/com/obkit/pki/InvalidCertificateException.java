package com.obkit.pki;

/**
 * A header value that is not a usable X.509 certificate (contract rule CERT-3). The message names
 * the problem (empty, not base64, not a certificate) so that it can go into a Berlin Group error
 * text.
 */
public class InvalidCertificateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidCertificateException(String message) {
    super(message);
  }

  public InvalidCertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
