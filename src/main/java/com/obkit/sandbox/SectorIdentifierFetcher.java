package com.obkit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches the document at a {@code sector_identifier_uri} (REG-7, OIDC Registration section 5), so
 * that tests can replace the network with a fake.
 */
@FunctionalInterface
public interface SectorIdentifierFetcher {

  /**
   * The body of a successful ({@code 200}) GET of {@code uri}.
   *
   * @throws IOException when the document cannot be fetched; the message may be shown to the client
   */
  String fetch(URI uri) throws IOException;

  /**
   * The real thing: {@link HttpClient} with the default JDK trust store, a 3 s connect and request
   * timeout, no redirects followed, at most 64 KiB read.
   */
  static SectorIdentifierFetcher http() {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    int limit = 64 * 1024;
    return uri -> {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(3))
              .header("Accept", "application/json")
              .GET()
              .build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching the sector identifier document", e);
      }
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("GET answered " + response.statusCode() + ", not 200");
        }
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
          throw new IOException("document larger than " + limit + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }
}
