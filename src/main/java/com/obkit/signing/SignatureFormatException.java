package com.obkit.signing;

/**
 * A {@code Signature} header value that is not a well-formed draft-cavage-10 parameter list, or
 * that lacks a required parameter. The message names the problem (and the parameter), never the key
 * material. A verifier maps it to 401 {@code SIGNATURE_INVALID} (SIG-2).
 */
public class SignatureFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public SignatureFormatException(String message) {
    super(message);
  }
}
