package com.obkit.psu;

import com.obkit.client.BrowserVisit;
import com.obkit.client.Callback;
import com.obkit.client.HttpExchange;
import com.obkit.client.ScaOutcome;
import com.obkit.client.SecretRegistry;
import com.obkit.config.PsuSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scripted PSU: fills in the bank's login form as a browser would (the embedded sandbox, and
 * any bank serving the reference login page of contract section 11, or one configured with {@code
 * kit.psu.form.*}).
 *
 * <p>It opens the authorisation URL and follows redirects while they stay on the bank's origin (the
 * authorisation URL's scheme, host and port), at most {@value #MAX_REDIRECTS} in a row. A redirect
 * whose target starts with the redirect URI is the bank sending the browser back: the driver stops
 * there and does not request it (the TPP's page is not the bank's to test, and requesting it could
 * spend the code). A redirect anywhere else stops the journey without a callback. On the login page
 * it fills in the form that holds the digipass field: its hidden fields, the IBAN, the digipass (or
 * a wrong one) and the submit button's value for logging in or cancelling, and posts it.
 *
 * <p>It never judges and never throws for what the bank did: a page it cannot go on from ends the
 * journey, and the outcome (every exchange, in order, and the callback if there was one) goes to
 * the checks. It ends after at most three posts of the form.
 */
public final class FormPsuDriver implements PsuDriver {

  /** Redirects followed in a row before the driver gives up (a loop, or a chain of pages). */
  static final int MAX_REDIRECTS = 10;

  private final Browser browser;
  private final PsuSettings.FormPage page;
  private final Evidence evidence;
  private final Pause pause;

  /**
   * @param browser the PSU's browser
   * @param page how the login page is recognised and filled in
   * @param secrets the run's registry: told the digipass numbers and the callback's code before any
   *     request or evidence
   */
  public FormPsuDriver(Browser browser, PsuSettings.FormPage page, SecretRegistry secrets) {
    this(browser, page, Evidence.allure(secrets), Pause.sleeping());
  }

  FormPsuDriver(Browser browser, PsuSettings.FormPage page, Evidence evidence, Pause pause) {
    this.browser = Objects.requireNonNull(browser, "browser");
    this.page = Objects.requireNonNull(page, "page");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  @Override
  public ScaOutcome authorise(ScaRequest request) {
    Objects.requireNonNull(request, "request");
    return new Journey(request).run();
  }

  /** What one submission of the form sends. */
  private enum Submission {
    LOGIN,
    WRONG_DIGIPASS,
    CANCEL
  }

  /** Where following the answers ended: back at the TPP, on a page, or nowhere to go on from. */
  private record Landing(
      Optional<Callback> callback, Optional<HttpExchange> page, Optional<String> stop) {
    static Landing back(Callback c) {
      return new Landing(Optional.of(c), Optional.empty(), Optional.empty());
    }

    static Landing on(HttpExchange p) {
      return new Landing(Optional.empty(), Optional.of(p), Optional.empty());
    }

    static Landing stopped(String why) {
      return new Landing(Optional.empty(), Optional.empty(), Optional.of(why));
    }
  }

  /** One authorisation's way through the bank's pages (the driver itself keeps no state). */
  private final class Journey {
    private final ScaRequest request;
    private final List<HttpExchange> exchanges = new ArrayList<>();

    Journey(ScaRequest request) {
      this.request = request;
    }

    ScaOutcome run() {
      // Registered before any request, so that no report or message can show them.
      evidence.secrets().register(request.psu().digipass());
      evidence.secrets().register(request.psu().wrongDigipass());
      settle();
      URI start = request.authorisationUrl();
      HttpExchange answer =
          request("PSU: open the authorisation URL " + Links.withoutQuery(start), start, null);
      List<Submission> sent = new ArrayList<>();
      while (true) {
        Landing landing = follow(answer);
        if (landing.callback().isPresent()) {
          evidence.callback(landing.callback().get());
          return new ScaOutcome(exchanges, landing.callback());
        }
        if (landing.stop().isPresent()) {
          return stop(landing.stop().get());
        }
        HttpExchange shown = landing.page().orElseThrow();
        Optional<LoginForm> form = LoginForm.of(shown, page);
        if (form.isEmpty()) {
          return stop(
              LoginForm.atLoginUrl(shown.uri(), page)
                  ? "no login form (a form with the field '"
                      + page.digipassField()
                      + "') on the login page "
                      + Links.withoutQuery(shown.uri())
                  : "the bank showed "
                      + Links.withoutQuery(shown.uri())
                      + " ("
                      + shown.status()
                      + "), which has no login form (fields '"
                      + page.ibanField()
                      + "' and '"
                      + page.digipassField()
                      + "')");
        }
        Optional<Submission> next = next(sent);
        if (next.isEmpty()) {
          return stop(
              "the bank showed the login page again after "
                  + describe(sent.get(sent.size() - 1))
                  + " ("
                  + Links.withoutQuery(shown.uri())
                  + ", "
                  + shown.status()
                  + ")");
        }
        LoginForm login = form.get();
        evidence.note(
            "PSU: the login page "
                + Links.withoutQuery(login.page())
                + ": a form posting to "
                + Links.withoutQuery(login.action())
                + (login.hidden().isEmpty() ? "" : ", hidden fields " + login.hiddenNames()));
        sent.add(next.get());
        answer = submit(login, next.get(), sent.size());
      }
    }

    /**
     * What to submit next, given what was submitted and answered with the login page again: the
     * action's first submission; after a wrong digipass, the next wrong one (three in all) or,
     * once, the right one; otherwise nothing (the bank did not accept the login, or ignored the
     * cancel).
     */
    private Optional<Submission> next(List<Submission> sent) {
      long wrong = sent.stream().filter(s -> s == Submission.WRONG_DIGIPASS).count();
      return switch (request.action()) {
        case LOGIN -> sent.isEmpty() ? Optional.of(Submission.LOGIN) : Optional.empty();
        case CANCEL -> sent.isEmpty() ? Optional.of(Submission.CANCEL) : Optional.empty();
        case WRONG_DIGIPASS_ONCE ->
            sent.isEmpty()
                ? Optional.of(Submission.WRONG_DIGIPASS)
                : sent.size() == 1 ? Optional.of(Submission.LOGIN) : Optional.empty();
        case WRONG_DIGIPASS_THRICE ->
            wrong < request.action().wrongTries()
                ? Optional.of(Submission.WRONG_DIGIPASS)
                : Optional.empty();
      };
    }

    private HttpExchange submit(LoginForm form, Submission submission, int number) {
      Map<String, String> fields = new LinkedHashMap<>(form.hidden());
      fields.put(page.ibanField(), request.psu().iban());
      fields.put(
          page.digipassField(),
          submission == Submission.WRONG_DIGIPASS
              ? request.psu().wrongDigipass()
              : request.psu().digipass());
      // A cancel is posted with the fields filled in, as a browser would send them: a bank that
      // ignores the button and logs the PSU in is caught issuing a code (SCA-2).
      fields.put(
          page.actionField(),
          submission == Submission.CANCEL ? page.cancelValue() : page.loginValue());
      String name =
          "PSU: "
              + describe(submission)
              + " (post "
              + number
              + ") to "
              + Links.withoutQuery(form.action());
      return request(name, form.action(), fields);
    }

    private String describe(Submission s) {
      return switch (s) {
        case LOGIN -> "log in with the digipass";
        case WRONG_DIGIPASS -> "log in with a wrong digipass";
        case CANCEL -> "cancel";
      };
    }

    /**
     * Follows an answer as a browser would: redirects on the bank's origin, at most {@value
     * #MAX_REDIRECTS} in a row, until a page, the way back to the TPP, or a place to stop.
     */
    private Landing follow(HttpExchange answer) {
      HttpExchange current = answer;
      int hops = 0;
      while (current.isRedirect()) {
        Optional<String> location = current.header("location");
        if (location.isEmpty() || location.get().isBlank()) {
          return Landing.stopped(
              "a "
                  + current.status()
                  + " without Location at "
                  + Links.withoutQuery(current.uri()));
        }
        String written = location.get().trim();
        URI target;
        try {
          target = current.uri().resolve(new URI(written));
        } catch (URISyntaxException | IllegalArgumentException e) {
          return Landing.stopped(
              "a " + current.status() + " whose Location is not a URI, at " + current.describe());
        }
        // First: the way back may lie on the bank's own origin (the API Test Client's page does).
        if (written.startsWith(request.redirectUri())
            || target.toString().startsWith(request.redirectUri())) {
          // An absolute Location resolves to itself, kept as the bank wrote it (the checks compare
          // exact strings); a relative one to where a browser would go.
          return Landing.back(new Callback(target));
        }
        if (!BrowserVisit.sameOrigin(target, request.authorisationUrl())) {
          return Landing.stopped(
              "the bank sent the browser to "
                  + Links.withoutQuery(target)
                  + ", neither its own origin nor the redirect URI");
        }
        if (++hops > MAX_REDIRECTS) {
          return Landing.stopped(
              "more than "
                  + MAX_REDIRECTS
                  + " redirects in a row, the last to "
                  + Links.withoutQuery(target));
        }
        current =
            request("PSU: follow the redirect to " + Links.withoutQuery(target), target, null);
      }
      if (current.status() / 100 == 2) {
        return Landing.on(current);
      }
      return Landing.stopped(
          "the bank answered " + current.status() + " at " + Links.withoutQuery(current.uri()));
    }

    /** One request of the browser, as a step of its own (the kit's client attaches it inside). */
    private HttpExchange request(String name, URI uri, Map<String, String> form) {
      HttpExchange exchange =
          evidence.step(name, () -> form == null ? browser.get(uri) : browser.postForm(uri, form));
      exchanges.add(Objects.requireNonNull(exchange, "the browser answered nothing"));
      return exchange;
    }

    private ScaOutcome stop(String why) {
      evidence.note("PSU: stopped: " + why);
      return new ScaOutcome(exchanges, Optional.empty());
    }

    private void settle() {
      if (request.settleDelay().isZero()) {
        return;
      }
      try {
        pause.pause(request.settleDelay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting the settle delay", e);
      }
    }
  }
}
