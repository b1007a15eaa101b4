package com.obkit.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The README's openssl line for an evidence bundle, for tests that check it without the kit. */
public final class Openssl {

  private Openssl() {}

  /** Whether {@code openssl} can be run here (tests that need it are skipped otherwise). */
  public static boolean installed() {
    try {
      return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Runs {@code openssl cms -verify} on {@code manifest.json.p7s} over {@code manifest.json} with
   * {@code ca.pem}, all in {@code folder}; its output goes to {@code folder/openssl.txt}.
   *
   * @return openssl's exit code (0: verified; 4: the signature does not verify)
   */
  public static int cmsVerify(Path folder) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "openssl",
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                "manifest.json.p7s",
                "-content",
                "manifest.json",
                "-CAfile",
                "ca.pem",
                "-purpose",
                "any",
                "-out",
                "/dev/null")
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("openssl.txt").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("openssl did not end within 60 s");
    }
    return p.exitValue();
  }
}
