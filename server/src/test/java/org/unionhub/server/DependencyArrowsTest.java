package org.unionhub.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency arrows of ARCHITECTURE.md, checked on the compiled classes. */
class DependencyArrowsTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unionhub");
  }

  @Test
  void sdkDependsOnTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.unionhub.sdk..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.unionhub.sdk..")
        .check(classes);
  }

  @Test
  void modulesDependOnTheSdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.unionhub.modules..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "org.unionhub.sdk..", "org.unionhub.modules..")
        .check(classes);
  }

  @Test
  void platformCoreKnowsNeitherTenantConfigNorUiNorModules() {
    noClasses()
        .that()
        .resideInAPackage("org.unionhub.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.unionhub.tenant..", "org.unionhub.ui..", "org.unionhub.modules..")
        .check(classes);
  }

  @Test
  void tenantConfigDoesNotReachIntoUiOrModules() {
    noClasses()
        .that()
        .resideInAPackage("org.unionhub.tenant..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.unionhub.ui..", "org.unionhub.modules..")
        .check(classes);
  }

  @Test
  void uiDoesNotReachIntoModulesOrTenantConfigInternals() {
    noClasses()
        .that()
        .resideInAPackage("org.unionhub.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.unionhub.modules..", "org.unionhub.tenant..")
        .check(classes);
  }

  @Test
  void platformPackagesAreFreeOfCycles() {
    slices().matching("org.unionhub.platform.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void tenantConfigPackagesAreFreeOfCycles() {
    slices().matching("org.unionhub.tenant.(*)..").should().beFreeOfCycles().check(classes);
  }
}
