package com.obkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kit run}: the conformance run, exactly as {@code kit} without a command. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = KitMain.Version.class,
    description = "Runs the XS2A onboarding conformance suite and prints the verdict.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:CONFORMANT",
      "1:NOT CONFORMANT (a MUST rule is broken), or a stale waiver",
      "2:INCONCLUSIVE, or a configuration error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kit run                                   the embedded reference sandbox",
      "  kit run --env sandbox --set kit.credentials.source=pem \\",
      "      --set kit.credentials.certificate=credentials/certificate.pem \\",
      "      --set kit.credentials.privateKey=credentials/private-key.pem",
      "  kit run --tags \"@stage:token\"             only the token scenarios"
    })
final class RunCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @Override
  public Integer call() {
    return options.call();
  }
}
