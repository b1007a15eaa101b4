package com.obkit.client;

import com.obkit.pki.Credentials;
import com.obkit.pki.OrganizationId;
import java.util.Objects;

/**
 * The TPP a scenario acts as: its eIDAS organization id and the certificate it signs with (in the
 * sandbox, the same test certificate also fills {@code SSL-Certificate}).
 *
 * @param organizationId the organization id the certificate carries
 * @param credentials the signing certificate and key
 */
public record Tpp(OrganizationId organizationId, Credentials credentials) {
  public Tpp {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(credentials, "credentials");
  }
}
