package com.obkit.checks;

import static com.obkit.checks.Exchanges.DESCRIBED;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The confirmation's answer (CNF-1, section 13). */
class ConfirmationChecksTest {
  @Test
  void scaFinalised() {
    Check<HttpExchange> check = ConfirmationChecks.scaFinalised();
    assertThat(check.name()).isEqualTo("CheckScaStatusFinalised");
    assertThat(check.name()).isEqualTo(ConfirmationChecks.SCA_FINALISED);
    assertThat(
            check.evaluate(
                json(
                    200,
                    "{\"scaStatus\":\"finalised\",\"authorisationId\":\"a-456\","
                        + "\"_links\":{\"status\":\"/nl/v1/consents/c-123/status\"}}")))
        .isEqualTo(Optional.empty());
    assertThat(check.evaluate(json(200, "{\"scaStatus\":\"started\"}")))
        .isEqualTo(Optional.of("scaStatus is 'started', expected 'finalised'"));
    assertThat(check.evaluate(json(401, "{\"tppMessages\":[]}")))
        .isEqualTo(
            Optional.of(
                "no scaStatus in "
                    + DESCRIBED
                    + " -> 401 (body: { \"tppMessages\" : [ ] }), expected 'finalised'"));
  }
}
