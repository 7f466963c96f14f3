package dev.phoenix.rebuild;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Status;
import dev.phoenix.support.Estates;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Sample-estate repositories, requests and checkers for rebuild tests. */
public final class RebuildFixtures {
  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  public static final String LOCK = "environments/prod/environment.lock.yaml";

  private RebuildFixtures() {}

  /** The sample estate committed once on 2026-10-20 (HEAD), and its id. */
  public static String sampleRepo(GitFixture repo) {
    repo.put(LOCK, Estates.prodLock())
        .put("stacks/services.yaml", Estates.servicesStack())
        .put("stacks/functions.yaml", Estates.functionsStack());
    return repo.commit(Instant.parse("2026-10-20T09:00:00Z"), "prod: sample estate");
  }

  public static RebuildRequest request(Path workTree, Path out, String at, boolean apply, Map<String, String> flags) {
    return new RebuildRequest("prod", at, NOW, workTree, out, workTree.resolve("drills"), flags, apply, false, false,
        null, Duration.ofMinutes(2), CheckOptions.defaults());
  }

  /** A checker for every store that answers {@code status} for each reference (OK unless told). */
  public static RefChecker checker(Function<Ref, Status> status) {
    return new RefChecker() {
      @Override
      public boolean handles(Ref ref) {
        return true;
      }

      @Override
      public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
        Map<Ref, Finding> out = new LinkedHashMap<>();
        refs.forEach(r -> out.put(r, new Finding(status.apply(r), "test checker")));
        return out;
      }
    };
  }

  public static List<RefChecker> allOk() {
    return List.of(checker(r -> Status.OK));
  }
}
