package com.obkit.psu;

import com.obkit.client.Callback;
import com.obkit.client.ScaOutcome;
import com.obkit.client.SecretRegistry;
import com.obkit.config.KitKeys;
import com.obkit.outcomes.EnvironmentFault;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person at a browser plays the PSU (self-certification): for a bank whose login page is not
 * documented, such as the bank's own sandbox. The driver prints what the person must do (the URL to
 * open, the account, what to do at the login page, how long it waits), then waits for the bank's
 * redirect back:
 *
 * <ul>
 *   <li>at a loopback redirect URI with an explicit port ({@code http://127.0.0.1:<port>/...},
 *       {@code http://[::1]:<port>/...}, {@code http://localhost:<port>/...}) it listens there
 *       itself, as a native app does (RFC 8252 7.3), and tells the browser it may close;
 *   <li>at any other redirect URI it asks the person to paste the URL the browser landed on, one
 *       line, asked again after a line that is not such a URL.
 * </ul>
 *
 * <p>Nothing of a secret reaches the console: not the digipass (only its last two digits, as a hint
 * to pick the right one), not the code, not the callback's query. The authorisation URL is printed
 * whole, since the person's browser needs it as it is.
 *
 * <p>When nothing comes within {@code kit.psu.manual.timeout}, the run is inconclusive ({@link
 * EnvironmentFault}), not a bank failure. One person does one authorisation at a time: concurrent
 * calls wait their turn. Make one driver per run: it owns the console's input.
 */
public final class ManualPsuDriver implements PsuDriver {

  private final Duration timeout;
  private final Evidence evidence;
  private final PrintStream console;
  private final ConsoleLines lines;
  private final Pause pause;

  /**
   * @param timeout how long the person is given ({@code kit.psu.manual.timeout})
   * @param secrets the run's registry: told the digipass numbers and the callback's code before any
   *     evidence
   * @param console where the person reads what to do ({@code System.out})
   * @param input where the person pastes the URL ({@code System.in}); read only when the redirect
   *     URI is not a loopback one
   */
  public ManualPsuDriver(
      Duration timeout, SecretRegistry secrets, PrintStream console, InputStream input) {
    this(timeout, Evidence.allure(secrets), console, input, Pause.sleeping());
  }

  ManualPsuDriver(
      Duration timeout, Evidence evidence, PrintStream console, InputStream input, Pause pause) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("the timeout must be greater than zero: " + timeout);
    }
    this.timeout = timeout;
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.console = Objects.requireNonNull(console, "console");
    this.lines = new ConsoleLines(Objects.requireNonNull(input, "input"));
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  @Override
  public synchronized ScaOutcome authorise(ScaRequest request) {
    Objects.requireNonNull(request, "request");
    evidence.secrets().register(request.psu().digipass());
    evidence.secrets().register(request.psu().wrongDigipass());
    Callback callback =
        evidence.step(
            "PSU: a person at a browser opens "
                + Links.withoutQuery(request.authorisationUrl())
                + " ("
                + request.action()
                + ")",
            () -> {
              try {
                settle(request);
                Optional<Loopback> loopback = Loopback.of(request.redirectUri());
                return loopback.isPresent()
                    ? listen(request, loopback.get())
                    : askForPaste(request);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the PSU", e);
              }
            });
    evidence.callback(callback);
    return new ScaOutcome(List.of(), Optional.of(callback));
  }

  private Callback listen(ScaRequest request, Loopback at) throws InterruptedException {
    // Bound before the person is asked: a busy port must fail before anyone logs in.
    try (CallbackListener listener = CallbackListener.open(at)) {
      instruct(
          request,
          "  3. The kit listens at "
              + request.redirectUri()
              + " for the bank to send the browser back: nothing to paste. It waits up to "
              + Links.text(timeout)
              + ".");
      String landed =
          listener
              .await(timeout)
              .orElseThrow(
                  () ->
                      new EnvironmentFault(
                          "WAIT FOR",
                          request.redirectUri(),
                          "the bank did not send the browser back within "
                              + Links.text(timeout)
                              + " ("
                              + KitKeys.PSU_MANUAL_TIMEOUT
                              + "): the person at the browser did not finish SCA, or the bank"
                              + " kept the browser",
                          null));
      return received(Callback.parse(landed));
    }
  }

  private Callback askForPaste(ScaRequest request) throws InterruptedException {
    lines.startAfresh();
    instruct(
        request,
        "  3. When the browser lands on a page whose address starts with "
            + request.redirectUri()
            + ", copy the whole address, paste it here and press Enter. The kit waits up to "
            + Links.text(timeout)
            + ".");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Optional<ConsoleLines.Line> line = lines.next(left);
      if (line.isEmpty()) {
        throw new EnvironmentFault(
            "WAIT FOR",
            request.redirectUri(),
            "no URL starting with it was pasted within "
                + Links.text(timeout)
                + " ("
                + KitKeys.PSU_MANUAL_TIMEOUT
                + "): the person at the browser did not finish SCA, or did not paste where the"
                + " browser landed",
            null);
      }
      if (line.get().end()) {
        throw new EnvironmentFault(
            "WAIT FOR",
            request.redirectUri(),
            "the console input ended before a URL starting with it was pasted: run the kit at a"
                + " terminal, or use a loopback redirect URI (http://127.0.0.1:<port>/...) that the"
                + " kit listens at itself",
            null);
      }
      String text = line.get().text().orElseThrow().trim();
      if (text.isEmpty()) {
        continue; // Enter pressed early: nothing to answer
      }
      Callback pasted;
      try {
        pasted = Callback.parse(text);
      } catch (IllegalArgumentException e) {
        console.println(
            "That is not a URL. Paste the whole address the browser shows; it starts with "
                + request.redirectUri()
                + ":");
        continue;
      }
      evidence.register(pasted); // a code in it is a secret, whichever redirect it came from
      if (!pasted.uri().toString().startsWith(request.redirectUri())) {
        console.println(
            "That URL does not start with the redirect URI "
                + request.redirectUri()
                + "; paste the address the bank sent the browser back to:");
        continue;
      }
      return received(pasted);
    }
  }

  /** Registers the callback's code before anything else is done with it, then thanks the person. */
  private Callback received(Callback callback) {
    evidence.register(callback);
    console.println("PSU: the kit has the bank's answer at " + callback.target() + ".");
    return callback;
  }

  private void instruct(ScaRequest request, String lastStep) {
    String hint = request.psu().digipassHint();
    console.println(
        "PSU: a person at a browser does the PSU's part of SCA ("
            + KitKeys.PSU_DRIVER
            + "=manual).");
    console.println("  1. Open this URL in a browser:");
    console.println("     " + request.authorisationUrl());
    console.println(
        "  2. Account "
            + request.psu().iban()
            + (hint.isEmpty()
                ? " (its digipass is in the bank's API Test Client)."
                : " (its digipass, in the bank's API Test Client, ends in " + hint + ")."));
    console.println("     " + request.action().instruction());
    console.println(lastStep);
    console.flush();
  }

  private void settle(ScaRequest request) throws InterruptedException {
    if (!request.settleDelay().isZero()) {
      pause.pause(request.settleDelay());
    }
  }
}
