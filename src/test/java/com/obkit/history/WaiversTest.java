package com.obkit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.config.ConfigException;
import com.obkit.history.Waivers.Application;
import com.obkit.history.Waivers.Failure;
import com.obkit.history.Waivers.Judged;
import com.obkit.history.Waivers.Waiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {

  @TempDir Path dir;

  private static final Set<String> RULES = Set.of("AUTH-2", "TOK-1", "REG-2");
  private static final LocalDate TODAY = LocalDate.parse("2027-01-15");

  private static final String FULL =
      """
      waivers:
        - rule: AUTH-2                       # required
          scenario: "*trailing slash*"       # optional glob
          tenant: nl
          env: sandbox
          reason: "trailing slash normalised by the bank"
          ticket: INC-123
          owner: qa@tpp.example
          expires: 2027-01-31
      """;

  private Path file(String yaml) throws Exception {
    Path f = dir.resolve("waivers.yml");
    Files.writeString(f, yaml);
    return f;
  }

  private Waivers load(String yaml) throws Exception {
    return Waivers.load(file(yaml), RULES);
  }

  private void assertRefused(String yaml, String message) throws Exception {
    Path f = file(yaml);
    assertThatThrownBy(() -> Waivers.load(f, RULES))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message.replace("FILE", f.toString()));
  }

  private static Waiver waiver(
      int index, String rule, String glob, String tenant, String env, String expires) {
    return new Waiver(
        index,
        rule,
        Optional.ofNullable(glob),
        Optional.ofNullable(tenant),
        Optional.ofNullable(env),
        "known",
        Optional.of("INC-" + index),
        "qa@tpp.example",
        LocalDate.parse(expires));
  }

  private static Waiver waiver(int index, String rule, String glob) {
    return waiver(index, rule, glob, null, null, "2027-01-31");
  }

  private static Failure failure(String name, String... rules) {
    return new Failure("f.feature :: " + name, name, Set.of(rules));
  }

  private static Judged judged(String name, String... rules) {
    return new Judged(name, Set.of(rules));
  }

  // --- the file ---

  @Test
  void aFullEntryIsRead() throws Exception {
    assertThat(load(FULL).waivers())
        .isEqualTo(
            List.of(
                new Waiver(
                    1,
                    "AUTH-2",
                    Optional.of("*trailing slash*"),
                    Optional.of("nl"),
                    Optional.of("sandbox"),
                    "trailing slash normalised by the bank",
                    Optional.of("INC-123"),
                    "qa@tpp.example",
                    LocalDate.parse("2027-01-31"))));
  }

  @Test
  void aMinimalEntryIsRead() throws Exception {
    String yaml =
        """
        waivers:
          - rule: TOK-1
            reason: slow
            owner: qa@tpp.example
            expires: 2027-02-01
        """;
    assertThat(load(yaml).waivers())
        .isEqualTo(
            List.of(
                new Waiver(
                    1,
                    "TOK-1",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "slow",
                    Optional.empty(),
                    "qa@tpp.example",
                    LocalDate.parse("2027-02-01"))));
  }

  @Test
  void anEmptyListWaivesNothing() throws Exception {
    assertThat(load("waivers: []\n").waivers()).isEqualTo(List.of());
    assertThat(load("waivers:\n").waivers()).isEqualTo(List.of());
  }

  @Test
  void aMissingRuleIsNamed() throws Exception {
    assertRefused(
        FULL.replace("  - rule: AUTH-2                       # required\n    ", "  - "),
        "waiver 1 of FILE: missing 'rule'");
  }

  @Test
  void aMissingReasonIsNamed() throws Exception {
    assertRefused(
        FULL.replace("    reason: \"trailing slash normalised by the bank\"\n", ""),
        "waiver 1 of FILE (rule AUTH-2): missing 'reason'");
  }

  @Test
  void aMissingOwnerIsNamedInTheSecondEntry() throws Exception {
    String yaml =
        FULL
            + """
              - rule: TOK-1
                reason: slow
                expires: 2027-02-01
            """;
    assertRefused(yaml, "waiver 2 of FILE (rule TOK-1): missing 'owner'");
  }

  @Test
  void aBlankOwnerIsMissing() throws Exception {
    assertRefused(
        FULL.replace("owner: qa@tpp.example", "owner: \"  \""),
        "waiver 1 of FILE (rule AUTH-2): missing 'owner'");
  }

  @Test
  void aMissingExpiryIsNamed() throws Exception {
    assertRefused(
        FULL.replace("    expires: 2027-01-31\n", ""),
        "waiver 1 of FILE (rule AUTH-2): missing 'expires'");
  }

  @Test
  void anUnknownRuleIdIsRefused() throws Exception {
    assertRefused(
        FULL.replace("rule: AUTH-2", "rule: AUTH-9"),
        "waiver 1 of FILE (rule AUTH-9): unknown rule id 'AUTH-9'");
  }

  @Test
  void aMalformedDateIsRefused() throws Exception {
    assertRefused(
        FULL.replace("expires: 2027-01-31", "expires: 31/01/2027"),
        "waiver 1 of FILE (rule AUTH-2): 'expires' is not an ISO date (yyyy-mm-dd): 31/01/2027");
  }

  @Test
  void anImpossibleDateIsRefused() throws Exception {
    assertRefused(
        FULL.replace("expires: 2027-01-31", "expires: 2027-02-30"),
        "waiver 1 of FILE (rule AUTH-2): 'expires' is not an ISO date (yyyy-mm-dd): 2027-02-30");
  }

  @Test
  void anUnknownFieldIsRefused() throws Exception {
    assertRefused(
        FULL.replace("owner: qa@tpp.example", "owners: qa@tpp.example"),
        "waiver 1 of FILE (rule AUTH-2): unknown field 'owners' (known: rule, scenario, tenant,"
            + " env, reason, ticket, owner, expires)");
  }

  @Test
  void anUnknownTopLevelFieldIsRefused() throws Exception {
    assertRefused(
        FULL + "exemptions: []\n", "FILE: unknown field 'exemptions' (the file has one: waivers)");
  }

  @Test
  void aDuplicateFieldIsRefused() throws Exception {
    assertRefused(
        FULL + "    owner: other@tpp.example\n",
        "FILE: not YAML (line 10, column 10): Duplicate field 'owner'");
  }

  @Test
  void aFileThatIsNotYamlIsRefused() throws Exception {
    assertRefused(
        "waivers: [\n",
        "FILE: not YAML (line 2, column 1): expected the node content, but found '<stream end>'");
  }

  @Test
  void aFileWithoutAWaiversListIsRefused() throws Exception {
    assertRefused("- rule: AUTH-2\n", "FILE: no 'waivers:' list");
    assertRefused("", "FILE: no 'waivers:' list");
    assertRefused("waivers: AUTH-2\n", "FILE: 'waivers:' is not a list");
  }

  @Test
  void anEntryThatIsNotAMappingIsRefused() throws Exception {
    assertRefused(
        "waivers:\n  - AUTH-2\n", "waiver 1 of FILE: not a mapping (rule: ..., reason: ..., ...)");
  }

  @Test
  void aFieldThatIsNotASingleValueIsRefused() throws Exception {
    assertRefused(
        FULL.replace("ticket: INC-123", "ticket: [INC-1, INC-2]"),
        "waiver 1 of FILE (rule AUTH-2): 'ticket' is not a single value");
  }

  @Test
  void anUnreadableFileIsRefused() {
    Path absent = dir.resolve("absent.yml");
    assertThatThrownBy(() -> Waivers.load(absent, RULES))
        .isInstanceOf(ConfigException.class)
        .hasMessage(absent + ": no such file (kit.waivers)");
    assertThatThrownBy(() -> Waivers.load(dir, RULES))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir + ": cannot be read: java.io.IOException: Is a directory");
  }

  // --- a waiver ---

  @Test
  void aWaiverExpiresTheDayAfterItsDate() {
    Waiver w = waiver(1, "AUTH-2", null);
    assertThat(w.expiredOn(LocalDate.parse("2027-01-31"))).isFalse();
    assertThat(w.expiredOn(LocalDate.parse("2027-02-01"))).isTrue();
  }

  @Test
  void theGlobMatchesTheWholeNameCaseSensitively() {
    Waiver w = waiver(1, "AUTH-2", "*trailing slash*");
    assertThat(w.matches("AUTH-2", "A redirect URI with a trailing slash is refused")).isTrue();
    assertThat(w.matches("AUTH-2", "A redirect URI with a Trailing Slash is refused")).isFalse();
    assertThat(w.matches("TOK-1", "A redirect URI with a trailing slash is refused")).isFalse();
    Waiver q = waiver(2, "AUTH-2", "Variant ? (a.b)");
    assertThat(q.matches("AUTH-2", "Variant 7 (a.b)")).isTrue();
    assertThat(q.matches("AUTH-2", "Variant 17 (a.b)")).isFalse();
    assertThat(q.matches("AUTH-2", "Variant 7 (axb)")).isFalse();
  }

  @Test
  void withoutAGlobEveryScenarioOfTheRuleMatches() {
    assertThat(waiver(1, "AUTH-2", null).matches("AUTH-2", "anything")).isTrue();
  }

  @Test
  void tenantAndEnvFilter() {
    Waiver w = waiver(1, "AUTH-2", null, "nl", "sandbox", "2027-01-31");
    assertThat(w.appliesTo("nl", "sandbox")).isTrue();
    assertThat(w.appliesTo("be_nl", "sandbox")).isFalse();
    assertThat(w.appliesTo("nl", "production")).isFalse();
    assertThat(waiver(2, "AUTH-2", null).appliesTo("be_nl", "production")).isTrue();
  }

  @Test
  void describeNamesRuleGlobTicketOwnerAndExpiry() throws Exception {
    assertThat(load(FULL).waivers().get(0).describe())
        .isEqualTo("AUTH-2 \"*trailing slash*\" (INC-123, qa@tpp.example, until 2027-01-31)");
    Waiver bare =
        new Waiver(
            3,
            "TOK-1",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "r",
            Optional.empty(),
            "qa@tpp.example",
            LocalDate.parse("2027-02-01"));
    assertThat(bare.describe()).isEqualTo("TOK-1 (qa@tpp.example, until 2027-02-01)");
  }

  // --- applying them ---

  @Test
  void aFailureWhoseBrokenRuleIsWaivedIsWaived() {
    Waiver w = waiver(1, "AUTH-2", "*trailing slash*");
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(failure("A trailing slash is refused", "AUTH-2")),
                List.of(judged("A trailing slash is refused", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a)
        .isEqualTo(
            new Application(
                Map.of("f.feature :: A trailing slash is refused", List.of(w)),
                List.of(),
                List.of(),
                List.of()));
    assertThat(a.waived("f.feature :: A trailing slash is refused")).isTrue();
  }

  @Test
  void aFailureWithOneOfTwoBrokenRulesWaivedIsNotWaived() {
    Waiver w = waiver(1, "AUTH-2", null);
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(failure("S", "AUTH-2", "TOK-1")),
                List.of(judged("S", "AUTH-2", "TOK-1")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(), List.of(), List.of()));
  }

  @Test
  void twoWaiversTogetherWaiveAScenarioBreakingTwoRules() {
    Waiver tok = waiver(1, "TOK-1", null);
    Waiver auth = waiver(2, "AUTH-2", "S*");
    Application a =
        Waivers.of(List.of(tok, auth))
            .apply(
                List.of(failure("S", "AUTH-2", "TOK-1")),
                List.of(judged("S", "AUTH-2", "TOK-1")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a.waivedScenarios()).isEqualTo(Map.of("f.feature :: S", List.of(tok, auth)));
  }

  @Test
  void aWaiverInForceWhoseRulePassedIsStale() {
    Waiver w = waiver(1, "AUTH-2", "*trailing slash*");
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(),
                List.of(judged("A trailing slash is refused", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(w), List.of(), List.of()));
  }

  @Test
  void aWaiverWhoseRuleRanOnlyInOtherScenariosIsNotStale() {
    Waiver w = waiver(1, "AUTH-2", "*trailing slash*");
    Application a =
        Waivers.of(List.of(w))
            .apply(List.of(), List.of(judged("A query is kept", "AUTH-2")), "nl", "sandbox", TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(), List.of(), List.of(w)));
  }

  @Test
  void aWaiverWhoseRuleDidNotRunIsNotStale() {
    Waiver w = waiver(1, "REG-2", null);
    Application a =
        Waivers.of(List.of(w))
            .apply(List.of(), List.of(judged("S", "AUTH-2")), "nl", "sandbox", TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(), List.of(), List.of(w)));
  }

  @Test
  void anExpiredWaiverWaivesNothingAndIsListed() {
    Waiver w = waiver(1, "AUTH-2", null, null, null, "2027-01-14");
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(failure("S", "AUTH-2")),
                List.of(judged("S", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(), List.of(w), List.of()));
  }

  @Test
  void aWaiverOnItsLastDayStillWaives() {
    Waiver w = waiver(1, "AUTH-2", null, null, null, "2027-01-15");
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(failure("S", "AUTH-2")),
                List.of(judged("S", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a.waivedScenarios()).isEqualTo(Map.of("f.feature :: S", List.of(w)));
  }

  @Test
  void anExpiredWaiverWhoseRulePassedIsInNoList() {
    Waiver w = waiver(1, "AUTH-2", null, null, null, "2027-01-14");
    Application a =
        Waivers.of(List.of(w))
            .apply(List.of(), List.of(judged("S", "AUTH-2")), "nl", "sandbox", TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(), List.of(), List.of()));
  }

  @Test
  void aWaiverForAnotherTenantOrEnvIsNotApplicable() {
    Waiver otherTenant = waiver(1, "AUTH-2", null, "be_nl", null, "2027-01-31");
    Waiver otherEnv = waiver(2, "AUTH-2", null, null, "production", "2027-01-31");
    Waiver expiredElsewhere = waiver(3, "AUTH-2", null, "be_nl", null, "2027-01-01");
    Application a =
        Waivers.of(List.of(otherTenant, otherEnv, expiredElsewhere))
            .apply(
                List.of(failure("S", "AUTH-2")),
                List.of(judged("S", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a)
        .isEqualTo(
            new Application(
                Map.of(), List.of(), List.of(), List.of(otherTenant, otherEnv, expiredElsewhere)));
  }

  @Test
  void aWaiverForThisTenantAndEnvApplies() {
    Waiver w = waiver(1, "AUTH-2", null, "nl", "sandbox", "2027-01-31");
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(failure("S", "AUTH-2")),
                List.of(judged("S", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a.waivedScenarios()).isEqualTo(Map.of("f.feature :: S", List.of(w)));
  }

  @Test
  void aGlobThatDoesNotMatchTheFailureWaivesNothing() {
    Waiver w = waiver(1, "AUTH-2", "*trailing slash*");
    Application a =
        Waivers.of(List.of(w))
            .apply(
                List.of(failure("A query is kept", "AUTH-2")),
                List.of(judged("A query is kept", "AUTH-2")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a).isEqualTo(new Application(Map.of(), List.of(), List.of(), List.of(w)));
  }

  @Test
  void describeListsWhatTheWaiversDid() {
    Waiver used = waiver(1, "AUTH-2", null);
    Waiver stale = waiver(2, "TOK-1", null);
    Waiver expired = waiver(3, "AUTH-2", "S", null, null, "2027-01-01");
    Waiver elsewhere = waiver(4, "REG-2", null, "be_nl", null, "2027-01-31");
    Application a =
        Waivers.of(List.of(used, stale, expired, elsewhere))
            .apply(
                List.of(failure("S", "AUTH-2")),
                List.of(judged("S", "AUTH-2", "TOK-1")),
                "nl",
                "sandbox",
                TODAY);
    assertThat(a.describe())
        .isEqualTo(
            """
            WAIVED          f.feature :: S: AUTH-2 (INC-1, qa@tpp.example, until 2027-01-31)
            STALE WAIVER    TOK-1 (INC-2, qa@tpp.example, until 2027-01-31): the rule passed;\
             remove the waiver
            EXPIRED WAIVER  AUTH-2 "S" (INC-3, qa@tpp.example, until 2027-01-01): the failure\
             counts again
            UNUSED WAIVER   REG-2 (INC-4, qa@tpp.example, until 2027-01-31): not for this tenant\
             or profile, or its rule did not run
            """);
  }

  @Test
  void describeSaysWhenNoWaiverApplied() {
    assertThat(Waivers.none().apply(List.of(), List.of(), "nl", "sandbox", TODAY).describe())
        .isEqualTo("no waiver applied\n");
  }
}
