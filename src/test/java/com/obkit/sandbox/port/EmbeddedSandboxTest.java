package com.obkit.sandbox.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The port the kit uses: starting, and the self-test controls of sections 10 to 15 answering for
 * clients the sandbox does not know (their effect on known clients is tested over HTTP in the
 * sandbox's own tests).
 */
class EmbeddedSandboxTest {

  @Test
  void theSelfTestControlsCountWhatTheyExpire() {
    try (EmbeddedSandbox sandbox =
        EmbeddedSandbox.start(
            new EmbeddedSandbox.Settings(
                false, Duration.ofHours(1), Duration.ZERO, Set.of("PAYMENT_NOT_BOOKED")))) {
      assertThat(sandbox.baseUrl().getScheme()).isEqualTo("https");
      assertThat(sandbox.serverCertificate()).isPresent();
      assertThat(sandbox.expireAccessTokens("no-such-client")).isEqualTo(0);
      assertThat(sandbox.expireConsents("no-such-client")).isEqualTo(0);
      assertThat(sandbox.expireInitialAccessTokens("PSDNL-DNB-PORT01")).isEqualTo(0);
      assertThatThrownBy(() -> sandbox.expireAccessTokens(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> sandbox.expireConsents(null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
