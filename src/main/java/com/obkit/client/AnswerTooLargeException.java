package com.obkit.client;

import java.io.IOException;

/**
 * The answer went over {@code kit.http.maxResponseBytes}: the kit stopped reading, so that one
 * answer cannot take more memory than that. Never retried: the bank would send it again.
 */
final class AnswerTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  AnswerTooLargeException(long maxBytes) {
    super(
        "the answer is larger than kit.http.maxResponseBytes ("
            + maxBytes
            + " bytes); the kit stopped reading it");
  }
}
