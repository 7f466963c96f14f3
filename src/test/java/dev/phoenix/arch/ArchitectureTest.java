package dev.phoenix.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The boundaries the style guide promises: each outside system behind one package, no cycles. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.phoenix");
    // a rule over no classes proves nothing: the import must have found the main classes
    assertThat(classes.contain("dev.phoenix.cli.Main")).as("main classes imported").isTrue();
    assertThat(classes.size()).as("main classes imported").isGreaterThan(200);
  }

  @ParameterizedTest(name = "only {1} uses {0}")
  @CsvSource({
    "picocli.., dev.phoenix.cli..",
    "org.eclipse.jgit.., dev.phoenix.git..",
    "com.hashicorp.., dev.phoenix.synth.cdktf..",
    "software.constructs.., dev.phoenix.synth.cdktf..",
    "software.amazon.jsii.., dev.phoenix.synth.cdktf..",
    "com.github.dockerjava.., dev.phoenix.docker..",
    "software.amazon.awssdk.services.s3.., dev.phoenix.aws.s3..",
    "software.amazon.awssdk.services.ssm.., dev.phoenix.aws.ssm..",
    "software.amazon.awssdk.services.secretsmanager.., dev.phoenix.aws.secrets..",
    "software.amazon.awssdk.services.ec2.., dev.phoenix.aws.ec2..",
    "software.amazon.awssdk.services.ecr.., dev.phoenix.aws.ecr..",
    "org.yaml.snakeyaml.., dev.phoenix.yaml..",
    "com.fasterxml.jackson.dataformat.yaml.., dev.phoenix.yaml..",
    "software.amazon.awssdk.services.ecs.., dev.phoenix.aws.ecs..",
    "software.amazon.awssdk.services.lambda.., dev.phoenix.aws.lambda..",
    "software.amazon.awssdk.services.rds.., dev.phoenix.aws.rds..",
    "software.amazon.awssdk.services.dynamodb.., dev.phoenix.aws.dynamodb..",
  })
  void eachOutsideSystemIsUsedByOnePackage(String outside, String owner) {
    // a misspelt package on either side would make the rule below pass over nothing
    assertThat(classes.stream().anyMatch(c -> PackageMatcher.of(owner).matches(c.getPackageName())))
        .as("main classes in " + owner).isTrue();
    String path = outside.substring(0, outside.length() - 2).replace('.', '/');
    assertThat(ArchitectureTest.class.getClassLoader().getResource(path)).as(outside + " on the class path").isNotNull();
    noClasses().that().resideOutsideOfPackage(owner)
        .should().dependOnClassesThat().resideInAPackage(outside)
        .check(classes);
  }

  @Test
  void theCoreKnowsNothingOfTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("dev.phoenix.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.phoenix.cli..")
        .check(classes);
  }

  @Test
  void storeAdaptersImportNoWorkflowPackage() {
    String[] adapters = {"dev.phoenix.registry..", "dev.phoenix.aws.."};
    String[] workflows = {"dev.phoenix.rebuild..", "dev.phoenix.verify..", "dev.phoenix.protect..", "dev.phoenix.pin..",
        "dev.phoenix.promote..", "dev.phoenix.lockwrite..", "dev.phoenix.history..", "dev.phoenix.stores.."};
    for (String p : adapters) {
      assertThat(classes.stream().anyMatch(c -> PackageMatcher.of(p).matches(c.getPackageName()))).as("classes in " + p).isTrue();
    }
    noClasses().that().resideInAnyPackage(adapters)
        .should().dependOnClassesThat().resideInAnyPackage(workflows)
        .check(classes);
  }

  @Test
  void onlyTheCommandLineUsesTheCompositionRoot() {
    assertThat(classes.contain("dev.phoenix.stores.Stores")).as("stores/Stores imported").isTrue();
    noClasses().that().resideOutsideOfPackages("dev.phoenix.cli..", "dev.phoenix.stores..")
        .should().dependOnClassesThat().resideInAPackage("dev.phoenix.stores..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.phoenix.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void subPackagesHaveNoCycles() {
    // every package on its own, so rebuild/aws and rebuild/local cannot lean on each other in a circle
    slices().matching("dev.phoenix.(**)").should().beFreeOfCycles().check(classes);
  }

  /** Outside systems: each adapter package talks to one. */
  static final String[] ADAPTERS = {
    "dev.phoenix.registry..", "dev.phoenix.aws..", "dev.phoenix.docker..", "dev.phoenix.git..",
    "dev.phoenix.engine..", "dev.phoenix.synth.."};

  /** What runs a command's work: they wire adapters together; nothing below may know them. */
  static final String[] WORKFLOWS = {
    "dev.phoenix.cli..", "dev.phoenix.stores..", "dev.phoenix.verify..", "dev.phoenix.protect..",
    "dev.phoenix.pin..", "dev.phoenix.rebuild..", "dev.phoenix.promote..", "dev.phoenix.lockwrite..",
    "dev.phoenix.history..", "dev.phoenix.drift..", "dev.phoenix.rollback..", "dev.phoenix.overview..",
    "dev.phoenix.mirror.."};

  @Test
  void theGroundImportsNoAdapterAndNoWorkflow() {
    noClasses().that().resideInAnyPackage("dev.phoenix.model..", "dev.phoenix.check..", "dev.phoenix.core..")
        .should().dependOnClassesThat().resideInAnyPackage(concat(ADAPTERS, WORKFLOWS))
        .check(classes);
  }

  @Test
  void adaptersImportNoWorkflow() {
    noClasses().that().resideInAnyPackage(ADAPTERS)
        .should().dependOnClassesThat().resideInAnyPackage(WORKFLOWS)
        .check(classes);
  }

  @Test
  void httpIsSpokenByTheRegistryClientAndTheDrillHealthCheckOnly() {
    noClasses().that().resideOutsideOfPackages("dev.phoenix.registry..", "dev.phoenix.rebuild.local..")
        .should().dependOnClassesThat().resideInAPackage("java.net.http..")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("dev.phoenix.registry..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.net.ssl.HttpsURLConnection")
        .orShould().callMethod(java.net.URL.class, "openConnection")
        .check(classes);
  }

  @Test
  void noTwoMainClassesShareASimpleName() {
    Map<String, List<String>> byName = classes.stream()
        .filter(JavaClass::isTopLevelClass) // a nested class is always written Outer.Name
        .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
            Collectors.mapping(JavaClass::getName, Collectors.toList())));
    byName.values().removeIf(names -> names.size() < 2);
    assertThat(byName).as("simple names used by more than one main class (rename one of each)").isEmpty();
  }

  @Test
  void noNestedClassTakesATopLevelClassName() {
    // Outer.Target beside dev.phoenix.rebuild.Target: a file needing both writes one in full
    java.util.Set<String> topLevel = classes.stream().filter(JavaClass::isTopLevelClass)
        .map(JavaClass::getSimpleName).collect(Collectors.toSet());
    List<String> clashes = classes.stream()
        .filter(c -> c.isNestedClass() && !c.isAnonymousClass() && !c.isLocalClass())
        .filter(c -> topLevel.contains(c.getSimpleName()))
        .map(JavaClass::getName).sorted().toList();
    assertThat(clashes).as("nested classes named like a top-level class (rename the nested one)").isEmpty();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
