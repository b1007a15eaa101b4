package com.obkit.outcomes;

/**
 * The bank could not be reached or did not answer in time: a refused connection, an unknown host, a
 * TLS failure, a timeout. Neither a pass nor a bank defect: the scenario is reported as an
 * environment error and the run is inconclusive. The message names the URL and the cause.
 */
public final class EnvironmentFault extends RuntimeException {
  public static final String PREFIX = "ENVIRONMENT";
  private static final long serialVersionUID = 1L;

  public EnvironmentFault(String method, String url, String cause, Throwable error) {
    super(PREFIX + ": " + method + " " + url + " failed: " + cause, error);
  }

  /**
   * A fault of the run rather than of one request (the circuit breaker refusing a scenario).
   *
   * @param cause what happened, for people (no secrets)
   */
  public EnvironmentFault(String cause) {
    super(PREFIX + ": " + cause);
  }

  /** The message without the {@value #PREFIX} mark: what happened, for a line of a list. */
  public String detail() {
    String m = getMessage();
    return m.startsWith(PREFIX + ": ") ? m.substring(PREFIX.length() + 2) : m;
  }
}
