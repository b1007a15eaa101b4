package com.obkit.sandbox.port;

import com.obkit.sandbox.SandboxMain;
import picocli.CommandLine;

/** The reference sandbox's own command line, for the kit's {@code kit sandbox}. */
public final class SandboxCommandLine {
  private SandboxCommandLine() {}

  /** A fresh command line of the reference sandbox alone, named {@code name}. */
  public static CommandLine named(String name) {
    CommandLine commandLine = SandboxMain.commandLine(new SandboxMain());
    commandLine.setCommandName(name);
    return commandLine;
  }
}
