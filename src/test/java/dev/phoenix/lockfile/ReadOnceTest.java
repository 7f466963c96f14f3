package dev.phoenix.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.core.Problem;
import dev.phoenix.model.Estate;
import dev.phoenix.support.Estates;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What reading history faster must not change: a blueprint read once per content ({@link StackMemo})
 * still gets each lockfile's own cross-checks; {@link LockfileReader#stackNames} is exactly the
 * stacks {@link LockfileReader#read} gives.
 */
class ReadOnceTest {

  private static Parsed<Estate> read(Map<String, String> files) {
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

  private static Map<String, String> estate() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("environments/prod/environment.lock.yaml", Estates.prodLock());
    files.put("stacks/services.yaml", Estates.servicesStack());
    files.put("stacks/functions.yaml", Estates.functionsStack());
    return files;
  }

  private static List<String> problems(Map<String, String> files) {
    return read(files).problems().stream().map(Problem::render).toList();
  }

  @Test
  void aSharedBlueprintIsCrossCheckedAgainstEachLockfile() {
    Map<String, String> good = estate();
    assertThat(problems(good)).isEmpty();
    Map<String, String> renamed = estate();
    renamed.put("environments/prod/environment.lock.yaml", good.get("environments/prod/environment.lock.yaml")
        .replace("  ledger-worker:", "  ledger-worker-2:"));
    // the same services.yaml bytes, read from the memo, checked against a lockfile without ledger-worker
    assertThat(problems(renamed)).anyMatch(p -> p.startsWith("stacks/services.yaml:7: artefact 'ledger-worker' is not in"))
        .anyMatch(p -> p.startsWith("stacks/services.yaml:7: config block 'ledger-worker' is not in"));
    assertThat(problems(good)).isEmpty();
    assertThat(read(good).value()).isEqualTo(read(estate()).value());
  }

  @Test
  void aBlueprintWithOtherBytesIsReadAgain() {
    Map<String, String> files = estate();
    assertThat(problems(files)).isEmpty();
    files.put("stacks/services.yaml", files.get("stacks/services.yaml").replace("port: 8081", "port: 99999"));
    assertThat(problems(files)).anyMatch(p -> p.startsWith("stacks/services.yaml:7:") && p.contains("port"));
    files.put("stacks/services.yaml", files.get("stacks/services.yaml").replace("name: services", "name: other"));
    assertThat(problems(files)).anyMatch(p -> p.contains("does not match its file name services.yaml"));
  }

  @Test
  void stackNamesAreWhatTheFullReadGives() {
    String lock = Estates.prodLock();
    List<String> docs = List.of(lock, lock.replace("stacks: [", "stacks: [Bad_Name, "),
        lock.replace("stacks: [", "stacks: [\"quoted\", "), lock.replace("stacks:", "stackz:"),
        lock.replace("apiVersion: phoenix/v1", "apiVersion: v2"), "- not\n- a map\n", "kind: Deployment\nspec: {}\n",
        "a: &x b\n", "", lock.replace("environment: prod", "environment: qa"),
        "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: prod\nstacks: []\nartefacts: {}\n",
        "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: prod\nstacks: services\nartefacts: {}\n",
        "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: prod\nstacks:\n  - services\n  - 7\n  - {a: b}\n");
    for (String doc : docs) {
      byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
      Parsed<dev.phoenix.model.Lockfile> full = LockfileReader.read("environments/prod/environment.lock.yaml", bytes, "prod");
      Optional<List<String>> expected = full.value() == null ? Optional.empty()
          : Optional.of(full.value().stacks() == null ? List.of() : List.copyOf(full.value().stacks()));
      assertThat(LockfileReader.stackNames("environments/prod/environment.lock.yaml", bytes)).as(doc).isEqualTo(expected);
      assertThat(LockfileReader.stackNames(full)).as("from the whole reading: " + doc).isEqualTo(expected);
    }
  }
}
