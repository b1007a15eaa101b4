package com.obkit.signing;

import com.obkit.pki.Credentials;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A REST Assured filter that signs every request it sees (contract section 2): sets {@code
 * X-Request-ID}, {@code Digest}, {@code Signature}, {@code TPP-Signature-Certificate} and, in the
 * sandbox, {@code SSL-Certificate}, replacing any value the request already had, with a {@link
 * Tampering} applied for negative scenarios. Immutable; one instance may serve many requests.
 *
 * <p><b>The body must be set as a {@code String} or {@code byte[]}</b> (or be absent): the Digest
 * (SIG-3) must hash the exact bytes sent, and REST Assured encodes form parameters and multipart
 * only after the filters have run. So for {@code application/x-www-form-urlencoded} (the
 * registration call) set the already-encoded form as a String body with that content type; the
 * filter throws {@link IllegalStateException} when it finds form parameters or multipart parts. A
 * String body is hashed in the charset REST Assured will encode it in: the content type's {@code
 * charset} parameter, else the encoder config's default for that content type.
 *
 * <p>Signed header values come from the computed Digest and request id, from the request's own
 * headers, and for the draft-cavage pseudo header {@code (request-target)} and {@code host} from
 * the request URI.
 */
public final class SigningFilter implements Filter {

  private final Credentials signing;
  private final SigningProfile profile;
  private final Optional<Credentials> sslCertificate;
  private final Tampering tampering;
  private final Supplier<String> requestIds;
  private final Supplier<PrivateKey> otherKey;

  /**
   * @param signing the signing certificate and key
   * @param profile how to sign (from the bank profile)
   * @param sslCertificate present in the sandbox: sent as {@code SSL-Certificate} (SIG-7)
   * @param tampering {@link Tampering#NONE} for correct requests
   * @param requestIds a fresh {@code X-Request-ID} per call
   */
  public SigningFilter(
      Credentials signing,
      SigningProfile profile,
      Optional<Credentials> sslCertificate,
      Tampering tampering,
      Supplier<String> requestIds) {
    this(signing, profile, sslCertificate, tampering, requestIds, new GeneratedRsaKey());
  }

  private SigningFilter(
      Credentials signing,
      SigningProfile profile,
      Optional<Credentials> sslCertificate,
      Tampering tampering,
      Supplier<String> requestIds,
      Supplier<PrivateKey> otherKey) {
    this.signing = Objects.requireNonNull(signing, "signing");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.sslCertificate = Objects.requireNonNull(sslCertificate, "sslCertificate");
    this.tampering = Objects.requireNonNull(tampering, "tampering");
    this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
    this.otherKey = Objects.requireNonNull(otherKey, "otherKey");
    // Fail at configuration time, not on the first request.
    new HttpSigner(signing, profile);
  }

  /**
   * The default: random UUID request ids, no tampering.
   *
   * @param sendSslCertificate true in the sandbox: the signing (test) certificate is also sent as
   *     {@code SSL-Certificate}
   */
  public static SigningFilter of(
      Credentials signing, SigningProfile profile, boolean sendSslCertificate) {
    return new SigningFilter(
        signing,
        profile,
        sendSslCertificate ? Optional.of(signing) : Optional.empty(),
        Tampering.NONE,
        () -> UUID.randomUUID().toString());
  }

  /** The same filter breaking {@code otherTampering}'s one thing. */
  public SigningFilter withTampering(Tampering otherTampering) {
    return new SigningFilter(
        signing, profile, sslCertificate, otherTampering, requestIds, otherKey);
  }

  /**
   * The same filter using {@code key} for {@link Tampering#SIGNED_BY_OTHER_KEY}; by default a fresh
   * RSA 2048 key is generated on first use.
   */
  public SigningFilter withOtherKey(Supplier<PrivateKey> key) {
    return new SigningFilter(signing, profile, sslCertificate, tampering, requestIds, key);
  }

  /** The tampering this filter applies. */
  public Tampering tampering() {
    return tampering;
  }

  /** The profile this filter signs with. */
  public SigningProfile profile() {
    return profile;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext ctx) {
    byte[] body = bodyBytes(request);
    String requestId = requestIds.get();
    Map<String, String> headers =
        tampering.signedRequestHeaders(
            new TamperingContext(signing, profile, sslCertificate, otherKey),
            body,
            requestId,
            signableHeaders(request));
    replaceHeaders(request, headers);
    return ctx.next(request, response);
  }

  /**
   * Removes every header the filters own, then sets {@code headers}: replace, never add a second
   * value.
   */
  static void replaceHeaders(FilterableRequestSpecification request, Map<String, String> headers) {
    for (String name : SignedHeaders.ALL_NAMES) {
      if (request.getHeaders().hasHeaderWithName(name)) {
        request.removeHeader(name);
      }
    }
    headers.forEach(request::header);
  }

  /**
   * The exact bytes REST Assured will send.
   *
   * @throws IllegalStateException if the body is of another type, or form / multipart parameters
   *     are set
   */
  static byte[] bodyBytes(FilterableRequestSpecification request) {
    if (!request.getFormParams().isEmpty()) {
      throw new IllegalStateException(
          "cannot sign form parameters "
              + request.getFormParams().keySet()
              + ": REST Assured encodes them after the filters run, so the Digest could not match the bytes sent;"
              + " set the already-encoded form as a String body with Content-Type application/x-www-form-urlencoded");
    }
    if (!request.getMultiPartParams().isEmpty()) {
      throw new IllegalStateException(
          "cannot sign a multipart request: REST Assured builds its body after the filters run");
    }
    Object body = request.getBody();
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof String text) {
      return text.getBytes(charsetOf(request));
    }
    throw new IllegalStateException(
        "cannot sign a request body of type "
            + body.getClass().getName()
            + ": set the body as a String or byte[] so its exact bytes are known");
  }

  /** The charset REST Assured encodes a String body in (its EncoderRegistry's rule). */
  private static Charset charsetOf(FilterableRequestSpecification request) {
    String contentType = request.getContentType();
    if (contentType != null) {
      for (String param : contentType.split(";")) {
        String p = param.strip();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          return Charset.forName(p.substring(8).strip().replace("\"", ""));
        }
      }
    }
    RestAssuredConfig config = request.getConfig();
    EncoderConfig encoder = config == null ? new EncoderConfig() : config.getEncoderConfig();
    String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
    String charset =
        !mediaType.isEmpty() && encoder.hasDefaultCharsetForContentType(mediaType)
            ? encoder.defaultCharsetForContentType(mediaType)
            : encoder.defaultContentCharset();
    return charset == null ? StandardCharsets.ISO_8859_1 : Charset.forName(charset);
  }

  /**
   * Values of headers a profile may sign besides digest and x-request-id: the request's own headers
   * (several values joined with ", ", CAV 2.3), {@code (request-target)} and {@code host}.
   */
  private static Map<String, String> signableHeaders(FilterableRequestSpecification request) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Header h : request.getHeaders()) {
      String name = h.getName().toLowerCase(Locale.ROOT);
      if (SignedHeaders.ALL_NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
        continue;
      }
      values.merge(name, h.getValue(), (a, b) -> a + ", " + b);
    }
    try {
      URI uri = new URI(request.getURI());
      String target =
          uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        target += "?" + uri.getRawQuery();
      }
      values.putIfAbsent(
          "(request-target)", request.getMethod().toLowerCase(Locale.ROOT) + " " + target);
      if (uri.getHost() != null) {
        values.putIfAbsent(
            "host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Only needed when the profile signs them; signing then fails naming the header.
    }
    return values;
  }

  /** A private key for {@link Tampering#SIGNED_BY_OTHER_KEY}, generated once, on first use. */
  private static final class GeneratedRsaKey implements Supplier<PrivateKey> {
    private PrivateKey key;

    @Override
    public synchronized PrivateKey get() {
      if (key == null) {
        try {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(2048);
          key = generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("JDK lacks RSA key generation", e);
        }
      }
      return key;
    }

    @Override
    public String toString() {
      return "GeneratedRsaKey";
    }
  }

  @Override
  public String toString() {
    return "SigningFilter["
        + signing
        + ", profile="
        + profile
        + ", ssl="
        + sslCertificate.isPresent()
        + ", tampering="
        + tampering
        + "]";
  }
}
