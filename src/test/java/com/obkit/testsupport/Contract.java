package com.obkit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bank's contract as the tests read it: the shared copy beside the project ({@value #SHARED})
 * where it exists, else the snapshot in the test resources, so that a clone anywhere tests the
 * catalogue and the deviations against the contract, never skips them. {@code ContractSnapshotTest}
 * keeps the snapshot equal to the shared copy.
 */
public final class Contract {
  /** Where the shared contract lives, relative to the project. */
  public static final String SHARED = "../shared/bank-contract.md";

  /** The snapshot, on the test class path. */
  public static final String SNAPSHOT = "/contract/bank-contract.md";

  private Contract() {}

  /** The contract's text. */
  public static String text() {
    try {
      Path shared = Path.of(SHARED);
      return Files.isRegularFile(shared) ? Files.readString(shared) : snapshot();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contract " + SHARED, e);
    }
  }

  /** The snapshot kept in the test resources. */
  public static String snapshot() {
    try (InputStream in = Contract.class.getResourceAsStream(SNAPSHOT)) {
      if (in == null) {
        throw new IllegalStateException("the contract snapshot " + SNAPSHOT + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
