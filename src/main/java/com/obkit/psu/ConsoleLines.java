package com.obkit.psu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines a person types at the console, read by one daemon thread (started at the first need)
 * into a queue, so that waiting for a line can time out: a read from standard input cannot. One per
 * driver: two readers of one input would each get some of its lines.
 */
final class ConsoleLines {

  /** A line, or the end of the input. */
  record Line(Optional<String> text) {
    static final Line END = new Line(Optional.empty());

    boolean end() {
      return text.isEmpty();
    }
  }

  private final InputStream input;
  private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
  private Thread reader; // guarded by this

  ConsoleLines(InputStream input) {
    this.input = input;
  }

  /**
   * Forgets lines typed before now (they answered no question of this authorisation), keeping the
   * end of the input if it came; starts the reader if it is not running.
   */
  synchronized void startAfresh() {
    List<Line> stale = new ArrayList<>();
    lines.drainTo(stale);
    if (stale.contains(Line.END)) {
      lines.add(Line.END);
    }
    if (reader == null) {
      reader = new Thread(this::read, "kit-psu-console");
      reader.setDaemon(true); // it may block on standard input for ever; it must not hold the JVM
      reader.start();
    }
  }

  /** The next line, or empty when none came in time. */
  Optional<Line> next(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** How many lines (and ends) wait to be taken. */
  int pending() {
    return lines.size();
  }

  private void read() {
    // The input is not the kit's to close (standard input).
    BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(new Line(Optional.of(line)));
      }
    } catch (IOException e) {
      // An input that fails is an input that ended.
    } finally {
      lines.add(Line.END);
    }
  }
}
