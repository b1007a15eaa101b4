package com.obkit.client;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attaches each request and its response to the current Allure step, like allure-rest-assured's
 * filter, but with every secret masked by {@link Redactor} first. Must run last, after the signing
 * filter, so the attachment shows the headers actually sent.
 */
public final class RedactingAllureFilter implements Filter {

  private final DefaultAttachmentProcessor processor = new DefaultAttachmentProcessor();

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext ctx) {
    if (io.qameta.allure.Allure.getLifecycle().getCurrentTestCaseOrStep().isEmpty()) {
      return ctx.next(
          request, response); // a run without Allure (the kit's self-tests): nothing to attach to
    }
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    for (Header h : request.getHeaders()) {
      requestHeaders.put(h.getName(), h.getValue());
    }
    String url = Redactor.url(request.getURI());
    HttpRequestAttachment.Builder req =
        HttpRequestAttachment.Builder.create(
                "Request " + request.getMethod() + " " + pathOf(url), url)
            .setMethod(request.getMethod())
            .setHeaders(Redactor.headers(requestHeaders));
    String body = bodyText(request.getBody());
    if (body != null) {
      req.setBody(Redactor.body(request.getContentType(), body));
    }
    processor.addAttachment(req.build(), new FreemarkerAttachmentRenderer("http-request.ftl"));

    Response res = ctx.next(request, response);

    Map<String, String> responseHeaders = new LinkedHashMap<>();
    for (Header h : res.getHeaders()) {
      responseHeaders.put(h.getName(), h.getValue());
    }
    HttpResponseAttachment attachment =
        HttpResponseAttachment.Builder.create("Response " + res.getStatusCode())
            .setUrl(url)
            .setResponseCode(res.getStatusCode())
            .setHeaders(Redactor.headers(responseHeaders))
            .setBody(Redactor.body(res.getContentType(), res.getBody().asString()))
            .build();
    processor.addAttachment(attachment, new FreemarkerAttachmentRenderer("http-response.ftl"));
    return res;
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
