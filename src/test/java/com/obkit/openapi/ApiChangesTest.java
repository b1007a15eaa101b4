package com.obkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.sandbox.port.EmbeddedSandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiChangesTest {

  private static String document(String properties, String extraPath) {
    return """
        {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
          "/a/{id}":{"get":{"operationId":"getA","parameters":[{"name":"id","in":"path",
            "required":true,"schema":{"type":"string"}}],
            "responses":{"200":{"description":"ok","content":{"application/json":{"schema":
              {"type":"object","properties":{%s}}}}}}}}%s}}
        """
        .formatted(properties, extraPath);
  }

  private static final String OLD =
      document("\"x\":{\"type\":\"string\"},\"y\":{\"type\":\"string\"}", "");

  @Test
  void identicalDocumentsHaveNoChanges() {
    assertThat(ApiChanges.between(OLD, OLD)).isEmpty();
  }

  @Test
  void aRemovedResponseFieldIsBreakingAndANewOptionalOneIsNot() {
    String changed = document("\"x\":{\"type\":\"string\"},\"z\":{\"type\":\"string\"}", "");
    assertThat(ApiChanges.between(OLD, changed))
        .containsExactly(
            new ApiChange(true, "GET /a/{id}: response 200 application/json $.y: property removed"),
            new ApiChange(
                false, "GET /a/{id}: response 200 application/json $.z: optional property added"));
  }

  @Test
  void aRemovedOperationIsBreakingAndANewOneIsNotAndBreakingComesFirst() {
    String more =
        document(
            "\"x\":{\"type\":\"string\"},\"y\":{\"type\":\"string\"}",
            ",\"/b\":{\"post\":{\"responses\":{\"204\":{\"description\":\"none\"}}}}");
    assertThat(ApiChanges.between(OLD, more))
        .containsExactly(new ApiChange(false, "POST /b: operation added"));
    assertThat(ApiChanges.between(more, OLD))
        .containsExactly(new ApiChange(true, "POST /b: operation removed"));
  }

  @Test
  void theSandboxsRelease2026_2BreaksOneThingAndAddsAnother() {
    List<String> old = EmbeddedSandbox.openApiDocuments("2026.1");
    List<String> next = EmbeddedSandbox.openApiDocuments("2026.2");
    List<ApiChange> xs2a = ApiChanges.between(old.get(0), next.get(0));
    assertThat(xs2a.get(0))
        .isEqualTo(
            new ApiChange(
                true, "GET /xs2a-bg/{tenant}/v1/accounts/{resourceId}: operation removed"));
    assertThat(xs2a.stream().filter(ApiChange::breaking)).hasSize(1);
    assertThat(xs2a.stream().filter(c -> !c.breaking()))
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(c.description()).endsWith("ownerName: optional property added"));
    assertThat(xs2a.stream().filter(c -> !c.breaking()).map(ApiChange::description))
        .contains(
            "GET /xs2a-bg/{tenant}/v1/accounts: response 200 application/json"
                + " $.accounts[].ownerName: optional property added");
    assertThat(ApiChanges.between(old.get(1), next.get(1))).isEmpty();
    assertThat(ApiChanges.between(old.get(0), old.get(0))).isEmpty();
  }
}
