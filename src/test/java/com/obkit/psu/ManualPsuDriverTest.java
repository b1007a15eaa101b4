package com.obkit.psu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.obkit.client.HttpExchange;
import com.obkit.client.Redactor;
import com.obkit.client.ScaOutcome;
import com.obkit.client.SecretRegistry;
import com.obkit.outcomes.EnvironmentFault;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person at a browser, simulated: a thread that reads the console, logs in at a fake bank serving
 * the reference login page, and then lets the browser come back to the kit's loopback listener or
 * pastes the URL it landed on.
 */
class ManualPsuDriverTest {

  private static final PsuCredentials PSU = new PsuCredentials(FakeBank.IBAN, FakeBank.DIGIPASS);
  private static final String PASTE_REDIRECT = "https://tpp.example/cb";
  private static final Duration PATIENT = Duration.ofSeconds(10);
  private static final Duration IMPATIENT = Duration.ofMillis(200);
  private static final String DONE_PAGE =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Done</title></head>\n"
          + "<body><p>You can close this window; the kit has the answer.</p></body></html>\n";

  private FakeBank bank;
  private final ConsoleCapture console = new ConsoleCapture();
  private final TypedInput input = new TypedInput();
  private final SecretRegistry secrets = new SecretRegistry();
  private final MemoryAllure allure = new MemoryAllure();
  private final RecordingPause pause = new RecordingPause(() -> console.lines.size());
  private final ExecutorService people = Executors.newSingleThreadExecutor();

  @BeforeEach
  void startBank() throws IOException {
    bank = FakeBank.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    input.end(); // the driver's console reader ends with its input
    people.shutdownNow();
    assertThat(people.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    bank.close();
  }

  private ManualPsuDriver driver(Duration timeout) {
    return new ManualPsuDriver(
        timeout, new Evidence(() -> allure.lifecycle, secrets), console.stream, input, pause);
  }

  private ScaRequest request(String redirectUri, PsuAction action) {
    return new ScaRequest(
        bank.authorisationUrl(redirectUri), redirectUri, PSU, action, Duration.ZERO);
  }

  private List<String> instructions(String redirectUri, String action, String lastStep) {
    return List.of(
        "PSU: a person at a browser does the PSU's part of SCA (kit.psu.driver=manual).",
        "  1. Open this URL in a browser:",
        "     " + bank.authorisationUrl(redirectUri),
        "  2. Account NL91TRIO0123456789 (its digipass, in the bank's API Test Client, ends in 90).",
        "     " + action,
        lastStep);
  }

  private static String listening(String redirectUri, String wait) {
    return "  3. The kit listens at "
        + redirectUri
        + " for the bank to send the browser back: nothing to paste. It waits up to "
        + wait
        + ".";
  }

  private static String pasteHere(String wait) {
    return "  3. When the browser lands on a page whose address starts with "
        + PASTE_REDIRECT
        + ", copy the whole address, paste it here and press Enter. The kit waits up to "
        + wait
        + ".";
  }

  private static List<String> concat(List<String> a, String... b) {
    return Stream.concat(a.stream(), Arrays.stream(b)).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Whether the port is free again (the listener was closed). */
  private static boolean free(InetAddress address, int port) {
    try (ServerSocket s = new ServerSocket(port, 1, address)) {
      return s.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void atALoopbackRedirectUriTheKitListensItselfAndTellsTheBrowserItMayClose() throws Exception {
    int port = freePort();
    String redirect = "http://127.0.0.1:" + port + "/callback";
    Person person = new Person(console);
    Future<List<HttpExchange>> browser =
        people.submit(
            () -> {
              URI url = person.readUrl();
              person.readToTheEnd();
              HttpExchange favicon =
                  person.get(URI.create("http://127.0.0.1:" + port + "/favicon.ico"));
              HttpExchange posted = person.post(URI.create(redirect));
              String location = person.logIn(url, FakeBank.IBAN, FakeBank.DIGIPASS);
              return List.of(favicon, posted, person.follow(location));
            });

    ScaOutcome outcome = driver(PATIENT).authorise(request(redirect, PsuAction.LOGIN));

    List<HttpExchange> saw = browser.get(10, TimeUnit.SECONDS);
    assertThat(saw.stream().map(HttpExchange::status).toList()).containsExactly(404, 405, 200);
    assertThat(saw.get(2).body()).isEqualTo(DONE_PAGE);
    assertThat(saw.get(2).header("content-type")).contains("text/html; charset=utf-8");
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(redirect + "?code=" + FakeBank.CODE + "&state=" + FakeBank.STATE);
    assertThat(outcome.exchanges()).isEmpty();
    assertThat(console.lines)
        .containsExactlyElementsOf(
            concat(
                instructions(
                    redirect,
                    "Log in with the account's IBAN and its digipass.",
                    listening(redirect, "10s")),
                "PSU: the kit has the bank's answer at " + redirect + "."));
    assertThat(free(InetAddress.getLoopbackAddress(), port)).isTrue();
  }

  @Test
  void atLocalhostTheKitListensOnTheIpv4Loopback() throws Exception {
    int port = freePort();
    String redirect = "http://localhost:" + port + "/cb";
    Person person = new Person(console);
    Future<HttpExchange> browser =
        people.submit(
            () -> {
              person.readToTheEnd();
              return person.follow(redirect + "?error=access_denied&state=s1");
            });

    ScaOutcome outcome = driver(PATIENT).authorise(request(redirect, PsuAction.CANCEL));

    assertThat(browser.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(redirect + "?error=access_denied&state=s1");
  }

  @Test
  void atTheIpv6LoopbackTheKitListensThere() throws Exception {
    InetAddress ipv6 =
        InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, ipv6)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      port = -1;
    }
    assumeThat(port).as("an IPv6 loopback on this machine").isNotEqualTo(-1);
    String redirect = "http://[::1]:" + port + "/cb";
    Person person = new Person(console);
    Future<HttpExchange> browser =
        people.submit(
            () -> {
              person.readToTheEnd();
              return person.follow(redirect + "?code=v6-code-0123&state=s1");
            });

    ScaOutcome outcome = driver(PATIENT).authorise(request(redirect, PsuAction.LOGIN));

    assertThat(browser.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(redirect + "?code=v6-code-0123&state=s1");
    assertThat(free(ipv6, port)).isTrue();
  }

  @Test
  void elsewhereThePersonPastesTheUrlTheBrowserLandedOn() throws Exception {
    Person person = new Person(console);
    Future<String> landed =
        people.submit(
            () -> {
              URI url = person.readUrl();
              person.readToTheEnd();
              String location = person.logIn(url, FakeBank.IBAN, FakeBank.DIGIPASS);
              input.type("  " + location + "  ");
              return location;
            });

    ScaOutcome outcome = driver(PATIENT).authorise(request(PASTE_REDIRECT, PsuAction.LOGIN));

    String location = landed.get(10, TimeUnit.SECONDS);
    assertThat(location)
        .isEqualTo(PASTE_REDIRECT + "?code=" + FakeBank.CODE + "&state=" + FakeBank.STATE);
    assertThat(outcome.callback().orElseThrow().uri().toString()).isEqualTo(location);
    assertThat(console.lines)
        .containsExactlyElementsOf(
            concat(
                instructions(
                    PASTE_REDIRECT,
                    "Log in with the account's IBAN and its digipass.",
                    pasteHere("10s")),
                "PSU: the kit has the bank's answer at " + PASTE_REDIRECT + "."));
  }

  @Test
  void aWrongPasteIsAskedAgainInOneClearLine() throws Exception {
    Person person = new Person(console);
    Future<String> landed =
        people.submit(
            () -> {
              URI url = person.readUrl();
              person.readToTheEnd();
              String location = person.logIn(url, FakeBank.IBAN, FakeBank.DIGIPASS);
              input.type("not a url");
              input.type("https://elsewhere.example/cb?code=elsewhere-code-1");
              input.type("");
              input.type(location);
              return location;
            });

    ScaOutcome outcome = driver(PATIENT).authorise(request(PASTE_REDIRECT, PsuAction.LOGIN));

    assertThat(outcome.callback().orElseThrow().uri().toString())
        .isEqualTo(landed.get(10, TimeUnit.SECONDS));
    assertThat(console.lines.subList(6, console.lines.size()))
        .containsExactly(
            "That is not a URL. Paste the whole address the browser shows; it starts with "
                + PASTE_REDIRECT
                + ":",
            "That URL does not start with the redirect URI "
                + PASTE_REDIRECT
                + "; paste the address the bank sent the browser back to:",
            "PSU: the kit has the bank's answer at " + PASTE_REDIRECT + ".");
    assertThat(secrets.isRegistered("elsewhere-code-1")).isTrue();
  }

  @Test
  void noCallbackAtTheListenerInTimeIsAnEnvironmentFaultAndFreesThePort() throws Exception {
    int port = freePort();
    String redirect = "http://127.0.0.1:" + port + "/callback";
    allure.startTest();

    assertThatThrownBy(
            () -> driver(IMPATIENT).authorise(request(redirect, PsuAction.WRONG_DIGIPASS_THRICE)))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessage(
            "ENVIRONMENT: WAIT FOR "
                + redirect
                + " failed: the bank did not send the browser back within 200ms"
                + " (kit.psu.manual.timeout): the person at the browser did not finish SCA, or the"
                + " bank kept the browser");

    assertThat(free(InetAddress.getLoopbackAddress(), port)).isTrue();
    assertThat(console.lines)
        .containsExactlyElementsOf(
            instructions(
                redirect,
                "Enter the account's IBAN with a WRONG digipass three times in a row (for example"
                    + " add 1 to every digit), until the bank sends the browser back.",
                listening(redirect, "200ms")));
    List<StepResult> steps = allure.stopTest();
    assertThat(steps.size()).isEqualTo(1);
    assertThat(steps.get(0).getStatus()).isEqualTo(Status.BROKEN);
    assertThat(steps.get(0).getStatusDetails().getMessage())
        .isEqualTo(
            "ENVIRONMENT: WAIT FOR "
                + redirect
                + " failed: the bank did not send the browser back within 200ms"
                + " (kit.psu.manual.timeout): the person at the browser did not finish SCA, or the"
                + " bank kept the browser");
  }

  @Test
  void noPasteInTimeIsAnEnvironmentFault() {
    assertThatThrownBy(() -> driver(IMPATIENT).authorise(request(PASTE_REDIRECT, PsuAction.CANCEL)))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessage(
            "ENVIRONMENT: WAIT FOR https://tpp.example/cb failed: no URL starting with it was"
                + " pasted within 200ms (kit.psu.manual.timeout): the person at the browser did not"
                + " finish SCA, or did not paste where the browser landed");
    assertThat(console.lines.get(4))
        .isEqualTo("     Do not log in: press Cancel on the bank's login page.");
  }

  @Test
  void anInputThatEndsIsAnEnvironmentFaultAtOnce() {
    input.end();
    assertThatThrownBy(() -> driver(PATIENT).authorise(request(PASTE_REDIRECT, PsuAction.LOGIN)))
        .isInstanceOf(EnvironmentFault.class)
        .hasMessage(
            "ENVIRONMENT: WAIT FOR https://tpp.example/cb failed: the console input ended before a"
                + " URL starting with it was pasted: run the kit at a terminal, or use a loopback"
                + " redirect URI (http://127.0.0.1:<port>/...) that the kit listens at itself");
  }

  @Test
  void aBusyPortIsAClearErrorNamingThePortAndTheKeyBeforeAnyoneIsAsked() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      String redirect = "http://127.0.0.1:" + port + "/callback";

      assertThatThrownBy(() -> driver(PATIENT).authorise(request(redirect, PsuAction.LOGIN)))
          .isInstanceOf(EnvironmentFault.class)
          .hasMessage(
              "ENVIRONMENT: LISTEN AT "
                  + redirect
                  + " failed: port "
                  + port
                  + " on 127.0.0.1 is in use, so the kit cannot receive the bank's redirect to this"
                  + " loopback redirect URI; free the port, or configure a loopback redirect URI"
                  + " with a free port (kit.registration.testRedirectUris)");
      assertThat(console.lines).isEmpty();
    }
  }

  @Test
  void theSettleDelayIsWaitedBeforeAnythingIsPrinted() {
    ScaRequest delayed =
        new ScaRequest(
            bank.authorisationUrl(PASTE_REDIRECT),
            PASTE_REDIRECT,
            PSU,
            PsuAction.LOGIN,
            Duration.ofSeconds(1));

    assertThatThrownBy(() -> driver(IMPATIENT).authorise(delayed))
        .isInstanceOf(EnvironmentFault.class);

    assertThat(pause.pauses).containsExactly(new RecordingPause.Paused(Duration.ofSeconds(1), 0));
    assertThat(console.lines.size()).isEqualTo(6);
  }

  @Test
  void theCallbackIsEvidenceMaskedAndTheConsoleShowsNoSecret() throws Exception {
    allure.startTest();
    Person person = new Person(console);
    Future<String> landed =
        people.submit(
            () -> {
              URI url = person.readUrl();
              person.readToTheEnd();
              String location = person.logIn(url, FakeBank.IBAN, FakeBank.DIGIPASS);
              input.type(location);
              return location;
            });

    driver(PATIENT).authorise(request(PASTE_REDIRECT, PsuAction.LOGIN));
    landed.get(10, TimeUnit.SECONDS);

    List<StepResult> steps = allure.stopTest();
    assertThat(steps.stream().map(StepResult::getName).toList())
        .containsExactly(
            "PSU: a person at a browser opens " + bank.origin + FakeBank.AUTH + " (LOGIN)",
            "PSU: the bank sent the browser back to " + PASTE_REDIRECT);
    assertThat(allure.text(steps.get(1).getAttachments().get(0)))
        .isEqualTo(
            PASTE_REDIRECT + "?code=" + Redactor.mask(FakeBank.CODE) + "&state=" + FakeBank.STATE);
    assertThat(secrets.isRegistered(FakeBank.CODE)).isTrue();
    assertThat(secrets.isRegistered(FakeBank.DIGIPASS)).isTrue();
    assertThat(
            console.lines.stream()
                .filter(l -> l.contains(FakeBank.CODE) || l.contains(FakeBank.DIGIPASS))
                .toList())
        .isEmpty();
  }

  @Test
  void concurrentAuthorisationsWaitForThePerson() throws Exception {
    // One person: the second authorisation's instructions come only after the first ended.
    ManualPsuDriver driver = driver(IMPATIENT);
    ExecutorService kit = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          kit.submit(() -> catchFault(driver, request(PASTE_REDIRECT, PsuAction.LOGIN)));
      Future<?> second =
          kit.submit(() -> catchFault(driver, request(PASTE_REDIRECT, PsuAction.CANCEL)));
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    } finally {
      kit.shutdownNow();
    }
    assertThat(console.lines.size()).isEqualTo(12);
    assertThat(List.of(console.lines.subList(0, 6), console.lines.subList(6, 12)))
        .containsExactlyInAnyOrder(
            instructions(
                PASTE_REDIRECT,
                "Log in with the account's IBAN and its digipass.",
                pasteHere("200ms")),
            instructions(
                PASTE_REDIRECT,
                "Do not log in: press Cancel on the bank's login page.",
                pasteHere("200ms")));
  }

  private static String catchFault(ManualPsuDriver driver, ScaRequest request) {
    try {
      driver.authorise(request);
      return "returned";
    } catch (EnvironmentFault e) {
      return "fault";
    }
  }
}
