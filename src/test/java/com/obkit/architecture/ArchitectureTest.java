package com.obkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.obkit.architecture.fixture.sandbox.ForbiddenEdge;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the design, enforced: the reference sandbox is a second implementation of the
 * contract and depends on no kit package; the kit reaches the sandbox only through its port. A new
 * edge fails the build.
 */
class ArchitectureTest {

  /** Every kit package; the sandbox may use none of them. */
  private static final String[] KIT =
      List.of(
              "pki",
              "signing",
              "config",
              "client",
              "psu",
              "checks",
              "outcomes",
              "runtime",
              "steps",
              "report",
              "history",
              "openapi",
              "evidence",
              "cli")
          .stream()
          .map(p -> "com.obkit." + p + "..")
          .toArray(String[]::new);

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.obkit");

  /** The sandbox's independence, for the sandbox living in {@code sandboxPackages}. */
  static ArchRule sandboxDependsOnNoKitPackage(String sandboxPackages) {
    return noClasses()
        .that()
        .resideInAPackage(sandboxPackages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KIT)
        .because("the reference sandbox is a second, independent implementation of the contract");
  }

  @Test
  void theSandboxDependsOnNoKitPackage() {
    sandboxDependsOnNoKitPackage("com.obkit.sandbox..").check(MAIN);
  }

  @Test
  void theKitReachesTheSandboxOnlyThroughItsPort() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.obkit.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.obkit.sandbox")
        .because("the kit starts and controls the sandbox through com.obkit.sandbox.port only")
        .check(MAIN);
  }

  @Test
  void theRuleReportsAForbiddenImport() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ForbiddenEdge.class);
    EvaluationResult result =
        sandboxDependsOnNoKitPackage("com.obkit.architecture.fixture.sandbox..").evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains(ForbiddenEdge.class.getName())
                    .contains("com.obkit.pki.OrganizationId"));
  }
}
