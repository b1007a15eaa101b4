package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

  @Test
  void defaults() {
    SandboxOptions o = SandboxOptions.defaults();
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isZero();
    assertThat(o.tls()).isTrue();
    assertThat(o.mode()).isEqualTo(SandboxOptions.Mode.SANDBOX);
    assertThat(o.tokenLifetime()).isEqualTo(Duration.ofSeconds(86400));
    assertThat(o.latency()).isZero();
    assertThat(o.deviations()).isEmpty();
    assertThat(o.maxBodyBytes()).isEqualTo(65536);
  }

  @Test
  void withersChangeOneThing() {
    Clock fixed = Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);
    SandboxOptions o =
        SandboxOptions.defaults()
            .withHost("0.0.0.0")
            .withPort(8443)
            .withTls(false)
            .withMode(SandboxOptions.Mode.PRODUCTION)
            .withTokenLifetime(Duration.ofMinutes(5))
            .withLatency(Duration.ofMillis(10))
            .withClock(fixed)
            .withDeviations(Set.of("PREFIX_REDIRECT_MATCH"))
            .withMaxBodyBytes(10);
    assertThat(o)
        .isEqualTo(
            new SandboxOptions(
                "0.0.0.0",
                8443,
                false,
                SandboxOptions.Mode.PRODUCTION,
                Duration.ofMinutes(5),
                Duration.ofMillis(10),
                fixed,
                Set.of("PREFIX_REDIRECT_MATCH"),
                10));
    assertThat(o.deviates("PREFIX_REDIRECT_MATCH")).isTrue();
    assertThat(o.deviates("DIGEST_NOT_COMPARED")).isFalse();
  }

  @Test
  void deviationsAreCopied() {
    Set<String> mutable = new HashSet<>(Set.of("PKCE_NOT_REQUIRED"));
    SandboxOptions o = SandboxOptions.defaults().withDeviations(mutable);
    mutable.add("DIGIPASS_MISSING");
    assertThat(o.deviations()).containsExactly("PKCE_NOT_REQUIRED");
    assertThatThrownBy(() -> o.deviations().add("DIGIPASS_MISSING"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void deviationNamesAreParsedAndKeptCanonical() {
    SandboxOptions o =
        SandboxOptions.defaults().withDeviations(Set.of(" pkce-not-required ", "Digipass_Missing"));
    assertThat(o.deviations()).containsExactly("DIGIPASS_MISSING", "PKCE_NOT_REQUIRED");
    assertThat(o.deviates(Deviation.PKCE_NOT_REQUIRED)).isTrue();
    assertThat(o.deviates(Deviation.DIGIPASS_MISSING)).isTrue();
    assertThat(o.deviates(Deviation.PREFIX_REDIRECT_MATCH)).isFalse();
    assertThat(o.deviates("pkce_not_required")).isTrue();
  }

  @Test
  void anUnknownDeviationFailsFast() {
    assertThatThrownBy(
            () ->
                SandboxOptions.defaults()
                    .withDeviations(Set.of("PREFIX_REDIRECT_MATCH", "PREFIX_REDIRECT_MATHC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PREFIX_REDIRECT_MATHC")
        .hasMessageContaining("PREFIX_REDIRECT_MATCH, ");
  }

  @Test
  void validation() {
    SandboxOptions d = SandboxOptions.defaults();
    assertThatThrownBy(() -> d.withPort(-1)).hasMessageContaining("port -1");
    assertThatThrownBy(() -> d.withPort(65536)).hasMessageContaining("port 65536");
    assertThatThrownBy(() -> d.withHost(" ")).hasMessageContaining("host");
    assertThatThrownBy(() -> d.withTokenLifetime(Duration.ZERO))
        .hasMessageContaining("tokenLifetime");
    assertThatThrownBy(() -> d.withTokenLifetime(Duration.ofMillis(999)))
        .hasMessageContaining("tokenLifetime");
    assertThatThrownBy(() -> d.withLatency(Duration.ofMillis(-1))).hasMessageContaining("latency");
    assertThatThrownBy(() -> d.withMaxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> d.withDeviations(Set.of(""))).hasMessageContaining("deviation");
    assertThatThrownBy(() -> d.withClock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clock");
    assertThatThrownBy(() -> d.withMode(null)).isInstanceOf(NullPointerException.class);
    assertThat(d.withPort(65535).port()).isEqualTo(65535);
  }

  @Test
  void customTokenLifetimeIsAnnounced() {
    try (ReferenceSandbox s =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withTokenLifetime(Duration.ofSeconds(120)))) {
      SandboxHttp http = new SandboxHttp(s);
      TestSigner signer =
          new TestSigner(
              TestPki.tpp("PSDNL-DNB-OPT0001").issue(TestPki.Keys.TPP_A),
              TestPki.Keys.TPP_A.getPrivate());
      assertThat(SandboxHttp.json(Flow.onboard(http, "nl", signer)).get("expires_in").asLong())
          .isEqualTo(120);
    }
  }

  @Test
  void portInUseFailsToStartWithAClearMessage() {
    try (ReferenceSandbox first =
        ReferenceSandbox.start(SandboxOptions.defaults().withTls(false))) {
      assertThatThrownBy(
              () ->
                  ReferenceSandbox.start(
                      SandboxOptions.defaults().withTls(false).withPort(first.port())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(String.valueOf(first.port()));
    }
  }
}
