package com.obkit.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@link SilentVerdictPlugin} that reads and writes the history store ({@code kit.history}): for
 * the self-tests of the run history, waivers and {@code kit.failOn}, whose inner runs must compare
 * with each other without printing verdict lines into the build's log.
 */
public final class SilentHistoryVerdictPlugin implements ConcurrentEventListener {
  private final VerdictPlugin delegate;

  public SilentHistoryVerdictPlugin(String reportsDirectory) {
    this.delegate =
        new VerdictPlugin(reportsDirectory, new PrintStream(OutputStream.nullOutputStream()), true);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    delegate.setEventPublisher(publisher);
  }
}
