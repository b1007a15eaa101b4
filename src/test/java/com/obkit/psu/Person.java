package com.obkit.psu;

import com.obkit.client.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated person at a browser: reads the console as a person would, opens the printed URL, logs
 * in at the reference login page and reports where the bank sent the browser back.
 */
final class Person {

  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");

  private final ConsoleCapture console;
  private final JdkBrowser browser = new JdkBrowser();

  Person(ConsoleCapture console) {
    this.console = console;
  }

  /** Reads the console until the URL to open, and returns it. */
  URI readUrl() throws InterruptedException {
    while (!console.next(PATIENCE).equals("  1. Open this URL in a browser:")) {
      // the lines before the URL
    }
    return URI.create(console.next(PATIENCE).trim());
  }

  /**
   * Reads the console until the end of the instructions (step 3).
   *
   * @return the last instruction line
   */
  String readToTheEnd() throws InterruptedException {
    String line = console.next(PATIENCE);
    while (!line.startsWith("  3. ")) {
      line = console.next(PATIENCE);
    }
    return line;
  }

  /**
   * Opens the URL and logs in with the IBAN and digipass.
   *
   * @return the Location the bank sent the browser to after the login
   */
  String logIn(URI url, String iban, String digipass) {
    HttpExchange first = browser.get(url);
    URI loginPage = url.resolve(first.header("location").orElseThrow());
    HttpExchange page = browser.get(loginPage);
    Matcher session = SESSION.matcher(page.body());
    if (!session.find()) {
      throw new AssertionError("no session on the login page: " + page.body());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("session", session.group(1));
    form.put("iban", iban);
    form.put("digipass", digipass);
    form.put("action", "login");
    HttpExchange answer = browser.postForm(loginPage.resolve(FakeBank.LOGIN), form);
    return answer.header("location").orElseThrow();
  }

  /** Lets the browser follow the redirect back (to the kit's loopback listener). */
  HttpExchange follow(String location) {
    return browser.get(URI.create(location));
  }

  /** Requests any URI, as a browser asking for a favicon would. */
  HttpExchange get(URI uri) {
    return browser.get(uri);
  }

  /** Posts to a URI. */
  HttpExchange post(URI uri) {
    return browser.postForm(uri, Map.of("x", "y"));
  }
}
