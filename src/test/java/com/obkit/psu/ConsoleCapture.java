package com.obkit.psu;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The console the driver prints to, read line by line as a person reads it. */
final class ConsoleCapture extends OutputStream {

  final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      String line = current.toString(StandardCharsets.UTF_8);
      current.reset();
      lines.add(line);
      unread.add(line);
    } else {
      current.write(b);
    }
  }

  /** The next line printed; fails when none comes in time. */
  String next(Duration timeout) throws InterruptedException {
    String line = unread.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("nothing printed within " + timeout);
    }
    return line;
  }
}
