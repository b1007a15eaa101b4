package com.obkit.psu;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A loopback redirect URI the kit can listen at itself, as a native app does (RFC 8252 7.3): {@code
 * http}, host {@code 127.0.0.1}, {@code [::1]} or {@code localhost}, and an explicit port.
 *
 * @param origin {@code http://<host>:<port>} as the redirect URI writes it
 * @param address the address to bind (for {@code localhost}: 127.0.0.1, which browsers try when ::1
 *     refuses)
 * @param port the port
 * @param path the redirect URI's path ({@code /} when it has none): the only path answered
 */
record Loopback(String origin, InetAddress address, int port, String path) {

  /** The loopback listener for a redirect URI, or empty when it is not a loopback http URI. */
  static Optional<Loopback> of(String redirectUri) {
    URI uri;
    try {
      uri = new URI(redirectUri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getPort() == -1
        || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    byte[] address =
        switch (uri.getHost().toLowerCase(Locale.ROOT)) {
          case "127.0.0.1", "localhost" -> new byte[] {127, 0, 0, 1};
          case "[::1]" -> new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
          default -> null;
        };
    if (address == null) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    try {
      // From the bytes: never a name lookup.
      return Optional.of(
          new Loopback(
              uri.getScheme() + "://" + uri.getRawAuthority(),
              InetAddress.getByAddress(address),
              uri.getPort(),
              path));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
    }
  }

  /** Where the listener listens, for messages: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
  String where() {
    String host = address.getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
