package com.obkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.history.Runs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DiffCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int diff(String... args) {
    CommandLine cl = new CommandLine(new DiffCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path older() {
    Path f = dir.resolve("old.json");
    Runs.run(
            "2026-12-01T02:00:00Z",
            Runs.release("2026.1"),
            Runs.rules("AUTH-2", "PASSED", "TOK-1", "FAILED"),
            List.of(Runs.scenario("A trailing slash is refused", 12, "passed")))
        .write(f);
    return f;
  }

  private Path newer() {
    Path f = dir.resolve("new.json");
    Runs.run(
            "2026-12-02T02:00:00Z",
            Runs.release("2026.2"),
            Runs.rules("AUTH-2", "FAILED", "TOK-1", "FAILED"),
            List.of(Runs.scenario("A trailing slash is refused", 14, "failed")))
        .write(f);
    return f;
  }

  @Test
  void printsWhatChanged() {
    Path o = older();
    Path n = newer();
    assertThat(diff(o.toString(), n.toString())).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(
            ("From %s (2026-12-01T02:00:00Z) to %s (2026-12-02T02:00:00Z)\n"
                    + "  bank release changed: version 2026.1 (xs2a openapi 3f2a9c1e, auth openapi"
                    + " 77b1d0aa, discovery 0c9d4e5f) → version 2026.2 (xs2a openapi 3f2a9c1e,"
                    + " auth openapi 77b1d0aa, discovery 0c9d4e5f)\n"
                    + "Rules:\n"
                    + "  REGRESSED  AUTH-2  PASSED → FAILED\n"
                    + "  STILL FAILING  TOK-1  FAILED → FAILED\n"
                    + "Scenarios:\n"
                    + "  REGRESSED  features/05_authorisation/redirect.feature :: A trailing"
                    + " slash is refused  passed → failed\n")
                .formatted(o, n));
    assertThat(err.toString()).isEqualTo("");
  }

  @Test
  void aPassingRunComparedWithItselfHasNoChange() {
    Path o = dir.resolve("passing.json");
    Runs.run("2026-12-01T02:00:00Z").write(o);
    assertThat(diff(o.toString(), o.toString())).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(
            ("From %s (2026-12-01T02:00:00Z) to %s (2026-12-01T02:00:00Z)\n"
                    + "Rules:\n  no change\nScenarios:\n  no change\n")
                .formatted(o, o));
  }

  @Test
  void aMissingFileIsOneLineAndExitCode2() {
    Path absent = dir.resolve("absent.json");
    assertThat(diff(older().toString(), absent.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("kit diff: " + absent + ": no such file" + System.lineSeparator());
    assertThat(out.toString()).isEqualTo("");
  }

  @Test
  void aFileThatIsNotARunIsOneLineAndExitCode2() throws Exception {
    Path notARun = dir.resolve("verdict.json");
    Files.writeString(notARun, "{\"verdict\": \"CONFORMANT\"}");
    assertThat(diff(notARun.toString(), newer().toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "kit diff: "
                + notARun
                + ": not a run record: missing 'schema'"
                + System.lineSeparator());
    assertThat(out.toString()).isEqualTo("");
  }

  @Test
  void anUnreadableFileIsOneLineAndExitCode2() {
    assertThat(diff(dir.toString(), newer().toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "kit diff: "
                + dir
                + ": cannot be read: java.io.IOException: Is a directory"
                + System.lineSeparator());
  }
}
