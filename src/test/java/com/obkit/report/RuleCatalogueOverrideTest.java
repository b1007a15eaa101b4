package com.obkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obkit.outcomes.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code catalogue/rules.tsv} in the working folder replaces the shipped catalogue. */
class RuleCatalogueOverrideTest {

  @TempDir Path dir;

  @Test
  void withoutAFileTheShippedCatalogueIsRead() {
    assertThat(RuleCatalogue.load(dir).entries()).isEqualTo(RuleCatalogue.load().entries());
    assertThat(RuleCatalogue.bytes(dir)).isEqualTo(RuleCatalogue.bytes());
  }

  @Test
  void aFileInTheWorkingFolderReplacesIt() throws Exception {
    Files.createDirectories(dir.resolve("catalogue"));
    String tsv = "id\tlevel\tstatement\tsource\tstatus\nSIG-1\tMUST\tSign.\tREG\tscenarios\n";
    Files.writeString(dir.resolve("catalogue/rules.tsv"), tsv);
    assertThat(RuleCatalogue.load(dir).entries())
        .containsExactly(new RuleCatalogue.Entry("SIG-1", Level.MUST, "Sign.", "REG", false));
    assertThat(new String(RuleCatalogue.bytes(dir), StandardCharsets.UTF_8)).isEqualTo(tsv);
  }

  @Test
  void aMalformedLineIsNamedWithItsFileAndNumber() throws Exception {
    Files.createDirectories(dir.resolve("catalogue"));
    Path file =
        Files.writeString(
            dir.resolve("catalogue/rules.tsv"), "header\nSIG-1\tMAY\tSign.\tREG\tscenarios\n");
    assertThatThrownBy(() -> RuleCatalogue.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            file
                + " line 2: needs 5 tab-separated fields (id, MUST or SHOULD, statement, source,"
                + " 'scenarios' or 'planned'): SIG-1\tMAY\tSign.\tREG\tscenarios");
  }
}
