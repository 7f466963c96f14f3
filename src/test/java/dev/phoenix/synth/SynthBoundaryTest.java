package dev.phoenix.synth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.phoenix.synth.cdktf.CdktfEngine;
import org.junit.jupiter.api.Test;

/**
 * CDKTF is deprecated upstream: swapping it for its fork must touch dev.phoenix.synth.cdktf only,
 * and that package lives in a class loader of its own (EngineLoader), so nothing outside it may
 * name one of its classes: such a reference would load the class in the application loader, which
 * does not see CDKTF's jars in the distribution.
 */
class SynthBoundaryTest {

  private static final String[] CDKTF =
      {"com.hashicorp.cdktf..", "software.constructs..", "software.amazon.jsii..", "imports.."};

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.phoenix");

  @Test
  void onlyTheEnginePackageUsesCdktfConstructsOrJsii() {
    assertThat(MAIN.contain(CdktfEngine.class)).isTrue();
    noClasses()
        .that().resideOutsideOfPackage("dev.phoenix.synth.cdktf")
        .should().dependOnClassesThat().resideInAnyPackage(CDKTF)
        .check(MAIN);
  }

  @Test
  void nothingOutsideTheEnginePackageNamesItsClasses() {
    assertThat(MAIN.contain(EngineLoader.class)).isTrue();
    noClasses()
        .that().resideOutsideOfPackage("dev.phoenix.synth.cdktf")
        .should().dependOnClassesThat().resideInAPackage("dev.phoenix.synth.cdktf")
        .because("EngineLoader defines that package in its own class loader; others reach it through SynthEngine")
        .check(MAIN);
  }

}
