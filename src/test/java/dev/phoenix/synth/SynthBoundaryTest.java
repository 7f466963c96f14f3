package dev.phoenix.synth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** CDKTF is deprecated upstream: swapping it for its fork must touch dev.phoenix.synth only. */
class SynthBoundaryTest {

  private static final String[] CDKTF =
      {"com.hashicorp.cdktf..", "software.constructs..", "software.amazon.jsii..", "imports.."};

  @Test
  void onlyTheSynthPackageUsesCdktfConstructsOrJsii() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.phoenix");
    assertThat(classes.contain(Synthesizer.class)).isTrue();

    noClasses()
        .that().resideOutsideOfPackage("dev.phoenix.synth")
        .should().dependOnClassesThat().resideInAnyPackage(CDKTF)
        .check(classes);
    noClasses()
        .that().resideInAPackage("dev.phoenix.synth").and().arePublic()
        .and().doNotHaveSimpleName("Synthesizer")
        .should().dependOnClassesThat().resideInAnyPackage(CDKTF)
        .because("the records callers build must survive a swap of the synthesis library")
        .check(classes);
  }
}
