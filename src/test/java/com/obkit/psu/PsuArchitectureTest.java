package com.obkit.psu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The PSU driver's room: it uses the client's records and secret registry, the configuration and
 * the outcomes, and nothing that runs or judges scenarios.
 */
class PsuArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.obkit");

  @Test
  void thePsuDriverDependsOnlyOnClientConfigAndOutcomes() {
    noClasses()
        .that()
        .resideInAPackage("com.obkit.psu..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.obkit.steps..",
            "com.obkit.sandbox..",
            "com.obkit.checks..",
            "com.obkit.report..",
            "com.obkit.cli..",
            "com.obkit.runtime..",
            "com.obkit.pki..",
            "com.obkit.signing..")
        .because("the PSU's part of SCA returns what happened; running and judging are elsewhere")
        .check(MAIN);
  }

  @Test
  void onlyTheRunnersUseThePsuDriver() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.obkit.client..",
            "com.obkit.config..",
            "com.obkit.outcomes..",
            "com.obkit.checks..",
            "com.obkit.sandbox..",
            "com.obkit.pki..",
            "com.obkit.signing..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.obkit.psu..")
        .because("psu sits above client, config and outcomes; the sandbox is independent")
        .check(MAIN);
  }
}
