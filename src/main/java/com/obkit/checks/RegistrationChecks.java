package com.obkit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.obkit.client.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks of the dynamic client registration answer (contract section 5). */
public final class RegistrationChecks {
  private RegistrationChecks() {}

  public static Check<HttpExchange> clientIdPresent() {
    return Check.that(
        "CheckClientIdPresent",
        x -> !TokenChecks.text(x, "client_id").isBlank(),
        x -> "client_id is missing or empty");
  }

  public static Check<HttpExchange> clientSecretPresent() {
    return Check.that(
        "CheckClientSecretPresent",
        x -> !TokenChecks.text(x, "client_secret").isBlank(),
        x -> "client_secret is missing or empty");
  }

  /** The answer's {@code redirect_uris} is exactly the registered list (same strings, same set). */
  public static Check<HttpExchange> redirectUrisAre(List<String> expected) {
    return new Check<>(
        "CheckRegisteredRedirectUrisEcho",
        x -> {
          List<String> actual = redirectUris(x);
          return actual.size() == expected.size() && actual.containsAll(expected)
              ? Optional.empty()
              : Optional.of("redirect_uris is " + actual + ", expected exactly " + expected);
        });
  }

  /** EnsureSameClientId: a replay keeps the client_id bound to the organization id (REG-2). */
  public static Check<String> sameClientIdAs(String first) {
    return Check.that(
        "EnsureSameClientIdOnReplay",
        second -> first.equals(second),
        second -> "client_id changed from '" + first + "' to '" + second + "'");
  }

  public static List<String> redirectUris(HttpExchange x) {
    List<String> out = new ArrayList<>();
    x.json()
        .map(j -> j.path("redirect_uris"))
        .filter(JsonNode::isArray)
        .ifPresent(a -> a.forEach(n -> out.add(n.asText())));
    return out;
  }
}
