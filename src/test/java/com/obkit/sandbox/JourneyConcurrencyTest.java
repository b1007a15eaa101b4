package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey's once-only transitions under parallel requests (the kit runs scenarios in parallel
 * against one sandbox): one login per scaRedirect, one debit per payment, one use per code and
 * refresh token, and an unattended budget that parallel reads cannot overspend.
 */
class JourneyConcurrencyTest {

  private static final String R = "https://tpp.example/parallel/cb";
  private static final int PARALLEL = 16;

  private static ReferenceSandbox sandbox;
  private static ExecutorService pool;
  private static Journey tpp;
  private static JsonNode account;

  @BeforeAll
  static void start() {
    sandbox =
        ReferenceSandbox.start(
            SandboxOptions.defaults().withTls(false).withClock(new MutableClock(Instant.now())));
    pool = Executors.newFixedThreadPool(PARALLEL);
    tpp =
        Journey.register(
            sandbox, new SandboxHttp(sandbox), "PSDNL-DNB-PAR001", TestPki.Keys.TPP_A, "nl", R);
    account = tpp.testAccount();
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    sandbox.close();
  }

  /** {@code PARALLEL} copies of {@code request}, sent at once; their status codes. */
  private static List<Integer> inParallel(Supplier<HttpResponse<String>> request) {
    List<CompletableFuture<Integer>> futures =
        IntStream.range(0, PARALLEL)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> request.get().statusCode(), pool))
            .toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static long count(List<Integer> statuses, int status) {
    return statuses.stream().filter(s -> s == status).count();
  }

  @Test
  void oneLoginPerScaRedirect() {
    Journey.Created c = tpp.consentOk(account.get("iban").asText());
    List<Integer> statuses = inParallel(() -> tpp.openScaRedirect(c.scaRedirect()));
    assertThat(count(statuses, 302)).isEqualTo(1);
    assertThat(count(statuses, 400)).isEqualTo(PARALLEL - 1);
  }

  @Test
  void oneExchangePerCodeAndOneRefreshPerRefreshToken() {
    String code = tpp.codeOk(tpp.consentOk(account.get("iban").asText()).scaRedirect(), account);
    List<Integer> exchanges = inParallel(() -> tpp.exchange(code));
    assertThat(count(exchanges, 200)).isEqualTo(1);
    assertThat(count(exchanges, 400)).isEqualTo(PARALLEL - 1);

    Journey.Authorised a = tpp.validConsentOk(account);
    List<Integer> refreshes = inParallel(() -> tpp.refresh(a.refreshToken()));
    assertThat(count(refreshes, 200)).isEqualTo(1);
    assertThat(count(refreshes, 400)).isEqualTo(PARALLEL - 1);
  }

  @Test
  void oneDebitPerPayment() {
    JsonNode acc = tpp.testAccount();
    Journey.Authorised reader = tpp.validConsentOk(acc);
    Journey.Created p = tpp.paymentOk(acc.get("iban").asText(), "10.00");
    Journey.Authorised pa = tpp.authoriseOk(p, acc);
    List<Integer> statuses = inParallel(() -> tpp.confirmPayment(p, pa.accessToken()));
    assertThat(count(statuses, 200)).isEqualTo(PARALLEL);
    assertThat(tpp.paymentStatus(p.id())).isEqualTo("ACSC");
    assertThat(tpp.balance(reader, tpp.resourceId(reader))).isEqualTo("990.00");
  }

  @Test
  void parallelUnattendedReadsSpendTheBudgetExactly() {
    Journey.Authorised a = tpp.validConsentOk(account);
    String path = "accounts/" + tpp.resourceId(a) + "/balances";
    List<Integer> statuses =
        inParallel(() -> tpp.read(path, a.created().id(), a.accessToken(), false));
    assertThat(count(statuses, 200)).isEqualTo(4);
    assertThat(count(statuses, 429)).isEqualTo(PARALLEL - 4);
  }
}
