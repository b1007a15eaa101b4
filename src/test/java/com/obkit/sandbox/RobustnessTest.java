package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ERR-1 (contract section 8): "the reference sandbox cannot be knocked over". Hundreds of malformed
 * requests, generated from a few families times variants and sent as raw bytes over loopback
 * sockets, each answered within {@link #BOUND} with a 4xx in the body shape of its path family
 * (Berlin Group {@code tppMessages} under {@code /xs2a-bg} and wherever the path cannot be read,
 * OAuth {@code error}/{@code error_description} under {@code /auth}, an HTML page on the
 * authorisation and login pages), never a 5xx; and afterwards a normal signed onboarding still
 * succeeds.
 *
 * <p>Every signed case starts from a request the sandbox accepts ({@link #baselinesAreAccepted})
 * and breaks exactly one thing, so a 4xx is the answer to that defect and not to some other.
 */
class RobustnessTest {

  /** Socket read timeout and overall bound for one answer. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  private static final int LIMIT = 4096;
  private static final String ORG = "PSDNL-DNB-ROBUST01";
  private static final String REDIRECT = "https://tpp.example/robust";

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;
  private static X509Certificate cert;
  private static X509Certificate otherCert;
  private static String token;

  /** The path family whose error body shape an answer must have (contract section 8). */
  enum Shape {
    XS2A,
    OAUTH,
    HTML,
    /** HEAD: status and headers only. */
    NONE;

    private static final Pattern BROWSER_PAGES = Pattern.compile("^/auth/[^/]+/v1/(auth|login)/?$");

    /** From the request target as sent (origin-form or absolute-form); query ignored. */
    static Shape of(String target) {
      String path = target.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
      int q = path.indexOf('?');
      path = q < 0 ? path : path.substring(0, q);
      if (!path.startsWith("/")) {
        return XS2A;
      }
      if (BROWSER_PAGES.matcher(path).matches()) {
        return HTML;
      }
      return path.equals("/auth") || path.startsWith("/auth/") ? OAUTH : XS2A;
    }
  }

  /**
   * One malformed request and what must come back.
   *
   * @param statuses the acceptable statuses; empty means any 4xx
   * @param closeReason why the server may close the connection instead of answering (null: it must
   *     answer)
   */
  record Case(
      String family,
      String name,
      Wire.Request request,
      Shape shape,
      Set<Integer> statuses,
      String closeReason) {

    Case expecting(Integer... values) {
      return new Case(family, name, request, shape, Set.of(values), closeReason);
    }

    Case shaped(Shape value) {
      return new Case(family, name, request, value, statuses, closeReason);
    }

    /**
     * Jetty cannot read the path of a request whose request line it could not parse (it hands its
     * error handler a placeholder), so the answer falls to the XS2A family's FORMAT_ERROR, the
     * contract's default for an unknown path.
     */
    Case pathUnreadable() {
      return shaped(Shape.XS2A);
    }

    Case mayClose(String why) {
      return new Case(family, name, request, shape, statuses, why);
    }

    @Override
    public String toString() {
      return family + " / " + name + " [" + request + "]";
    }
  }

  /** An endpoint of the sandbox and how a valid request to it looks. */
  enum Endpoint {
    ONBOARD("GET", "/xs2a-bg/nl/onboarding/v1"),
    ONBOARD_ALT("GET", "/xs2a-bg/nl/v1/onboarding"),
    ACCOUNTS("POST", "/xs2a-bg/nl/sandbox/v1/test-accounts"),
    REGISTER("POST", "/auth/nl/v1/registration"),
    TOKEN("POST", "/auth/nl/v1/token"),
    AUTHORIZE("GET", "/auth/nl/v1/auth"),
    LOGIN("POST", "/auth/nl/v1/login"),
    DISCOVERY("GET", "/auth/nl/.well-known/openid-configuration"),
    REVOKE("POST", "/auth/nl/v1/token/revoke"),
    CONSENTS("POST", "/xs2a-bg/nl/v1/consents"),
    CONSENT_STATUS("GET", "/xs2a-bg/nl/v1/consents/c1/status"),
    CONSENT_AUTHORISATION("PUT", "/xs2a-bg/nl/v1/consents/c1/authorisations/a1"),
    ACCOUNT_LIST("GET", "/xs2a-bg/nl/v1/accounts"),
    BALANCES("GET", "/xs2a-bg/nl/v1/accounts/r1/balances"),
    PAYMENTS("POST", "/xs2a-bg/nl/v1/payments/sepa-credit-transfers"),
    PAYMENT_STATUS("GET", "/xs2a-bg/nl/v1/payments/sepa-credit-transfers/p1/status");

    final String method;
    final String path;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = path;
    }

    String path(String tenant) {
      return path.replaceFirst("/nl/", "/" + tenant + "/");
    }
  }

  private static final List<Endpoint> SIGNED =
      List.of(Endpoint.ONBOARD, Endpoint.ACCOUNTS, Endpoint.REGISTER);

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(SandboxOptions.defaults().withTls(false).withMaxBodyBytes(LIMIT));
    http = new SandboxHttp(sandbox);
    cert = TestPki.tpp(ORG).issue(TestPki.Keys.TPP_A);
    otherCert = TestPki.tpp("PSDBE-NBB-ROBUST02").issue(TestPki.Keys.TPP_B);
    token = Flow.token(http, "nl", signer());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static TestSigner signer() {
    return new TestSigner(cert, TestPki.Keys.TPP_A.getPrivate());
  }

  // ------------------------------------------------------------------ the tests

  @Test
  void baselinesAreAccepted() {
    // The unbroken form of every signed case: if one of these failed, the cases would prove
    // nothing.
    assertThat(send(signed(Endpoint.ONBOARD)).status()).isEqualTo(200);
    assertThat(send(signed(Endpoint.ACCOUNTS)).status()).isEqualTo(201);
    assertThat(send(signed(Endpoint.REGISTER)).status()).isEqualTo(201);
    assertThat(
            send(signed(
                    Endpoint.REGISTER, form(REDIRECT), "application/x-www-form-urlencoded", false))
                .status())
        .isEqualTo(201);
  }

  @Test
  @Timeout(120)
  void everyMalformedRequestIsA4xxInTheContractShapeAndTheSandboxSurvives() {
    Map<String, List<Case>> families = families();
    List<Case> cases = families.values().stream().flatMap(List::stream).toList();
    assertThat(cases).as("malformed cases").hasSizeGreaterThanOrEqualTo(200);
    assertThat(families).as("families").hasSizeGreaterThanOrEqualTo(10);

    List<String> problems = new ArrayList<>();
    List<String> closures = new ArrayList<>();
    long slowest = 0;
    String slowestCase = "";
    long start = System.nanoTime();
    for (Map.Entry<String, List<Case>> family : families.entrySet()) {
      for (Case c : family.getValue()) {
        Wire.Answer answer = send(c.request());
        if (answer.millis() > slowest) {
          slowest = answer.millis();
          slowestCase = c.toString();
        }
        String problem = problem(c, answer);
        if (problem != null) {
          problems.add(c + ": " + problem);
        } else if (answer.closed()) {
          closures.add(c + ": " + c.closeReason());
        }
      }
      // After each family the sandbox still answers an ordinary request.
      Wire.Answer alive = send(Wire.Request.of("GET", "/xs2a-bg/version"));
      if (alive.status() != 200) {
        problems.add(
            "after family " + family.getKey() + ", GET /xs2a-bg/version answered " + alive);
      }
    }
    long total = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "RobustnessTest: %d malformed cases in %d families (%s) in %d ms; slowest %d ms (%s); closed without answer: %d %s%n",
        cases.size(),
        families.size(),
        families.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().size())
            .collect(Collectors.joining(", ")),
        total,
        slowest,
        slowestCase,
        closures.size(),
        closures);

    assertThat(problems)
        .as("cases answered wrongly (%d of %d)", problems.size(), cases.size())
        .isEmpty();
    assertThat(slowest).as("slowest answer (ms)").isLessThan(BOUND.toMillis());

    // The sandbox still serves a normal signed onboarding request (TOK-1) after all that.
    HttpResponse<String> onboarding = Flow.onboard(http, "nl", signer());
    assertThat(onboarding.statusCode()).as(onboarding.body()).isEqualTo(200);
    assertThat(SandboxHttp.json(onboarding).get("access_token").asText()).isNotBlank();
  }

  @Test
  void theCheckerItselfRejectsWrongAnswers() {
    // The checker must be able to fail: a 200, a 5xx, the wrong family's shape, silence.
    Case xs2a =
        new Case("self", "xs2a", Wire.Request.of("GET", "/xs2a-bg/x"), Shape.XS2A, Set.of(), null);
    Case oauth =
        new Case("self", "oauth", Wire.Request.of("GET", "/auth/x"), Shape.OAUTH, Set.of(), null);
    String bg =
        "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"FORMAT_ERROR\",\"text\":\"bad\"}]}";
    String oa = "{\"error\":\"invalid_request\",\"error_description\":\"bad\"}";
    assertThat(problem(xs2a, answer(400, "application/json", bg))).isNull();
    assertThat(problem(oauth, answer(400, "application/json", oa))).isNull();
    assertThat(problem(xs2a, answer(200, "application/json", bg))).contains("not a 4xx");
    assertThat(problem(xs2a, answer(500, "application/json", bg))).contains("not a 4xx");
    assertThat(problem(xs2a, answer(400, "application/json", oa))).contains("tppMessages");
    assertThat(problem(oauth, answer(400, "application/json", bg))).contains("error");
    assertThat(problem(xs2a, answer(400, "text/html", "<html></html>")))
        .contains("application/json");
    assertThat(problem(xs2a, new Wire.Answer(-1, Map.of(), new byte[0], 1, false, null)))
        .contains("closed");
    assertThat(problem(xs2a, new Wire.Answer(-1, Map.of(), new byte[0], 5000, true, null)))
        .contains("within");
    assertThat(problem(xs2a.expecting(401), answer(400, "application/json", bg)))
        .contains("expected");
  }

  @Test
  @Timeout(30)
  void aStalledUploadIsAnsweredAfterTheIdleTimeoutAndDoesNotBlockOthers() {
    try (ReferenceSandbox quick =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withMaxBodyBytes(LIMIT),
            SectorIdentifierFetcher.http(),
            Duration.ofMillis(500))) {
      // Content-Length 200, 20 bytes sent, the connection kept open: the body read times out.
      Wire.Request stalled =
          Wire.Request.of("POST", "/auth/nl/v1/registration")
              .header("Content-Type", Routes.FORM)
              .body(new byte[20])
              .declaredLength("200");
      CompletableFuture<Wire.Answer> pending =
          CompletableFuture.supplyAsync(() -> Wire.exchange(quick.port(), stalled, BOUND));
      // Meanwhile an ordinary request is served at once.
      Wire.Answer other =
          Wire.exchange(quick.port(), Wire.Request.of("GET", "/xs2a-bg/version"), BOUND);
      assertThat(other.status()).isEqualTo(200);
      Wire.Answer answer = pending.join();
      Case c = new Case("stall", "stalled body", stalled, Shape.OAUTH, Set.of(400, 408), null);
      assertThat(problem(c, answer)).as(answer.toString()).isNull();
      assertThat(answer.millis()).isBetween(400L, BOUND.toMillis() - 1);

      // A header block that never ends: no request exists yet, so there is nothing Jetty can
      // answer;
      // the idle timeout closes the connection instead of holding it (and a thread) open.
      Wire.Answer headers =
          Wire.exchange(
              quick.port(),
              Wire.Request.raw("GET /xs2a-bg/version HTTP/1.1\r\nHost: x\r\nX-Slow: aaa"),
              BOUND);
      System.out.println(
          "RobustnessTest: stalled header block -> " + headers + "; stalled body -> " + answer);
      assertThat(headers.closed()).as(headers.toString()).isTrue();
      assertThat(headers.millis()).isBetween(400L, BOUND.toMillis() - 1);
    }
  }

  @Test
  void plainHttpOnTheTlsPortIsRefusedAtOnceNotHung() {
    // The one place where an HTTP answer is impossible: answering would mean serving plain text on
    // the
    // TLS port. Jetty's TLS layer sends a TLS alert record and closes, at once.
    try (ReferenceSandbox tls = ReferenceSandbox.start(SandboxOptions.defaults())) {
      Wire.Answer a = Wire.exchange(tls.port(), Wire.Request.of("GET", "/xs2a-bg/version"), BOUND);
      System.out.println(
          "RobustnessTest: plain HTTP on the TLS port -> " + a + ", " + a.body().length + " bytes");
      assertThat(a.timedOut()).as(a.toString()).isFalse();
      assertThat(a.status()).as(a.toString()).isEqualTo(-1);
      assertThat(a.body()).as("a TLS alert record").isNotEmpty();
      assertThat(a.body()[0]).as("TLS content type alert (21)").isEqualTo((byte) 21);
    }
  }

  @Test
  void jettyFramingErrorsThatJettyCalls5xxAreAnswered400() {
    // 505 for an unknown HTTP version is the client's error (ERR-1 allows no 5xx).
    Wire.Answer a = send(Wire.Request.of("GET", "/auth/nl/v1/token").withVersion("HTTP/9.9"));
    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(
            ContractErrorHandler.statusOf(
                200, new HttpException.RuntimeException(505, "Unknown Version")))
        .isEqualTo(400);
    assertThat(ContractErrorHandler.statusOf(200, new HttpException.RuntimeException(431)))
        .isEqualTo(431);
    assertThat(ContractErrorHandler.statusOf(500, new IllegalStateException("bug"))).isEqualTo(500);
    assertThat(ContractErrorHandler.statusOf(200, new TimeoutException())).isEqualTo(408);
  }

  // ------------------------------------------------------------------ checking one answer

  private static Wire.Answer send(Wire.Request request) {
    return Wire.exchange(sandbox.port(), request, BOUND);
  }

  private static Wire.Answer answer(int status, String contentType, String body) {
    return new Wire.Answer(
        status,
        Map.of("content-type", List.of(contentType)),
        body.getBytes(StandardCharsets.UTF_8),
        1,
        false,
        null);
  }

  /** What is wrong with {@code answer} to {@code c}, or null when it is right. */
  static String problem(Case c, Wire.Answer answer) {
    if (answer.timedOut()) {
      return "no complete answer within " + BOUND.toMillis() + " ms";
    }
    if (answer.closed()) {
      return c.closeReason() != null
          ? null
          : "connection closed without an answer (" + answer.failure() + ")";
    }
    if (answer.status() < 400 || answer.status() > 499) {
      return "status " + answer.status() + " is not a 4xx: " + answer;
    }
    if (!c.statuses().isEmpty() && !c.statuses().contains(answer.status())) {
      return "status "
          + answer.status()
          + ", expected one of "
          + new TreeSet<>(c.statuses())
          + ": "
          + answer;
    }
    if (answer.header("Location").isPresent()) {
      return "an error answer must not redirect: " + answer.header("Location").get();
    }
    String contentType = answer.header("Content-Type").orElse("");
    switch (c.shape()) {
      case NONE -> {
        return null;
      }
      case HTML -> {
        if (!contentType.startsWith("text/html")) {
          return "expected an HTML error page, got " + answer;
        }
        return answer.text().contains("<html") ? null : "not an HTML page: " + answer;
      }
      default -> {
        // The JSON families
      }
    }
    if (!contentType.startsWith("application/json")) {
      return "expected application/json for the " + c.shape() + " family, got " + answer;
    }
    JsonNode body;
    try {
      body = SandboxHttp.JSON.readTree(answer.body());
    } catch (Exception e) {
      return "body is not JSON: " + answer;
    }
    if (c.shape() == Shape.XS2A) {
      JsonNode messages = body.path("tppMessages");
      if (!messages.isArray() || messages.isEmpty()) {
        return "expected {\"tppMessages\":[...]}, got " + answer;
      }
      for (JsonNode m : messages) {
        if (!"ERROR".equals(m.path("category").asText())
            || !m.path("code").asText().matches("[A-Z][A-Z_]+")
            || m.path("text").asText().isBlank()) {
          return "tppMessages entry is not {category:ERROR, code:<BG code>, text:...}: " + answer;
        }
      }
      return null;
    }
    if (!body.path("error").asText().matches("[A-Za-z][A-Za-z_]+")
        || body.path("error_description").asText().isBlank()) {
      return "expected {\"error\":...,\"error_description\":...}, got " + answer;
    }
    return body.has("tppMessages") ? "an OAuth error body with tppMessages: " + answer : null;
  }

  // ------------------------------------------------------------------ building valid requests

  private static String form(String redirectUri) {
    return SandboxHttp.form("initial_access_token", token, "redirect_uris", redirectUri);
  }

  /** The valid request to {@code endpoint} that a case then breaks in one place. */
  static Wire.Request signed(Endpoint endpoint) {
    return switch (endpoint) {
      case ONBOARD, ONBOARD_ALT ->
          Wire.Request.of("GET", endpoint.path).headers(signer().sign(new byte[0]));
      case ACCOUNTS -> signed(endpoint, "{\"currency\":\"EUR\"}", "application/json", true);
      case REGISTER -> signed(endpoint, form(REDIRECT), Routes.FORM, true);
      default -> throw new IllegalArgumentException(endpoint + " is not signed");
    };
  }

  static Wire.Request signed(
      Endpoint endpoint, String body, String contentType, boolean signature) {
    return signed(endpoint, body.getBytes(StandardCharsets.ISO_8859_1), contentType, signature);
  }

  /**
   * Body given as bytes (a Latin-1 string above maps each char to one byte, so bad UTF-8 survives).
   */
  static Wire.Request signed(
      Endpoint endpoint, byte[] body, String contentType, boolean signature) {
    TestSigner s = signer();
    Wire.Request r =
        Wire.Request.of(endpoint.method, endpoint.path)
            .headers(signature ? s.sign(body) : s.certificatesOnly());
    if (contentType != null) {
      r = r.header("Content-Type", contentType);
    }
    if (endpoint == Endpoint.REGISTER) {
      r = r.header("Accept", "application/json").header("Authorization", "Bearer " + token);
    }
    return r.body(body);
  }

  /** An unsigned request of the endpoint's method, with a body for POST endpoints. */
  static Wire.Request plain(Endpoint endpoint, String target) {
    Wire.Request r = Wire.Request.of(endpoint.method, target);
    return switch (endpoint) {
      case TOKEN ->
          r.header("Content-Type", Routes.FORM)
              .body(
                  "grant_type=authorization_code&code=abc&redirect_uri="
                      + SandboxHttp.enc(REDIRECT));
      case LOGIN ->
          r.header("Content-Type", Routes.FORM)
              .body("session=abc&iban=NL00TRIO0000000000&digipass=0000000000");
      case ACCOUNTS, REGISTER ->
          r.header("Content-Type", endpoint == Endpoint.ACCOUNTS ? "application/json" : Routes.FORM)
              .body("a=b");
      default -> r;
    };
  }

  /** A valid request to {@code endpoint} under another tenant path segment. */
  static Wire.Request valid(Endpoint endpoint, String tenant) {
    Wire.Request r =
        switch (endpoint) {
          case ONBOARD, ONBOARD_ALT, ACCOUNTS, REGISTER -> signed(endpoint);
          case AUTHORIZE ->
              Wire.Request.of(
                  "GET",
                  endpoint.path
                      + "?response_type=code&client_id=c&redirect_uri="
                      + SandboxHttp.enc(REDIRECT));
          default -> plain(endpoint, endpoint.path);
        };
    String target = r.target();
    int q = target.indexOf('?');
    String query = q < 0 ? "" : target.substring(q);
    return r.withTarget(endpoint.path(tenant) + query);
  }

  private static Case c(String family, String name, Wire.Request request) {
    return new Case(family, name, request, Shape.of(request.target()), Set.of(), null);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f);
  }

  // ------------------------------------------------------------------ the families

  static Map<String, List<Case>> families() {
    Map<String, List<Case>> f = new LinkedHashMap<>();
    f.put("certificate headers", certificateGarbage());
    f.put("signature syntax", signatureSyntax());
    f.put("duplicate headers", duplicateHeaders());
    f.put("oversized headers and URIs", oversizedHeaders());
    f.put("oversized bodies", oversizedBodies());
    f.put("registration content types", registrationContentTypes());
    f.put("invalid UTF-8", invalidUtf8());
    f.put("invalid percent-encoding", invalidPercentEncoding());
    f.put("unknown tenants", unknownTenants());
    f.put("path tricks", pathTricks());
    f.put("wrong methods", wrongMethods());
    f.put("HTTP version and Host", versionAndHost());
    f.put("truncated bodies", truncatedBodies());
    f.put("HTTP framing", framing());
    return f;
  }

  /** SIG-1, SIG-7, CERT-3: garbage and truncated base64 in each certificate header. */
  static List<Case> certificateGarbage() {
    String good = TestPki.header(cert);
    byte[] der = der(cert);
    byte[] tagChanged = der.clone();
    tagChanged[0] = 0x31; // SET instead of SEQUENCE
    String urlSafe = good.replace('+', '-').replace('/', '_');
    Map<String, String> values = new LinkedHashMap<>();
    values.put("empty", "");
    values.put("blank", "   ");
    values.put("percent signs", "%%%");
    values.put("not base64", "not base64 at all!");
    values.put("first 10 characters", good.substring(0, 10));
    values.put("first half", good.substring(0, good.length() / 2));
    values.put("last 4 characters cut", good.substring(0, good.length() - 4));
    values.put("random bytes", b64(random(600, 1)));
    values.put("DER outer tag changed", b64(tagChanged));
    values.put("trailing bytes after the DER", b64(Arrays.copyOf(der, der.length + 2)));
    values.put("PEM armour", "-----BEGIN CERTIFICATE-----" + good + "-----END CERTIFICATE-----");
    values.put("spaces every 64 characters", good.replaceAll("(.{64})", "$1 "));
    values.put("base64url alphabet", urlSafe.equals(good) ? "-_" + good : urlSafe);
    values.put("20000 x A", "A".repeat(20_000));
    values.put("non-ASCII bytes", "\u00ff\u00fe\u00c3\u0028" + good);
    values.put("NUL byte", good.substring(0, 20) + "\u0000" + good.substring(20));
    List<Case> cases = new ArrayList<>();
    for (String header : List.of("TPP-Signature-Certificate", "SSL-Certificate")) {
      for (Endpoint e : SIGNED) {
        values.forEach(
            (name, value) -> {
              Case k =
                  c(
                      "certificate headers",
                      header + " " + name + " on " + e,
                      signed(e).replace(header, value));
              // Jetty refuses a control character in a header itself (400); every other value
              // reaches CERT-3.
              cases.add(hasControl(value) ? k.expecting(400) : k.expecting(401));
            });
      }
    }
    return cases;
  }

  /** The parameters of a valid Signature header, to break one at a time. */
  record SigParts(String keyId, String algorithm, String headers, String signature) {
    private static final Pattern P = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static SigParts of(String header) {
      Map<String, String> m = new LinkedHashMap<>();
      Matcher matcher = P.matcher(header);
      while (matcher.find()) {
        m.put(matcher.group(1), matcher.group(2));
      }
      return new SigParts(m.get("keyId"), m.get("algorithm"), m.get("headers"), m.get("signature"));
    }

    String with(String k, String a, String h, String s) {
      List<String> parts = new ArrayList<>();
      if (k != null) {
        parts.add("keyId=\"" + k + "\"");
      }
      if (a != null) {
        parts.add("algorithm=\"" + a + "\"");
      }
      if (h != null) {
        parts.add("headers=\"" + h + "\"");
      }
      if (s != null) {
        parts.add("signature=\"" + s + "\"");
      }
      return String.join(",", parts);
    }

    String full() {
      return with(keyId, algorithm, headers, signature);
    }
  }

  /** SIG-1 .. SIG-6: broken Signature header syntax. */
  static List<Case> signatureSyntax() {
    Map<String, Function<SigParts, String>> variants = new LinkedHashMap<>();
    variants.put("empty", p -> "");
    variants.put(
        "unterminated quote at the end", p -> p.full().substring(0, p.full().length() - 1));
    variants.put("unterminated first value", p -> "keyId=\"" + p.keyId());
    variants.put("missing keyId", p -> p.with(null, p.algorithm(), p.headers(), p.signature()));
    variants.put("missing algorithm", p -> p.with(p.keyId(), null, p.headers(), p.signature()));
    variants.put(
        "missing headers (defaults to date, no digest)",
        p -> p.with(p.keyId(), p.algorithm(), null, p.signature()));
    variants.put("missing signature", p -> p.with(p.keyId(), p.algorithm(), p.headers(), null));
    variants.put("duplicate keyId", p -> p.full() + ",keyId=\"" + p.keyId() + "\"");
    variants.put(
        "duplicate signature, second different",
        p -> p.full() + ",signature=\"" + b64(random(256, 2)) + "\"");
    variants.put(
        "huge keyId",
        p -> p.with("SN=1,CA=" + "X".repeat(20_000), p.algorithm(), p.headers(), p.signature()));
    variants.put(
        "huge signature",
        p -> p.with(p.keyId(), p.algorithm(), p.headers(), b64(random(12_000, 3))));
    variants.put(
        "signature not base64",
        p -> p.with(p.keyId(), p.algorithm(), p.headers(), "!!!not*base64!!!"));
    variants.put(
        "signature of 10 bytes",
        p -> p.with(p.keyId(), p.algorithm(), p.headers(), b64(random(10, 4))));
    variants.put(
        "signature of random bytes",
        p -> p.with(p.keyId(), p.algorithm(), p.headers(), b64(random(256, 5))));
    variants.put("no commas", p -> p.full().replace("\",", "\" "));
    variants.put("unquoted values", p -> p.full().replace("\"", ""));
    variants.put(
        "parameter names upper-cased",
        p -> p.full().replace("keyId=", "KEYID=").replace("signature=", "SIGNATURE="));
    variants.put("only commas", p -> ",,,,");
    variants.put("auth scheme prefix", p -> "Signature " + p.full());
    variants.put(
        "unknown algorithm", p -> p.with(p.keyId(), "hmac-sha256", p.headers(), p.signature()));
    variants.put(
        "digest not signed", p -> p.with(p.keyId(), p.algorithm(), "x-request-id", p.signature()));
    variants.put(
        "keyId serial differs",
        p ->
            p.with(
                p.keyId()
                    .replaceFirst(
                        "SN=[0-9a-f]+",
                        "SN=" + cert.getSerialNumber().add(BigInteger.ONE).toString(16)),
                p.algorithm(),
                p.headers(),
                p.signature()));
    variants.put(
        "keyId not SN/CA", p -> p.with("tpp-key-1", p.algorithm(), p.headers(), p.signature()));
    variants.put(
        "non-UTF-8 byte in keyId",
        p -> p.with("\u00ff" + p.keyId(), p.algorithm(), p.headers(), p.signature()));
    variants.put(
        "NUL in signature", p -> p.with(p.keyId(), p.algorithm(), p.headers(), "AA\u0000AA"));
    List<Case> cases = new ArrayList<>();
    for (Endpoint e : SIGNED) {
      variants.forEach(
          (name, f) -> {
            Wire.Request valid = signed(e);
            String value = f.apply(SigParts.of(valid.value("Signature")));
            Case k = c("signature syntax", name + " on " + e, valid.replace("Signature", value));
            cases.add(hasControl(value) ? k.expecting(400) : k.expecting(401));
          });
    }
    return cases;
  }

  /** Two of a header that must appear once. */
  static List<Case> duplicateHeaders() {
    Map<String, String> different = new LinkedHashMap<>();
    different.put("Signature", SigParts.of(signed(Endpoint.ONBOARD).value("Signature")).full());
    different.put("TPP-Signature-Certificate", TestPki.header(otherCert));
    different.put("SSL-Certificate", TestPki.header(otherCert));
    different.put("Digest", TestSigner.digest("SHA-256", "other".getBytes(StandardCharsets.UTF_8)));
    different.put("X-Request-ID", UUID.randomUUID().toString());
    List<Case> cases = new ArrayList<>();
    for (Endpoint e : SIGNED) {
      different.forEach(
          (header, other) -> {
            for (boolean same : new boolean[] {true, false}) {
              Wire.Request valid = signed(e);
              String second = same ? valid.value(header) : other;
              cases.add(
                  c(
                          "duplicate headers",
                          "two "
                              + header
                              + (same ? " (same value)" : " (different values)")
                              + " on "
                              + e,
                          valid.header(header, second))
                      .expecting(400, 401));
            }
          });
    }
    for (boolean same : new boolean[] {true, false}) {
      Wire.Request valid = signed(Endpoint.REGISTER);
      cases.add(
          c(
                  "duplicate headers",
                  "two Authorization" + (same ? " (same)" : " (different)"),
                  valid.header("Authorization", same ? "Bearer " + token : "Bearer other"))
              .expecting(400, 401));
      cases.add(
          c(
                  "duplicate headers",
                  "two Content-Type" + (same ? " (same)" : " (different)"),
                  valid.header("Content-Type", same ? Routes.FORM : "application/json"))
              .expecting(400));
    }
    return cases;
  }

  /**
   * Request line and header block over the limit: 431 / 414 in the family's shape; below it,
   * routed.
   */
  static List<Case> oversizedHeaders() {
    int limit = ReferenceSandbox.MAX_REQUEST_HEADER_BYTES;
    List<Case> cases = new ArrayList<>();
    List<String> targets =
        List.of(
            Endpoint.ONBOARD.path,
            Endpoint.REGISTER.path,
            Endpoint.AUTHORIZE.path,
            "/xs2a-bg/nl/nothing");
    for (String target : targets) {
      Wire.Request base = Wire.Request.of("GET", target);
      cases.add(
          c(
                  "oversized headers",
                  "one header over the limit on " + target,
                  base.header("X-Padding", "a".repeat(limit + 1024)))
              .expecting(431));
      cases.add(
          c(
                  "oversized headers",
                  "one 200 KiB header on " + target,
                  base.header("X-Padding", "a".repeat(200 * 1024)))
              .expecting(431));
      cases.add(
          c(
                  "oversized headers",
                  "a certificate header over the limit on " + target,
                  base.header("TPP-Signature-Certificate", "A".repeat(limit + 4)))
              .expecting(431));
      Wire.Request many = base;
      for (int i = 0; i < limit / 40 + 10; i++) { // ~46 bytes a line: well over the limit
        many = many.header("X-Many-" + i, "v".repeat(32));
      }
      cases.add(
          c("oversized headers", "many small headers over the limit on " + target, many)
              .expecting(431));
    }
    for (String prefix : List.of("/xs2a-bg/nl/", "/auth/nl/v1/", "/auth/nl/v1/auth?client_id=")) {
      cases.add(
          c(
                  "oversized headers",
                  "request line over the limit under " + prefix,
                  Wire.Request.of("GET", prefix + "x".repeat(limit + 16)))
              .expecting(414)
              .pathUnreadable());
      // Below the limit the request is routed and refused by the endpoint (404, or the endpoint's
      // 400).
      cases.add(
          c(
              "oversized headers",
              "8 KiB target under " + prefix,
              Wire.Request.of("GET", prefix + "x".repeat(8192))));
      cases.add(
          c(
              "oversized headers",
              "16 KiB target under " + prefix,
              Wire.Request.of("GET", prefix + "y".repeat(16384))));
    }
    cases.add(
        c(
                "oversized headers",
                "16 KiB of headers, within the limit",
                Wire.Request.of("GET", Endpoint.ONBOARD.path)
                    .header("X-Padding", "p".repeat(16384)))
            .expecting(401));
    return cases;
  }

  /** Bodies over maxBodyBytes (413), told truthfully, chunked, or with a lying Content-Length. */
  static List<Case> oversizedBodies() {
    List<Case> cases = new ArrayList<>();
    for (Endpoint e :
        List.of(Endpoint.ACCOUNTS, Endpoint.REGISTER, Endpoint.TOKEN, Endpoint.LOGIN)) {
      Wire.Request base =
          Wire.Request.of("POST", e.path)
              .header("Content-Type", e == Endpoint.ACCOUNTS ? "application/json" : Routes.FORM);
      String f = "oversized bodies";
      cases.add(c(f, "limit + 1 bytes on " + e, base.body(new byte[LIMIT + 1])).expecting(413));
      cases.add(c(f, "64 KiB on " + e, base.body(new byte[64 * 1024])).expecting(413));
      cases.add(c(f, "1 MiB on " + e, base.body(new byte[1024 * 1024])).expecting(413));
      String chunk = "a".repeat(3 * LIMIT);
      byte[] chunked =
          (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1);
      cases.add(
          c(
                  f,
                  "chunked 3 x limit, no length, on " + e,
                  base.header("Transfer-Encoding", "chunked").body(chunked).noDeclaredLength())
              .expecting(413));
      cases.add(
          c(
                  f,
                  "declares 10^12 bytes, sends 10, on " + e,
                  base.body(new byte[10]).declaredLength("1000000000000").closingAfterSending())
              .expecting(413));
      cases.add(
          c(
                  f,
                  "declares 4 x limit, sends half, on " + e,
                  base.body(new byte[2 * LIMIT])
                      .declaredLength(Integer.toString(4 * LIMIT))
                      .closingAfterSending())
              .expecting(413));
      // A Content-Length smaller than what follows: the first 10 bytes are the body (refused by the
      // endpoint's rules); the rest is never read, the connection being closed.
      cases.add(
          c(
              f,
              "declares 10 bytes, sends 64 KiB, on " + e,
              base.body(new byte[64 * 1024]).declaredLength("10")));
    }
    return cases;
  }

  /** REG-1: the registration body must be a form; everything else is 400 invalid_request. */
  static List<Case> registrationContentTypes() {
    String form = form(REDIRECT);
    String json =
        "{\"initial_access_token\":\"" + token + "\",\"redirect_uris\":[\"" + REDIRECT + "\"]}";
    String multipart =
        "--XyZ\r\nContent-Disposition: form-data; name=\"initial_access_token\"\r\n\r\n"
            + token
            + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"redirect_uris\"\r\n\r\n"
            + REDIRECT
            + "\r\n--XyZ--\r\n";
    Map<String, String[]> variants = new LinkedHashMap<>();
    variants.put("application/json", new String[] {"application/json", json});
    variants.put("text/plain", new String[] {"text/plain", form});
    variants.put(
        "multipart/form-data", new String[] {"multipart/form-data; boundary=XyZ", multipart});
    variants.put("no Content-Type", new String[] {null, form});
    variants.put("empty Content-Type", new String[] {"", form});
    variants.put(
        "form type with a suffix", new String[] {"application/x-www-form-urlencodedx", form});
    variants.put("application/xml", new String[] {"application/xml", "<r/>"});
    variants.put("*/*", new String[] {"*/*", form});
    variants.put(
        "garbage parameters", new String[] {"application/x-www-form-urlencoded-garbage;;;=", form});
    variants.put("form", new String[] {"form", form});
    List<Case> cases = new ArrayList<>();
    for (boolean signature : new boolean[] {true, false}) {
      variants.forEach(
          (name, v) ->
              cases.add(
                  c(
                          "registration content types",
                          name + (signature ? " (signed)" : " (page style)"),
                          signed(Endpoint.REGISTER, v[1], v[0], signature))
                      .expecting(400)));
    }
    return cases;
  }

  /** Invalid UTF-8 in bodies, headers, paths and queries (raw bytes and percent-encoded). */
  static List<Case> invalidUtf8() {
    Map<String, String> sequences = new LinkedHashMap<>(); // Latin-1 chars = the raw bytes
    sequences.put("lone continuation byte", "\u0080");
    sequences.put("truncated two-byte sequence", "\u00c3(");
    sequences.put("overlong slash", "\u00c0\u00af");
    sequences.put("UTF-16 surrogate", "\u00ed\u00a0\u0080");
    sequences.put("five-byte form", "\u00f8\u0088\u0080\u0080\u0080");
    sequences.put("FF FE", "\u00ff\u00fe");
    String f = "invalid UTF-8";
    List<Case> cases = new ArrayList<>();
    sequences.forEach(
        (name, raw) -> {
          String pct =
              raw.chars().mapToObj(ch -> String.format("%%%02X", ch)).collect(Collectors.joining());
          // Bodies, signed over the exact bytes so the encoding is the only defect.
          cases.add(
              c(
                      f,
                      name + " raw in the registration form",
                      signed(
                          Endpoint.REGISTER,
                          "initial_access_token="
                              + token
                              + "&redirect_uris=https://tpp.example/"
                              + raw,
                          Routes.FORM,
                          true))
                  .expecting(400));
          cases.add(
              c(
                      f,
                      name + " percent-encoded in the registration form",
                      signed(
                          Endpoint.REGISTER,
                          "initial_access_token="
                              + token
                              + "&redirect_uris=https%3A%2F%2Ftpp.example%2F"
                              + pct,
                          Routes.FORM,
                          true))
                  .expecting(400));
          cases.add(
              c(
                      f,
                      name + " raw in the test-account JSON",
                      signed(
                          Endpoint.ACCOUNTS,
                          "{\"currency\":\"" + raw + "\"}",
                          "application/json",
                          true))
                  .expecting(400));
          cases.add(
              c(
                  f,
                  name + " raw in the token form",
                  plain(Endpoint.TOKEN, Endpoint.TOKEN.path)
                      .body(
                          ("grant_type=authorization_code&code=" + raw)
                              .getBytes(StandardCharsets.ISO_8859_1))));
          cases.add(
              c(
                  f,
                  name + " raw in the login form",
                  plain(Endpoint.LOGIN, Endpoint.LOGIN.path)
                      .body(
                          ("session=" + raw + "&iban=x&digipass=1")
                              .getBytes(StandardCharsets.ISO_8859_1))));
          // Headers.
          cases.add(
              c(
                      f,
                      name + " in a signed X-Request-ID",
                      signed(Endpoint.ONBOARD).replace("X-Request-ID", "id-" + raw))
                  .expecting(401));
          cases.add(
              c(
                      f,
                      name + " in the registration Bearer token",
                      signed(Endpoint.REGISTER).replace("Authorization", "Bearer " + raw))
                  .expecting(400, 401));
          cases.add(
              c(
                      f,
                      name + " in token Basic credentials",
                      plain(Endpoint.TOKEN, Endpoint.TOKEN.path)
                          .header("Authorization", "Basic " + raw))
                  .expecting(400, 401));
          // Paths and queries.
          for (String prefix : List.of("/xs2a-bg/nl/", "/auth/nl/v1/", "/auth/nl/v1/auth/")) {
            cases.add(
                c(
                        f,
                        name + " raw in a path under " + prefix,
                        Wire.Request.of("GET", prefix + raw + "/x"))
                    .expecting(400));
            cases.add(
                c(
                        f,
                        name + " percent-encoded in a path under " + prefix,
                        Wire.Request.of("GET", prefix + pct + "/x"))
                    .expecting(400));
          }
          cases.add(
              c(
                  f,
                  name + " percent-encoded in the authorisation query",
                  Wire.Request.of(
                      "GET",
                      Endpoint.AUTHORIZE.path
                          + "?response_type=code&client_id="
                          + pct
                          + "&redirect_uri="
                          + SandboxHttp.enc(REDIRECT))));
        });
    return cases;
  }

  /** Broken percent escapes in paths, queries and form bodies. */
  static List<Case> invalidPercentEncoding() {
    List<String> escapes = List.of("%zz", "%", "%1", "%%", "%G0", "%-1", "%u0041");
    String f = "invalid percent-encoding";
    List<Case> cases = new ArrayList<>();
    for (String esc : escapes) {
      // In the path the request line itself does not parse (Jetty cannot build the URI), except for
      // the
      // legacy %uXXXX form, which Jetty passes on and the sandbox refuses itself (path known).
      UnaryOperator<Case> inPath = k -> esc.startsWith("%u") ? k : k.pathUnreadable();
      cases.add(
          inPath.apply(
              c(
                      f,
                      esc + " in an XS2A path",
                      Wire.Request.of("GET", "/xs2a-bg/" + esc + "/onboarding/v1"))
                  .expecting(400)));
      cases.add(
          inPath.apply(
              c(
                      f,
                      esc + " in an auth path",
                      Wire.Request.of("POST", "/auth/nl/v1/" + esc).body("a=b"))
                  .expecting(400)));
      cases.add(
          inPath.apply(
              c(
                      f,
                      esc + " in the authorisation path",
                      Wire.Request.of("GET", "/auth/nl/v1/auth" + esc))
                  .expecting(400)));
      cases.add(
          c(
                  f,
                  esc + " in the authorisation query",
                  Wire.Request.of(
                      "GET", Endpoint.AUTHORIZE.path + "?response_type=code&client_id=" + esc))
              .expecting(400));
      cases.add(
          c(
                  f,
                  esc + " in the login query",
                  Wire.Request.of("GET", Endpoint.LOGIN.path + "?session=" + esc))
              .expecting(400));
      cases.add(
          c(
                  f,
                  esc + " in the registration form",
                  signed(
                      Endpoint.REGISTER,
                      "initial_access_token=" + token + "&redirect_uris=" + esc,
                      Routes.FORM,
                      true))
              .expecting(400));
      cases.add(
          c(
                  f,
                  esc + " in the token form",
                  plain(Endpoint.TOKEN, Endpoint.TOKEN.path)
                      .body("grant_type=authorization_code&code=" + esc))
              .expecting(400, 401));
    }
    return cases;
  }

  /** TOK-3: a tenant that is not uk, nl, be_fr or be_nl, on every tenant-scoped endpoint. */
  static List<Case> unknownTenants() {
    List<String> tenants =
        List.of(
            "xx",
            "NL",
            "be-fr",
            "be_FR",
            "gb",
            "nl%20",
            "nl.json",
            "n%00l",
            "t".repeat(300),
            "%2A");
    List<Endpoint> endpoints =
        List.of(
            Endpoint.ONBOARD,
            Endpoint.ONBOARD_ALT,
            Endpoint.ACCOUNTS,
            Endpoint.REGISTER,
            Endpoint.TOKEN,
            Endpoint.AUTHORIZE,
            Endpoint.DISCOVERY,
            Endpoint.REVOKE,
            Endpoint.CONSENTS,
            Endpoint.CONSENT_STATUS,
            Endpoint.CONSENT_AUTHORISATION,
            Endpoint.ACCOUNT_LIST,
            Endpoint.BALANCES,
            Endpoint.PAYMENTS,
            Endpoint.PAYMENT_STATUS);
    List<Case> cases = new ArrayList<>();
    for (String tenant : tenants) {
      for (Endpoint e : endpoints) {
        Case k =
            c(
                    "unknown tenants",
                    "tenant '" + Wire.abbreviate(tenant, 12) + "' on " + e,
                    valid(e, tenant))
                .expecting(400, 404);
        // Jetty refuses an encoded NUL while parsing the request line, before the path exists.
        cases.add(tenant.contains("%00") ? k.pathUnreadable() : k);
      }
    }
    return cases;
  }

  /** Dot segments, empty segments, encoded slashes and dots, parameters, odd request targets. */
  static List<Case> pathTricks() {
    List<String> targets =
        List.of(
            "/xs2a-bg/../auth/nl/v1/token",
            "/xs2a-bg/nl/../nl/onboarding/v1",
            "//xs2a-bg/nl/onboarding/v1",
            "/xs2a-bg//nl/onboarding/v1",
            "/xs2a-bg/nl/onboarding//v1",
            "/xs2a-bg/nl/%2e%2e/onboarding/v1",
            "/xs2a-bg/%2e%2e/auth/nl/v1/registration",
            "/xs2a-bg/nl/onboarding/%2e/v1",
            "/xs2a-bg%2fnl%2fonboarding%2fv1",
            "/xs2a-bg/nl%2fonboarding/v1",
            "/auth/nl/v1%2ftoken",
            "/auth/nl%2Fv1%2Fauth",
            "/xs2a-bg/nl/onboarding/v1;jsessionid=x",
            "/xs2a-bg/nl;x=y/onboarding/v1",
            "/xs2a-bg\\nl\\onboarding\\v1",
            "/xs2a-bg/nl/onboarding/v1/../../../../../etc/passwd",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/xs2a-bg/nl/onboarding/v1%00",
            "/xs2a-bg/nl/onboarding/v1%20",
            "/auth/nl/v1/registration/.",
            "http://evil.example/xs2a-bg/nl/onboarding/v1",
            "/xs2a-bg/" + "a/".repeat(500) + "onboarding/v1",
            "/auth/" + "..;/".repeat(5) + "nl/v1/token");
    List<Case> cases = new ArrayList<>();
    for (String target : targets) {
      for (String method : List.of("GET", "POST")) {
        Wire.Request r = Wire.Request.of(method, target);
        if (method.equals("POST")) {
          r = r.header("Content-Type", Routes.FORM).body("a=b");
        }
        Case k = c("path tricks", method + " " + Wire.abbreviate(target, 60), r);
        // Jetty refuses "..;" and an encoded NUL while parsing the request line, before the path
        // exists.
        cases.add(target.contains("..;") || target.contains("%00") ? k.pathUnreadable() : k);
      }
    }
    return cases;
  }

  /** Every method an endpoint does not serve (HEAD answers without a body). */
  static List<Case> wrongMethods() {
    List<String> methods =
        List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "HEAD");
    List<Case> cases = new ArrayList<>();
    for (Endpoint e :
        List.of(
            Endpoint.ONBOARD,
            Endpoint.ACCOUNTS,
            Endpoint.REGISTER,
            Endpoint.TOKEN,
            Endpoint.AUTHORIZE,
            Endpoint.DISCOVERY,
            Endpoint.REVOKE,
            Endpoint.CONSENTS,
            Endpoint.CONSENT_STATUS,
            Endpoint.CONSENT_AUTHORISATION,
            Endpoint.ACCOUNT_LIST,
            Endpoint.BALANCES,
            Endpoint.PAYMENTS,
            Endpoint.PAYMENT_STATUS)) {
      for (String m : methods) {
        if (m.equals(e.method) || (m.equals("HEAD") && e.method.equals("GET"))) {
          continue; // the endpoint's own method; HEAD on a GET route is that route
        }
        if (e == Endpoint.CONSENT_AUTHORISATION && (m.equals("GET") || m.equals("HEAD"))) {
          continue; // GET reads the SCA status on the same path
        }
        Wire.Request r = Wire.Request.of(m, e.path);
        if (!m.equals("GET") && !m.equals("HEAD") && !m.equals("TRACE")) {
          r = r.header("Content-Type", Routes.FORM).body("a=b");
        }
        Case k = c("wrong methods", m + " " + e.path, r);
        cases.add(m.equals("HEAD") ? k.shaped(Shape.NONE).expecting(405) : k.expecting(405));
      }
    }
    return cases;
  }

  /** HTTP/1.0 without Host, HTTP/1.1 without Host, with two, with malformed ones. */
  static List<Case> versionAndHost() {
    List<Case> cases = new ArrayList<>();
    for (Endpoint e : List.of(Endpoint.ONBOARD, Endpoint.REGISTER, Endpoint.AUTHORIZE)) {
      Wire.Request base = plain(e, e.path);
      String f = "HTTP version and Host";
      cases.add(c(f, "HTTP/1.0 without Host on " + e, base.withVersion("HTTP/1.0").withoutHost()));
      cases.add(c(f, "HTTP/1.0 with Host on " + e, base.withVersion("HTTP/1.0")));
      cases.add(c(f, "HTTP/1.1 without Host on " + e, base.withoutHost()).expecting(400));
      cases.add(
          c(f, "two Host headers on " + e, base.header("Host", "other.example")).expecting(400));
      cases.add(c(f, "empty Host on " + e, base.withoutHost().header("Host", "")));
      cases.add(
          c(f, "Host with a space on " + e, base.withoutHost().header("Host", "a b"))
              .expecting(400));
      cases.add(
          c(f, "Host with a broken IPv6 literal on " + e, base.withoutHost().header("Host", "[zz"))
              .expecting(400));
      cases.add(
          c(f, "Host with port 99999 on " + e, base.withoutHost().header("Host", "127.0.0.1:99999"))
              .expecting(400));
      cases.add(
          c(
                  f,
                  "Host with a non-numeric port on " + e,
                  base.withoutHost().header("Host", "127.0.0.1:abc"))
              .expecting(400));
    }
    return cases;
  }

  /** Content-Length larger than what is sent, then end of input; broken chunked encodings. */
  static List<Case> truncatedBodies() {
    List<Case> cases = new ArrayList<>();
    String f = "truncated bodies";
    for (Endpoint e :
        List.of(Endpoint.ACCOUNTS, Endpoint.REGISTER, Endpoint.TOKEN, Endpoint.LOGIN)) {
      byte[] full = new byte[200];
      Arrays.fill(full, (byte) 'a');
      Wire.Request base =
          e == Endpoint.ACCOUNTS || e == Endpoint.REGISTER
              ? signed(e, full, e == Endpoint.ACCOUNTS ? "application/json" : Routes.FORM, true)
              : plain(e, e.path);
      for (int sent : new int[] {0, 1, 100, 199}) {
        cases.add(
            c(
                    f,
                    "declares 200 bytes, sends " + sent + " then closes, on " + e,
                    base.body(Arrays.copyOf(full, sent))
                        .declaredLength("200")
                        .closingAfterSending())
                .expecting(400));
      }
    }
    Map<String, String> chunked = new LinkedHashMap<>();
    chunked.put("chunk size line only", "10\r\n");
    chunked.put("chunk size not hex", "zz\r\nabc\r\n0\r\n\r\n");
    chunked.put("chunk shorter than its size", "100\r\nabc");
    chunked.put("no last chunk", "3\r\nabc\r\n");
    chunked.put("chunk extension garbage", "3;\u0000=\r\nabc\r\n0\r\n\r\n");
    for (Endpoint e : List.of(Endpoint.ACCOUNTS, Endpoint.REGISTER)) {
      chunked.forEach(
          (name, body) ->
              cases.add(
                  c(
                          f,
                          name + " then closes, on " + e,
                          Wire.Request.of("POST", e.path)
                              .header("Content-Type", Routes.FORM)
                              .header("Transfer-Encoding", "chunked")
                              .body(body.getBytes(StandardCharsets.ISO_8859_1))
                              .noDeclaredLength()
                              .closingAfterSending())
                      .expecting(400)));
    }
    return cases;
  }

  /** Request lines and header blocks that are not HTTP/1.1, written byte by byte. */
  static List<Case> framing() {
    String onboard = Endpoint.ONBOARD.path;
    String auth = Endpoint.TOKEN.path;
    List<Case> cases = new ArrayList<>();
    // name, the path the answer's shape follows (null: none readable), the bytes
    Object[][] raw = {
      {"a word", null, "GARBAGE\r\n\r\n"},
      {"method only", null, "GET\r\n\r\n"},
      {"HTTP/0.9 request line", null, "GET " + onboard + "\r\n\r\n"},
      {
        "request line with an extra token",
        null,
        "GET " + onboard + " HTTP/1.1 extra\r\nHost: x\r\n\r\n"
      },
      {"tabs between the tokens", null, "GET\t" + auth + "\tHTTP/1.1\r\nHost: x\r\n\r\n"},
      {
        "header without a colon",
        auth,
        "GET " + auth + " HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"
      },
      {"space before the colon", auth, "GET " + auth + " HTTP/1.1\r\nHost : x\r\n\r\n"},
      {
        "obsolete line folding",
        auth,
        "GET " + auth + " HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"
      },
      {
        "NUL in a header name",
        onboard,
        "GET " + onboard + " HTTP/1.1\r\nHost: x\r\nX\u0000Y: a\r\n\r\n"
      },
      {
        "separator in a header name",
        onboard,
        "GET " + onboard + " HTTP/1.1\r\nHost: x\r\nX(y): a\r\n\r\n"
      },
      {
        "Content-Length and Transfer-Encoding",
        auth,
        "POST "
            + auth
            + " HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
      },
      {
        "two different Content-Lengths",
        auth,
        "POST "
            + auth
            + " HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"
      },
      {
        "negative Content-Length",
        auth,
        "POST " + auth + " HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"
      },
      {
        "non-numeric Content-Length",
        auth,
        "POST " + auth + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"
      },
      {
        "Content-Length over Long.MAX_VALUE",
        auth,
        "POST " + auth + " HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"
      },
      {
        "Transfer-Encoding gzip",
        auth,
        "POST " + auth + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc"
      },
      {
        "Transfer-Encoding chunked twice",
        auth,
        "POST "
            + auth
            + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"
      },
      {
        "unknown HTTP version (Jetty's 505, answered 400)",
        null,
        "GET " + auth + " HTTP/9.9\r\nHost: x\r\n\r\n"
      },
      {
        "HTTP version 2 on HTTP/1 framing", onboard, "GET " + onboard + " HTTP/2\r\nHost: x\r\n\r\n"
      },
      {"lower-case HTTP version", onboard, "GET " + onboard + " http/1.1\r\nHost: x\r\n\r\n"},
      {"HTTP/2 preface on a plain HTTP/1 port", null, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"},
      {
        "control characters in the target",
        null,
        "GET /auth/\u0001\u0002/x HTTP/1.1\r\nHost: x\r\n\r\n"
      },
      {
        "TLS ClientHello on a plain port",
        null,
        "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003"
      },
      {"256 random bytes", null, new String(random(256, 6), StandardCharsets.ISO_8859_1)},
    };
    for (Object[] r : raw) {
      Shape shape = r[1] == null ? Shape.XS2A : Shape.of((String) r[1]);
      cases.add(
          new Case(
              "HTTP framing",
              (String) r[0],
              Wire.Request.raw((String) r[2]),
              shape,
              Set.of(),
              null));
    }
    return cases;
  }
}
