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
}
