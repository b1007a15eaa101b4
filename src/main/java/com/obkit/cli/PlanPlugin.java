package com.obkit.cli;

import com.obkit.outcomes.Rule;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * The plan of a run, from a Cucumber dry run (no step executes, no request is sent): every scenario
 * that would run, whether it changes the TPP's registration at the bank, and the requests its steps
 * would send, read from the steps' own words. Arguments: {@code com.obkit.cli.PlanPlugin:<own
 * identity>:<registration forbidden>} (booleans), which say whether a registration would change the
 * TPP's real one, or is not done at all (production, read-only).
 */
public final class PlanPlugin implements ConcurrentEventListener {

  /** A step phrase, the requests it sends, and how many times the PSU logs in at the bank. */
  private record Phrase(Pattern pattern, String requests, boolean registers, int logins) {}

  private static final String SCA = "PSU at the bank: GET scaRedirect, GET/POST login (SCA)";

  private static final List<Phrase> PHRASES =
      List.of(
          phrase("requests? an initial access token", "GET onboarding", false),
          phrase("holds an initial access token", "GET onboarding", false),
          phrase("registers a new certificate", "GET onboarding (renewed certificate)", false),
          phrase("has registered the redirect", "GET onboarding, POST registration", true),
          phrase("replays the whole flow", "GET onboarding, POST registration", true),
          phrase("registers (the|no) redirect", "POST registration (after GET onboarding)", true),
          phrase(
              "sent to the authorisation endpoint",
              "GET authorisation endpoint (+ login page)",
              false),
          phrase("creates two test accounts", "POST test-accounts x2", false),
          phrase("creates a test account", "POST test-accounts", false),
          phrase("asks a production environment for a test account", "POST test-accounts", false),
          // The journey after onboarding (contract sections 10 to 15).
          phrase("has replayed the whole flow", "GET onboarding, POST registration", true),
          phrase(
              "another tpp holds a consent",
              "GET onboarding, POST registration, POST consents",
              false),
          phrase("another tpp has registered", "GET onboarding, POST registration", false),
          phrase("has a (second )?test account", "POST test-accounts (or kit.accounts)", false),
          phrase(
              "confirmed consent on a second",
              "POST test-accounts, POST consents, "
                  + SCA
                  + ", POST token, PUT authorisation, GET accounts",
              false,
              1),
          phrase("asks? for a consent|asked for a consent", "POST consents", false),
          phrase(
              "reads the consent's status|follows the consent's status link|reads its consent|reads a consent id|reads the other tpp's consent$",
              "GET consent",
              false),
          phrase(
              "holds an access token for another payment",
              "POST payments, " + SCA + ", POST token",
              false,
              1),
          phrase("holds an access token for", SCA + ", POST token", false, 1),
          phrase(
              "opens the consent's scaredirect a second time",
              "PSU at the bank: GET scaRedirect again",
              false,
              1),
          phrase(
              "(authorises|has authorised) the|logs in|cancels the authorisation", SCA, false, 1),
          phrase("(exchanges|has exchanged|refreshes)", "POST token", false),
          phrase(
              "with the access token of another consent",
              "POST consents, " + SCA + ", POST token, then the read or confirmation",
              false,
              1),
          phrase("the tpp (confirms|has confirmed) the", "PUT authorisation (confirmation)", false),
          phrase("reads the account list", "GET accounts", false),
          phrase("balances (\\d+) times", "GET balances x5", false),
          phrase("(reads|has read) the (test|second) account.s balances", "GET balances", false),
          phrase(
              "reads the test account.s transactions",
              "GET transactions (and its next pages)",
              false),
          phrase("initiates|has initiated", "POST payments", false),
          phrase("reads the payment.s status", "GET payment status", false),
          phrase("deletes the consent", "DELETE consent", false),
          phrase("the tpp revokes", "POST token/revoke", false),
          phrase(
              "fetches the bank.s openapi documents",
              "GET /xs2a-bg/openapi.json, GET /auth/openapi.json",
              false));

  private final boolean ownIdentity;
  private final boolean registrationForbidden;
  private final PrintStream out = System.out;
  private final ConcurrentLinkedQueue<TestCase> cases = new ConcurrentLinkedQueue<>();

  /**
   * @param arguments {@code <own identity>:<registration forbidden>}
   */
  public PlanPlugin(String arguments) {
    String[] a = arguments.split(":");
    this.ownIdentity = Boolean.parseBoolean(a[0]);
    this.registrationForbidden = a.length > 1 && Boolean.parseBoolean(a[1]);
  }

  private static Phrase phrase(String regex, String requests, boolean registers) {
    return phrase(regex, requests, registers, 0);
  }

  private static Phrase phrase(String regex, String requests, boolean registers, int logins) {
    return new Phrase(Pattern.compile(regex), requests, registers, logins);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseStarted.class, e -> cases.add(e.getTestCase()));
    publisher.registerHandlerFor(TestRunFinished.class, e -> print());
  }

  private void print() {
    int registering = 0;
    int total = 0;
    int logins = 0;
    StringBuilder sb = new StringBuilder("PLAN (nothing was sent):\n");
    for (TestCase c : cases) {
      total++;
      List<String> requests = new ArrayList<>();
      boolean registers = false;
      int before = logins;
      for (var step : c.getTestSteps()) {
        if (step instanceof PickleStepTestStep s) {
          String text = s.getStep().getText().toLowerCase(Locale.ROOT);
          for (Phrase p : PHRASES) {
            if (p.pattern().matcher(text).find()) {
              requests.add(p.requests());
              registers |= p.registers();
              logins += p.logins();
              break;
            }
          }
        }
      }
      String change;
      if (!registers) {
        change = "no registration change";
      } else if (!ownIdentity) {
        change = "registers its own fresh organization id";
      } else if (registrationForbidden) {
        change = "NOT APPLICABLE: would change the live registration (production is read-only)";
      } else {
        change = "CHANGES the TPP's registration (restored at the end)";
        registering++;
      }
      sb.append("- ")
          .append(c.getName())
          .append(" ")
          .append(Rule.idsOfTags(c.getTags()))
          .append("\n    ")
          .append(change)
          .append("; requests: ")
          .append(requests.isEmpty() ? "none" : String.join("; ", requests));
      if (logins > before) {
        sb.append("; the PSU logs in ").append(logins - before).append(" time(s)");
      }
      sb.append('\n');
    }
    sb.append(total).append(" scenarios");
    // With kit.psu.driver=manual a person does each login; scenarios found not applicable before
    // their first request (@budget, @sandbox-clock, @psu-form) need none.
    sb.append(", at most ").append(logins).append(" PSU logins at the bank");
    if (ownIdentity) {
      sb.append(", ")
          .append(registering)
          .append(" of them change the TPP's registration")
          .append(
              registering > 0
                  ? "; at the end: GET onboarding, POST registration with exactly"
                      + " kit.registration.keepRedirectUris (the restore)"
                  : "");
    }
    synchronized (out) {
      out.println(sb);
    }
  }
}
