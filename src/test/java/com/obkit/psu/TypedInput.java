package com.obkit.psu;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The keyboard: lines typed by the simulated person, then perhaps the end of input. */
final class TypedInput extends InputStream {

  private static final int END = -1;
  private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

  /** Types a line and Enter. */
  void type(String line) {
    for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b & 0xff);
    }
  }

  /** Ends the input (Ctrl-D). */
  void end() {
    bytes.add(END);
  }

  @Override
  public int read() throws IOException {
    try {
      int b = bytes.take();
      if (b == END) {
        bytes.add(END); // stays ended
      }
      return b;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int first = read();
    if (first == END) {
      return END;
    }
    buffer[offset] = (byte) first;
    int n = 1;
    while (n < length) {
      Integer next = bytes.peek();
      if (next == null || next == END) {
        break;
      }
      buffer[offset + n++] = (byte) (int) bytes.poll();
    }
    return n;
  }

  @Override
  public int available() {
    return (int) bytes.stream().takeWhile(b -> b != END).count();
  }
}
