package com.obkit.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe source of RSA-2048 key pairs, so that key generation (100-300 ms each) is not on
 * every scenario's path. Keys are handed out round-robin and reused: a scenario keeps its own
 * organization id and certificate, only the key pair may be shared.
 *
 * <p>Each slot is generated once, by whoever needs it first: a background daemon thread fills the
 * slots in order, and a caller of {@link #next()} whose slot is not ready yet generates it itself
 * instead of waiting behind the other slots.
 */
public final class KeyPool {

  /** Key size of pooled keys: the contract's minimum (section 3). */
  public static final int KEY_SIZE = 2048;

  private final List<FutureTask<KeyPair>> slots;
  private final AtomicLong counter = new AtomicLong();

  /**
   * @param size number of distinct key pairs (at least 1)
   */
  public KeyPool(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("key pool size must be at least 1, got " + size);
    }
    List<FutureTask<KeyPair>> tasks = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      tasks.add(new FutureTask<>(() -> generateRsa(KEY_SIZE)));
    }
    slots = List.copyOf(tasks);
    Thread filler =
        new Thread(
            () -> {
              for (FutureTask<KeyPair> slot : slots) {
                slot.run(); // no-op if a caller already ran it
              }
            },
            "obkit-key-pool");
    filler.setDaemon(true); // never keeps the JVM alive
    filler.start();
  }

  /** Number of distinct key pairs handed out. */
  public int size() {
    return slots.size();
  }

  /** The next key pair, round-robin; blocks only while that slot's key is being generated. */
  public KeyPair next() {
    FutureTask<KeyPair> slot =
        slots.get((int) Math.floorMod(counter.getAndIncrement(), (long) slots.size()));
    slot.run(); // FutureTask runs at most once; concurrent callers wait in get()
    try {
      return slot.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a pooled key pair", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("RSA key generation failed", e.getCause());
    }
  }

  /**
   * A fresh RSA key pair from the JDK's "RSA" generator.
   *
   * @throws IllegalArgumentException if {@code bits} is below 2048 (contract section 3)
   */
  public static KeyPair generateRsa(int bits) {
    if (bits < KEY_SIZE) {
      throw new IllegalArgumentException(
          "RSA key size " + bits + " is below the minimum of " + KEY_SIZE + " bits");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no RSA key pair generator", e);
    }
  }

  @Override
  public String toString() {
    return "KeyPool[size=" + slots.size() + "]";
  }
}
