package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SecretRegistryTest {

  private static final String SECRET = "Zx9-very-secret-client-secret-value";
  private static final String AWKWARD = "pa ss\"wo\\rd/é~*+&=";

  private final SecretRegistry registry = new SecretRegistry();

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    registry.register(SECRET);
    String text = "GET https://bank.example/xs2a-bg/nl/onboarding/v1 -> 200 client_secret_basic";
    assertThat(registry.scrub(text)).isSameAs(text);
    assertThat(registry.scrub("")).isEmpty();
    assertThat(registry.scrub(null)).isNull();
    assertThat(new SecretRegistry().scrub(text)).isSameAs(text);
  }

  @Test
  void rawValueIsMaskedWhereverItAppears() {
    registry.register(SECRET);
    assertThat(registry.scrub("{\"registration_access_token\":\"" + SECRET + "\"}"))
        .isEqualTo("{\"registration_access_token\":\"Zx9-****(35 chars)\"}");
    assertThat(registry.scrub(SECRET + " and again " + SECRET))
        .isEqualTo("Zx9-****(35 chars) and again Zx9-****(35 chars)");
    assertThat(registry.scrub(SECRET)).isEqualTo(Redactor.mask(SECRET));
  }

  @Test
  void urlEncodedFormsAreMasked() {
    registry.register(AWKWARD);
    String plus = encode(AWKWARD);
    String percent20 = plus.replace("+", "%20");
    String rfc3986 = percent20.replace("%7E", "~").replace("*", "%2A");
    assertThat(plus).contains("+").isNotEqualTo(percent20);
    for (String form :
        List.of(plus, percent20, rfc3986, plus.toLowerCase(), encode(plus), percent20)) {
      assertThat(registry.scrub("https://tpp.example/cb?code=" + form + "&state=xyz"))
          .as(form)
          .doesNotContain(form)
          .contains("****(18 chars)")
          .endsWith("&state=xyz");
    }
  }

  @Test
  void jsonEscapedFormsAreMasked() throws Exception {
    registry.register(AWKWARD);
    String jackson = new ObjectMapper().writeValueAsString(Map.of("x", AWKWARD));
    assertThat(jackson).contains("\\\"").contains("\\\\");
    String scrubbed = registry.scrub(jackson);
    assertThat(scrubbed).doesNotContain("wo\\\\rd").contains("****(18 chars)");
    // Still JSON: the mask is JSON-escaped where the secret was.
    assertThat(new ObjectMapper().readTree(scrubbed).get("x").asText()).contains("****(");

    String asciiOnly = "\"pa ss\\\"wo\\\\rd\\/\\u00e9~*+&=\"";
    assertThat(registry.scrub(asciiOnly)).doesNotContain("wo\\\\rd").contains("****(");
    assertThat(registry.scrub(asciiOnly.replace("00e9", "00E9"))).contains("****(");
    String quoted = "\u00e9l\u00e8ve-secret\"q";
    registry.register(quoted);
    assertThat(registry.scrub("{\"a\":\"\\u00e9l\\u00e8ve-secret\\\"q\"}"))
        .doesNotContain("ve-secret");
  }

  @Test
  void htmlEscapedFormIsMasked() {
    registry.register(AWKWARD);
    String html = "<input name=\"session\" value=\"pa ss&quot;wo\\rd/é~*+&amp;=\">";
    assertThat(registry.scrub(html)).doesNotContain("wo\\rd").contains("****(");
  }

  @Test
  void base64FormsAndBasicPairsAreMasked() {
    registry.registerBasic("kit-client-id-123", SECRET);
    String pair = "kit-client-id-123:" + SECRET;
    String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    assertThat(registry.scrub("Authorization: Basic " + basic))
        .doesNotContain(basic)
        .doesNotContain(basic.substring(8, 24))
        .isEqualTo("Authorization: Basic " + Redactor.mask(pair));
    String alone = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    String urlSafe =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    assertThat(registry.scrub(alone + " " + urlSafe)).doesNotContain(alone).doesNotContain(urlSafe);
    // RFC 6749 2.3.1: id and secret form-encoded before Base64.
    SecretRegistry other = new SecretRegistry();
    other.registerBasic("id", AWKWARD);
    String encodedPair =
        Base64.getEncoder()
            .encodeToString(("id:" + encode(AWKWARD)).getBytes(StandardCharsets.UTF_8));
    assertThat(other.scrub(encodedPair)).doesNotContain(encodedPair);
  }

  @Test
  void longestValueWinsAndOverlapsLeaveNoTail() {
    String inner = "abcdefgh12345678";
    String outer = "xy-" + inner + "-zz-more";
    registry.register(inner);
    registry.register(outer);
    assertThat(registry.scrub("[" + outer + "]")).isEqualTo("[" + Redactor.mask(outer) + "]");
    assertThat(registry.scrub("[" + inner + "]")).isEqualTo("[" + Redactor.mask(inner) + "]");

    SecretRegistry overlapping = new SecretRegistry();
    overlapping.register("AAAA1111BBBB");
    overlapping.register("BBBB2222CCCCDDDD");
    String scrubbed = overlapping.scrub("<AAAA1111BBBB2222CCCCDDDD>");
    assertThat(scrubbed).doesNotContain("1111").doesNotContain("2222").doesNotContain("DDDD");
    assertThat(scrubbed).startsWith("<").endsWith(">");
  }

  @Test
  void shortBlankNullAndMaskedValuesAreIgnored() {
    assertThat(registry.register("1234567")).isFalse();
    assertThat(registry.register("        ")).isFalse();
    assertThat(registry.register(null)).isFalse();
    assertThat(registry.register("Zx9-****(35 chars)")).isFalse();
    assertThat(registry.register("12345678")).isTrue();
    assertThat(registry.register("12345678")).isFalse();
    assertThat(registry.size()).isEqualTo(1);
    assertThat(registry.scrub("digipass 1234567 EUR 12345678"))
        .isEqualTo("digipass 1234567 EUR ****(8 chars)");
  }

  @Test
  void privateKeysAreMaskedWholeAndLineByLine() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    PrivateKey key = generator.generateKeyPair().getPrivate();
    registry.registerPrivateKey(key);
    String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
    String pem = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
    assertThat(registry.scrub(base64)).doesNotContain(base64.substring(10, 30));
    for (String line : pem.split("\n")) {
      if (line.length() >= SecretRegistry.MIN_LENGTH) {
        assertThat(registry.scrub(pem)).doesNotContain(line);
      }
    }
  }

  @Test
  void concurrentRegistrationAndScrubbingLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<String> leaks = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  String secret = "thread-" + id + "-secret-" + i + "-value";
                  registry.register(secret);
                  // A registration is visible to the registering thread's next scrub.
                  String out = registry.scrub("before " + secret + " after");
                  if (out.contains(secret)) {
                    leaks.add(secret);
                  }
                }
                return leaks;
              }));
    }
    start.countDown();
    for (Future<List<String>> f : results) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
    }
    pool.shutdown();
    assertThat(registry.size()).isEqualTo(threads * perThread);
    assertThat(registry.scrub("thread-3-secret-17-value")).contains("****(");
  }

  /**
   * Rough speed: 1000 secrets (all forms), scrubbing 10 KB texts holding a few of them. Prints the
   * time per scrub; asserts only a generous bound, so a slow CI machine does not fail.
   */
  @Test
  void scrubbingIsFastWithThousandsOfSecrets() {
    Random random = new Random(42);
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      String s = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      secrets.add(s);
      registry.register(s);
    }
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 10_000) {
      sb.append("{\"field\":\"some ordinary text, nothing secret here\",\"n\":12345678}\n");
    }
    sb.insert(5000, secrets.get(500));
    sb.insert(100, secrets.get(7));
    String text = sb.toString();
    long build = System.nanoTime();
    registry.scrub(text); // builds the index once
    long built = System.nanoTime();
    int rounds = 2000;
    String out = null;
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      out = registry.scrub(text);
    }
    long perScrubMicros = (System.nanoTime() - t0) / rounds / 1000;
    System.out.printf(
        "SecretRegistry: %d secrets, index built in %d ms, %d us per 10 KB scrub%n",
        secrets.size(), (built - build) / 1_000_000, perScrubMicros);
    assertThat(out).doesNotContain(secrets.get(500)).doesNotContain(secrets.get(7));
    assertThat(perScrubMicros).isLessThan(5_000);
  }
}
