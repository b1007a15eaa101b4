package com.obkit.runtime;

import com.obkit.client.BankClient;
import com.obkit.client.BankEndpoints;
import com.obkit.client.HttpExchange;
import com.obkit.openapi.OpenApiReferee;
import com.obkit.outcomes.EnvironmentFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the run fetches from the bank before any scenario: the version (a liveness check: an
 * unreachable bank stops the run here, with one message), the two OpenAPI documents and the
 * discovery document; from them the {@link BankFingerprint} and the OAS-1 referee.
 *
 * @param fingerprint the bank's release
 * @param documents the OpenAPI documents' texts
 * @param referee judges every answer of the run against them
 */
record Preflight(BankFingerprint fingerprint, BankDocuments documents, OpenApiReferee referee) {

  private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

  /**
   * Fetches the four documents with {@code client} (whose answers no referee judges).
   *
   * @throws EnvironmentFault when the version cannot be fetched at all: the bank is unreachable
   */
  static Preflight fetch(BankClient client, BankEndpoints endpoints, String tenant) {
    return fetch(client, endpoints, tenant, Optional.empty(), Optional.empty());
  }

  /**
   * As {@link #fetch(BankClient, BankEndpoints, String)}, with the OpenAPI documents read from
   * {@code kit.openapi.xs2a} and {@code kit.openapi.auth} where they are set (a URL, or a file).
   */
  static Preflight fetch(
      BankClient client,
      BankEndpoints endpoints,
      String tenant,
      Optional<String> xs2aLocation,
      Optional<String> authLocation) {
    URI versionUri = endpoints.version();
    HttpExchange version;
    try {
      version = client.get(versionUri);
    } catch (EnvironmentFault e) {
      throw EnvironmentFault.bankUnreachable("GET", versionUri.toString(), e);
    }
    BankFingerprint.Part versionPart =
        version.status() == 200
            ? BankFingerprint.Part.of(versionUri, version.body().trim())
            : BankFingerprint.Part.missing(versionUri, "HTTP " + version.status());
    Fetched xs2a =
        xs2aLocation
            .map(l -> readDocument(client, l))
            .orElseGet(
                () -> fetchDocument(client, endpoints.api().resolve("/xs2a-bg/openapi.json")));
    Fetched auth =
        authLocation
            .map(l -> readDocument(client, l))
            .orElseGet(
                () -> fetchDocument(client, endpoints.browser().resolve("/auth/openapi.json")));
    Fetched discovery =
        fetchDocument(
            client,
            endpoints.discovery(tenant),
            List.of(origin(endpoints.api()), origin(endpoints.browser())));
    OpenApiReferee referee =
        OpenApiReferee.of(
            List.of(endpoints.api(), endpoints.browser()), xs2a.document(), auth.document());
    // Said once in the run; not a failure (OAS-1 is a SHOULD, and the OAS-1 scenario reports it).
    referee.off().forEach(LOG::warn);
    return new Preflight(
        new BankFingerprint(versionPart, xs2a.part(), auth.part(), discovery.part()),
        new BankDocuments(xs2a.document().text(), auth.document().text()),
        referee);
  }

  /** One document: its fingerprint part and, for the referee, its text or why there is none. */
  private record Fetched(BankFingerprint.Part part, OpenApiReferee.Document document) {}

  /** {@code kit.openapi.*}: an http(s) URL, fetched, or a file, read. */
  private static Fetched readDocument(BankClient client, String location) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return fetchDocument(client, URI.create(location));
    }
    Path file = Path.of(location);
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return new Fetched(
          BankFingerprint.Part.of(file.toUri(), BankFingerprint.sha256(text)),
          OpenApiReferee.Document.of(text));
    } catch (IOException | UncheckedIOException e) {
      String reason = "cannot read " + file + ": " + e.getMessage();
      return new Fetched(
          BankFingerprint.Part.missing(file.toUri(), reason),
          OpenApiReferee.Document.missing(reason));
    }
  }

  private static Fetched fetchDocument(BankClient client, URI uri) {
    return fetchDocument(client, uri, List.of());
  }

  /** {@code https://host:port}, as a discovery document spells the bank's own URLs. */
  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /**
   * @param origins the bank's own origins: the digest is taken with each replaced by {@code
   *     {origin}}, so that the same release reached at another address (the embedded sandbox's
   *     ephemeral port, a new gateway host) has the same fingerprint; the target is recorded apart
   */
  private static Fetched fetchDocument(BankClient client, URI uri, List<String> origins) {
    String reason;
    try {
      HttpExchange answer = client.get(uri);
      if (answer.status() == 200) {
        String digested = answer.body();
        for (String o : origins) {
          digested = digested.replace(o, "{origin}");
        }
        return new Fetched(
            BankFingerprint.Part.of(uri, BankFingerprint.sha256(digested)),
            OpenApiReferee.Document.of(answer.body()));
      }
      reason = "GET " + uri + " answered HTTP " + answer.status();
    } catch (EnvironmentFault e) {
      reason = e.getMessage();
    }
    return new Fetched(
        BankFingerprint.Part.missing(uri, reason), OpenApiReferee.Document.missing(reason));
  }
}
