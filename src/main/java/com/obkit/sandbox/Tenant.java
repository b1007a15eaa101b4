package com.obkit.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The bank's tenants, the {@code {tenant}} path parameter (contract section 1). */
enum Tenant {
  UK("uk", "GB"),
  NL("nl", "NL"),
  BE_FR("be_fr", "BE"),
  BE_NL("be_nl", "BE");

  private final String pathValue;
  private final String country;

  Tenant(String pathValue, String country) {
    this.pathValue = pathValue;
    this.country = country;
  }

  /** The value in the path, e.g. {@code be_fr}. */
  String pathValue() {
    return pathValue;
  }

  /** ISO 3166-1 country of the tenant's accounts (ACC-1). */
  String country() {
    return country;
  }

  /** The tenant named exactly {@code value} (case-sensitive, as the OpenAPI enum). */
  static Optional<Tenant> byPathValue(String value) {
    return Arrays.stream(values()).filter(t -> t.pathValue.equals(value)).findFirst();
  }
}
