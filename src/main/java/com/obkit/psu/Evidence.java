package com.obkit.psu;

import com.obkit.client.Callback;
import com.obkit.client.Redactor;
import com.obkit.client.SecretRegistry;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.util.ResultsUtils;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The PSU's steps as Allure steps of the current scenario step, so the report shows the way through
 * SCA (the redirects, the login page, the posted form, the callback), with the kit's HTTP
 * attachments inside them. Step names carry links without their query; the callback is attached
 * only after its code is registered and masked. Does nothing in a run without Allure (unit tests).
 */
final class Evidence {

  private final Supplier<AllureLifecycle> lifecycle;
  private final SecretRegistry secrets;

  /**
   * @param lifecycle where to record; read at each step, since Allure may install its lifecycle
   *     after a driver is made
   * @param secrets the run's registry, told the callback's code before anything shows it
   */
  Evidence(Supplier<AllureLifecycle> lifecycle, SecretRegistry secrets) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** Evidence in the global Allure lifecycle. */
  static Evidence allure(SecretRegistry secrets) {
    return new Evidence(Allure::getLifecycle, secrets);
  }

  SecretRegistry secrets() {
    return secrets;
  }

  /** Runs {@code body} as a step named {@code name}: passed, or failed/broken with its error. */
  <T> T step(String name, Supplier<T> body) {
    AllureLifecycle l = lifecycle.get();
    if (l.getCurrentTestCaseOrStep().isEmpty()) {
      return body.get();
    }
    String uuid = UUID.randomUUID().toString();
    l.startStep(uuid, new StepResult().setName(name));
    try {
      T result = body.get();
      l.updateStep(uuid, s -> s.setStatus(Status.PASSED));
      return result;
    } catch (RuntimeException | Error e) {
      l.updateStep(
          uuid,
          s ->
              s.setStatus(ResultsUtils.getStatus(e).orElse(Status.BROKEN))
                  .setStatusDetails(ResultsUtils.getStatusDetails(e).orElse(null)));
      throw e;
    } finally {
      l.stopStep(uuid);
    }
  }

  /** A step with nothing to run: a fact seen on the way (a page, where the browser went). */
  void note(String name) {
    step(name, () -> null);
  }

  /**
   * Registers the callback's code as a secret (before anything shows it), then records the step
   * "the bank sent the browser back" with the callback URI attached, masked by name and by value.
   */
  void callback(Callback callback) {
    register(callback);
    step(
        "PSU: the bank sent the browser back to " + callback.target(),
        () -> {
          attach("callback URI", secrets.scrub(Redactor.url(callback.uri().toString())));
          return null;
        });
  }

  /** Registers the secrets a callback carries: its code. */
  void register(Callback callback) {
    callback.code().ifPresent(secrets::register);
  }

  private void attach(String name, String text) {
    AllureLifecycle l = lifecycle.get();
    if (l.getCurrentTestCaseOrStep().isPresent()) {
      l.addAttachment(name, "text/plain", "txt", text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
