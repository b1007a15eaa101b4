package com.obkit.openapi;

import java.util.Objects;

/**
 * One change between two versions of an OpenAPI document.
 *
 * @param breaking whether a client written for the old document may break (openapi-diff's
 *     "incompatible")
 * @param description one line: method, path and what changed ({@code GET
 *     /xs2a-bg/{tenant}/v1/accounts/{resourceId}: operation removed})
 */
public record ApiChange(boolean breaking, String description) {
  public ApiChange {
    Objects.requireNonNull(description, "description");
  }

  /** {@code BREAKING GET /x: ...} or {@code compatible GET /x: ...}. */
  @Override
  public String toString() {
    return (breaking ? "BREAKING " : "compatible ") + description;
  }
}
