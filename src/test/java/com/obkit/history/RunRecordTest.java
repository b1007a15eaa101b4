package com.obkit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

  @TempDir Path dir;

  private static RunRecord sample() {
    return Runs.run(
        "2026-12-01T02:00:00Z",
        new Fingerprint(
            Part.of("2026.1"),
            Part.of(Runs.XS2A),
            Part.unavailable("HTTP 404"),
            Part.of(Runs.DISCOVERY)),
        Runs.rules("TOK-1", "PASSED", "AUTH-2", "FAILED"),
        List.of(Runs.scenario("A trailing slash is refused", 12, "failed")));
  }

  private static final String SAMPLE_JSON =
      """
      {
        "schema" : 1,
        "kitVersion" : "0.1.0",
        "catalogueDigest" : "%s",
        "profile" : "sandbox",
        "tenant" : "nl",
        "bankMode" : "sandbox",
        "target" : "embedded reference sandbox",
        "identity" : "generated",
        "fingerprint" : {
          "version" : {
            "value" : "2026.1",
            "reason" : null
          },
          "xs2aOpenApi" : {
            "value" : "%s",
            "reason" : null
          },
          "authOpenApi" : {
            "value" : null,
            "reason" : "HTTP 404"
          },
          "discovery" : {
            "value" : "%s",
            "reason" : null
          }
        },
        "start" : "2026-12-01T02:00:00Z",
        "end" : "2026-12-01T02:01:30Z",
        "verdict" : "CONFORMANT",
        "scenarios" : [ {
          "name" : "A trailing slash is refused",
          "feature" : "features/05_authorisation/redirect.feature",
          "line" : 12,
          "rules" : [ "AUTH-2" ],
          "result" : "failed",
          "message" : "expected HTTP 400"
        } ],
        "rules" : {
          "TOK-1" : "PASSED",
          "AUTH-2" : "FAILED"
        }
      }
      """
          .formatted(Runs.CATALOGUE, Runs.XS2A, Runs.DISCOVERY);

  @Test
  void toJsonIsTheDocumentedShape() {
    assertThat(sample().toJson()).isEqualTo(SAMPLE_JSON);
  }

  @Test
  void parseReadsWhatToJsonWrites() {
    assertThat(RunRecord.parse(SAMPLE_JSON)).isEqualTo(sample());
  }

  @Test
  void rulesKeepTheirCatalogueOrder() {
    assertThat(RunRecord.parse(SAMPLE_JSON).rules().keySet()).containsExactly("TOK-1", "AUTH-2");
  }

  @Test
  void writeAndReadRoundTripWithoutLeavingTemporaryFiles() throws Exception {
    Path file = dir.resolve("reports/run.json");
    sample().write(file);
    sample().write(file);
    assertThat(RunRecord.read(file)).isEqualTo(sample());
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("run.json");
    }
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json =
        SAMPLE_JSON.replace(
            "\"schema\" : 1,", "\"schema\" : 1, \"addedLater\" : {\"x\" : [1, 2]},");
    assertThat(RunRecord.parse(json)).isEqualTo(sample());
  }

  @Test
  void aMissingMessageIsNull() {
    String json = SAMPLE_JSON.replace("\"message\" : \"expected HTTP 400\"", "\"message\" : null");
    assertThat(RunRecord.parse(json).scenarios().get(0).message()).isNull();
  }

  @Test
  void aFileThatIsNotJsonIsNamed() throws Exception {
    Path file = dir.resolve("run.json");
    Files.writeString(file, "<html>");
    assertThatThrownBy(() -> RunRecord.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + ": not a run record: not JSON (line 1, column 1: Unexpected character ('<'"
                + " (code 60)): expected a valid value (JSON String, Number, Array, Object or"
                + " token 'null', 'true' or 'false'))");
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> RunRecord.parse("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: not a JSON object");
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() {
    String json = SAMPLE_JSON.replace("\"discovery\" :", "\"discoveryX\" :");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: missing 'fingerprint.discovery'");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithItsPath() {
    String json = SAMPLE_JSON.replace("\"line\" : 12", "\"line\" : \"12\"");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: 'scenarios[1].line' is not an integer");
  }

  @Test
  void anUnknownScenarioResultIsRefused() {
    String json = SAMPLE_JSON.replace("\"result\" : \"failed\"", "\"result\" : \"broken\"");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a run record: 'scenarios[1].result' is 'broken', not one of [environment,"
                + " error, failed, not applicable, passed, waived, warning]");
  }

  @Test
  void anUnknownRuleStatusIsRefused() {
    String json = SAMPLE_JSON.replace("\"AUTH-2\" : \"FAILED\"", "\"AUTH-2\" : \"BROKEN\"");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a run record: 'rules.AUTH-2' is 'BROKEN', not one of [FAILED, NOT APPLICABLE,"
                + " NOT COVERED, NOT JUDGED, PASSED, WAIVED, WARNING]");
  }

  @Test
  void aMalformedInstantIsRefused() {
    String json = SAMPLE_JSON.replace("\"2026-12-01T02:00:00Z\"", "\"yesterday\"");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: 'start' is not an ISO-8601 instant: yesterday");
  }

  @Test
  void anotherSchemaIsRefused() {
    String json = SAMPLE_JSON.replace("\"schema\" : 1", "\"schema\" : 2");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: schema 2 is not supported (this kit reads schema 1)");
  }

  @Test
  void aPartWithBothValueAndReasonIsRefused() {
    String json =
        SAMPLE_JSON.replace(
            "\"value\" : null,\n      \"reason\" : \"HTTP 404\"",
            "\"value\" : \"x\",\n      \"reason\" : \"HTTP 404\"");
    assertThatThrownBy(() -> RunRecord.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: 'fingerprint.authOpenApi' has both of 'value' and 'reason'");
  }

  @Test
  void aMissingFileIsAnIoError() {
    Path file = dir.resolve("absent.json");
    assertThatThrownBy(() -> RunRecord.read(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void aFileThatIsNotUtf8IsNotARunRecord() throws Exception {
    Path file = dir.resolve("run.json");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> RunRecord.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": not a run record: not UTF-8 text");
  }

  @Test
  void aPartHasExactlyOneOfValueAndReason() {
    assertThatThrownBy(() -> new Part(Optional.of("a"), Optional.of("b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a fingerprint part has exactly one of a value and a reason, not both");
    assertThatThrownBy(() -> new Part(Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a fingerprint part has exactly one of a value and a reason, not neither");
  }

  @Test
  void theEndIsNotBeforeTheStart() {
    RunRecord r = sample();
    assertThatThrownBy(
            () ->
                new RunRecord(
                    1,
                    r.kitVersion(),
                    r.catalogueDigest(),
                    r.profile(),
                    r.tenant(),
                    r.bankMode(),
                    r.target(),
                    r.fingerprint(),
                    r.end(),
                    r.start(),
                    r.verdict(),
                    r.scenarios(),
                    r.rules()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end 2026-12-01T02:00:00Z is before start 2026-12-01T02:01:30Z");
  }

  @Test
  void theScenarioKeyIsFeatureAndNameWithoutTheLine() {
    assertThat(Runs.scenario("A trailing slash is refused", 12, "passed").key())
        .isEqualTo("features/05_authorisation/redirect.feature :: A trailing slash is refused");
  }

  @Test
  void sameReleaseComparesTheFourValues() {
    Fingerprint a = Runs.release("2026.1");
    assertThat(a.sameRelease(Runs.release("2026.1"))).isTrue();
    assertThat(a.sameRelease(Runs.release("2026.2"))).isFalse();
    Fingerprint otherDiscovery =
        new Fingerprint(a.version(), a.xs2aOpenApi(), a.authOpenApi(), Part.of("ff"));
    assertThat(a.sameRelease(otherDiscovery)).isFalse();
  }

  @Test
  void anUnavailablePartEqualsOnlyAnUnavailablePart() {
    Fingerprint timeout =
        new Fingerprint(
            Part.unavailable("timeout"), Part.of(Runs.XS2A), Part.of(Runs.AUTH), Part.of("d"));
    Fingerprint notFound =
        new Fingerprint(
            Part.unavailable("HTTP 404"), Part.of(Runs.XS2A), Part.of(Runs.AUTH), Part.of("d"));
    Fingerprint known =
        new Fingerprint(Part.of("2026.1"), Part.of(Runs.XS2A), Part.of(Runs.AUTH), Part.of("d"));
    assertThat(timeout.sameRelease(notFound)).isTrue();
    assertThat(timeout.sameRelease(known)).isFalse();
    assertThat(known.sameRelease(timeout)).isFalse();
  }

  @Test
  void describeIsOneLineWithShortHashes() {
    assertThat(Runs.release("2026.1").describe())
        .isEqualTo(
            "version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi 77b1d0aa, discovery 0c9d4e5f)");
    assertThat(sample().fingerprint().describe())
        .isEqualTo(
            "version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi unavailable (HTTP 404),"
                + " discovery 0c9d4e5f)");
  }

  @Test
  void anEarlierKitsRecordWithoutAnIdentityReadsAsGenerated() {
    String json =
        Runs.run("2026-12-01T02:00:00Z").toJson().replace("  \"identity\" : \"generated\",\n", "");
    assertThat(json).doesNotContain("identity");
    assertThat(RunRecord.parse(json).identity()).isEqualTo("generated");
  }

  @Test
  void anOwnIdentityRoundTripsAndAnUnknownOneIsRefused() {
    RunRecord r = Runs.run("2026-12-01T02:00:00Z");
    String own = r.toJson().replace("\"identity\" : \"generated\"", "\"identity\" : \"own\"");
    assertThat(RunRecord.parse(own).identity()).isEqualTo("own");
    assertThatThrownBy(
            () ->
                RunRecord.parse(
                    r.toJson().replace("\"identity\" : \"generated\"", "\"identity\" : \"bank\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run record: 'identity' is 'bank', not one of [generated, own]");
  }
}
