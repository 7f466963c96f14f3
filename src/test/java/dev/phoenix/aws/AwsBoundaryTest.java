package dev.phoenix.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each AWS service SDK is used by its own adapter package only; the shared package uses SDK core only. */
class AwsBoundaryTest {
  private static final Map<String, String> SERVICES = Map.of(
      "s3", "software.amazon.awssdk.services.s3..",
      "ssm", "software.amazon.awssdk.services.ssm..",
      "secrets", "software.amazon.awssdk.services.secretsmanager..",
      "ec2", "software.amazon.awssdk.services.ec2..",
      "ecr", "software.amazon.awssdk.services.ecr..",
      "ecs", "software.amazon.awssdk.services.ecs..",
      "lambda", "software.amazon.awssdk.services.lambda..");

  private static final JavaClasses classes = importMain();

  /** Without resolving third-party classes from the class path (the CDKTF jars make that take ~40 s). */
  private static JavaClasses importMain() {
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.phoenix");
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  @Test
  void eachServiceSdkStaysInItsPackage() {
    SERVICES.forEach((pkg, sdk) -> noClasses()
        .that().resideOutsideOfPackage("dev.phoenix.aws." + pkg)
        .should().dependOnClassesThat().resideInAPackage(sdk)
        .check(classes));
  }

  @Test
  void onlyTheAwsPackagesUseTheSdkAndTheSharedOneUsesNoService() {
    noClasses().that().resideOutsideOfPackage("dev.phoenix.aws..")
        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.phoenix.aws")
        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services..")
        .check(classes);
  }

  @Test
  void publicSignaturesOfTheServicePackagesNameNoSdkType() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : classes) {
      if (!c.getPackageName().startsWith("dev.phoenix.aws.") || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      for (JavaCodeUnit m : c.getCodeUnits()) {
        if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
          continue;
        }
        List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
        types.add(m.getRawReturnType());
        for (JavaClass t : types) {
          if (t.getName().startsWith("software.amazon.awssdk")) {
            leaks.add(m.getFullName());
          }
        }
      }
    }
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("dev.phoenix.aws.")).count())
        .isGreaterThan(20);
    assertThat(leaks).isEmpty();
  }
}
