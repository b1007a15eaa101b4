package com.obkit.psu;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.HttpExchange;
import com.obkit.client.Redactor;
import com.obkit.client.ScaOutcome;
import com.obkit.client.SecretRegistry;
import com.obkit.config.PsuSettings;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scripted PSU against a fake bank serving the reference login page (contract section 11). */
class FormPsuDriverTest {

  private static final String REDIRECT = "https://tpp.example/cb";
  private static final PsuCredentials PSU = new PsuCredentials(FakeBank.IBAN, FakeBank.DIGIPASS);
  private static final String WRONG = "2345678901";
  private static final String SESSION = FakeBank.session(1);

  private FakeBank bank;
  private final SecretRegistry secrets = new SecretRegistry();
  private final MemoryAllure allure = new MemoryAllure();
  private RecordingPause pause;

  @BeforeEach
  void startBank() throws Exception {
    bank = FakeBank.start();
    pause = new RecordingPause(() -> bank.requests.size());
  }

  @AfterEach
  void stopBank() {
    bank.close();
  }

  private FormPsuDriver driver(PsuSettings.FormPage page) {
    return new FormPsuDriver(
        new JdkBrowser(), page, new Evidence(() -> allure.lifecycle, secrets), pause);
  }

  private ScaOutcome authorise(PsuAction action) {
    return driver(PsuSettings.FormPage.reference())
        .authorise(
            new ScaRequest(bank.authorisationUrl(REDIRECT), REDIRECT, PSU, action, Duration.ZERO));
  }

  private static List<String> described(ScaOutcome outcome) {
    return outcome.exchanges().stream().map(HttpExchange::describe).toList();
  }

  private String authLine() {
    return "GET " + FakeBank.AUTH + "?" + bank.authorisationUrl(REDIRECT).getRawQuery();
  }

  private static String post(String digipass, String action) {
    return "POST "
        + FakeBank.LOGIN
        + " session="
        + SESSION
        + "&iban="
        + FakeBank.IBAN
        + "&digipass="
        + digipass
        + "&action="
        + action;
  }

  private static String callback(String query) {
    return REDIRECT + "?" + query + "&state=" + FakeBank.STATE;
  }

  @Test
  void loginFollowsTheRedirectFillsTheFormAndStopsAtTheCallbackWithoutRequestingIt() {
    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(described(outcome))
        .containsExactly(
            "GET " + bank.origin + FakeBank.AUTH + " -> 302",
            "GET " + bank.origin + FakeBank.LOGIN + " -> 200",
            "POST " + bank.origin + FakeBank.LOGIN + " -> 302");
    assertThat(bank.lines())
        .containsExactly(
            authLine(),
            "GET " + FakeBank.LOGIN + "?session=" + SESSION,
            post(FakeBank.DIGIPASS, "login"));
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(callback("code=" + FakeBank.CODE));
  }

  @Test
  void oneWrongDigipassShowsTheLoginPageAgainThenTheRightOneLogsIn() {
    ScaOutcome outcome = authorise(PsuAction.WRONG_DIGIPASS_ONCE);

    assertThat(outcome.exchanges().stream().map(HttpExchange::status).toList())
        .containsExactly(302, 200, 200, 302);
    assertThat(bank.lines().subList(2, 4))
        .containsExactly(post(WRONG, "login"), post(FakeBank.DIGIPASS, "login"));
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(callback("code=" + FakeBank.CODE));
  }

  @Test
  void threeWrongDigipassesComeBackWithAccessDenied() {
    ScaOutcome outcome = authorise(PsuAction.WRONG_DIGIPASS_THRICE);

    assertThat(outcome.exchanges().stream().map(HttpExchange::status).toList())
        .containsExactly(302, 200, 200, 200, 302);
    assertThat(bank.lines().subList(2, 5))
        .containsExactly(post(WRONG, "login"), post(WRONG, "login"), post(WRONG, "login"));
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(callback("error=access_denied"));
  }

  @Test
  void cancelPostsTheFilledInFormWithTheCancelButton() {
    ScaOutcome outcome = authorise(PsuAction.CANCEL);

    assertThat(bank.lines().get(2)).isEqualTo(post(FakeBank.DIGIPASS, "cancel"));
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(callback("error=consent_required&error_description=PSU+cancelled+the+login"));
  }

  @Test
  void aLoginTheBankDoesNotAcceptEndsOnTheLoginPageWithoutCallback() {
    bank.acceptDigipass("0000000000");
    allure.startTest();

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    List<StepResult> steps = allure.stopTest();
    assertThat(outcome.callback()).isEqualTo(Optional.empty());
    assertThat(described(outcome))
        .containsExactly(
            "GET " + bank.origin + FakeBank.AUTH + " -> 302",
            "GET " + bank.origin + FakeBank.LOGIN + " -> 200",
            "POST " + bank.origin + FakeBank.LOGIN + " -> 200");
    assertThat(steps.get(steps.size() - 1).getName())
        .isEqualTo(
            "PSU: stopped: the bank showed the login page again after log in with the digipass ("
                + bank.origin
                + FakeBank.LOGIN
                + ", 200)");
  }

  @Test
  void aCancelTheBankIgnoresEndsOnTheLoginPage() {
    bank.route(
        FakeBank.LOGIN,
        r -> FakeBank.Answer.page(FakeBank.loginPage(SESSION, null, FakeBank.LOGIN)));

    ScaOutcome outcome = authorise(PsuAction.CANCEL);

    assertThat(bank.lines().size()).isEqualTo(3);
    assertThat(outcome.callback()).isEqualTo(Optional.empty());
    assertThat(outcome.lastPage().orElseThrow().describe())
        .isEqualTo("POST " + bank.origin + FakeBank.LOGIN + " -> 200");
  }

  @Test
  void aFormWithoutActionPostsToThePagesPathWithoutItsQuery() {
    bank.formAction(null);

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(bank.lines().get(2)).isEqualTo(post(FakeBank.DIGIPASS, "login"));
    assertThat(outcome.callback().orElseThrow().code()).isEqualTo(Optional.of(FakeBank.CODE));
  }

  @Test
  void aLoginPageServedByTheAuthorisationEndpointIsKnownByItsFieldsAndItsRelativeActionResolved() {
    bank.route(
        FakeBank.AUTH,
        r ->
            FakeBank.Answer.page(
                "<html><body><form method='post' action='done?step=2'>"
                    + "<input type='hidden' name='flow' value='f-1'>"
                    + "<input type='text' name='note' value='not copied'>"
                    + "<input name='iban'><input name='digipass' type='password'>"
                    + "<input type='HIDDEN' name='csrf' value='c&amp;2'>"
                    + "<button name='action' value='login'>Go</button></form></body></html>"));
    bank.route(
        "/auth/nl/v1/done",
        r -> FakeBank.Answer.redirect(REDIRECT + "?code=direct-code-123&state=s"));

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(bank.lines().get(1))
        .isEqualTo(
            "POST /auth/nl/v1/done?step=2 flow=f-1&csrf=c%262&iban="
                + FakeBank.IBAN
                + "&digipass="
                + FakeBank.DIGIPASS
                + "&action=login");
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(REDIRECT + "?code=direct-code-123&state=s");
  }

  @Test
  void configuredFieldNamesWithoutALoginUrlPattern() {
    bank.route(
        FakeBank.AUTH,
        r ->
            FakeBank.Answer.page(
                "<form method='post' action='/sca/submit'><input type='hidden' name='t' value='1'>"
                    + "<input name='user'><input name='pin'>"
                    + "<button name='op' value='go'>Go</button>"
                    + "<button name='op' value='abort'>Abort</button></form>"));
    bank.route("/sca/submit", r -> FakeBank.Answer.redirect(REDIRECT + "?error=access_denied"));
    PsuSettings.FormPage page =
        new PsuSettings.FormPage(Optional.empty(), "user", "pin", "op", "go", "abort");

    ScaOutcome outcome =
        driver(page)
            .authorise(
                new ScaRequest(
                    bank.authorisationUrl(REDIRECT),
                    REDIRECT,
                    PSU,
                    PsuAction.CANCEL,
                    Duration.ZERO));

    assertThat(bank.lines().get(1))
        .isEqualTo(
            "POST /sca/submit t=1&user="
                + FakeBank.IBAN
                + "&pin="
                + FakeBank.DIGIPASS
                + "&op=abort");
    assertThat(outcome.callback().orElseThrow().error()).isEqualTo(Optional.of("access_denied"));
  }

  @Test
  void theWayBackOnTheBanksOwnOriginIsTheCallbackAndIsNotRequested() {
    String redirect = bank.origin + "/tpp/cb";
    bank.route("/tpp/cb", r -> FakeBank.Answer.page("<p>the TPP's page</p>"));

    ScaOutcome outcome =
        driver(PsuSettings.FormPage.reference())
            .authorise(
                new ScaRequest(
                    bank.authorisationUrl(redirect),
                    redirect,
                    PSU,
                    PsuAction.LOGIN,
                    Duration.ZERO));

    assertThat(bank.lines().size()).isEqualTo(3);
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(redirect + "?code=" + FakeBank.CODE + "&state=" + FakeBank.STATE);
  }

  @Test
  void aRelativeLocationBackIsResolvedAgainstTheRequest() {
    String redirect = bank.origin + "/tpp/cb";
    bank.route(FakeBank.AUTH, r -> FakeBank.Answer.redirect("/tpp/cb?error=access_denied&state=s"));

    ScaOutcome outcome =
        driver(PsuSettings.FormPage.reference())
            .authorise(
                new ScaRequest(
                    bank.authorisationUrl(redirect),
                    redirect,
                    PSU,
                    PsuAction.LOGIN,
                    Duration.ZERO));

    assertThat(bank.lines().size()).isEqualTo(1);
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(redirect + "?error=access_denied&state=s");
  }

  @Test
  void aRedirectOffTheBanksOriginEndsTheJourneyUnfollowed() {
    bank.route(
        FakeBank.AUTH, r -> FakeBank.Answer.redirect("https://idp.elsewhere.example/login?x=1"));
    allure.startTest();

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(outcome.callback()).isEqualTo(Optional.empty());
    assertThat(described(outcome))
        .containsExactly("GET " + bank.origin + FakeBank.AUTH + " -> 302");
    assertThat(lastStep())
        .isEqualTo(
            "PSU: stopped: the bank sent the browser to https://idp.elsewhere.example/login,"
                + " neither its own origin nor the redirect URI");
  }

  @Test
  void anotherPortIsAnotherOrigin() {
    String otherPort = "http://127.0.0.1:" + (bank.originPort() == 1 ? 2 : 1) + "/login";
    bank.route(FakeBank.AUTH, r -> FakeBank.Answer.redirect(otherPort));

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(outcome.exchanges().size()).isEqualTo(1);
    assertThat(outcome.callback()).isEqualTo(Optional.empty());
  }

  @Test
  void aRedirectLoopEndsAfterTenRedirects() {
    bank.route(FakeBank.AUTH, r -> FakeBank.Answer.redirect("/loop"));
    bank.route("/loop", r -> FakeBank.Answer.redirect("/loop"));
    allure.startTest();

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(outcome.exchanges().size()).isEqualTo(11);
    assertThat(bank.requests.size()).isEqualTo(11);
    assertThat(outcome.callback()).isEqualTo(Optional.empty());
    assertThat(lastStep())
        .isEqualTo(
            "PSU: stopped: more than 10 redirects in a row, the last to " + bank.origin + "/loop");
  }

  @Test
  void theLoginUrlWithoutALoginFormEndsThereWithoutCallback() {
    bank.route(FakeBank.LOGIN, r -> FakeBank.Answer.page("<p>Down for maintenance</p>"));
    allure.startTest();

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(outcome.callback()).isEqualTo(Optional.empty());
    assertThat(outcome.lastPage().orElseThrow().body()).isEqualTo("<p>Down for maintenance</p>");
    assertThat(lastStep())
        .isEqualTo(
            "PSU: stopped: no login form (a form with the field 'digipass') on the login page "
                + bank.origin
                + FakeBank.LOGIN);
  }

  @Test
  void aPageElsewhereWithoutTheFormEndsThere() {
    bank.route(
        FakeBank.AUTH,
        r -> FakeBank.Answer.page("<form><input name='digipass'></form><p>no IBAN field</p>"));
    allure.startTest();

    ScaOutcome outcome = authorise(PsuAction.LOGIN);

    assertThat(outcome.exchanges().size()).isEqualTo(1);
    assertThat(lastStep())
        .isEqualTo(
            "PSU: stopped: the bank showed "
                + bank.origin
                + FakeBank.AUTH
                + " (200), which has no login form (fields 'iban' and 'digipass')");
  }

  @Test
  void anErrorPageOrARedirectWithoutLocationEndsThere() {
    bank.route(FakeBank.AUTH, r -> FakeBank.Answer.status(400, "<p>invalid_request</p>"));
    allure.startTest();
    ScaOutcome refused = authorise(PsuAction.LOGIN);
    assertThat(lastStep())
        .isEqualTo("PSU: stopped: the bank answered 400 at " + bank.origin + FakeBank.AUTH);
    assertThat(refused.exchanges().size()).isEqualTo(1);

    bank.route(FakeBank.AUTH, r -> FakeBank.Answer.status(302, ""));
    allure.startTest();
    ScaOutcome nowhere = authorise(PsuAction.LOGIN);
    assertThat(lastStep())
        .isEqualTo("PSU: stopped: a 302 without Location at " + bank.origin + FakeBank.AUTH);
    assertThat(nowhere.callback()).isEqualTo(Optional.empty());
  }

  @Test
  void theSettleDelayIsWaitedBeforeTheFirstRequest() {
    driver(PsuSettings.FormPage.reference())
        .authorise(
            new ScaRequest(
                bank.authorisationUrl(REDIRECT),
                REDIRECT,
                PSU,
                PsuAction.LOGIN,
                Duration.ofMillis(1500)));
    assertThat(pause.pauses).containsExactly(new RecordingPause.Paused(Duration.ofMillis(1500), 0));
  }

  @Test
  void noSettleDelayNoPause() {
    authorise(PsuAction.LOGIN);
    assertThat(pause.pauses).isEmpty();
  }

  @Test
  void everyStepIsEvidenceAndTheCallbackIsAttachedMasked() {
    allure.startTest();

    authorise(PsuAction.LOGIN);

    List<StepResult> steps = allure.stopTest();
    assertThat(steps.stream().map(StepResult::getName).toList())
        .containsExactly(
            "PSU: open the authorisation URL " + bank.origin + FakeBank.AUTH,
            "PSU: follow the redirect to " + bank.origin + FakeBank.LOGIN,
            "PSU: the login page "
                + bank.origin
                + FakeBank.LOGIN
                + ": a form posting to "
                + bank.origin
                + FakeBank.LOGIN
                + ", hidden fields [session]",
            "PSU: log in with the digipass (post 1) to " + bank.origin + FakeBank.LOGIN,
            "PSU: the bank sent the browser back to " + REDIRECT);
    assertThat(steps.stream().map(StepResult::getStatus).distinct().toList())
        .containsExactly(Status.PASSED);
    StepResult back = steps.get(4);
    assertThat(back.getAttachments().size()).isEqualTo(1);
    assertThat(back.getAttachments().get(0).getName()).isEqualTo("callback URI");
    assertThat(allure.text(back.getAttachments().get(0)))
        .isEqualTo(REDIRECT + "?code=" + Redactor.mask(FakeBank.CODE) + "&state=" + FakeBank.STATE);
    assertThat(secrets.isRegistered(FakeBank.CODE)).isTrue();
    assertThat(secrets.isRegistered(FakeBank.DIGIPASS)).isTrue();
    assertThat(secrets.isRegistered(WRONG)).isTrue();
  }

  @Test
  void theWrongTriesAreNumberedInTheEvidence() {
    allure.startTest();

    authorise(PsuAction.WRONG_DIGIPASS_THRICE);

    assertThat(
            allure.stopTest().stream()
                .map(StepResult::getName)
                .filter(n -> n.startsWith("PSU: log in"))
                .toList())
        .containsExactly(
            "PSU: log in with a wrong digipass (post 1) to " + bank.origin + FakeBank.LOGIN,
            "PSU: log in with a wrong digipass (post 2) to " + bank.origin + FakeBank.LOGIN,
            "PSU: log in with a wrong digipass (post 3) to " + bank.origin + FakeBank.LOGIN);
  }

  private String lastStep() {
    List<StepResult> steps = allure.stopTest();
    return steps.get(steps.size() - 1).getName();
  }
}
