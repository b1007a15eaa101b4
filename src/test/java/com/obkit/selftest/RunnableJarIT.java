package com.obkit.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.report.KitVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable kit as a TPP uses it: the jar {@code mvn package} built, started with {@code java
 * -jar} from an empty folder, so its features, profiles and rule catalogue can only come from
 * inside it. A run against the reference sandbox it starts itself, every command's help, the
 * version, and a user's mistake as one line.
 */
class RunnableJarIT {

  @TempDir Path work;

  /** What one process printed and returned. */
  private record Ran(int code, String out, String err) {}

  private Ran kit(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("obkit.jar"));
    assertThat(jar).as("the runnable jar (mvn package)").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the jar ended").isTrue();
      return new Ran(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aRunFromAnEmptyFolderAgainstTheSandboxTheJarStartsIsConformant() throws Exception {
    Ran ran = kit("run", "--set", "kit.history=none");
    assertThat(ran.code()).as(ran.err()).isEqualTo(0);
    List<String> lines = ran.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("VERDICT: CONFORMANT");
    assertThat(ran.out())
        .contains("PASS ")
        .contains("(features/05_test_accounts/create_test_account.feature:");
    assertThat(work.resolve("reports/verdict.json")).isRegularFile();
    assertThat(work.resolve("reports/run.json")).isRegularFile();
    // Nothing was unpacked into the working folder: the features went to a temporary folder.
    assertThat(Files.exists(work.resolve("features"))).isFalse();
  }

  @Test
  void everyCommandHasHelpWithExamplesAndTheVersionIsTheKits() throws Exception {
    for (String command : List.of("run", "certificate", "curl", "sandbox")) {
      Ran ran = kit(command, "--help");
      assertThat(ran.code()).as(command).isEqualTo(0);
      assertThat(ran.out()).as(command).contains("\nExamples:\n");
    }
    for (String command : List.of("plan", "serve", "diff")) {
      assertThat(kit(command, "--help").code()).as(command).isEqualTo(0);
    }
    assertThat(kit("--version")).isEqualTo(new Ran(0, "obkit " + KitVersion.current() + "\n", ""));
  }

  @Test
  void aUsersMistakeIsOneLineAndExitCode2() throws Exception {
    Ran ran = kit("certificate", "--organization-id", "NL-123");
    assertThat(ran.code()).isEqualTo(2);
    assertThat(ran.out()).isEmpty();
    assertThat(ran.err())
        .isEqualTo(
            "ERROR: organization identifier 'NL-123' does not follow ETSI TS 119 495 section"
                + " 5.2.1 (PSD<CC>-<AUTHORITY>-<number>, e.g. PSDNL-DNB-R000000)\n");
    Ran missing =
        kit("curl", "--certificate", "nope.pem", "--private-key", "nope.pem", "--url", "http://x");
    assertThat(missing).isEqualTo(new Ran(2, "", "ERROR: cannot read nope.pem: no such file\n"));
  }
}
