package com.obkit.checks;

import com.obkit.client.HttpExchange;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Hand-made exchanges for the checks' unit tests (headers keyed lowercase). */
final class Exchanges {
  static final URI URL = URI.create("https://api.bank.example/xs2a-bg/nl/onboarding/v1");
  static final String DESCRIBED = "POST https://api.bank.example/xs2a-bg/nl/onboarding/v1";

  private Exchanges() {}

  static HttpExchange json(int status, String body) {
    return of(status, "application/json; charset=utf-8", body);
  }

  static HttpExchange html(int status, String body) {
    return of(status, "text/html", body);
  }

  static HttpExchange of(int status, String contentType, String body) {
    return new HttpExchange(
        "POST", URL, status, Map.of("content-type", List.of(contentType)), body);
  }

  static HttpExchange bare(int status) {
    return new HttpExchange("POST", URL, status, Map.of(), "");
  }

  static HttpExchange redirect(int status, String location) {
    return new HttpExchange("GET", URL, status, Map.of("location", List.of(location)), "");
  }
}
