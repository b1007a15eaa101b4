package com.obkit.steps;

import com.obkit.client.BankClient;
import com.obkit.client.HttpExchange;
import com.obkit.client.Tpp;
import com.obkit.config.BankMode;
import com.obkit.config.KitConfig;
import com.obkit.outcomes.Conformance;
import com.obkit.outcomes.NotApplicable;
import com.obkit.runtime.KitRuntime;
import java.util.Locale;

/**
 * What every stage of one scenario shares, fresh per scenario (PicoContainer): the run, the
 * scenario's client and check runner, the TPP it acts as, the tenant, and the bank's last answer.
 */
public final class ScenarioContext {
  private final ScenarioKit kit;
  private final TppState tpps;
  private final ScenarioLog log;
  private String tenant;
  private HttpExchange last;

  public ScenarioContext(ScenarioKit kit, TppState tpps, ScenarioLog log) {
    this.kit = kit;
    this.tpps = tpps;
    this.log = log;
    this.tenant = kit.runtime().config().tenant();
  }

  public KitRuntime runtime() {
    return kit.runtime();
  }

  public KitConfig config() {
    return kit.runtime().config();
  }

  public BankClient client() {
    return kit.client();
  }

  public Conformance conformance() {
    return kit.conformance();
  }

  public TppState tpps() {
    return tpps;
  }

  public ScenarioLog log() {
    return log;
  }

  /** The tenant the scenario's calls go to. */
  public String tenant() {
    return tenant;
  }

  public void switchTenant(String newTenant) {
    this.tenant = newTenant;
  }

  /** Remembers the bank's answer as the last one, and returns it. */
  public HttpExchange record(HttpExchange answer) {
    this.last = answer;
    return answer;
  }

  /** The last answer of the bank. */
  public HttpExchange last() {
    if (last == null) {
      throw new IllegalStateException("no request was made yet in this scenario");
    }
    return last;
  }

  /**
   * Scenarios about one kind of environment are not applicable to the other (reported, never
   * passed).
   */
  public void requireBankMode(BankMode mode) {
    if (config().bankMode() != mode) {
      throw new NotApplicable(
          "this scenario is about a "
              + mode.name().toLowerCase(Locale.ROOT)
              + " environment; kit.bankMode is "
              + config().bankMode().name().toLowerCase(Locale.ROOT));
    }
  }

  /** The scenario acts as a fresh TPP (generated) or as the configured one (files). */
  public void useNewTpp() {
    tpps.use(newTpp());
  }

  /**
   * A TPP of this scenario (its own organization id when certificates are generated, kept between
   * runs with {@code kit.identities=pool}): the first is the one it acts as, a second one is
   * "another TPP".
   */
  public Tpp newTpp() {
    return kit.runtime().tpps().newTpp(tpps.scenarioKey(), tpps.line(), tpps.nextOrdinal());
  }
}
