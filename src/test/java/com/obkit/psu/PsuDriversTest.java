package com.obkit.psu;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.SecretRegistry;
import com.obkit.config.PsuSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PsuDriversTest {

  private static PsuSettings settings(PsuSettings.Driver driver) {
    return new PsuSettings(
        driver,
        PsuSettings.FormPage.reference(),
        Duration.ofMinutes(5),
        "192.0.2.10",
        Duration.ZERO,
        false);
  }

  private static PsuDriver from(PsuSettings.Driver driver) {
    return PsuDrivers.from(
        settings(driver),
        new JdkBrowser(),
        new SecretRegistry(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void theConfiguredDriverIsPicked() {
    assertThat(from(PsuSettings.Driver.FORM).getClass()).isEqualTo(FormPsuDriver.class);
    assertThat(from(PsuSettings.Driver.MANUAL).getClass()).isEqualTo(ManualPsuDriver.class);
  }
}
