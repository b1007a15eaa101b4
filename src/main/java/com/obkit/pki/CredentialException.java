package com.obkit.pki;

/**
 * Credentials could not be loaded or saved. The message names the file and the problem, never a
 * password or key material.
 */
public class CredentialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CredentialException(String message) {
    super(message);
  }

  public CredentialException(String message, Throwable cause) {
    super(message, cause);
  }
}
