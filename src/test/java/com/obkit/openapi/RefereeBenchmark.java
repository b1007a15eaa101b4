package com.obkit.openapi;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the OAS-1 referee costs (run by {@code bench/referee.sh}): building it from the sandbox's
 * two documents, once per run, and judging answers, per 1000: a 200 balances answer (a schema with
 * nested {@code $ref}s), a 401 error body, and a login page (status and content type only).
 */
public final class RefereeBenchmark {

  private RefereeBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    URI bank = URI.create("https://127.0.0.1:8443");
    String xs2a = OpenApiRefereeTest.resource("/sandbox/xs2a-openapi.json");
    String auth = OpenApiRefereeTest.resource("/sandbox/auth-openapi.json");
    long t0 = System.nanoTime();
    OpenApiReferee referee =
        OpenApiReferee.of(
            List.of(bank), OpenApiReferee.Document.of(xs2a), OpenApiReferee.Document.of(auth));
    long built = System.nanoTime() - t0;
    Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
    String balances =
        "{\"account\":{\"iban\":\"NL91TRIO0212345678\"},\"balances\":[{\"balanceType\":\"closingBooked\","
            + "\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"1000.00\"},\"referenceDate\":\"2026-01-02\"},"
            + "{\"balanceType\":\"interimAvailable\",\"balanceAmount\":{\"currency\":\"EUR\",\"amount\":\"1000.00\"},"
            + "\"referenceDate\":\"2026-01-02\"}]}";
    String error =
        "{\"tppMessages\":[{\"category\":\"ERROR\",\"code\":\"SIGNATURE_INVALID\",\"text\":\"no\"}]}";
    Runnable[] cases = {
      () ->
          referee.judge(
              "GET", bank.resolve("/xs2a-bg/nl/v1/accounts/r1/balances"), 200, json, balances),
      () -> referee.judge("GET", bank.resolve("/xs2a-bg/nl/onboarding/v1"), 401, json, error),
      () ->
          referee.judge(
              "GET",
              bank.resolve("/auth/nl/v1/login?session=s"),
              200,
              Map.of("content-type", List.of("text/html; charset=utf-8")),
              "<html><form method=\"post\"></form></html>")
    };
    String[] names = {"200 balances (JSON schema)", "401 error body", "200 login page (HTML)"};
    System.out.printf("referee built from both documents: %.0f ms%n", built / 1e6);
    for (int c = 0; c < cases.length; c++) {
      for (int i = 0; i < rounds; i++) { // warm-up
        cases[c].run();
      }
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        cases[c].run();
      }
      double perThousand = (System.nanoTime() - start) / 1e6 / rounds * 1000;
      System.out.printf("%-28s %7.1f ms per 1000 answers%n", names[c], perThousand);
    }
  }
}
