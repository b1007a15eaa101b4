package com.obkit.openapi;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * What changed between two versions of one of the bank's OpenAPI documents (a new release, contract
 * section 1), with openapi-diff: operations added and removed, parameters, request bodies, response
 * statuses and the properties of their schemas. Each change is one line naming the method and the
 * path; breaking changes come first.
 */
public final class ApiChanges {

  private ApiChanges() {}

  /**
   * The changes from {@code oldDocument} to {@code newDocument} (OpenAPI 3 texts, JSON or YAML),
   * breaking first, each group in the order of the documents' paths; empty when they describe the
   * same API.
   *
   * @throws IllegalArgumentException when a text is not an OpenAPI document
   */
  public static List<ApiChange> between(String oldDocument, String newDocument) {
    Objects.requireNonNull(oldDocument, "oldDocument");
    Objects.requireNonNull(newDocument, "newDocument");
    ChangedOpenApi diff;
    try {
      diff = OpenApiCompare.fromContents(oldDocument, newDocument);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "not an OpenAPI document: " + String.valueOf(e.getMessage()), e);
    }
    List<ApiChange> changes = new ArrayList<>();
    for (Endpoint e : diff.getMissingEndpoints()) {
      changes.add(
          new ApiChange(true, e.getMethod() + " " + e.getPathUrl() + ": operation removed"));
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      changes.add(new ApiChange(false, e.getMethod() + " " + e.getPathUrl() + ": operation added"));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      operation(op, changes);
    }
    changes.sort(Comparator.comparing(c -> !c.breaking())); // stable: breaking first
    return List.copyOf(changes);
  }

  private static void operation(ChangedOperation op, List<ApiChange> out) {
    String name = op.getHttpMethod() + " " + op.getPathUrl();
    int before = out.size();
    parameters(name, op.getParameters(), out);
    if (op.getRequestBody() != null) {
      content(name + ": request body", op.getRequestBody().getContent(), false, out);
    }
    responses(name, op.getApiResponses(), out);
    if (op.isDeprecated()) {
      out.add(new ApiChange(false, name + ": deprecated"));
    }
    if (out.size() == before && op.isChanged().isDifferent()) {
      out.add(new ApiChange(op.isChanged().isIncompatible(), name + ": changed"));
    }
  }

  private static void parameters(String name, ChangedParameters parameters, List<ApiChange> out) {
    if (parameters == null) {
      return;
    }
    for (Parameter p : parameters.getIncreased()) {
      boolean required = Boolean.TRUE.equals(p.getRequired());
      out.add(
          new ApiChange(
              required,
              name
                  + ": "
                  + (required ? "required " : "optional ")
                  + p.getIn()
                  + " parameter "
                  + p.getName()
                  + " added"));
    }
    for (Parameter p : parameters.getMissing()) {
      out.add(
          new ApiChange(
              parameters.isChanged().isIncompatible(),
              name + ": " + p.getIn() + " parameter " + p.getName() + " removed"));
    }
    for (ChangedParameter p : parameters.getChanged()) {
      if (p.isChanged().isDifferent()) {
        out.add(
            new ApiChange(
                p.isChanged().isIncompatible(),
                name + ": " + p.getIn() + " parameter " + p.getName() + " changed"));
      }
    }
  }

  private static void responses(String name, ChangedApiResponse responses, List<ApiChange> out) {
    if (responses == null) {
      return;
    }
    responses
        .getIncreased()
        .keySet()
        .forEach(s -> out.add(new ApiChange(false, name + ": response " + s + " added")));
    responses
        .getMissing()
        .keySet()
        .forEach(s -> out.add(new ApiChange(true, name + ": response " + s + " removed")));
    responses
        .getChanged()
        .forEach(
            (status, r) -> {
              int before = out.size();
              content(name + ": response " + status, r.getContent(), true, out);
              if (out.size() == before && r.isChanged().isDifferent()) {
                out.add(
                    new ApiChange(
                        r.isChanged().isIncompatible(),
                        name + ": response " + status + " changed"));
              }
            });
  }

  private static void content(
      String where, ChangedContent content, boolean response, List<ApiChange> out) {
    if (content == null) {
      return;
    }
    content
        .getIncreased()
        .keySet()
        .forEach(m -> out.add(new ApiChange(!response, where + ": media type " + m + " added")));
    content
        .getMissing()
        .keySet()
        .forEach(m -> out.add(new ApiChange(response, where + ": media type " + m + " removed")));
    for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
      schema(where + " " + e.getKey() + " ", "$", e.getValue().getSchema(), response, out);
    }
  }

  /** The property-level changes of a schema, recursively; {@code at} is a JSON path. */
  private static void schema(
      String where, String at, ChangedSchema schema, boolean response, List<ApiChange> out) {
    if (schema == null) {
      return;
    }
    Set<String> required = requiredOf(schema.getNewSchema());
    for (String p : schema.getIncreasedProperties().keySet()) {
      boolean breaking = !response && required.contains(p);
      out.add(
          new ApiChange(
              breaking,
              where
                  + at
                  + "."
                  + p
                  + ": "
                  + (required.contains(p) ? "required" : "optional")
                  + " property added"));
    }
    for (String p : schema.getMissingProperties().keySet()) {
      out.add(new ApiChange(response, where + at + "." + p + ": property removed"));
    }
    if (schema.isChangedType()) {
      out.add(
          new ApiChange(
              true,
              where
                  + at
                  + ": type "
                  + typeOf(schema.getOldSchema())
                  + " became "
                  + typeOf(schema.getNewSchema())));
    }
    for (Map.Entry<String, ChangedSchema> e : schema.getChangedProperties().entrySet()) {
      schema(where, at + "." + e.getKey(), e.getValue(), response, out);
    }
    schema(where, at + "[]", schema.getItems(), response, out);
    if (schema.getRequired() != null && isDifferent(schema.getRequired())) {
      out.add(
          new ApiChange(
              schema.getRequired().isChanged().isIncompatible(),
              where + at + ": required properties changed"));
    }
    if (schema.getEnumeration() != null && isDifferent(schema.getEnumeration())) {
      out.add(
          new ApiChange(
              schema.getEnumeration().isChanged().isIncompatible(),
              where + at + ": enumeration changed"));
    }
  }

  private static boolean isDifferent(Changed changed) {
    return changed.isChanged().isDifferent();
  }

  private static Set<String> requiredOf(Schema<?> schema) {
    return schema == null || schema.getRequired() == null
        ? Set.of()
        : Set.copyOf(schema.getRequired());
  }

  private static String typeOf(Schema<?> schema) {
    return schema == null || schema.getType() == null ? "(none)" : schema.getType();
  }
}
