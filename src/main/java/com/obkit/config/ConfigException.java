package com.obkit.config;

/**
 * A configuration error: names the key (or file) and where the bad value came from. Raised before
 * any request.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
