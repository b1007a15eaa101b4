package com.obkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.client.Callback;
import com.obkit.client.HttpExchange;
import com.obkit.client.ScaOutcome;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What came of SCA (SCA-*, section 11): each outcome the bank can give, for each check. */
class ScaChecksTest {
  private static final String REDIRECT = "https://tpp.example/cb";
  private static final String STATE = "st-1";
  private static final String LOGIN_DESCRIBED = "GET https://api.bank.example/auth/nl/v1/login";
  private static final String NO_CALLBACK = "the bank did not send the browser back to the TPP";

  private static HttpExchange page(int status) {
    return new HttpExchange(
        "GET",
        URI.create("https://api.bank.example/auth/nl/v1/login?session=s3cr3t"),
        status,
        Map.of("content-type", List.of("text/html")),
        "<form method=\"post\"></form>");
  }

  /** The login page, then the bank sends the browser to {@code landedOn}. */
  private static ScaOutcome back(String landedOn) {
    return new ScaOutcome(List.of(page(200)), Optional.of(Callback.parse(landedOn)));
  }

  /** The browser stays at the bank: its last page has {@code status}. */
  private static ScaOutcome stays(int status) {
    return new ScaOutcome(List.of(page(200), page(status)), Optional.empty());
  }

  /** A person at a browser who saw no page the kit could record, and no callback came. */
  private static final ScaOutcome NOTHING = new ScaOutcome(List.of(), Optional.empty());

  private static final ScaOutcome CODE = back(REDIRECT + "?code=c0de-secret&state=" + STATE);
  private static final ScaOutcome CANCELLED =
      back(REDIRECT + "?error=consent_required&error_description=The+PSU+cancelled&state=" + STATE);
  private static final ScaOutcome DENIED = back(REDIRECT + "?error=access_denied&state=" + STATE);

  private static Optional<String> wrong(String message) {
    return Optional.of(message);
  }

  @Test
  void callbackTo() {
    Check<ScaOutcome> check = ScaChecks.callbackTo(REDIRECT);
    assertThat(check.name()).isEqualTo("EnsureCallbackToRedirectUri");
    assertThat(check.name()).isEqualTo(ScaChecks.CALLBACK_TO_REDIRECT_URI);
    assertThat(check.evaluate(CODE)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(back(REDIRECT))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(back(REDIRECT + "/?code=c&state=" + STATE)))
        .isEqualTo(
            wrong(
                "the browser was sent back to https://tpp.example/cb/, expected exactly "
                    + REDIRECT));
    assertThat(check.evaluate(back("https://TPP.example/cb?code=c")))
        .isEqualTo(
            wrong(
                "the browser was sent back to https://TPP.example/cb, expected exactly "
                    + REDIRECT));
    assertThat(check.evaluate(stays(200)))
        .isEqualTo(
            wrong(
                NO_CALLBACK
                    + " (last page: "
                    + LOGIN_DESCRIBED
                    + " -> 200), expected a callback to "
                    + REDIRECT));
    assertThat(check.evaluate(NOTHING))
        .isEqualTo(wrong(NO_CALLBACK + ", expected a callback to " + REDIRECT));
  }

  @Test
  void callbackToARedirectUriWithAQueryKeepsItsQuery() {
    String withQuery = REDIRECT + "?flow=ais";
    Check<ScaOutcome> check = ScaChecks.callbackTo(withQuery);
    assertThat(check.evaluate(back(withQuery + "&code=c&state=" + STATE))).isEmpty();
    assertThat(check.evaluate(back(withQuery))).isEmpty();
    assertThat(check.evaluate(back(REDIRECT + "?code=c&state=" + STATE)))
        .isEqualTo(
            wrong("the browser was sent back to " + REDIRECT + ", expected exactly " + withQuery));
    assertThat(check.evaluate(back(withQuery + "x&code=c")))
        .isEqualTo(
            wrong("the browser was sent back to " + REDIRECT + ", expected exactly " + withQuery));
    assertThat(check.evaluate(back(withQuery + "?code=c")))
        .isEqualTo(
            wrong("the browser was sent back to " + REDIRECT + ", expected exactly " + withQuery));
  }

  @Test
  void codeIssued() {
    Check<ScaOutcome> check = ScaChecks.codeIssued();
    assertThat(check.name()).isEqualTo("EnsureCodeInCallback");
    assertThat(check.name()).isEqualTo(ScaChecks.CODE_IN_CALLBACK);
    assertThat(check.evaluate(CODE)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(DENIED))
        .isEqualTo(
            wrong(
                "the callback to https://tpp.example/cb carries no code but error=access_denied"));
    assertThat(check.evaluate(back(REDIRECT + "?code=&state=" + STATE)))
        .isEqualTo(wrong("the callback to https://tpp.example/cb carries no code"));
    assertThat(check.evaluate(back(REDIRECT + "?state=" + STATE)))
        .isEqualTo(wrong("the callback to https://tpp.example/cb carries no code"));
    assertThat(check.evaluate(stays(200)))
        .isEqualTo(
            wrong(
                NO_CALLBACK
                    + " (last page: "
                    + LOGIN_DESCRIBED
                    + " -> 200), expected one with a code"));
    assertThat(check.evaluate(NOTHING))
        .isEqualTo(wrong(NO_CALLBACK + ", expected one with a code"));
  }

  @Test
  void stateUnchanged() {
    Check<ScaOutcome> check = ScaChecks.stateUnchanged(STATE);
    assertThat(check.name()).isEqualTo("EnsureStateUnchanged");
    assertThat(check.name()).isEqualTo(ScaChecks.STATE_UNCHANGED);
    assertThat(check.evaluate(CODE)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(CANCELLED)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(back(REDIRECT + "?code=c&state=st-2")))
        .isEqualTo(wrong("the callback's state is 'st-2', expected 'st-1'"));
    assertThat(check.evaluate(back(REDIRECT + "?code=c")))
        .isEqualTo(wrong("the callback carries no state, expected 'st-1'"));
    assertThat(check.evaluate(NOTHING))
        .isEqualTo(wrong(NO_CALLBACK + ", expected one with state 'st-1'"));
  }

  @Test
  void noCodeIssued() {
    Check<ScaOutcome> check = ScaChecks.noCodeIssued();
    assertThat(check.name()).isEqualTo("EnsureNoCodeIssued");
    assertThat(check.name()).isEqualTo(ScaChecks.NO_CODE_ISSUED);
    assertThat(check.evaluate(stays(200))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(NOTHING)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(CANCELLED)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(CODE))
        .isEqualTo(
            wrong(
                "a code was issued: the browser was sent back to https://tpp.example/cb with one"));
    assertThat(check.evaluate(back(REDIRECT + "?error=access_denied&code=c0de-secret")))
        .isEqualTo(
            wrong(
                "a code was issued: the browser was sent back to https://tpp.example/cb with one"));
  }

  @Test
  void errorReturned() {
    Check<ScaOutcome> check = ScaChecks.errorReturned("consent_required", "access_denied");
    assertThat(check.name()).isEqualTo("EnsureCallbackError");
    assertThat(check.name()).isEqualTo(ScaChecks.CALLBACK_ERROR);
    assertThat(check.evaluate(CANCELLED)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(DENIED)).isEqualTo(Optional.empty());
    assertThat(check.evaluate(back(REDIRECT + "?error=server_error&state=" + STATE)))
        .isEqualTo(
            wrong(
                "the callback's error is 'server_error', expected one of [consent_required,"
                    + " access_denied]"));
    assertThat(check.evaluate(CODE))
        .isEqualTo(
            wrong(
                "the callback carries no error, expected one of [consent_required, access_denied]"));
    assertThat(check.evaluate(stays(200)))
        .isEqualTo(
            wrong(
                NO_CALLBACK
                    + " (last page: "
                    + LOGIN_DESCRIBED
                    + " -> 200), expected one with error one of [consent_required, access_denied]"));
  }

  @Test
  void linkNotReusablePassesOnAnErrorPageOrAnErrorCallbackWithTheState() {
    Check<ScaOutcome> check = ScaChecks.linkNotReusable();
    assertThat(check.name()).isEqualTo("EnsureScaRedirectNotReused");
    assertThat(check.name()).isEqualTo(ScaChecks.SCA_REDIRECT_NOT_REUSED);
    assertThat(check.evaluate(stays(400))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(stays(499))).isEqualTo(Optional.empty());
    assertThat(check.evaluate(back(REDIRECT + "?error=invalid_request&state=" + STATE)))
        .isEqualTo(Optional.empty());
  }

  @Test
  void linkNotReusableFailsOnASecondCodeOrACallbackWithoutErrorOrState() {
    Check<ScaOutcome> check = ScaChecks.linkNotReusable();
    assertThat(check.evaluate(CODE))
        .isEqualTo(wrong("a second code was issued for the same scaRedirect"));
    assertThat(
            check.evaluate(
                new ScaOutcome(
                    List.of(page(400)),
                    Optional.of(Callback.parse(REDIRECT + "?error=x&code=c&state=" + STATE)))))
        .isEqualTo(wrong("a second code was issued for the same scaRedirect"));
    assertThat(check.evaluate(back(REDIRECT + "?state=" + STATE)))
        .isEqualTo(
            wrong(
                "the browser was sent back to https://tpp.example/cb without an error or a code"));
    assertThat(check.evaluate(back(REDIRECT + "?error=invalid_request")))
        .isEqualTo(wrong("the error callback (error=invalid_request) carries no state"));
  }

  @Test
  void linkNotReusableFailsWhenTheBankShowsAPageAgainOrNothingIsSeen() {
    Check<ScaOutcome> check = ScaChecks.linkNotReusable();
    String notRefused = "the scaRedirect was not refused: the last page was " + LOGIN_DESCRIBED;
    assertThat(check.evaluate(stays(200)))
        .isEqualTo(wrong(notRefused + " -> 200 and no error came back"));
    assertThat(check.evaluate(stays(399)))
        .isEqualTo(wrong(notRefused + " -> 399 and no error came back"));
    assertThat(check.evaluate(stays(500)))
        .isEqualTo(wrong(notRefused + " -> 500 and no error came back"));
    assertThat(check.evaluate(NOTHING))
        .isEqualTo(wrong("neither a page of the bank nor a callback was seen"));
  }

  private static HttpExchange login(int status, String location) {
    return new HttpExchange(
        "POST",
        URI.create("https://api.bank.example/auth/nl/v1/login"),
        status,
        location == null ? Map.of() : Map.of("location", List.of(location)),
        "");
  }

  @Test
  void wrongDigipassRefusedPassesWhenTheFirstLoginGetsThePageAgainOrAnError() {
    Check<ScaOutcome> check = ScaChecks.wrongDigipassRefused();
    assertThat(check.name()).isEqualTo("EnsureWrongDigipassRefused");
    ScaOutcome again =
        new ScaOutcome(
            List.of(page(200), login(200, null), login(302, REDIRECT + "?code=c0de&state=s")),
            Optional.of(Callback.parse(REDIRECT + "?code=c0de&state=s")));
    assertThat(check.evaluate(again)).isEmpty();
    ScaOutcome error =
        new ScaOutcome(
            List.of(page(200), login(302, REDIRECT + "?error=access_denied&state=s")),
            Optional.empty());
    assertThat(check.evaluate(error)).isEmpty();
  }

  @Test
  void wrongDigipassRefusedFailsForACodeOrWhenNoLoginWasPosted() {
    Check<ScaOutcome> check = ScaChecks.wrongDigipassRefused();
    ScaOutcome coded =
        new ScaOutcome(
            List.of(page(200), login(302, REDIRECT + "?code=c0de&state=s")), Optional.empty());
    assertThat(check.evaluate(coded))
        .isEqualTo(
            wrong(
                "the bank answered a wrong digipass with a redirect carrying a code: POST"
                    + " https://api.bank.example/auth/nl/v1/login -> 302"));
    assertThat(check.evaluate(stays(200)))
        .isEqualTo(wrong("no login form was posted, so no wrong digipass was tried"));
    ScaOutcome redirectWithoutLocation =
        new ScaOutcome(List.of(login(302, null)), Optional.empty());
    assertThat(check.evaluate(redirectWithoutLocation)).isEmpty();
  }
}
