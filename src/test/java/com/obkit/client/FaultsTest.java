package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.Faults.Fault;
import com.obkit.client.Faults.RetrySafety;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.ConnectionClosedException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

class FaultsTest {

  private static final URI URL =
      URI.create("https://bank.example:8443/xs2a-bg/version?code=s3cr3t");

  private static Fault fault(Exception e) {
    return Faults.fault("GET", URL, e).orElseThrow();
  }

  @Test
  void nothingReachedTheBankSoEveryMethodMayRetry() {
    assertThat(fault(new UnknownHostException("bank.example")))
        .extracting(Fault::safety, Fault::cause)
        .containsExactly(RetrySafety.ANY_METHOD, "unknown host bank.example");
    assertThat(fault(new ConnectException("Connection refused")).cause())
        .isEqualTo("connection refused or unreachable (Connection refused)");
    assertThat(fault(new ConnectTimeoutException("connect timed out after 1000 ms")))
        .extracting(Fault::safety, Fault::cause)
        .containsExactly(
            RetrySafety.ANY_METHOD,
            "timed out connecting (connect timed out after 1000 ms); see kit.http.connectTimeout");
    assertThat(fault(new SSLHandshakeException("PKIX path building failed")).safety())
        .isEqualTo(RetrySafety.ANY_METHOD);
  }

  @Test
  void theRequestMayHaveReachedTheBankSoOnlyIdempotentMethodsRetry() {
    assertThat(fault(new SocketTimeoutException("Read timed out")))
        .extracting(Fault::safety, Fault::cause)
        .containsExactly(
            RetrySafety.IDEMPOTENT_ONLY,
            "timed out (Read timed out); see kit.http.connectTimeout and kit.http.readTimeout");
    assertThat(fault(new SocketException("Connection reset")).cause())
        .isEqualTo("connection dropped (Connection reset)");
    assertThat(fault(new NoHttpResponseException("no answer")).safety())
        .isEqualTo(RetrySafety.IDEMPOTENT_ONLY);
    assertThat(fault(new ConnectionClosedException("Premature end")).cause())
        .isEqualTo("connection dropped (Premature end)");
    assertThat(fault(new SSLException("closed")).safety()).isEqualTo(RetrySafety.IDEMPOTENT_ONLY);
  }

  @Test
  void theKitsLimitsNameTheirKeysWhereverTheyAreWrapped() {
    Exception deadline =
        new IllegalStateException(
            "groovy",
            new IOException("wrapped", new DeadlineExceededException(Duration.ofSeconds(3))));
    assertThat(fault(deadline))
        .extracting(Fault::safety, Fault::cause)
        .containsExactly(
            RetrySafety.IDEMPOTENT_ONLY, "no complete answer within kit.http.deadline (3s)");
    assertThat(fault(new AnswerTooLargeException(1024)))
        .extracting(Fault::safety, Fault::cause)
        .containsExactly(
            RetrySafety.NEVER,
            "the answer is larger than kit.http.maxResponseBytes (1024 bytes); the kit stopped"
                + " reading it");
  }

  @Test
  void theMessageNamesMethodAndUrlWithoutTheQuery() {
    assertThat(fault(new ConnectException("Connection refused")).error())
        .hasMessage(
            "ENVIRONMENT: GET https://bank.example:8443/xs2a-bg/version failed: connection"
                + " refused or unreachable (Connection refused)");
  }

  @Test
  void anythingElseIsAKitError() {
    IllegalArgumentException bug = new IllegalArgumentException("bug");
    assertThat(Faults.fault("GET", URL, bug)).isEmpty();
    assertThat(Faults.classify("GET", URL, bug)).isSameAs(bug);
    assertThat(Faults.classify("GET", URL, new Exception("checked")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "GET https://bank.example:8443/xs2a-bg/version failed: java.lang.Exception: checked");
  }

  private static HttpExchange answer(int status, String type, String body) {
    return new HttpExchange("POST", URL, status, Map.of("content-type", List.of(type)), body);
  }

  @Test
  void aNonJson502Or503IsAGatewayAnyMethodMayRetry() {
    Fault f = Faults.gateway(answer(503, "text/html", "<html>busy</html>")).orElseThrow();
    assertThat(f.safety()).isEqualTo(RetrySafety.ANY_METHOD);
    assertThat(f.error())
        .hasMessage(
            "ENVIRONMENT: POST https://bank.example:8443/xs2a-bg/version failed: answered 503"
                + " from a gateway before the bank (text/html, not the bank's JSON error body)");
    assertThat(Faults.gateway(answer(502, "text/plain", "bad gateway")).orElseThrow().safety())
        .isEqualTo(RetrySafety.ANY_METHOD);
  }

  @Test
  void aNonJson504MayHaveReachedTheBank() {
    assertThat(Faults.gateway(answer(504, "text/html", "<html/>")).orElseThrow().safety())
        .isEqualTo(RetrySafety.IDEMPOTENT_ONLY);
  }

  @Test
  void aJson5xxOrAnyOtherStatusIsTheBanksOwnAnswer() {
    String error = "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"X\",\"text\":\"x\"}]}";
    assertThat(Faults.gateway(answer(503, "application/json", error))).isEmpty();
    assertThat(Faults.gateway(answer(500, "text/html", "<html/>"))).isEmpty();
    assertThat(Faults.gateway(answer(200, "text/html", "<html/>"))).isEmpty();
  }

  @Test
  void idempotentMethodsAreThoseOfRfc9110() {
    for (String m : List.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS")) {
      assertThat(RetrySafety.IDEMPOTENT_ONLY.allows(m)).as(m).isTrue();
    }
    assertThat(RetrySafety.IDEMPOTENT_ONLY.allows("POST")).isFalse();
    assertThat(RetrySafety.IDEMPOTENT_ONLY.allows("PATCH")).isFalse();
    assertThat(RetrySafety.ANY_METHOD.allows("POST")).isTrue();
    assertThat(RetrySafety.NEVER.allows("GET")).isFalse();
  }
}
