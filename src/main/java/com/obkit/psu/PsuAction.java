package com.obkit.psu;

/**
 * What the PSU does at the bank's login page (contract section 11, SCA-1 and SCA-2). A wrong
 * digipass is {@link PsuCredentials#wrongDigipass()}: every digit of the real one plus one.
 */
public enum PsuAction {
  /** Logs in with the IBAN and the digipass: the bank sends the browser back with a code. */
  LOGIN("Log in with the account's IBAN and its digipass."),
  /**
   * Enters a wrong digipass once, then, when the bank shows the login page again (200), logs in
   * with the right one: one mistake must not end the authorisation, and only the right digipass
   * earns a code.
   */
  WRONG_DIGIPASS_ONCE(
      "Enter the account's IBAN with a WRONG digipass once (for example add 1 to every digit);"
          + " when the bank shows the login page again, log in with the right digipass."),
  /**
   * Enters a wrong digipass three times in a row: after the third the bank sends the browser back
   * with {@code error=access_denied}.
   */
  WRONG_DIGIPASS_THRICE(
      "Enter the account's IBAN with a WRONG digipass three times in a row (for example add 1 to"
          + " every digit), until the bank sends the browser back."),
  /**
   * Presses cancel on the login page: the bank sends the browser back with {@code
   * error=consent_required} (or {@code access_denied}).
   */
  CANCEL("Do not log in: press Cancel on the bank's login page.");

  private final String instruction;

  PsuAction(String instruction) {
    this.instruction = instruction;
  }

  /** What a person at a browser is asked to do, in one sentence (no secrets). */
  public String instruction() {
    return instruction;
  }

  /** How many times the login form is submitted with a wrong digipass. */
  int wrongTries() {
    return switch (this) {
      case WRONG_DIGIPASS_ONCE -> 1;
      case WRONG_DIGIPASS_THRICE -> 3;
      case LOGIN, CANCEL -> 0;
    };
  }
}
