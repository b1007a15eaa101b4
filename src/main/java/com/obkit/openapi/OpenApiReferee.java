package com.obkit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The referee of OAS-1: judges each answer of the bank against the bank's own OpenAPI document of
 * the answer's host family ({@code /xs2a-bg/…} against {@code /xs2a-bg/openapi.json}, {@code
 * /auth/…} against {@code /auth/openapi.json}): its status code, its content type and its body's
 * schema, the operation found by method and path. Built once per run (parsing a document is the
 * expensive part); {@link #judge} is thread-safe and cheap.
 *
 * <p>What it does not judge: answers to a path or method the document does not describe (nothing to
 * compare with), answers from other hosts, and the request side. HTML pages (the login page, the
 * authorisation endpoint's error pages) are judged by status and content type only.
 *
 * <p>A host whose document could not be fetched or parsed has no referee: {@link #off()} says why,
 * once, and its answers are not judged.
 */
public final class OpenApiReferee {

  /** Validator message keys about the request side, or about operations the document lacks. */
  private static final Set<String> NOT_JUDGED =
      Set.of(
          "validation.request.path.missing",
          "validation.request.operation.notAllowed",
          "validation.request.accept.notAllowed");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> origins;
  private final Optional<Host> xs2a;
  private final Optional<Host> auth;
  private final List<String> off;

  private OpenApiReferee(
      List<URI> origins, Optional<Host> xs2a, Optional<Host> auth, List<String> off) {
    this.origins = List.copyOf(origins);
    this.xs2a = xs2a;
    this.auth = auth;
    this.off = List.copyOf(off);
  }

  /** A referee that judges nothing (no documents). */
  public static OpenApiReferee none() {
    return new OpenApiReferee(List.of(), Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * A referee for the bank at {@code origins} (the API host and the browser host).
   *
   * @param origins scheme, host and port of the hosts whose answers are judged
   * @param xs2aDocument the text of {@code /xs2a-bg/openapi.json}, or why there is none
   * @param authDocument the text of {@code /auth/openapi.json}, or why there is none
   */
  public static OpenApiReferee of(List<URI> origins, Document xs2aDocument, Document authDocument) {
    List<String> off = new ArrayList<>();
    Optional<Host> xs2a = validator("/xs2a-bg/openapi.json", xs2aDocument, off);
    Optional<Host> auth = validator("/auth/openapi.json", authDocument, off);
    return new OpenApiReferee(origins, xs2a, auth, off);
  }

  /**
   * One of the bank's documents as the run got it.
   *
   * @param text the document's text, or empty
   * @param reason why there is no text (a status, an environment fault), when empty
   */
  public record Document(Optional<String> text, String reason) {
    public Document {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(reason, "reason");
    }

    /** A document with its text. */
    public static Document of(String text) {
      return new Document(Optional.of(text), "");
    }

    /** No document, and why. */
    public static Document missing(String reason) {
      return new Document(Optional.empty(), reason);
    }
  }

  private static Optional<Host> validator(String name, Document document, List<String> off) {
    if (document.text().isEmpty()) {
      off.add("the OpenAPI referee is off for " + name + ": " + document.reason());
      return Optional.empty();
    }
    try {
      String text = document.text().get();
      return Optional.of(new Host(parse(text), JSON.readTree(text)));
    } catch (RuntimeException | JsonProcessingException e) {
      // the validator's ApiLoadException and the parser's failures
      off.add(
          "the OpenAPI referee is off for "
              + name
              + ": the document does not parse as OpenAPI ("
              + firstLine(String.valueOf(e.getMessage()))
              + ")");
      return Optional.empty();
    }
  }

  /**
   * Why {@code text} is not an OpenAPI document the referee can judge by (not JSON, not OpenAPI),
   * or empty when it is one.
   */
  public static Optional<String> whyNotADocument(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(firstLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * The path templates of a document, each parameter written {@code {}} ({@code
   * /xs2a-bg/{}/v1/accounts}), so that documents naming their parameters differently compare equal;
   * empty when the text is not JSON.
   */
  public static Set<String> pathTemplates(String text) {
    Set<String> out = new java.util.TreeSet<>();
    try {
      JSON.readTree(text)
          .path("paths")
          .fieldNames()
          .forEachRemaining(p -> out.add(p.replaceAll("\\{[^}]*\\}", "{}")));
    } catch (JsonProcessingException e) {
      return Set.of();
    }
    return out;
  }

  /**
   * A validator of answers for one document; request-side findings are ignored.
   *
   * @throws RuntimeException when the text is not an OpenAPI document
   */
  static OpenApiInteractionValidator parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the document is empty");
    }
    try {
      // A text that is not JSON at all is told here, without the validator's stack trace on stderr.
      if (!JSON.readTree(text).isObject()) {
        throw new IllegalArgumentException("the document is not a JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    return OpenApiInteractionValidator.createForInlineApiSpecification(text)
        .withLevelResolver(
            LevelResolver.create()
                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                // OpenAPI allows what a schema does not name (additionalProperties defaults to
                // true); the validator would refuse it. A bank adding a field breaks no client.
                .withLevel(
                    "validation.response.body.schema.additionalProperties",
                    ValidationReport.Level.IGNORE)
                .build())
        .build();
  }

  /** Why hosts are not judged (a document that could not be fetched or parsed); empty when on. */
  public List<String> off() {
    return off;
  }

  /** Whether the document of {@code family} ({@code xs2a-bg} or {@code auth}) is judging. */
  public boolean judges(String family) {
    return switch (family) {
      case "xs2a-bg" -> xs2a.isPresent();
      case "auth" -> auth.isPresent();
      default -> false;
    };
  }

  /**
   * Judges one answer.
   *
   * @param method the request's method
   * @param uri the requested URI
   * @param status the answer's status
   * @param headers the answer's headers (names in any case)
   * @param body the answer's body as text
   * @return the mismatch, one line naming the operation and what differs; empty when the answer
   *     matches, or is not judged
   */
  public Optional<String> judge(
      String method, URI uri, int status, Map<String, List<String>> headers, String body) {
    Optional<Host> validator = validatorFor(uri);
    Request.Method m;
    try {
      m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknownMethod) {
      return Optional.empty();
    }
    if (validator.isEmpty()) {
      return Optional.empty();
    }
    String contentType = first(headers, "content-type");
    boolean html =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    headers.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase("content-type")) {
            response.withHeader(name, values);
          }
        });
    if (body != null && !body.isEmpty() && !html) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.get().validator().validateResponse(uri.getRawPath(), m, response.build());
    List<String> problems = new ArrayList<>();
    String operation = null;
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR
          || NOT_JUDGED.contains(message.getKey())
          || (html && message.getKey().equals("validation.response.body.missing"))) {
        continue;
      }
      Optional<ValidationReport.MessageContext> context = message.getContext();
      if (operation == null) {
        operation =
            context
                .flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(OpenApiReferee::name)
                .orElse(null);
      }
      problems.add(
          describe(
              message,
              context
                  .flatMap(ValidationReport.MessageContext::getApiOperation)
                  .flatMap(o -> validator.get().schemaName(o, status))
                  .orElse("")));
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        method.toUpperCase(Locale.ROOT)
            + " "
            + (operation == null ? uri.getRawPath() : operation)
            + " answered "
            + status
            + " but "
            + String.join("; ", problems));
  }

  /**
   * One host's document: the validator, and the document's tree to name the schema of an answer.
   */
  private record Host(OpenApiInteractionValidator validator, JsonNode document) {

    /** The {@code $ref} of the schema the operation's answer with {@code status} has. */
    Optional<String> schemaName(ApiOperation operation, int status) {
      JsonNode response =
          document
              .path("paths")
              .path(operation.getApiPath().original())
              .path(operation.getMethod().name().toLowerCase(Locale.ROOT))
              .path("responses")
              .path(String.valueOf(status));
      String responseRef = response.path("$ref").asText("");
      if (responseRef.startsWith("#/components/responses/")) {
        response =
            document
                .path("components")
                .path("responses")
                .path(responseRef.substring("#/components/responses/".length()));
      }
      for (JsonNode media : response.path("content")) {
        String ref = media.path("schema").path("$ref").asText("");
        if (!ref.isEmpty()) {
          return Optional.of(ref);
        }
      }
      return Optional.empty();
    }
  }

  private Optional<Host> validatorFor(URI uri) {
    if (uri == null || uri.getRawPath() == null || !fromTheBank(uri)) {
      return Optional.empty();
    }
    String path = uri.getRawPath();
    if (path.startsWith("/xs2a-bg/")) {
      return xs2a;
    }
    if (path.startsWith("/auth/")) {
      return auth;
    }
    return Optional.empty();
  }

  private boolean fromTheBank(URI uri) {
    for (URI origin : origins) {
      if (Objects.equals(lower(origin.getScheme()), lower(uri.getScheme()))
          && Objects.equals(lower(origin.getHost()), lower(uri.getHost()))
          && port(origin) == port(uri)) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }

  /** {@code /xs2a-bg/{tenant}/v1/accounts (getAccountList)}. */
  private static String name(ApiOperation operation) {
    String id = operation.getOperation() == null ? null : operation.getOperation().getOperationId();
    return operation.getApiPath().original() + (id == null ? "" : " (" + id + ")");
  }

  /** {@code $.accounts[0].iban: <what> (schema <pointer>)}, or the validator's text. */
  private static String describe(ValidationReport.Message message, String named) {
    String text = message.getMessage();
    Optional<ValidationReport.MessageContext.Pointers> pointers =
        message.getContext().flatMap(ValidationReport.MessageContext::getPointers);
    if (pointers.isEmpty()) {
      return firstLine(text);
    }
    // The validator's text starts with "[Path '/accounts/0/iban'] "; the JSON path says it better.
    String what = firstLine(text).replaceFirst("^\\[Path '[^']*'\\]\\s*", "");
    String schema = pointers.get().getSchema();
    return jsonPath(pointers.get().getInstance())
        + ": "
        + what
        + (schema == null || schema.isEmpty()
            ? ""
            : " (schema " + named + (named.isEmpty() ? "" : ", at ") + schema + ")");
  }

  /** {@code /accounts/0/iban} as {@code $.accounts[0].iban}. */
  static String jsonPath(String pointer) {
    StringBuilder sb = new StringBuilder("$");
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return sb.toString();
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      String t = token.replace("~1", "/").replace("~0", "~");
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(t).append(']');
      } else {
        sb.append('.').append(t);
      }
    }
    return sb.toString();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
