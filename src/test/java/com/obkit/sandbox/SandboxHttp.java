package com.obkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test HTTP client for a running sandbox: no redirects followed, trusts only the sandbox's
 * certificate.
 */
final class SandboxHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ReferenceSandbox sandbox;
  private final HttpClient client;

  SandboxHttp(ReferenceSandbox sandbox) {
    this.sandbox = sandbox;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5));
    sandbox.serverCertificate().ifPresent(c -> b.sslContext(trusting(c)));
    this.client = b.build();
  }

  static SSLContext trusting(X509Certificate certificate) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("sandbox", certificate);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpClient client() {
    return client;
  }

  URI uri(String pathAndQuery) {
    return URI.create(sandbox.baseUrl() + pathAndQuery);
  }

  HttpResponse<String> get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        headers);
  }

  HttpResponse<String> post(String path, Map<String, String> headers, String body) {
    return post(path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Any method, with a body (empty for none). */
  HttpResponse<String> request(
      String method, String path, Map<String, String> headers, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body)),
        headers);
  }

  HttpResponse<String> send(HttpRequest.Builder builder, Map<String, String> headers) {
    headers.forEach(builder::header);
    try {
      return client.send(
          builder.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + e, e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  /** Form-encodes pairs name, value, name, value... (names may repeat). */
  static String form(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
    }
    return sb.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static List<String> location(HttpResponse<?> response) {
    return response.headers().allValues("Location");
  }

  /** The decoded query parameters of a URL (a redirect's Location), in order. */
  static Map<String, String> queryOf(String location) {
    Map<String, String> q = new java.util.LinkedHashMap<>();
    for (String pair : java.net.URI.create(location).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          java.net.URLDecoder.decode(
              pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(
              pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return q;
  }
}
