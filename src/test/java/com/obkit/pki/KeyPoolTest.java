package com.obkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyPoolTest {

  @Test
  void handsOutKeysRoundRobin() {
    KeyPool pool = new KeyPool(2);
    KeyPair first = pool.next();
    KeyPair second = pool.next();

    assertThat(first).isNotSameAs(second);
    assertThat(first.getPublic()).isNotEqualTo(second.getPublic());
    assertThat(pool.next()).isSameAs(first);
    assertThat(pool.next()).isSameAs(second);
    assertThat(((RSAPublicKey) first.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(pool.size()).isEqualTo(2);
  }

  @Test
  void isSafeUnderConcurrentUse() throws Exception {
    KeyPool pool = new KeyPool(2);
    ExecutorService executor = Executors.newFixedThreadPool(6);
    try {
      List<Callable<List<KeyPair>>> tasks = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        tasks.add(
            () -> {
              List<KeyPair> got = new ArrayList<>();
              for (int i = 0; i < 20; i++) {
                got.add(pool.next());
              }
              return got;
            });
      }
      Set<KeyPair> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
      int total = 0;
      for (Future<List<KeyPair>> future : executor.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        List<KeyPair> got = future.get();
        assertThat(got).doesNotContainNull();
        distinct.addAll(got);
        total += got.size();
      }
      assertThat(total).isEqualTo(120);
      // Each slot is generated exactly once, however many threads raced for it.
      assertThat(distinct).hasSize(2);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void refusesEmptyPoolsAndWeakKeys() {
    assertThatThrownBy(() -> new KeyPool(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> KeyPool.generateRsa(1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
    assertThatThrownBy(() -> KeyPool.generateRsa(2047))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2047");
  }

  @Test
  void generateRsaMakesKeysOfTheAskedSize() {
    KeyPair key = KeyPool.generateRsa(2048);
    assertThat(key.getPublic().getAlgorithm()).isEqualTo("RSA");
    assertThat(((RSAPublicKey) key.getPublic()).getModulus().bitLength()).isEqualTo(2048);
  }
}
