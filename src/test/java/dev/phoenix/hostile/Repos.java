package dev.phoenix.hostile;

import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Instant;

/** Small real repositories for the hostile-input tests. */
final class Repos {
  /** A lockfile with nothing to check: verify needs no server to say it is restorable. */
  static final String EMPTY_LOCK = """
      apiVersion: phoenix/v1
      kind: EnvironmentLock
      environment: %s
      stacks: []
      artefacts: {}
      """;

  private Repos() {}

  static String emptyLock(String env) {
    return EMPTY_LOCK.formatted(env);
  }

  /** A checked-out repository with environment {@code prod} (empty lockfile) at one commit. */
  static Path empty(Path dir) {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put("environments/prod/environment.lock.yaml", emptyLock("prod"));
      repo.commit(Instant.parse("2026-11-01T10:00:00Z"), "prod: empty");
      repo.checkout();
    }
    return dir;
  }

  /** A checked-out repository with the sample estate (prod, staging and their stacks). */
  static Path sample(Path dir) {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.put("stacks/services.yaml", Estates.servicesStack())
          .put("stacks/functions.yaml", Estates.functionsStack())
          .put("environments/prod/environment.lock.yaml", Estates.prodLock())
          .put("environments/staging/environment.lock.yaml", Estates.sample("environments/staging/environment.lock.yaml"));
      repo.commit(Instant.parse("2026-11-01T10:00:00Z"), "sample estate");
      repo.checkout();
    }
    return dir;
  }
}
