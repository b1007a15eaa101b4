package com.obkit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The snapshot of the contract in the test resources is the shared contract, word for word: when
 * the contract changes, this fails until the snapshot is copied again. In a clone without the
 * shared folder the snapshot is the contract the tests use.
 */
class ContractSnapshotTest {
  @Test
  void theSnapshotIsTheSharedContract() throws Exception {
    Path shared = Path.of(Contract.SHARED);
    String expected = Files.isRegularFile(shared) ? Files.readString(shared) : Contract.text();
    assertThat(Contract.snapshot())
        .as(
            "src/test/resources%s must equal %s: copy the shared contract over the snapshot",
            Contract.SNAPSHOT, Contract.SHARED)
        .isEqualTo(expected);
    assertThat(Contract.snapshot()).startsWith("# The bank's onboarding contract");
  }
}
