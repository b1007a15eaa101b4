package com.obkit.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The lenient redirect URI comparisons a bank gets wrong (AUTH-2 deviations only; the faithful
 * sandbox compares strings exactly, RFC 9700 2.1). Kept apart so that the endpoint's switch stays
 * one line each.
 */
final class RedirectUris {

  private RedirectUris() {}

  /**
   * {@link Deviation#NORMALISED_REDIRECT_MATCH}: RFC 3986 6.2.2/6.2.3 style normalisation as a
   * generous bank applies it: lowercase scheme and host, default port dropped, dot segments
   * removed, percent escapes decoded, trailing slash ignored. An unparseable value is returned
   * unchanged.
   */
  static String normalised(String value) {
    URI uri;
    try {
      uri = new URI(value).normalize();
    } catch (URISyntaxException e) {
      return value;
    }
    if (uri.isOpaque() || uri.getScheme() == null) {
      return value;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
      port = -1;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme
        + "://"
        + (uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@")
        + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT))
        + (port < 0 ? "" : ":" + port)
        + path
        + (uri.getQuery() == null ? "" : "?" + uri.getQuery())
        + (uri.getFragment() == null ? "" : "#" + uri.getFragment());
  }

  /**
   * {@link Deviation#QUERY_IGNORED_REDIRECT_MATCH}: the URI without its query (a fragment is kept).
   */
  static String withoutQuery(String value) {
    int query = value.indexOf('?');
    if (query < 0) {
      return value;
    }
    int fragment = value.indexOf('#', query);
    return value.substring(0, query) + (fragment < 0 ? "" : value.substring(fragment));
  }
}
