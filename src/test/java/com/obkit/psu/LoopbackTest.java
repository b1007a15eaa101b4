package com.obkit.psu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which redirect URIs the kit listens at itself (RFC 8252 7.3). */
class LoopbackTest {

  private static final byte[] V4 = {127, 0, 0, 1};
  private static final byte[] V6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

  @Test
  void loopbackHttpUrisWithAPortAreListenedAt() throws Exception {
    assertThat(Loopback.of("http://127.0.0.1:8765/cb?x=1"))
        .isEqualTo(
            Optional.of(
                new Loopback("http://127.0.0.1:8765", InetAddress.getByAddress(V4), 8765, "/cb")));
    assertThat(Loopback.of("HTTP://LocalHost:8765"))
        .isEqualTo(
            Optional.of(
                new Loopback("HTTP://LocalHost:8765", InetAddress.getByAddress(V4), 8765, "/")));
    assertThat(Loopback.of("http://[::1]:8765/a/b"))
        .isEqualTo(
            Optional.of(
                new Loopback("http://[::1]:8765", InetAddress.getByAddress(V6), 8765, "/a/b")));
    assertThat(Loopback.of("http://[::1]:8765/a/b").orElseThrow().where())
        .isEqualTo("[0:0:0:0:0:0:0:1]:8765");
  }

  @Test
  void otherUrisAreNot() {
    assertThat(Loopback.of("http://127.0.0.1/cb")).isEqualTo(Optional.empty());
    assertThat(Loopback.of("https://127.0.0.1:8765/cb")).isEqualTo(Optional.empty());
    assertThat(Loopback.of("http://127.0.0.2:8765/cb")).isEqualTo(Optional.empty());
    assertThat(Loopback.of("http://tpp.example:8765/cb")).isEqualTo(Optional.empty());
    assertThat(Loopback.of("http://user@127.0.0.1:8765/cb")).isEqualTo(Optional.empty());
    assertThat(Loopback.of("com.tpp.app:/cb")).isEqualTo(Optional.empty());
    assertThat(Loopback.of("http://127.0.0.1:8765/a b")).isEqualTo(Optional.empty());
  }
}
