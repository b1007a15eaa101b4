package com.obkit.client;

import io.qameta.allure.Allure;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers the secrets of each request and its response with the run's {@link SecretRegistry}, and
 * attaches both to the current Allure step, like allure-rest-assured's filter, but masked twice:
 * first by name ({@link Redactor}), then by value ({@link SecretRegistry#scrub}), which catches
 * secrets under names nobody foresaw and secrets quoted elsewhere. Must run last, after the signing
 * filter, so it sees (and attaches) the headers actually sent.
 */
public final class RedactingAllureFilter implements Filter {

  // One renderer per template for the whole run: each renderer parses its template once (a fresh
  // one per request parsed it for every attachment, a tenth of the run's Java time).
  private static final FreemarkerAttachmentRenderer REQUEST =
      new FreemarkerAttachmentRenderer("http-request.ftl");
  private static final FreemarkerAttachmentRenderer RESPONSE =
      new FreemarkerAttachmentRenderer("http-response.ftl");

  private final DefaultAttachmentProcessor processor = new DefaultAttachmentProcessor();
  private final SecretRegistry secrets;
  private final Optional<String> retry;

  /**
   * @param secrets the run's registry: told every secret seen, and used to scrub the attachments
   */
  public RedactingAllureFilter(SecretRegistry secrets) {
    this(secrets, Optional.empty());
  }

  /**
   * @param secrets the run's registry: told every secret seen, and used to scrub the attachments
   * @param retry for a retried exchange, what the request's attachment says about it ({@code retry
   *     1 of 1 after: connection refused ...})
   */
  public RedactingAllureFilter(SecretRegistry secrets, Optional<String> retry) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext ctx) {
    List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
    for (Header h : request.getHeaders()) {
      requestHeaders.add(Map.entry(h.getName(), h.getValue()));
    }
    String body = bodyText(request.getBody());
    // Registered before anything is attached, so that the attachments are scrubbed of them.
    SecretHarvest.fromRequest(
        secrets, requestHeaders, request.getURI(), request.getContentType(), body);
    // A run without Allure (the kit's self-tests) has nothing to attach to, but still registers.
    boolean attach = Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent();
    String url = secrets.scrub(Redactor.url(request.getURI()));
    if (attach) {
      HttpRequestAttachment.Builder req =
          HttpRequestAttachment.Builder.create(
                  "Request "
                      + request.getMethod()
                      + " "
                      + pathOf(url)
                      + retry.map(r -> " (" + secrets.scrub(r) + ")").orElse(""),
                  url)
              .setMethod(request.getMethod())
              .setHeaders(masked(requestHeaders));
      if (body != null) {
        req.setBody(secrets.scrub(Redactor.body(request.getContentType(), body)));
      }
      processor.addAttachment(req.build(), REQUEST);
    }

    Response res = ctx.next(request, response);

    List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
    for (Header h : res.getHeaders()) {
      responseHeaders.add(Map.entry(h.getName(), h.getValue()));
    }
    String responseBody = res.getBody().asString();
    SecretHarvest.fromResponse(secrets, responseHeaders, res.getContentType(), responseBody);
    if (attach) {
      HttpResponseAttachment attachment =
          HttpResponseAttachment.Builder.create("Response " + res.getStatusCode())
              .setUrl(url)
              .setResponseCode(res.getStatusCode())
              .setHeaders(masked(responseHeaders))
              .setBody(secrets.scrub(Redactor.body(res.getContentType(), responseBody)))
              .build();
      processor.addAttachment(attachment, RESPONSE);
    }
    return res;
  }

  /** Headers masked by name, then scrubbed by value; a repeated header keeps its last value. */
  private Map<String, String> masked(List<Map.Entry<String, String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers) {
      out.put(h.getKey(), secrets.scrub(Redactor.header(h.getKey(), h.getValue())));
    }
    return out;
  }

  private static String pathOf(String url) {
    int q = url.indexOf('?');
    String noQuery = q < 0 ? url : url.substring(0, q);
    int scheme = noQuery.indexOf("://");
    int slash = scheme < 0 ? -1 : noQuery.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : noQuery.substring(slash);
  }

  private static String bodyText(Object body) {
    if (body == null) {
      return null;
    }
    if (body instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return body.toString();
  }
}
