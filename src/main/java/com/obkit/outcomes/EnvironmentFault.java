package com.obkit.outcomes;

/**
 * The bank could not be reached or did not answer in time: a refused connection, an unknown host, a
 * TLS failure, a timeout. Neither a pass nor a bank defect: the scenario is reported as an
 * environment error and the run is inconclusive. The message names the URL and the cause.
 */
public final class EnvironmentFault extends RuntimeException {
  public static final String PREFIX = "ENVIRONMENT";
  private static final long serialVersionUID = 1L;

  /** The cause alone ({@code connection refused or unreachable (…)}), without method and URL. */
  private final String reason;

  public EnvironmentFault(String method, String url, String cause, Throwable error) {
    super(PREFIX + ": " + method + " " + url + " failed: " + cause, error);
    this.reason = cause;
  }

  private EnvironmentFault(String message, String reason, Throwable error) {
    super(message, error);
    this.reason = reason;
  }

  /**
   * The run's pre-flight found the bank unreachable: one message for the whole run ({@code the bank
   * is unreachable: GET https://…/xs2a-bg/version: connection refused …}), instead of one per
   * scenario.
   */
  public static EnvironmentFault bankUnreachable(String method, String url, EnvironmentFault why) {
    return new EnvironmentFault(
        "the bank is unreachable: " + method + " " + url + ": " + why.reason(), why.reason(), why);
  }

  /** What went wrong, without method and URL. */
  public String reason() {
    return reason;
  }

  /**
   * A fault of the run rather than of one request (the circuit breaker refusing a scenario).
   *
   * @param cause what happened, for people (no secrets)
   */
  public EnvironmentFault(String cause) {
    super(PREFIX + ": " + cause);
    this.reason = cause;
  }

  /** The message without the {@value #PREFIX} mark: what happened, for a line of a list. */
  public String detail() {
    String m = getMessage();
    return m.startsWith(PREFIX + ": ") ? m.substring(PREFIX.length() + 2) : m;
  }
}
