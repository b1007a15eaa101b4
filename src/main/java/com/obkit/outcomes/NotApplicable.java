package com.obkit.outcomes;

import org.opentest4j.TestAbortedException;

/**
 * A scenario that cannot be run against this bank or configuration (for example token expiry
 * against a bank whose tokens live a day). Reported as skipped, with the reason, never as passed.
 */
public final class NotApplicable extends TestAbortedException {
  public static final String PREFIX = "NOT-APPLICABLE";
  private static final long serialVersionUID = 1L;

  public NotApplicable(String reason) {
    super(PREFIX + ": " + reason);
  }
}
