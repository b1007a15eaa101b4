package com.obkit.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The verdict files of {@link VerdictPlugin} without its console lines: for the kit's self-tests,
 * whose many inner runs against deviant sandboxes would otherwise fill a passing build's log with
 * {@code VERDICT: NOT CONFORMANT} lines that mislead anyone who greps it.
 */
public final class SilentVerdictPlugin implements ConcurrentEventListener {
  private final VerdictPlugin delegate;

  public SilentVerdictPlugin(String reportsDirectory) {
    this.delegate =
        new VerdictPlugin(
            reportsDirectory, new PrintStream(OutputStream.nullOutputStream()), false);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    delegate.setEventPublisher(publisher);
  }
}
