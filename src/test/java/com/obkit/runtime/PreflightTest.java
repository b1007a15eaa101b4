package com.obkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.KitConfig;
import com.obkit.outcomes.EnvironmentFault;
import com.obkit.sandbox.port.EmbeddedSandbox;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before any scenario the run fetches the bank's version, OpenAPI documents and discovery document:
 * the fingerprint of its release, the texts for the OAS-1 referee, and one stop for an unreachable
 * bank.
 */
class PreflightTest {

  private static BankFingerprint fingerprintOf(String release) {
    try (KitRuntime runtime =
        KitRuntime.start(KitConfig.load(Map.of("kit.sandbox.release", release), Map.of()))) {
      List<String> served = EmbeddedSandbox.openApiDocuments(release);
      assertThat(runtime.bankDocuments().xs2aOpenApi()).contains(served.get(0));
      assertThat(runtime.bankDocuments().authOpenApi()).contains(served.get(1));
      assertThat(runtime.refereeOff()).isEmpty();
      BankFingerprint f = runtime.fingerprint();
      assertThat(f.xs2aOpenApi().value()).contains(BankFingerprint.sha256(served.get(0)));
      assertThat(f.authOpenApi().value()).contains(BankFingerprint.sha256(served.get(1)));
      assertThat(f.discovery().value()).hasValueSatisfying(v -> assertThat(v).hasSize(64));
      assertThat(f.version().uri().getPath()).isEqualTo("/xs2a-bg/version");
      assertThat(f.discovery().uri().getPath())
          .isEqualTo("/auth/nl/.well-known/openid-configuration");
      return f;
    }
  }

  @Test
  void theFingerprintOfEachReleaseOfTheSandbox() {
    BankFingerprint r1 = fingerprintOf("2026.1");
    BankFingerprint r2 = fingerprintOf("2026.2");
    assertThat(r1.version().value())
        .contains(
            "{\"version\":\"0.1.0\",\"release\":\"2026.1\",\"service\":\"reference-sandbox\"}");
    assertThat(r2.version().value())
        .contains(
            "{\"version\":\"0.1.0\",\"release\":\"2026.2\",\"service\":\"reference-sandbox\"}");
    assertThat(r2.xs2aOpenApi()).isNotEqualTo(r1.xs2aOpenApi());
    assertThat(r2.authOpenApi().value()).isNotEqualTo(r1.authOpenApi().value());
    // The discovery document names the sandbox's ephemeral port: it differs from run to run.
  }

  @Test
  void anUnreachableBankStopsTheRunWithOneMessage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KitConfig config =
        KitConfig.load(
            Map.of("kit.baseUrl", "http://127.0.0.1:" + port, "kit.http.connectTimeout", "1s"),
            Map.of());
    assertThatThrownBy(() -> KitRuntime.start(config))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessageStartingWith(
            "the bank is unreachable: GET http://127.0.0.1:"
                + port
                + "/xs2a-bg/version: connection refused");
  }

  @Test
  void aPartIsAValueOrAReason() {
    java.net.URI uri = java.net.URI.create("https://bank.example/xs2a-bg/version");
    assertThat(BankFingerprint.Part.of(uri, "1.0").toString()).isEqualTo("1.0");
    assertThat(BankFingerprint.Part.missing(uri, "HTTP 404").toString())
        .isEqualTo("(none: HTTP 404)");
    assertThatThrownBy(() -> BankFingerprint.Part.missing(uri, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BankFingerprint.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
