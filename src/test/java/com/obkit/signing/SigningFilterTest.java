package com.obkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.pki.Credentials;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningFilterTest {

  private static final Credentials CREDS = TestCredentials.main();
  private static final Credentials OTHER = TestCredentials.other();

  private static CapturingServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new CapturingServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A fresh spec per request; RestAssured's static defaults are never touched. */
  private static RequestSpecification given(io.restassured.filter.Filter filter) {
    return RestAssured.given(
        new RequestSpecBuilder().setBaseUri(server.baseUri()).addFilter(filter).build());
  }

  private static void assertCorrectlySigned(CapturingServer.Captured request, boolean sandbox) {
    assertThat(TestVerifier.problems(request.singleValued(), request.body(), sandbox)).isEmpty();
    for (String name :
        List.of("X-Request-ID", "Digest", "Signature", "TPP-Signature-Certificate")) {
      assertThat(request.count(name)).as(name).isEqualTo(1);
    }
  }

  @Test
  void getWithoutBodyIsSignedWithTheEmptyDigest() {
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, true))
        .get("/xs2a-bg/nl/onboarding/v1")
        .then()
        .statusCode(200);
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isEmpty();
    assertThat(request.header("Digest"))
        .contains("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(request.header("SSL-Certificate")).contains(CREDS.certificateHeaderValue());
    assertThat(request.header("X-Request-ID").orElseThrow()).matches("[0-9a-f-]{36}");
    assertCorrectlySigned(request, true);
  }

  @Test
  void jsonStringBodyWithNonAsciiHashesTheBytesSent() {
    String json = "{\"currency\":\"EUR\",\"owner\":\"Zoë Ünal — €\"}";
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
        .contentType("application/json")
        .body(json)
        .post("/xs2a-bg/nl/sandbox/v1/test-accounts")
        .then()
        .statusCode(200);
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    assertThat(request.header("SSL-Certificate")).isEmpty();
    assertCorrectlySigned(request, false);
  }

  @Test
  void textBodyInTheEncodersDefaultCharset() {
    String text = "café";
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
        .contentType("text/plain")
        .body(text)
        .post("/t");
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isNotEmpty();
    assertCorrectlySigned(request, false);
  }

  @Test
  void stringBodyWithoutContentType() {
    String text = "naïve";
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false)).body(text).post("/t");
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isNotEmpty();
    assertCorrectlySigned(request, false);
  }

  @Test
  void perSpecEncoderConfigIsHonoured() {
    String text = "café";
    RestAssuredConfig utf8Text =
        RestAssuredConfig.config()
            .encoderConfig(
                EncoderConfig.encoderConfig().defaultCharsetForContentType("UTF-8", "text/plain"));
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
        .config(utf8Text)
        .contentType("text/plain")
        .body(text)
        .post("/t");
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertCorrectlySigned(request, false);
  }

  @Test
  void explicitCharsetIsHonoured() {
    String text = "café";
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
        .contentType("text/plain; charset=UTF-16BE")
        .body(text)
        .post("/t");
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isEqualTo(text.getBytes(StandardCharsets.UTF_16BE));
    assertCorrectlySigned(request, false);
  }

  @Test
  void byteArrayBodyIsHashedAsIs() {
    byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 13};
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
        .contentType("application/octet-stream")
        .body(bytes)
        .post("/b");
    CapturingServer.Captured request = server.take();
    assertThat(request.body()).isEqualTo(bytes);
    assertCorrectlySigned(request, false);
  }

  @Test
  void preEncodedFormBodyIsSignedAsSent() {
    String form =
        "redirect_uris=https%3A%2F%2Ftpp.example%2Fcb&redirect_uris=https%3A%2F%2Ftpp.example%2Fcb2"
            + "&initial_access_token=abc";
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, true))
        .contentType("application/x-www-form-urlencoded")
        .accept("application/json")
        .body(form)
        .post("/auth/nl/v1/registration")
        .then()
        .statusCode(200);
    CapturingServer.Captured request = server.take();
    assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo(form);
    assertCorrectlySigned(request, true);
  }

  @Test
  void formParamsAreRefusedNamingTheProblem() {
    assertThatThrownBy(
            () ->
                given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
                    .formParam("redirect_uris", "https://tpp.example/cb")
                    .post("/auth/nl/v1/registration"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("form parameters")
        .hasMessageContaining("String body");
  }

  @Test
  void otherBodyTypesAreRefused() {
    assertThatThrownBy(
            () ->
                given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, false))
                    .contentType("application/octet-stream")
                    .body(new java.io.ByteArrayInputStream(new byte[] {1}))
                    .post("/b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("String or byte[]");
  }

  @Test
  void existingHeadersAreReplacedNotAdded() {
    given(SigningFilter.of(CREDS, SigningProfile.DEFAULT, true))
        .header("digest", "SHA-256=stale")
        .header("X-Request-ID", "stale")
        .header("Signature", "stale")
        .header("tpp-signature-certificate", "stale")
        .header("SSL-Certificate", "stale")
        .get("/x");
    CapturingServer.Captured request = server.take();
    assertThat(request.count("SSL-Certificate")).isEqualTo(1);
    assertThat(request.header("X-Request-ID")).isNotEqualTo(Optional.of("stale"));
    assertCorrectlySigned(request, true);
  }

  @Test
  void requestIdsComeFromTheSupplier() {
    AtomicInteger n = new AtomicInteger();
    Supplier<String> ids = () -> "id-" + n.incrementAndGet();
    SigningFilter filter =
        new SigningFilter(CREDS, SigningProfile.DEFAULT, Optional.empty(), Tampering.NONE, ids);
    given(filter).get("/1");
    given(filter).get("/2");
    assertThat(server.take().header("X-Request-ID")).contains("id-1");
    assertThat(server.take().header("X-Request-ID")).contains("id-2");
  }

  @Test
  void profileCanSignRequestHeadersAndTheRequestTarget() {
    SigningProfile profile =
        SigningProfile.DEFAULT.withSignedHeaders(
            List.of("(request-target)", "digest", "x-request-id", "tpp-redirect-uri"));
    given(SigningFilter.of(CREDS, profile, false))
        .header("TPP-Redirect-URI", "https://tpp.example/cb")
        .queryParam("a", "b c")
        .get("/xs2a-bg/nl/v1/accounts");
    CapturingServer.Captured request = server.take();
    assertThat(request.uri()).startsWith("/xs2a-bg/nl/v1/accounts?a=b");
    String signingString =
        "(request-target): get "
            + request.uri()
            + "\ndigest: "
            + request.header("Digest").orElseThrow()
            + "\nx-request-id: "
            + request.header("X-Request-ID").orElseThrow()
            + "\ntpp-redirect-uri: https://tpp.example/cb";
    String signature =
        TestVerifier.params(request.header("Signature").orElseThrow()).get("signature");
    assertThat(TestVerifier.verifies(CREDS.certificate().getPublicKey(), signingString, signature))
        .isTrue();
  }

  @Test
  void aSignedHeaderTheRequestLacksIsNamed() {
    SigningProfile profile = SigningProfile.DEFAULT.withSignedHeaders(List.of("digest", "date"));
    assertThatThrownBy(() -> given(SigningFilter.of(CREDS, profile, false)).get("/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'date'");
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void tamperingsArriveAtTheServer(Tampering tampering) {
    SigningFilter filter =
        SigningFilter.of(CREDS, SigningProfile.DEFAULT, true)
            .withOtherKey(OTHER::privateKey)
            .withTampering(tampering);
    assertThat(filter.tampering()).isEqualTo(tampering);
    given(filter).contentType("application/json").body("{\"a\":1}").post("/x");
    CapturingServer.Captured request = server.take();
    var problems = TestVerifier.problems(request.singleValued(), request.body(), true);
    assertThat(problems.isEmpty()).as(tampering.name()).isEqualTo(tampering == Tampering.NONE);
    assertThat(problems).as(tampering.name()).allMatch(p -> p.startsWith(tampering.rule() + " "));
  }

  @Test
  void signedByOtherKeyGeneratesAKeyWhenNoneIsGiven() {
    given(
            SigningFilter.of(CREDS, SigningProfile.DEFAULT, false)
                .withTampering(Tampering.SIGNED_BY_OTHER_KEY))
        .get("/x");
    CapturingServer.Captured request = server.take();
    assertThat(TestVerifier.problems(request.singleValued(), request.body(), false))
        .containsExactly(TestVerifier.SIGNATURE_INVALID);
  }

  @Test
  void unsignedFilterSendsOnlyCertificates() {
    String form = "redirect_uris=https%3A%2F%2Ftpp.example%2Fcb&initial_access_token=abc";
    given(UnsignedCertificateFilter.of(CREDS, true))
        .contentType("application/x-www-form-urlencoded")
        .body(form)
        .post("/auth/nl/v1/registration");
    CapturingServer.Captured request = server.take();
    assertThat(request.header("TPP-Signature-Certificate"))
        .contains(CREDS.certificateHeaderValue());
    assertThat(request.header("SSL-Certificate")).contains(CREDS.certificateHeaderValue());
    assertThat(request.count("Signature")).isZero();
    assertThat(request.count("Digest")).isZero();
    assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo(form);
  }

  @Test
  void unsignedFilterAppliesCertificateTamperings() {
    given(UnsignedCertificateFilter.of(CREDS, true).withTampering(Tampering.OMIT_SSL_CERTIFICATE))
        .get("/x");
    assertThat(server.take().count("SSL-Certificate")).isZero();
    given(
            UnsignedCertificateFilter.of(CREDS, false)
                .withTampering(Tampering.GARBLED_SIGNATURE_CERTIFICATE))
        .get("/x");
    CapturingServer.Captured garbled = server.take();
    assertThat(TestVerifier.certificate(garbled.header("TPP-Signature-Certificate").orElseThrow()))
        .isEmpty();
    assertThat(garbled.count("SSL-Certificate")).isZero();
  }

  @Test
  void unsignedFilterRefusesSignatureTamperings() {
    assertThatThrownBy(
            () ->
                UnsignedCertificateFilter.of(CREDS, true)
                    .withTampering(Tampering.CORRUPT_SIGNATURE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CORRUPT_SIGNATURE");
  }

  @Test
  void filterFailsFastOnABadKey() throws Exception {
    var ec = java.security.KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    Credentials bad = new Credentials(CREDS.certificate(), ec.generateKeyPair().getPrivate());
    assertThatThrownBy(() -> SigningFilter.of(bad, SigningProfile.DEFAULT, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA");
  }
}
