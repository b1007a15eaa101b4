package com.obkit.checks;

import static com.obkit.checks.Exchanges.bare;
import static com.obkit.checks.Exchanges.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registration answer's checks (REG): a passing answer next to each way it fails. */
class RegistrationChecksTest {
  private static final HttpExchange REGISTERED =
      json(
          201,
          "{\"client_id\":\"c-1\",\"client_secret\":\"s3cr3t-value\","
              + "\"redirect_uris\":[\"https://tpp.example/cb\",\"https://tpp.example/cb2\"]}");

  @Test
  void clientIdPresent() {
    Check<HttpExchange> check = RegistrationChecks.clientIdPresent();
    assertThat(check.name()).isEqualTo("CheckClientIdPresent");
    assertThat(check.evaluate(REGISTERED)).isEmpty();
    assertThat(check.evaluate(json(201, "{\"client_id\":\" \"}")))
        .contains("client_id is missing or empty");
    assertThat(check.evaluate(bare(201))).contains("client_id is missing or empty");
  }

  @Test
  void clientSecretPresent() {
    Check<HttpExchange> check = RegistrationChecks.clientSecretPresent();
    assertThat(check.name()).isEqualTo("CheckClientSecretPresent");
    assertThat(check.evaluate(REGISTERED)).isEmpty();
    assertThat(check.evaluate(json(201, "{\"client_id\":\"c-1\"}")))
        .contains("client_secret is missing or empty");
  }

  @Test
  void redirectUrisAreTheRegisteredSetInAnyOrder() {
    Check<HttpExchange> check =
        RegistrationChecks.redirectUrisAre(
            List.of("https://tpp.example/cb2", "https://tpp.example/cb"));
    assertThat(check.name()).isEqualTo("CheckRegisteredRedirectUrisEcho");
    assertThat(check.evaluate(REGISTERED)).isEmpty();
    assertThat(
            RegistrationChecks.redirectUrisAre(List.of("https://tpp.example/cb"))
                .evaluate(REGISTERED))
        .contains(
            "redirect_uris is [https://tpp.example/cb, https://tpp.example/cb2], expected exactly"
                + " [https://tpp.example/cb]");
    assertThat(
            RegistrationChecks.redirectUrisAre(
                    List.of("https://tpp.example/cb", "https://tpp.example/cb3"))
                .evaluate(REGISTERED))
        .isPresent();
    assertThat(check.evaluate(json(201, "{\"redirect_uris\":\"https://tpp.example/cb\"}")))
        .contains(
            "redirect_uris is [], expected exactly [https://tpp.example/cb2, https://tpp.example/cb]");
  }

  @Test
  void redirectUrisReadsTheArrayOrNothing() {
    assertThat(RegistrationChecks.redirectUris(REGISTERED))
        .containsExactly("https://tpp.example/cb", "https://tpp.example/cb2");
    assertThat(RegistrationChecks.redirectUris(bare(201))).isEmpty();
  }

  @Test
  void sameClientIdAs() {
    Check<String> check = RegistrationChecks.sameClientIdAs("c-1");
    assertThat(check.name()).isEqualTo("EnsureSameClientIdOnReplay");
    assertThat(check.evaluate("c-1")).isEmpty();
    assertThat(check.evaluate("c-2")).contains("client_id changed from 'c-1' to 'c-2'");
  }
}
