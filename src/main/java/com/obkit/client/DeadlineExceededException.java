package com.obkit.client;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The exchange's whole answer did not come within {@code kit.http.deadline}. A socket timeout, so
 * that anything that handles a timed-out read (Apache HttpClient, REST Assured) handles this too.
 */
final class DeadlineExceededException extends SocketTimeoutException {
  private static final long serialVersionUID = 1L;

  DeadlineExceededException(Duration deadline) {
    super(
        "no complete answer within kit.http.deadline ("
            + deadline.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
            + ")");
  }
}
