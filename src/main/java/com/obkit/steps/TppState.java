package com.obkit.steps;

import com.obkit.client.Tpp;
import io.cucumber.java.Scenario;
import java.util.Optional;

/**
 * The TPP a scenario acts as, the one it acted as before a certificate renewal (CERT-4), and the
 * scenario's stable key for the identity pool ({@code kit.identities=pool}).
 */
public final class TppState {
  private Tpp current;
  private Tpp previous;
  private String scenarioKey = "unbound scenario";
  private int line;
  private int tppsMade;

  /** Binds the scenario: its key is the feature file (from {@code features/}) and its name. */
  void bind(Scenario scenario) {
    String uri = scenario.getUri().toString();
    int features = uri.lastIndexOf("features/");
    this.scenarioKey = (features >= 0 ? uri.substring(features) : uri) + " | " + scenario.getName();
    this.line = scenario.getLine() == null ? 0 : scenario.getLine();
  }

  /** The scenario's stable key (feature file and scenario name). */
  public String scenarioKey() {
    return scenarioKey;
  }

  public int line() {
    return line;
  }

  /** The number of the next TPP the scenario makes: 1 for its own, 2 for "another TPP", ... */
  int nextOrdinal() {
    return ++tppsMade;
  }

  public Tpp current() {
    if (current == null) {
      throw new IllegalStateException(
          "the scenario has no TPP yet: start with 'Given a TPP with its test certificate'");
    }
    return current;
  }

  public void use(Tpp tpp) {
    this.current = tpp;
  }

  /** Switches to a renewed certificate, remembering the previous one. */
  public void renewTo(Tpp renewed) {
    this.previous = current();
    this.current = renewed;
  }

  public Optional<Tpp> previous() {
    return Optional.ofNullable(previous);
  }
}
