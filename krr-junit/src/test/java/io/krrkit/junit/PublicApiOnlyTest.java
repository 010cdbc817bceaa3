package io.krrkit.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** krr-junit drives the emulator through its public API only ({@code KrrLocal}, its controls). */
class PublicApiOnlyTest {
  @Test
  void usesNoInternalsOfKrrLocal() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.krrkit.local.internal..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.krrkit.junit"));
  }
}
