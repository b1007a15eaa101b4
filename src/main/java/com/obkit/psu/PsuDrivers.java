package com.obkit.psu;

import com.obkit.client.SecretRegistry;
import com.obkit.config.PsuSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/** Picks the PSU driver the configuration names ({@code kit.psu.driver}). */
public final class PsuDrivers {

  private PsuDrivers() {}

  /**
   * The configured driver. Make one per run and share it: the manual driver owns the console's
   * input, and serialises its authorisations (one person).
   *
   * @param settings {@code kit.psu.*}
   * @param browser the PSU's browser (used by the form driver)
   * @param secrets the run's registry
   * @param console where a person reads what to do (used by the manual driver)
   * @param input where a person pastes the URL the browser landed on (used by the manual driver)
   * @return a {@link FormPsuDriver} or a {@link ManualPsuDriver}
   */
  public static PsuDriver from(
      PsuSettings settings,
      Browser browser,
      SecretRegistry secrets,
      PrintStream console,
      InputStream input) {
    Objects.requireNonNull(settings, "settings");
    return switch (settings.driver()) {
      case FORM -> new FormPsuDriver(browser, settings.form(), secrets);
      case MANUAL -> new ManualPsuDriver(settings.manualTimeout(), secrets, console, input);
    };
  }
}
