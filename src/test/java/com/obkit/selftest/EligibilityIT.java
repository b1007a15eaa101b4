package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.obkit.cli.ConformanceLauncher;
import com.obkit.cli.ConformanceLauncher.RunResult;
import com.obkit.config.KitConfig;
import com.obkit.pki.CertificateSpec;
import com.obkit.pki.CredentialFiles;
import com.obkit.pki.KeyPool;
import com.obkit.pki.OrganizationId;
import com.obkit.pki.SavedCredentials;
import com.obkit.pki.TestCa;
import com.obkit.sandbox.ReferenceSandbox;
import com.obkit.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-certification line of real runs: READY is reachable with the TPP's own credentials
 * against a bank (the reference sandbox started apart, as a bank is), and a filtered run, a tenant
 * left uncovered and generated credentials are NOT READY with exactly their reasons.
 */
class EligibilityIT {

  static final OrganizationId ORG = OrganizationId.of("PSDNL-DNB-R515151");

  @TempDir static Path dir;
  static SavedCredentials pem;
  static ReferenceSandbox bank;

  @BeforeAll
  static void start() throws Exception {
    TestCa ca =
        TestCa.sandboxLike(KeyPool.generateRsa(2048), OrganizationId.of("PSDNL-KIT-TESTCA"));
    pem =
        CredentialFiles.save(
            ca.issue(CertificateSpec.builder(ORG).build(), KeyPool.generateRsa(2048)),
            Files.createDirectories(dir.resolve("pem")));
    bank = ReferenceSandbox.start(SandboxOptions.defaults().withTls(false));
  }

  @AfterAll
  static void stop() {
    bank.close();
  }

  private static Map<String, String> own() {
    Map<String, String> s = new HashMap<>();
    s.put("kit.baseUrl", bank.baseUrl().toString());
    s.put("kit.sca.settleDelay", "0s");
    s.put("kit.credentials.source", "pem");
    s.put("kit.credentials.certificate", pem.certificate().toString());
    s.put("kit.credentials.privateKey", pem.privateKey().toString());
    s.put("kit.organizationId", ORG.value());
    s.put("kit.registration.keepRedirectUris", "https://tpp.example/live");
    s.put(
        "kit.registration.testRedirectUris",
        "https://tpp.example/test-1,https://tpp.example/test-2");
    return s;
  }

  private static RunResult run(Map<String, String> settings, String tags, String name) {
    return new ConformanceLauncher(Path.of("features"))
        .run(KitConfig.load(settings, Map.of()), dir.resolve(name), false, tags);
  }

  @Test
  void everyRuleJudgedWithOwnCredentialsAgainstTheBankIsReady() throws Exception {
    RunResult result = run(own(), null, "ready");
    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    assertThat(result.eligibility()).containsExactly("READY");
    JsonNode e =
        new ObjectMapper().readTree(dir.resolve("ready/verdict.json").toFile()).path("eligibility");
    // What the TPP's own identity cannot test (a second TPP, defective or renewed certificates) and
    // what a shared bank's daily budget keeps from running: listed, not in the way.
    assertThat(e.path("notApplicableRules").toString())
        .isEqualTo(
            "[\"CERT-1\",\"CERT-2\",\"CERT-4\",\"CERT-5\",\"REG-6\",\"REG-8\",\"TKN-5\",\"AIS-5\"]");
    assertThat(e.path("tenants").toString()).isEqualTo("{\"nl\":\"this run\"}");
  }

  @Test
  void aFilteredRunWithAnUncoveredTenantIsNotReadyForBothReasons() {
    Map<String, String> s = own();
    s.put("kit.tenants", "nl,be_nl");
    RunResult result = run(s, "@TOK-1", "filtered");
    assertThat(result.verdict()).isEqualTo("CONFORMANT");
    assertThat(result.eligibility()).hasSize(3);
    assertThat(result.eligibility().get(0)).isEqualTo("NOT READY");
    assertThat(result.eligibility().get(1))
        .matches(
            "\\d+ rule\\(s\\) did not run \\(left out by a tag filter or the features folder\\): SIG-1, .*");
    assertThat(result.eligibility().get(2))
        .isEqualTo(
            "tenant be_nl is not covered: this run reads no history store, so no other tenant's"
                + " run counts");
  }

  @Test
  void generatedCredentialsAgainstTheEmbeddedSandboxAreNotReady() {
    RunResult result = run(Map.of("kit.sca.settleDelay", "0s"), "@TOK-1", "generated");
    assertThat(result.eligibility().subList(0, 3))
        .isEqualTo(
            List.of(
                "NOT READY",
                "generated test credentials, not the TPP's own"
                    + " (kit.credentials.source=generated)",
                "the embedded reference sandbox, not the bank (kit.baseUrl is not set)"));
    assertThat(result.eligibility()).hasSize(4);
  }
}
