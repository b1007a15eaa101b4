package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.cli.ConformanceLauncher;
import com.obkit.config.KitConfig;
import com.obkit.evidence.EvidenceBundle;
import com.obkit.pki.Certificates;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import com.obkit.sandbox.SectorIdentifierFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A conformance run with full reports, against a sandbox that tells the test every secret it issues
 * (initial access tokens, client secrets, codes, digipass numbers, and a {@code
 * registration_access_token}: a field the kit's name list does not foresee): none of those values
 * appears anywhere the run wrote, in reports, the evidence bundle, Allure results or captured
 * console output, neither raw nor URL-encoded, JSON-escaped or Base64 (also inside the Base64 of a
 * longer value such as an HTTP Basic {@code client_id:secret} pair), nor as any 8-character
 * fragment. Run once against the faithful sandbox and once against deviations that make scenarios
 * fail with secrets in the answers they quote. The masks of the secrets do appear: redaction ran,
 * rather than nothing being written.
 */
class SecretsNeverLeakIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest(name = "deviations: [{0}]")
  @ValueSource(
      strings = {
        "",
        "SIGNATURE_NOT_REQUIRED,MISSING_TOKEN_ACCEPTED,UNKNOWN_TENANT_ACCEPTED,AUTHORIZATION_SKIPS_LOGIN,UNSIGNED_TEST_ACCOUNT_ACCEPTED",
        // The journey: token answers where refusals were due (their failure messages quote
        // them), an error that repeats the access token, tokens that survive a revocation.
        "CODE_REUSABLE,PKCE_VERIFIER_NOT_CHECKED,TOKEN_ECHOED_IN_ERROR,REVOCATION_IGNORED,WRONG_DIGIPASS_ACCEPTED"
      })
  void noSecretOfTheRunAppearsInAnythingItWrote(String deviations) throws IOException {
    Queue<String> issued = new ConcurrentLinkedQueue<>();
    SandboxOptions options =
        SandboxOptions.defaults()
            .withRegistrationAccessToken(true)
            .withDeviations(deviations.isEmpty() ? Set.of() : Set.of(deviations.split(",")));
    Path reports = dir.resolve("reports");
    // The history store keeps every run record: it is searched too.
    Path history = dir.resolve("history");
    Path allureResults = reports.resolve("allure-results");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    // Allure results accumulate across test runs in one directory: only this run's files count.
    FileTime runStart = FileTime.from(Instant.now().minusSeconds(2));
    PrintStream out = System.out;
    PrintStream err = System.err;
    try (ReferenceSandbox sandbox =
        ReferenceSandbox.start(options, SectorIdentifierFetcher.http(), issued::add)) {
      Path serverCert =
          Files.writeString(
              dir.resolve("server.pem"),
              Certificates.toPem(sandbox.serverCertificate().orElseThrow()));
      KitConfig config =
          KitConfig.load(
              Map.of(
                  "kit.baseUrl",
                  sandbox.baseUrl().toString(),
                  "kit.sca.settleDelay",
                  "0s",
                  "kit.budget.spend",
                  "true",
                  "kit.http.trustCertificate",
                  serverCert.toString(),
                  "kit.reports",
                  reports.toString(),
                  "kit.history",
                  history.toString()),
              Map.of());
      System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
      ConformanceLauncher.RunResult result =
          new ConformanceLauncher(Path.of("features")).run(config, reports, true);
      assertThat(result.resultsByScenario()).hasSize(167);
      if (!deviations.isEmpty()) {
        assertThat(result.verdict())
            .isEqualTo("NOT CONFORMANT"); // the failure messages quote the bank's answers
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    List<String> secrets = issued.stream().distinct().toList();
    assertThat(secrets).as("secrets the sandbox issued during the run").hasSizeGreaterThan(50);
    Map<String, String> written = new LinkedHashMap<>();
    written.put("console", console.toString(StandardCharsets.UTF_8));
    List<String> allure = new ArrayList<>();
    for (Path root : List.of(reports, allureResults, history)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          if (root.equals(reports)
              || root.equals(history)
              || !Files.getLastModifiedTime(f).toInstant().isBefore(runStart.toInstant())) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            written.put(f.toString(), text);
            if (root.equals(allureResults)) {
              allure.add(text);
            }
          }
        }
      }
    }
    // The evidence bundle is compressed: its entries are searched as they unpack.
    Map<String, byte[]> evidence = EvidenceBundle.read(reports.resolve("evidence.zip"));
    evidence.forEach(
        (name, bytes) ->
            written.put("evidence.zip!" + name, new String(bytes, StandardCharsets.ISO_8859_1)));
    assertThat(evidence).containsKeys("config.json", "exchanges/index.tsv", "manifest.json");
    assertThat(written.size()).as("files searched").isGreaterThan(100);

    Map<String, String> needles = new HashMap<>();
    for (String secret : secrets) {
      forms(secretPart(secret))
          .forEach(
              (form, text) ->
                  fragments(text).forEach(f -> needles.putIfAbsent(f, label(secret) + " " + form)));
    }
    Set<String> leaks = new TreeSet<>();
    written.forEach(
        (file, text) -> {
          for (int i = 0; i + FRAGMENT <= text.length(); i++) {
            String window = text.substring(i, i + FRAGMENT);
            String found = needles.get(window);
            if (found != null && !coincidence(text, i, found, secrets)) {
              leaks.add(found + " in " + file);
            }
          }
        });
    assertThat(leaks)
        .as("secrets (or fragments of them) found in reports or console output")
        .isEmpty();

    // Redaction ran: the masks of this run's secrets are in its Allure results.
    long masked =
        secrets.stream()
            .map(s -> s.substring(0, 4) + "****(" + s.length() + " chars)")
            .filter(mask -> allure.stream().anyMatch(t -> t.contains(mask)))
            .count();
    assertThat(allure.stream().anyMatch(t -> t.contains("****(")))
        .as("masks in Allure results")
        .isTrue();
    assertThat(masked)
        .as("secrets of this run whose mask is in the Allure results")
        .isGreaterThan(10);
  }

  private static final int FRAGMENT = 8;

  /** The forms a secret could be written in, by name. */
  private static Map<String, String> forms(String secret) throws IOException {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("raw", secret);
    String plus = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.put("URL-encoded", plus);
    forms.put("URL-encoded (%20)", plus.replace("+", "%20"));
    String json = JSON.writeValueAsString(secret);
    forms.put("JSON-escaped", json.substring(1, json.length() - 1));
    if (secret.chars().allMatch(Character::isDigit)) {
      // A digipass: eight Base64 characters encode six digits, which recur by chance in the Base64
      // of any numeric text (the certificates' validity dates in every request's headers); and no
      // part of the kit Base64-encodes a digipass.
      return forms;
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    // Inside the Base64 of a longer value (client_id:secret, whatever the id), at each of the three
    // byte alignments: the characters that encode only the secret's bytes.
    for (int align = 0; align < 3; align++) {
      byte[] padded = new byte[align + bytes.length];
      System.arraycopy(bytes, 0, padded, align, bytes.length);
      int full = padded.length / 3 * 4; // characters of complete groups
      int from = align == 0 ? 0 : 4;
      Map<String, Base64.Encoder> encoders =
          Map.of("Base64", Base64.getEncoder(), "Base64url", Base64.getUrlEncoder());
      for (Map.Entry<String, Base64.Encoder> e : encoders.entrySet()) {
        String base64 = e.getValue().encodeToString(padded);
        forms.put(
            e.getKey() + " (offset " + align + ")", base64.substring(from, Math.max(from, full)));
      }
      if (align == 0) {
        forms.put("Base64", Base64.getEncoder().encodeToString(bytes));
      }
    }
    return forms;
  }

  /** Every window of {@value #FRAGMENT} characters. */
  /**
   * The part of a secret whose fragments are searched: all of it, except for a JWS (an {@code
   * id_token}), whose header and payload are the Base64url of JSON claims with public values (the
   * issuer's URL, the client_id) that other Base64 attachments encode too: there the signature,
   * which no other text holds (a leaked token carries it whole).
   */
  private static String secretPart(String secret) {
    String[] parts = secret.split("\\.");
    if (parts.length == 3 && parts[0].startsWith("eyJ") && parts[2].length() >= FRAGMENT) {
      return parts[2];
    }
    return secret;
  }

  private static List<String> fragments(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + FRAGMENT <= text.length(); i++) {
      out.add(text.substring(i, i + FRAGMENT));
    }
    return out;
  }

  private static String label(String secret) {
    return secret.substring(0, 4) + "…(" + secret.length() + " chars)";
  }

  /**
   * Whether a fragment of a secret of digits only (a digipass) matched inside a longer run of
   * digits that is not part of the secret: eight digits recur by chance in timestamps and IBANs, so
   * a numeric fragment counts only where the digits around it could all be the secret's.
   */
  private static boolean coincidence(String text, int at, String found, List<String> secrets) {
    String window = text.substring(at, at + FRAGMENT);
    if (!window.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int start = at;
    while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
      start--;
    }
    int end = at + FRAGMENT;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    String run = text.substring(start, end);
    return secrets.stream().noneMatch(s -> s.contains(run));
  }

  /** Writes to the real stream and to a capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
