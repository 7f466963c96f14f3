package dev.phoenix.synth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.phoenix.synth.cdktf.CdktfEngine;
import java.util.Set;
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

  /**
   * A class another loader defines cannot use package-private members, so moving the engine out made
   * these public: they stay the synthesis's own, not API for the rest of Phoenix.
   */
  private static final Set<String> PUBLIC_FOR_THE_ENGINE = Set.of(
      "dev.phoenix.synth.ContainerDefinitions.of", "dev.phoenix.synth.FunctionSpec.sourceCodeHash",
      "dev.phoenix.synth.FunctionSpec.secretVersions", "dev.phoenix.synth.TargetOptions.requireScope",
      "dev.phoenix.synth.TargetOptions.partition", "dev.phoenix.synth.Grants.keyArns",
      "dev.phoenix.synth.Grants.aliasArns", "dev.phoenix.synth.NetworkOptions.zoneCount");

  @Test
  void membersMadePublicForTheEngineAreUsedInsideSynthesisOnly() {
    assertThat(MAIN.contain(Names.class)).isTrue();
    // every name listed is one the engine calls (a misspelt or removed member would make the rule vacuous)
    assertThat(MAIN.stream().filter(c -> c.getPackageName().equals("dev.phoenix.synth.cdktf"))
        .flatMap(c -> c.getMethodCallsFromSelf().stream())
        .map(call -> call.getTargetOwner().getName() + "." + call.getName())
        .filter(PUBLIC_FOR_THE_ENGINE::contains).distinct()).containsExactlyInAnyOrderElementsOf(PUBLIC_FOR_THE_ENGINE);
    noClasses()
        .that().resideOutsideOfPackage("dev.phoenix.synth..")
        .should().callMethodWhere(DescribedPredicate.describe("a member made public for the engine",
            call -> PUBLIC_FOR_THE_ENGINE.contains(call.getTargetOwner().getName() + "." + call.getName())))
        .orShould().dependOnClassesThat().belongToAnyOf(Names.class)
        .check(MAIN);
  }
}
