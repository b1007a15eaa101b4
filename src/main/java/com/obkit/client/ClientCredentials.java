package com.obkit.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The registration's {@code client_id} and {@code client_secret}, as the token endpoint wants them
 * (contract section 12: HTTP Basic, RFC 6749 2.3.1). {@link #toString()} hides the secret.
 */
public record ClientCredentials(String clientId, String clientSecret) {
  public ClientCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  /**
   * The {@code Authorization} header value: {@code Basic base64(id:secret)}, each form-encoded
   * first (RFC 6749 2.3.1).
   */
  public String basicHeader() {
    String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** The same client with another secret (TKN-6: a wrong one). */
  public ClientCredentials withSecret(String otherSecret) {
    return new ClientCredentials(clientId, otherSecret);
  }

  private static String formEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
