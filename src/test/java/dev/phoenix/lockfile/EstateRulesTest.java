package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Stack;
import dev.phoenix.support.Estates;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Rules that span the lockfile and the blueprints. */
class EstateRulesTest {
  private final Map<String, String> files = new LinkedHashMap<>();

  EstateRulesTest() {
    files.put("environments/prod/environment.lock.yaml", Estates.prodLock());
    files.put("stacks/services.yaml", Estates.servicesStack());
    files.put("stacks/functions.yaml", Estates.functionsStack());
  }

  private Parsed<Estate> read() {
    return EstateReader.read(new EstateFiles() {
      @Override
      public Lookup lookup(String path) {
        return Optional.ofNullable(files.get(path)).map(s -> Lookup.of(s.getBytes(StandardCharsets.UTF_8)))
            .orElse(Lookup.absent());
      }

      @Override
      public SortedSet<String> environments() {
        return new TreeSet<>(List.of("prod"));
      }

      @Override
      public String label() {
        return "test";
      }
    }, "prod");
  }

  private List<String> problems() {
    return read().problems().stream().map(Problem::render).toList();
  }

  private void edit(String path, String from, String to) {
    assertThat(files.get(path)).contains(from);
    files.put(path, files.get(path).replace(from, to));
  }

  @Test
  void sampleEstateIsValidAndStacksComeInDependencyOrder() {
    Parsed<Estate> estate = read();
    assertThat(estate.problems()).isEmpty();
    assertThat(estate.value().stacks()).extracting(Stack::name).containsExactly("services", "functions");
  }

  @Test
  void aBlueprintReadBeforeIsCheckedAgainstEachLockfileAfresh() {
    assertThat(problems()).as("the blueprints read once, against a lockfile that has all they name").isEmpty();
    String lock = "environments/prod/environment.lock.yaml";
    String before = files.get(lock);
    int config = before.indexOf("\nconfig:\n");
    assertThat(config).isPositive();
    files.put(lock, before.substring(0, config) + before.substring(config).replaceFirst("\n  ledger-worker:", "\n  ledger-workers:"));
    assertThat(problems()).as("the same blueprint bytes (read from the memo), another lockfile").containsExactly(
        "stacks/services.yaml:7: config block 'ledger-worker' is not in environments/prod/environment.lock.yaml — add config: ledger-worker: {…} to the lockfile or fix the name");
    files.put(lock, before);
    assertThat(problems()).isEmpty();
  }

  @Test
  void blueprintNamingAnArtefactTheLockfileLacks() {
    edit("stacks/services.yaml", "artefact: payments-api,", "artefact: payment-api,");
    assertThat(problems()).containsExactly(
        "stacks/services.yaml:6: artefact 'payment-api' is not in environments/prod/environment.lock.yaml — pin it in the lockfile's artefacts: (phoenix lock) or fix the name; the lockfile has: payments-api, ledger-worker, statements, bastion");
  }

  @Test
  void blueprintNamingAConfigBlockTheLockfileLacks() {
    edit("stacks/functions.yaml", "config: statements}", "config: statement}");
    assertThat(problems()).containsExactly(
        "stacks/functions.yaml:6: config block 'statement' is not in environments/prod/environment.lock.yaml — add config: statement: {…} to the lockfile or fix the name");
  }

  @Test
  void serviceUsingALambdaPackage() {
    edit("stacks/services.yaml", "artefact: payments-api,", "artefact: statements,");
    assertThat(problems()).containsExactly(
        "stacks/services.yaml:6: artefact 'statements' is a lambda-package in environments/prod/environment.lock.yaml, but a container-image is needed here — point at a container-image artefact");
  }

  @Test
  void environmentNamingAStackThatDoesNotExist() {
    edit("environments/prod/environment.lock.yaml", "stacks: [services, functions]", "stacks: [services, functions, batch]");
    assertThat(problems()).containsExactly(
        "environments/prod/environment.lock.yaml:4: stack 'batch' does not exist (no stacks/batch.yaml) — create stacks/batch.yaml or remove it from stacks: (stacks that exist: services, functions)");
  }

  @Test
  void stackDependingOnAStackOutsideTheEnvironment() {
    edit("stacks/functions.yaml", "dependsOn: [services]", "dependsOn: [services, batch]");
    assertThat(problems()).containsExactly(
        "stacks/functions.yaml:4: depends on stack 'batch', which environment prod does not include — add batch to stacks: in environments/prod/environment.lock.yaml or drop the dependency");
  }

  @Test
  void unknownFieldInABlueprint() {
    edit("stacks/services.yaml", "replicas: 2,", "replica: 2,");
    assertThat(problems()).containsExactly("stacks/services.yaml:6: unknown field 'replica' in services[0] — did you mean 'replicas'?");
  }

  @Test
  void stackCycleIsReported() {
    edit("stacks/services.yaml", "dependsOn: []", "dependsOn: [functions]");
    assertThat(problems()).anySatisfy(p -> assertThat(p).contains("cycle"));
  }
}
