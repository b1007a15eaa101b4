package com.obkit.config;

import java.util.Objects;

/**
 * A configured secret (a password). Its {@link #toString()} never shows the value, so a record
 * holding it can be printed.
 *
 * @param value the secret
 */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "secret");
  }

  public char[] chars() {
    return value.toCharArray();
  }

  @Override
  public String toString() {
    return "****";
  }
}
