package com.obkit.config;

/** Where the registration call carries the initial access token (contract section 5). */
public enum TokenPlacement {
  /** Form field {@code initial_access_token}, as the bank's registration page shows. */
  FORM,
  /** {@code Authorization: Bearer}, as the bank's OpenAPI requires. */
  BEARER,
  /** Both (the kit's default): a conformant bank accepts either. */
  BOTH;

  public boolean inForm() {
    return this != BEARER;
  }

  public boolean inHeader() {
    return this != FORM;
  }
}
