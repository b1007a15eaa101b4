package com.obkit.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * The texts of the bank's two OpenAPI documents as the run fetched them at its start (contract
 * section 1), for the OAS-1 referee and for whoever keeps a history of the bank's releases.
 *
 * @param xs2aOpenApi {@code GET {kit.baseUrl}/xs2a-bg/openapi.json}, when it answered 200
 * @param authOpenApi {@code GET {kit.authBaseUrl}/auth/openapi.json}, when it answered 200
 */
public record BankDocuments(Optional<String> xs2aOpenApi, Optional<String> authOpenApi) {
  public BankDocuments {
    Objects.requireNonNull(xs2aOpenApi, "xs2aOpenApi");
    Objects.requireNonNull(authOpenApi, "authOpenApi");
  }
}
