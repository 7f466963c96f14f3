package dev.phoenix.docker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docker-java stays behind dev.phoenix.docker, and its public types never show a vendor class. */
class DockerBoundaryTest {
  @Test
  void onlyTheDockerPackageUsesDockerJava() {
    // without resolving third-party classes from the class path (the CDKTF jars make that slow)
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    JavaClasses classes;
    try {
      classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.phoenix");
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
    assertThat(classes.contain(Docker.class)).isTrue();
    noClasses().that().resideOutsideOfPackage("dev.phoenix.docker")
        .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
        .check(classes);
  }

  @Test
  void containerSpecNeverPrintsEnvValues() {
    ContainerSpec spec = new ContainerSpec("n", "r/x@sha256:" + "a".repeat(64),
        java.util.Map.of("API_KEY", "s3cr3t-value"), java.util.Map.of(), 8080, "net", "x");
    assertThat(spec.toString()).contains("API_KEY").doesNotContain("s3cr3t-value");
  }
}
