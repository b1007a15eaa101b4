package com.obkit.cli;

import com.obkit.client.Tpp;
import com.obkit.config.KitConfig;
import com.obkit.evidence.EvidenceBundle;
import com.obkit.evidence.EvidenceCollector;
import com.obkit.evidence.Manifest;
import com.obkit.report.KitVersion;
import com.obkit.runtime.KitRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Writes a finished run's {@code evidence.zip} into its reports folder, signed with the TPP's
 * QSealC ({@code kit.credentials.*}) when the run used the TPP's own credentials.
 */
final class EvidenceExport {

  /** The bundle's name in the reports folder. */
  static final String FILE = "evidence.zip";

  private EvidenceExport() {}

  /**
   * Writes the bundle and says so on {@code log} (the standard error: the verdict stays the last
   * line of the standard output).
   */
  static Manifest write(KitConfig config, Path reports, Path features, PrintStream log) {
    Optional<Tpp> own = KitRuntime.configuredTpp(config);
    Path zip = reports.resolve(FILE);
    Manifest manifest =
        EvidenceBundle.write(
            zip,
            EvidenceCollector.collect(reports, features, config),
            own.map(Tpp::credentials),
            KitVersion.current(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    log.println(
        "Evidence: "
            + zip
            + " ("
            + manifest.entries().size()
            + " entries, "
            + manifest
                .signer()
                .map(s -> "signed with the QSealC of " + s.organizationId())
                .orElse("not signed: generated credentials")
            + "); check it with: kit verify "
            + zip);
    return manifest;
  }
}
