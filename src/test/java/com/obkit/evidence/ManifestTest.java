package com.obkit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manifest reads back what it wrote, and refuses what it did not write, naming why. */
class ManifestTest {

  private static final Manifest SIGNED =
      new Manifest(
          "0.1.0",
          Instant.parse("2026-12-02T10:00:00Z"),
          Optional.of(new Manifest.Signer("PSDNL-DNB-R515151", "CN=TPP", "ab".repeat(32))),
          List.of(
              Manifest.Item.of(BundleEntry.text("run.json", "{}")),
              Manifest.Item.of(BundleEntry.text("exchanges/a/1/01-x.html", ""))));

  @Test
  void roundTrips() {
    assertThat(Manifest.parse(SIGNED.toJson())).isEqualTo(SIGNED);
    Manifest unsigned = new Manifest("0.1.0", SIGNED.createdAt(), Optional.empty(), List.of());
    assertThat(Manifest.parse(unsigned.toJson())).isEqualTo(unsigned);
  }

  @Test
  void theDigestIsSha256OfTheBytes() {
    // FIPS 180-2 appendix B.1: SHA-256("abc").
    assertThat(Manifest.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Manifest.Item.of(BundleEntry.text("a", "abc")))
        .isEqualTo(
            new Manifest.Item(
                "a", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|manifest.json is not JSON",
        "{\"kind\":\"other\"}|manifest.json is not an evidence manifest (its kind is not"
            + " obkit-evidence-manifest)",
        "{\"kind\":\"obkit-evidence-manifest\",\"schema\":2}|manifest.json has schema 2; this kit"
            + " reads schema 1",
        "{\"kind\":\"obkit-evidence-manifest\",\"schema\":1,\"createdAt\":\"yesterday\"}|"
            + "manifest.json: createdAt is not an ISO-8601 instant",
        "{\"kind\":\"obkit-evidence-manifest\",\"schema\":1,\"createdAt\":\"2026-12-02T10:00:00Z\"}|"
            + "manifest.json has no entries list",
        "{\"kind\":\"obkit-evidence-manifest\",\"schema\":1,\"createdAt\":\"2026-12-02T10:00:00Z\","
            + "\"entries\":[{\"path\":\"a\",\"size\":1}]}|manifest.json: field 'sha256' is missing"
            + " or not text"
      })
  void refusesWhatItDidNotWrite(String json, String message) {
    assertThatThrownBy(() -> Manifest.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void anEntryListedTwiceOrADigestThatIsNoneIsRefused() {
    Manifest.Item item = Manifest.Item.of(BundleEntry.text("a", "x"));
    assertThatThrownBy(
            () -> new Manifest("0.1.0", Instant.EPOCH, Optional.empty(), List.of(item, item)))
        .hasMessage("the manifest lists 'a' twice");
    assertThatThrownBy(() -> new Manifest.Item("a", 1, "ABC"))
        .hasMessage("sha256 of 'a' is not 64 lowercase hex digits: 'ABC'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/etc/passwd|entry name '/etc/passwd' is not a relative file path",
        "a\\b|entry name 'a\\b' is not a relative file path",
        "a//b|entry name 'a//b' is not a relative file path",
        "a/../b|entry name 'a/../b' has a '..' segment",
        "./a|entry name './a' has a '.' segment",
        "manifest.json|entry name 'manifest.json' is reserved for the bundle's manifest and its"
            + " signature"
      })
  void anEntryNameThatCouldEscapeOrImpersonateIsRefused(String name, String message) {
    assertThatThrownBy(() -> BundleEntry.text(name, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
