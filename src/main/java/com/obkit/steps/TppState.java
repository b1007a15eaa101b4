package com.obkit.steps;

import com.obkit.client.Tpp;
import java.util.Optional;

/** The TPP a scenario acts as, and the one it acted as before a certificate renewal (CERT-4). */
public final class TppState {
  private Tpp current;
  private Tpp previous;

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
