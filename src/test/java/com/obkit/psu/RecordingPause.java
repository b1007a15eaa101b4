package com.obkit.psu;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * A pause that does not wait: it records each duration asked for, with what a probe counted at that
 * moment (requests the bank had seen, lines the console had printed), so a test can tell the pause
 * came first.
 */
final class RecordingPause implements Pause {

  /** A pause asked for, and the probe's count then. */
  record Paused(Duration duration, int countThen) {}

  private final IntSupplier probe;
  final List<Paused> pauses = new CopyOnWriteArrayList<>();

  RecordingPause(IntSupplier probe) {
    this.probe = probe;
  }

  @Override
  public void pause(Duration duration) {
    pauses.add(new Paused(duration, probe.getAsInt()));
  }
}
