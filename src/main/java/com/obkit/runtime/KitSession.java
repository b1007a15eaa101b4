package com.obkit.runtime;

import com.obkit.config.KitConfig;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one run-wide {@link KitRuntime}. Cucumber has no run scope in its dependency injection, so
 * the runtime lives here between the {@code @BeforeAll} and {@code @AfterAll} hooks; scenario
 * objects get it through PicoContainer from {@link #current()}. Starting it again after {@link
 * #stop()} (a second in-process run, as the kit's self-tests do) reloads the configuration.
 */
public final class KitSession {

  private static final AtomicReference<KitRuntime> CURRENT = new AtomicReference<>();
  private static final AtomicReference<KitConfig> PRESET = new AtomicReference<>();
  private static final AtomicReference<Optional<OwnRegistration.Restoration>> LAST_RESTORATION =
      new AtomicReference<>(Optional.empty());
  private static final AtomicReference<Optional<String>> LAST_CIRCUIT_BREAKER =
      new AtomicReference<>(Optional.empty());

  private static final AtomicReference<Optional<RunStart>> LAST_START =
      new AtomicReference<>(Optional.empty());

  /**
   * When the last run started and with which configuration: known once its configuration loaded,
   * even when the runtime could not start (an unreachable bank), for its record.
   *
   * @param config the run's configuration
   * @param at when it started
   */
  public record RunStart(KitConfig config, Instant at) {}

  private KitSession() {}

  /** The start of the last run, if its configuration loaded. */
  public static Optional<RunStart> lastStart() {
    return LAST_START.get();
  }

  private static final AtomicReference<Optional<KitRuntime>> LAST_RUNTIME =
      new AtomicReference<>(Optional.empty());

  /**
   * The last run's runtime, running or stopped (its fingerprint of the bank stays readable after
   * the {@code @AfterAll} hook stopped it), if it started.
   */
  public static Optional<KitRuntime> lastRuntime() {
    return LAST_RUNTIME.get();
  }

  /**
   * Makes the next run use {@code config} instead of loading it from system properties and
   * environment: how a programmatic run ({@code ConformanceLauncher}) passes its configuration
   * without touching global system properties. Consumed by the next {@link #start()}.
   */
  public static void preset(KitConfig config) {
    PRESET.set(config);
  }

  /**
   * Starts the run's runtime from the preset or loaded configuration (once; later calls keep the
   * running one).
   */
  public static synchronized KitRuntime start() {
    KitRuntime running = CURRENT.get();
    if (running == null) {
      LAST_RESTORATION.set(Optional.empty());
      LAST_START.set(Optional.empty());
      LAST_RUNTIME.set(Optional.empty());
      LAST_CIRCUIT_BREAKER.set(Optional.empty());
      KitConfig preset = PRESET.getAndSet(null);
      KitConfig config = preset != null ? preset : KitConfig.load();
      LAST_START.set(Optional.of(new RunStart(config, Instant.now())));
      running = KitRuntime.start(config);
      CURRENT.set(running);
      LAST_RUNTIME.set(Optional.of(running));
      // A wiped sandbox shows before the first scenario, and is registered again once.
      running.checkOwnRegistration();
    }
    return running;
  }

  /**
   * What the restore of the TPP's registration did at the end of the last run (own identity only),
   * for the verdict.
   */
  public static Optional<OwnRegistration.Restoration> lastRestoration() {
    return LAST_RESTORATION.get();
  }

  /**
   * Why the last run's circuit breaker opened ({@code kit.circuitBreaker}), if it did: for the
   * verdict's summary, written after the run's runtime stopped.
   */
  public static Optional<String> lastCircuitBreaker() {
    return LAST_CIRCUIT_BREAKER.get();
  }

  /** The running runtime. */
  public static KitRuntime current() {
    KitRuntime running = CURRENT.get();
    if (running == null) {
      throw new IllegalStateException(
          "the kit's runtime is not started: the @BeforeAll hook did not run or failed");
    }
    return running;
  }

  /** Stops the runtime (the embedded sandbox) at the end of a run. */
  public static synchronized void stop() {
    KitRuntime running = CURRENT.getAndSet(null);
    if (running != null) {
      running.close();
      LAST_RESTORATION.set(running.restoration());
      LAST_CIRCUIT_BREAKER.set(running.circuitBreaker().openReason());
    }
  }
}
