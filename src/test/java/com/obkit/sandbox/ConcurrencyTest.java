package com.obkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.pki.OrganizationId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox under 32 simultaneous TPPs, on loopback: REG-2 (one {@code client_id} per
 * organization id, a replay replaces the redirect URIs with exactly one submitted list, never a
 * merge), no registration lost across distinct organization ids, ACC-2 (a new IBAN for every
 * account), and never a 5xx (ERR-1). Every flow starts at one start gate so that they really
 * overlap.
 */
class ConcurrencyTest {

  private static final int FLOWS = 32;

  /** The whole class must stay well inside this (the brief's bound); each test asserts it. */
  private static final long BOUND_MILLIS = 30_000;

  private static ReferenceSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** One onboarding + registration flow's outcome. */
  record Outcome(
      List<String> submitted, int onboardingStatus, int registrationStatus, String body) {

    JsonNode json() {
      try {
        return SandboxHttp.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  @Test
  @Timeout(30)
  void oneOrganizationManyFlowsAtOnceGetOneClientIdAndExactlyOneSubmittedList() throws Exception {
    // CERT-4: a new certificate's first onboarding revokes the previous one, so one organization
    // uses
    // one certificate here (several would legitimately refuse each other).
    String org = "PSDNL-DNB-CONC0001";
    X509Certificate cert = TestPki.tpp(org).issue(TestPki.Keys.TPP_A);
    int clientsBefore = sandbox.state().clientCount();
    long start = System.nanoTime();

    List<Outcome> outcomes =
        atOnce(
            i ->
                () ->
                    flow(
                        "nl",
                        new TestSigner(cert, TestPki.Keys.TPP_A.getPrivate()),
                        List.of(
                            "https://tpp.example/one/" + i + "/a",
                            "https://tpp.example/one/" + i + "/b")));

    long millis = (System.nanoTime() - start) / 1_000_000;
    Set<String> clientIds = new HashSet<>();
    for (Outcome o : outcomes) {
      assertThat(o.onboardingStatus()).as("onboarding: %s", o.body()).isEqualTo(200);
      assertThat(o.registrationStatus()).as("registration: %s", o.body()).isEqualTo(201);
      clientIds.add(o.json().get("client_id").asText());
      // Each answer shows the list that request registered, whole and in order.
      assertThat(texts(o.json().get("redirect_uris"))).isEqualTo(o.submitted());
    }
    assertThat(clientIds).as("REG-2: one client_id for one organization id").hasSize(1);
    assertThat(sandbox.state().clientCount()).isEqualTo(clientsBefore + 1);
    OrganizationId id = OrganizationId.of(org);
    assertThat(sandbox.state().clientId(id.value())).contains(clientIds.iterator().next());
    List<String> registered = sandbox.state().redirectUris(id.value());
    List<List<String>> submitted = outcomes.stream().map(Outcome::submitted).toList();
    assertThat(submitted)
        .as(
            "the final redirect URIs are exactly one submitted list (no merge, no loss): %s",
            registered)
        .contains(registered);
    assertThat(sandbox.state().isRevoked(cert)).isFalse();
    assertThat(millis).isLessThan(BOUND_MILLIS);
    System.out.printf("ConcurrencyTest: %d flows for one organization in %d ms%n", FLOWS, millis);
  }

  @Test
  @Timeout(30)
  void distinctOrganizationsAtOnceGetDistinctClientIdsAndNoneIsLost() throws Exception {
    List<String> orgs = new ArrayList<>();
    List<X509Certificate> certs = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      String org = String.format("PSDBE-NBB-CONC%04d", i);
      orgs.add(org);
      certs.add(TestPki.tpp(org).issue(TestPki.Keys.TPP_B));
    }
    int clientsBefore = sandbox.state().clientCount();
    long start = System.nanoTime();

    List<Outcome> outcomes =
        atOnce(
            i ->
                () ->
                    flow(
                        i % 2 == 0 ? "be_nl" : "be_fr",
                        new TestSigner(certs.get(i), TestPki.Keys.TPP_B.getPrivate()),
                        List.of("https://tpp" + i + ".example/cb")));

    long millis = (System.nanoTime() - start) / 1_000_000;
    Set<String> clientIds = new HashSet<>();
    for (int i = 0; i < FLOWS; i++) {
      Outcome o = outcomes.get(i);
      assertThat(o.onboardingStatus()).as("onboarding %d: %s", i, o.body()).isEqualTo(200);
      assertThat(o.registrationStatus()).as("registration %d: %s", i, o.body()).isEqualTo(201);
      String clientId = o.json().get("client_id").asText();
      clientIds.add(clientId);
      // Every registration is retrievable, under its own organization, with its own list.
      OrganizationId id = OrganizationId.of(orgs.get(i));
      assertThat(sandbox.state().clientId(id.value())).as(orgs.get(i)).contains(clientId);
      assertThat(sandbox.state().redirectUris(id.value())).as(orgs.get(i)).isEqualTo(o.submitted());
    }
    assertThat(clientIds).as("one client_id per organization id").hasSize(FLOWS);
    assertThat(sandbox.state().clientCount())
        .as("no registration lost")
        .isEqualTo(clientsBefore + FLOWS);
    assertThat(millis).isLessThan(BOUND_MILLIS);
    System.out.printf(
        "ConcurrencyTest: %d flows for %d organizations in %d ms%n", FLOWS, FLOWS, millis);
  }

  @Test
  @Timeout(30)
  void testAccountsCreatedAtOnceHaveDistinctIbans() throws Exception {
    X509Certificate cert = TestPki.tpp("PSDNL-DNB-CONC0002").issue(TestPki.Keys.TPP_C);
    int accountsBefore = sandbox.state().testAccountCount();
    long start = System.nanoTime();

    List<HttpResponse<String>> responses =
        atOnce(
            i ->
                () -> {
                  String body = "{\"currency\":\"EUR\"}";
                  Map<String, String> headers =
                      new LinkedHashMap<>(
                          new TestSigner(cert, TestPki.Keys.TPP_C.getPrivate()).sign(body));
                  headers.put("Content-Type", "application/json");
                  return http.post("/xs2a-bg/nl/sandbox/v1/test-accounts", headers, body);
                });

    long millis = (System.nanoTime() - start) / 1_000_000;
    Set<String> ibans = new HashSet<>();
    for (HttpResponse<String> r : responses) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      String iban = SandboxHttp.json(r).get("iban").asText();
      assertThat(iban).startsWith("NL").contains("TRIO");
      ibans.add(iban);
    }
    assertThat(ibans).as("ACC-2: a new IBAN for every account").hasSize(FLOWS);
    assertThat(sandbox.state().testAccountCount()).isEqualTo(accountsBefore + FLOWS);
    assertThat(millis).isLessThan(BOUND_MILLIS);
    System.out.printf("ConcurrencyTest: %d test accounts in %d ms%n", FLOWS, millis);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Onboards (TOK-1) and registers (REG-1) as production clients do; statuses are recorded, not
   * asserted.
   */
  private static Outcome flow(String tenant, TestSigner signer, List<String> redirectUris) {
    HttpResponse<String> onboarding = Flow.onboard(http, tenant, signer);
    if (onboarding.statusCode() != 200) {
      return new Outcome(redirectUris, onboarding.statusCode(), -1, onboarding.body());
    }
    String token = SandboxHttp.json(onboarding).get("access_token").asText();
    HttpResponse<String> registration = Flow.register(http, tenant, signer, token, redirectUris);
    return new Outcome(redirectUris, 200, registration.statusCode(), registration.body());
  }

  /**
   * Runs {@link #FLOWS} tasks on as many threads, all released by one start gate, and returns their
   * results in task order.
   */
  private static <T> List<T> atOnce(IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(FLOWS);
    try {
      CountDownLatch ready = new CountDownLatch(FLOWS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < FLOWS; i++) {
        Callable<T> t = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return t.call();
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS))
          .as("all %d threads at the gate", FLOWS)
          .isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(25, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
