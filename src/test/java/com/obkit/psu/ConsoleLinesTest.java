package com.obkit.psu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {

  private static final Duration SOON = Duration.ofSeconds(10);
  private final TypedInput input = new TypedInput();
  private final ConsoleLines lines = new ConsoleLines(input);

  @AfterEach
  void endInput() {
    input.end();
  }

  @Test
  void linesComeInOrderAndNothingIsEmptyAfterTheTimeout() throws Exception {
    lines.startAfresh();
    input.type("first");
    input.type("second");
    assertThat(lines.next(SOON))
        .isEqualTo(Optional.of(new ConsoleLines.Line(Optional.of("first"))));
    assertThat(lines.next(SOON))
        .isEqualTo(Optional.of(new ConsoleLines.Line(Optional.of("second"))));
    assertThat(lines.next(Duration.ofMillis(50))).isEqualTo(Optional.empty());
  }

  @Test
  void startingAfreshForgetsLinesTypedBeforeTheQuestion() throws Exception {
    lines.startAfresh();
    input.type("stale, an answer to no question");
    await().atMost(SOON).until(() -> lines.pending() == 1);

    lines.startAfresh();
    input.type("fresh");

    assertThat(lines.next(SOON))
        .isEqualTo(Optional.of(new ConsoleLines.Line(Optional.of("fresh"))));
  }

  @Test
  void theEndOfTheInputStaysAfterStartingAfresh() throws Exception {
    lines.startAfresh();
    input.end();
    await().atMost(SOON).until(() -> lines.pending() == 1);

    lines.startAfresh();

    assertThat(lines.next(SOON)).isEqualTo(Optional.of(ConsoleLines.Line.END));
    assertThat(ConsoleLines.Line.END.end()).isTrue();
  }
}
