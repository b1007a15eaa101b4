package com.obkit.psu;

import java.net.URI;
import java.time.Duration;

/** Text helpers for what the drivers show: links without their query, durations as configured. */
final class Links {

  private Links() {}

  /**
   * {@code scheme://authority/path} of a URI: what evidence and messages show of a link, whose
   * query may carry a {@code state}, a code or a session.
   */
  static String withoutQuery(URI uri) {
    String s = uri.toString();
    int cut = s.length();
    int q = s.indexOf('?');
    int f = s.indexOf('#');
    if (q >= 0) {
      cut = q;
    }
    if (f >= 0 && f < cut) {
      cut = f;
    }
    return s.substring(0, cut);
  }

  /** A duration as the configuration writes it: {@code 5m}, {@code 90s}, {@code 250ms}. */
  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
