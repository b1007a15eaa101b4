package com.obkit.checks;

import com.obkit.client.HttpExchange;
import java.util.List;

/** Checks of the confirmation of an authorisation (contract sections 13 and 14, CNF-1, PIS-2). */
public final class ConfirmationChecks {
  /** Check name of {@link #scaFinalised}. */
  public static final String SCA_FINALISED = "CheckScaStatusFinalised";

  private ConfirmationChecks() {}

  /**
   * CheckScaStatusFinalised (CNF-1 section 13, PIS-2 section 14): the confirmation's answer reports
   * {@code scaStatus} {@code finalised}.
   */
  public static Check<HttpExchange> scaFinalised() {
    return new Check<>(SCA_FINALISED, x -> Json.fieldIn(x, "scaStatus", List.of("finalised")));
  }
}
