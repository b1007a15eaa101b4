package com.obkit.cli;

import com.obkit.config.ConfigException;
import com.obkit.pki.CredentialException;
import com.obkit.pki.InvalidCertificateException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command's failure as one line on standard error and exit code 2, never a stack trace: a user's
 * mistake (a bad organization id, a missing file, a folder the kit refuses) reads {@code ERROR:
 * <what is wrong>}; anything else is the kit's own defect, {@code KIT ERROR: <type>: <message>},
 * with the stack trace only when {@code --stacktrace} asks for it.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    boolean user =
        e instanceof ConfigException
            || e instanceof CredentialException
            || e instanceof InvalidCertificateException
            || e instanceof IllegalArgumentException
            || e instanceof UncheckedIOException;
    String message = e.getMessage() == null ? "" : firstLine(e.getMessage());
    cmd.getErr()
        .println(
            user
                ? "ERROR: " + message
                : "KIT ERROR: " + e.getClass().getSimpleName() + ": " + message);
    if (stacktrace(parsed)) {
      e.printStackTrace(cmd.getErr());
    }
    return 2;
  }

  private static boolean stacktrace(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
