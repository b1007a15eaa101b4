package com.obkit.client;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The near misses of a registered redirect URI that a bank must refuse (contract AUTH-2: simple
 * string comparison, no normalisation). Each variant is computed from the URI actually registered,
 * so the same scenarios work with the kit's sample URIs, the TPP's test URIs or its live ones. A
 * variant that does not apply to a URI (no query to change, no trailing slash to remove) gives
 * nothing, and the caller tries the next registered URI.
 */
public enum RedirectUriVariant {
  TRAILING_SLASH_ADDED("trailing slash added") {
    @Override
    Optional<String> of(URI r, String raw) {
      String path = r.getRawPath();
      return path.endsWith("/") ? Optional.empty() : Optional.of(rebuild(r, path + "/"));
    }
  },
  TRAILING_SLASH_REMOVED("trailing slash removed") {
    @Override
    Optional<String> of(URI r, String raw) {
      String path = r.getRawPath();
      return path.length() > 1 && path.endsWith("/")
          ? Optional.of(rebuild(r, path.substring(0, path.length() - 1)))
          : Optional.empty();
    }
  },
  TRAILING_PATH_SEGMENT_REMOVED("trailing path segment removed") {
    @Override
    Optional<String> of(URI r, String raw) {
      String path = r.getRawPath();
      String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      int slash = trimmed.lastIndexOf('/');
      return slash > 0 ? Optional.of(rebuild(r, trimmed.substring(0, slash))) : Optional.empty();
    }
  },
  EXTRA_PATH_SEGMENT("extra path segment") {
    @Override
    Optional<String> of(URI r, String raw) {
      String path = r.getRawPath();
      return Optional.of(rebuild(r, (path.endsWith("/") ? path : path + "/") + "x7Kq2"));
    }
  },
  QUERY_REMOVED("query removed") {
    @Override
    Optional<String> of(URI r, String raw) {
      return r.getRawQuery() == null ? Optional.empty() : Optional.of(raw.split("\\?", 2)[0]);
    }
  },
  QUERY_CHANGED("query changed") {
    @Override
    Optional<String> of(URI r, String raw) {
      String q = r.getRawQuery();
      if (q == null) {
        return Optional.empty();
      }
      int eq = q.indexOf('=');
      String changed = eq < 0 ? q + "x" : q.substring(0, eq + 1) + "kitchanged";
      return Optional.of(raw.split("\\?", 2)[0] + "?" + changed);
    }
  },
  QUERY_ADDED("query added") {
    @Override
    Optional<String> of(URI r, String raw) {
      return Optional.of(raw + (r.getRawQuery() == null ? "?" : "&") + "next=evil");
    }
  },
  FRAGMENT_ADDED("fragment added") {
    @Override
    Optional<String> of(URI r, String raw) {
      return Optional.of(raw + "#x");
    }
  },
  HTTP_INSTEAD_OF_HTTPS("http instead of https") {
    @Override
    Optional<String> of(URI r, String raw) {
      return "https".equals(r.getScheme())
          ? Optional.of("http" + raw.substring("https".length()))
          : Optional.empty();
    }
  },
  HOST_IN_OTHER_CASE("host in other case") {
    @Override
    Optional<String> of(URI r, String raw) {
      String host = r.getHost();
      String upper = host.toUpperCase(Locale.ROOT);
      return upper.equals(host) ? Optional.empty() : Optional.of(replaceHost(raw, host, upper));
    }
  },
  EXPLICIT_DEFAULT_PORT("explicit default port") {
    @Override
    Optional<String> of(URI r, String raw) {
      if (r.getPort() != -1) {
        return Optional.empty();
      }
      String port = "https".equals(r.getScheme()) ? ":443" : ":80";
      return Optional.of(replaceHost(raw, r.getHost(), r.getHost() + port));
    }
  },
  OTHER_PORT("other port") {
    @Override
    Optional<String> of(URI r, String raw) {
      String authority = r.getRawAuthority();
      String host =
          r.getPort() == -1 ? authority : authority.substring(0, authority.lastIndexOf(':'));
      int other = r.getPort() == 8443 ? 9443 : 8443;
      return Optional.of(raw.replaceFirst(quote(authority), host + ":" + other));
    }
  },
  EXTRA_SUBDOMAIN("extra subdomain") {
    @Override
    Optional<String> of(URI r, String raw) {
      return Optional.of(replaceHost(raw, r.getHost(), "evil." + r.getHost()));
    }
  },
  USERINFO_TRICK("userinfo trick") {
    @Override
    Optional<String> of(URI r, String raw) {
      return Optional.of(replaceHost(raw, r.getHost(), r.getHost() + "@evil.example"));
    }
  },
  PERCENT_ENCODED_PATH_CHARACTER("percent-encoded path character") {
    @Override
    Optional<String> of(URI r, String raw) {
      String path = r.getRawPath();
      for (int i = 1; i < path.length(); i++) {
        char c = path.charAt(i);
        if (c >= 'a' && c <= 'z') {
          String encoded =
              path.substring(0, i) + String.format("%%%02X", (int) c) + path.substring(i + 1);
          return Optional.of(rebuild(r, encoded));
        }
      }
      return Optional.empty();
    }
  },
  LAST_CHARACTER_REMOVED("last character removed") {
    @Override
    Optional<String> of(URI r, String raw) {
      return Optional.of(raw.substring(0, raw.length() - 1));
    }
  };

  private final String phrase;

  RedirectUriVariant(String phrase) {
    this.phrase = phrase;
  }

  /** The variant as the feature files name it ({@code trailing slash added}). */
  public String phrase() {
    return phrase;
  }

  /** The variant named {@code phrase}. */
  public static RedirectUriVariant byPhrase(String phrase) {
    return Arrays.stream(values())
        .filter(v -> v.phrase.equals(phrase))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown redirect URI variant: " + phrase));
  }

  /**
   * This variant of {@code registered}, or empty when it does not apply to that URI. The result is
   * never equal to {@code registered}.
   */
  public Optional<String> apply(String registered) {
    URI r = URI.create(registered);
    if (r.getHost() == null || r.getRawPath() == null) {
      return Optional.empty();
    }
    return of(r, registered).filter(v -> !v.equals(registered));
  }

  abstract Optional<String> of(URI r, String raw);

  /** {@code r} with another raw path, its query kept. */
  private static String rebuild(URI r, String rawPath) {
    return r.getScheme()
        + "://"
        + r.getRawAuthority()
        + rawPath
        + (r.getRawQuery() == null ? "" : "?" + r.getRawQuery());
  }

  private static String replaceHost(String raw, String host, String replacement) {
    int start = raw.indexOf("://") + 3;
    int at = raw.indexOf(host, start);
    return raw.substring(0, at) + replacement + raw.substring(at + host.length());
  }

  private static String quote(String s) {
    return Pattern.quote(s);
  }
}
