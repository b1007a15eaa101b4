package com.obkit.client;

import com.obkit.config.AccountSettings;
import com.obkit.config.KitConfig;
import com.obkit.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every secret value of one run (client secrets, tokens, codes, verifiers, passwords, digipass
 * numbers, private keys), and the scrubbing of those values from any text before it is written.
 *
 * <p>This is the second line of defence behind {@link Redactor}: Redactor masks values by the name
 * of their field, header or parameter, which misses a field nobody foresaw ({@code
 * registration_access_token}) and a value quoted somewhere else (a failure message, a Location URL,
 * an HTML page). The registry masks a known value wherever it appears, whatever it is called, in
 * its raw, URL-encoded ({@code +} and {@code %20} styles, lower-case hex, double-encoded),
 * JSON-escaped, HTML-escaped and Base64 forms, and as the Base64 of an HTTP Basic pair registered
 * with {@link #registerBasic}.
 *
 * <p>One instance per run, shared by every scenario's client; safe for concurrent use. Scrubbing is
 * linear in the text's length whatever the number of secrets: registering marks the index stale,
 * and the next {@link #scrub} rebuilds it once (a table keyed by a rolling hash of each form's
 * first {@value #MIN_LENGTH} characters, behind a bit filter that rejects almost every other
 * position).
 */
public final class SecretRegistry {

  /**
   * Values shorter than this are not registered. A short value ({@code Bearer}, {@code EUR}, a
   * tenant, a 6-digit number) would mask unrelated text all over the reports, and a value that
   * short is no real secret: tokens, codes and client secrets are 32 characters and more, a
   * digipass has 10 digits. It is also the window of the scrubber's rolling hash, which needs every
   * form to be at least this long (every form is at least as long as its raw value).
   */
  public static final int MIN_LENGTH = 8;

  /** Guards {@link #secrets} and {@link #forms}, and serialises index rebuilds. */
  private final Object lock = new Object();

  private final Set<String> secrets = new HashSet<>();

  /** Every form of every secret, and the mask that replaces it. */
  private final Map<String, String> forms = new HashMap<>();

  /**
   * The scrubber for {@link #forms}, or null after a registration made it stale; only written under
   * {@link #lock}, so a scrub after a registration (in any thread that saw the registration return)
   * never uses an index without it.
   */
  private volatile Index index = Index.EMPTY;

  /** An empty registry. */
  public SecretRegistry() {}

  /**
   * A registry holding the configuration's secrets: key and keystore passwords (when at least
   * {@value #MIN_LENGTH} characters) and the digipass numbers of configured test accounts.
   *
   * @param config the run's configuration
   * @return a new registry
   */
  public static SecretRegistry forConfiguration(KitConfig config) {
    SecretRegistry registry = new SecretRegistry();
    List<Optional<Secret>> passwords =
        List.of(
            config.credentials().keyPassword(),
            config.credentials().pkcs12Password(),
            config.http().mutualTls().flatMap(m -> m.keyPassword()));
    passwords.forEach(p -> p.ifPresent(s -> registry.register(s.value())));
    for (AccountSettings.ConfiguredAccount a : config.accounts().configured()) {
      registry.register(a.digipass());
    }
    return registry;
  }

  /**
   * Registers a secret value; later {@link #scrub} calls mask it in every form.
   *
   * @param secret the value; null, blank, already masked and values shorter than {@value
   *     #MIN_LENGTH} characters are ignored
   * @return whether the value was new
   */
  public boolean register(String secret) {
    if (secret == null
        || secret.length() < MIN_LENGTH
        || secret.isBlank()
        || secret.contains("****(")) {
      return false;
    }
    if (isRegistered(secret)) {
      return false; // the common case: a value seen again in a later request or report
    }
    Map<String, String> derived = formsOf(secret); // outside the lock: other threads go on
    synchronized (lock) {
      if (!secrets.add(secret)) {
        return false;
      }
      derived.forEach(forms::putIfAbsent);
      index = null;
      return true;
    }
  }

  /**
   * Registers the secret of an HTTP Basic credential, and the whole {@code id:secret} pair, so that
   * the header's Base64 value is masked too (a Base64 of the pair does not contain the Base64 of
   * the secret). Both the plain pair and the RFC 6749 section 2.3.1 form-encoded pair are
   * registered.
   *
   * @param id the user or client id (not secret by itself, never registered alone)
   * @param secret the password or client secret
   */
  public void registerBasic(String id, String secret) {
    if (id == null || secret == null) {
      return;
    }
    register(secret);
    register(id + ":" + secret);
    register(formEncode(id) + ":" + formEncode(secret));
  }

  /**
   * Registers a private key: its PKCS#8 DER in Base64, and each 64-character line of its PEM.
   *
   * @param key the key; ignored when it does not export its encoding (a hardware key)
   */
  public void registerPrivateKey(PrivateKey key) {
    byte[] der = key == null ? null : key.getEncoded();
    if (der == null) {
      return;
    }
    String base64 = Base64.getEncoder().encodeToString(der);
    if (!register(base64)) {
      return; // its lines were registered with it
    }
    for (int i = 0; i < base64.length(); i += 64) {
      register(base64.substring(i, Math.min(base64.length(), i + 64)));
    }
  }

  /** Whether exactly this value is registered. */
  public boolean isRegistered(String value) {
    synchronized (lock) {
      return secrets.contains(value);
    }
  }

  /** How many values are registered. */
  public int size() {
    synchronized (lock) {
      return secrets.size();
    }
  }

  /**
   * The text with every form of every registered secret replaced by its mask ({@link Redactor#mask}
   * of the raw value, JSON-escaped where the form was). Where matches overlap, the whole
   * overlapping stretch is replaced by the mask of the longest, so no tail of a secret stays
   * visible.
   *
   * @param text any text; null gives null
   * @return the scrubbed text, the same instance when nothing matched
   */
  public String scrub(String text) {
    if (text == null || text.length() < MIN_LENGTH) {
      return text;
    }
    Index current = index;
    if (current == null) {
      current = rebuild();
    }
    return current.scrub(text);
  }

  private Index rebuild() {
    synchronized (lock) {
      if (index == null) {
        index = new Index(forms);
      }
      return index;
    }
  }

  // ---------------------------------------------------------------- forms

  /** Every form of {@code secret} a report could show, each with the text that replaces it. */
  static Map<String, String> formsOf(String secret) {
    String mask = Redactor.mask(secret);
    Map<String, String> out = new LinkedHashMap<>();
    out.put(secret, mask);
    String form = formEncode(secret); // space as '+', '~' as %7E, '*' kept
    List<String> urls = new ArrayList<>();
    urls.add(form);
    urls.add(form.replace("+", "%20"));
    urls.add(form.replace("+", "%20").replace("%7E", "~").replace("*", "%2A")); // RFC 3986
    for (String u : List.copyOf(urls)) {
      urls.add(lowerHex(u));
    }
    urls.add(formEncode(form)); // a URL inside a query value
    urls.forEach(u -> out.putIfAbsent(u, mask));
    for (boolean slash : new boolean[] {false, true}) {
      for (boolean ascii : new boolean[] {false, true}) {
        for (boolean upper : new boolean[] {false, true}) {
          out.putIfAbsent(
              jsonEscape(secret, slash, ascii, upper), jsonEscape(mask, false, false, true));
        }
      }
    }
    out.putIfAbsent(htmlEscape(secret), htmlEscape(mask));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (Base64.Encoder encoder :
        List.of(
            Base64.getEncoder(),
            Base64.getEncoder().withoutPadding(),
            Base64.getUrlEncoder(),
            Base64.getUrlEncoder().withoutPadding())) {
      out.putIfAbsent(encoder.encodeToString(bytes), mask);
    }
    return out;
  }

  private static String formEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** As an HTML page shows a value in text or an attribute. */
  private static String htmlEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** {@code %2F} as {@code %2f}: some encoders write lower-case hex digits. */
  private static String lowerHex(String encoded) {
    StringBuilder sb = new StringBuilder(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      sb.append(c);
      if (c == '%' && i + 2 < encoded.length()) {
        sb.append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        i += 2;
      }
    }
    return sb.toString();
  }

  /**
   * The inside of a JSON string holding {@code s}.
   *
   * @param slash whether {@code /} is written {@code \/}
   * @param ascii whether every non-ASCII character is written {@code \}{@code uXXXX}
   * @param upper whether {@code \}{@code u} escapes use upper-case hex digits
   */
  private static String jsonEscape(String s, boolean slash, boolean ascii, boolean upper) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '/' -> sb.append(slash ? "\\/" : "/");
        default -> {
          if (c < 0x20 || (ascii && c > 0x7e)) {
            String hex = String.format("%04x", (int) c);
            sb.append("\\u").append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- matching

  /** One form and its replacement. */
  private record Entry(String form, String replacement) {}

  /**
   * An immutable multi-pattern matcher over a fixed set of forms, each at least {@link #MIN_LENGTH}
   * long: forms are grouped by a hash of their first {@link #MIN_LENGTH} characters, and a text is
   * scanned once with a rolling hash of the same window.
   */
  private static final class Index {
    static final Index EMPTY = new Index(Map.of());

    private static final int WINDOW = MIN_LENGTH;
    private static final long BASE = 1_000_003L;
    private static final int FILTER_BITS = 20;

    /** BASE^(WINDOW-1), to take the leaving character out of the rolling hash. */
    private static final long TOP = power(BASE, WINDOW - 1);

    private final long[] filter = new long[(1 << FILTER_BITS) / 64];
    private final Map<Long, Entry[]> byHead = new HashMap<>();

    Index(Map<String, String> forms) {
      Map<Long, List<Entry>> groups = new HashMap<>();
      forms.forEach(
          (form, replacement) -> {
            long h = hash(form, 0);
            groups.computeIfAbsent(h, k -> new ArrayList<>()).add(new Entry(form, replacement));
            int bit = slot(h);
            filter[bit >>> 6] |= 1L << bit;
          });
      groups.forEach(
          (h, entries) -> {
            // Longest first: a pair id:secret wins over its secret at the same position.
            entries.sort(Comparator.comparingInt((Entry e) -> e.form().length()).reversed());
            byHead.put(h, entries.toArray(new Entry[0]));
          });
    }

    String scrub(String text) {
      int n = text.length();
      if (byHead.isEmpty() || n < WINDOW) {
        return text;
      }
      StringBuilder out = null;
      int copied = 0;
      int clusterStart = -1;
      int clusterEnd = -1;
      Entry best = null;
      long h = hash(text, 0);
      for (int i = 0; ; i++) {
        int bit = slot(h);
        if ((filter[bit >>> 6] & (1L << bit)) != 0) {
          Entry match = longestAt(text, i, byHead.get(h));
          if (match != null) {
            int end = i + match.form().length();
            if (i < clusterEnd) { // overlaps the current stretch: widen it
              clusterEnd = Math.max(clusterEnd, end);
              if (match.form().length() > best.form().length()) {
                best = match;
              }
            } else {
              if (best != null) {
                out = flush(out, text, copied, clusterStart, best);
                copied = clusterEnd;
              }
              clusterStart = i;
              clusterEnd = end;
              best = match;
            }
          }
        }
        if (i + WINDOW >= n) {
          break;
        }
        h = (h - text.charAt(i) * TOP) * BASE + text.charAt(i + WINDOW);
      }
      if (best == null) {
        return text;
      }
      out = flush(out, text, copied, clusterStart, best);
      return out.append(text, clusterEnd, n).toString();
    }

    private static StringBuilder flush(
        StringBuilder out, String text, int copied, int start, Entry best) {
      StringBuilder sb = out != null ? out : new StringBuilder(text.length());
      return sb.append(text, copied, start).append(best.replacement());
    }

    private static Entry longestAt(String text, int at, Entry[] candidates) {
      if (candidates != null) {
        for (Entry e : candidates) {
          if (text.startsWith(e.form(), at)) {
            return e;
          }
        }
      }
      return null;
    }

    private static long hash(String s, int from) {
      long h = 0;
      for (int k = 0; k < WINDOW; k++) {
        h = h * BASE + s.charAt(from + k);
      }
      return h;
    }

    private static int slot(long h) {
      return (int) ((h * 0x9E3779B97F4A7C15L) >>> (64 - FILTER_BITS));
    }

    private static long power(long base, int exponent) {
      long p = 1;
      for (int i = 0; i < exponent; i++) {
        p *= base;
      }
      return p;
    }
  }
}
