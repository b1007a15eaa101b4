package com.obkit.steps;

import com.obkit.client.HttpExchange;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A consent or a payment the bank received and the PSU is to authorise (contract sections 10 and
 * 14): its ids, the scope item its authorisation carries ({@code AIS:<consentId>}, {@code
 * PIS:<paymentId>}) and the links of the bank's answer, resolved.
 *
 * @param kind consent or payment
 * @param id the consentId or paymentId
 * @param authorisationId the authorisation the confirmation finalises
 * @param scaRedirect where the PSU's browser is sent, if the bank gave an absolute link
 * @param confirmation the confirmation link, resolved against the XS2A base
 * @param redirectUri the TPP-Redirect-URI the TPP sent, where the PSU is to come back
 * @param created the bank's answer to the creation
 */
public record Authorisable(
    Kind kind,
    String id,
    String authorisationId,
    Optional<URI> scaRedirect,
    URI confirmation,
    String redirectUri,
    HttpExchange created) {

  /** What is authorised. */
  public enum Kind {
    CONSENT("AIS:", "consent"),
    PAYMENT("PIS:", "payment");

    private final String scopePrefix;
    private final String noun;

    Kind(String scopePrefix, String noun) {
      this.scopePrefix = scopePrefix;
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }

  public Authorisable {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(authorisationId, "authorisationId");
    Objects.requireNonNull(scaRedirect, "scaRedirect");
    Objects.requireNonNull(confirmation, "confirmation");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(created, "created");
  }

  /** The scope item its authorisation and token carry: {@code AIS:<id>} or {@code PIS:<id>}. */
  public String scopeItem() {
    return kind.scopePrefix + id;
  }
}
