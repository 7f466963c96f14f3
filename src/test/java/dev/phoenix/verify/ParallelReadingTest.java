package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.ReadCache;
import dev.phoenix.git.GitRepository;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environments read at once ({@link Revisions#ofEach}) give exactly what reading them one after the
 * other gives: the same revisions, references, problems and warnings, in the same order, and the
 * same error for an environment that does not exist.
 */
class ParallelReadingTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final List<String> ENVS = List.of("staging", "prod", "dev", "qa");
  @TempDir Path dir;

  private GitRepository repository() {
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", Lockfiles.stack());
      for (int day = 30; day >= 1; day--) {
        for (int e = 0; e < ENVS.size(); e++) {
          String env = ENVS.get(e);
          if ((day + e) % (e + 2) == 0) {
            git.put("environments/" + env + "/environment.lock.yaml", VerifierTest.lock(env, day, 100 + e, day % 4));
          }
        }
        if (day == 12) {
          git.put("environments/qa/environment.lock.yaml", "apiVersion: phoenix/v1\nkind: EnvironmentLock\n");
        }
        if (day == 9) {
          git.put("environments/dev/environment.lock.yaml", VerifierTest.lock("prod", 9)); // wrong environment
        }
        if (day == 5) {
          git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 2"));
        }
        git.commit(NOW.minus(Duration.ofDays(day)), "day " + day);
      }
      git.put("environments/prod/environment.lock.yaml", VerifierTest.lock("prod", 999));
      git.commit(NOW.plus(Duration.ofHours(2)), "dated in the future");
    }
    return GitRepository.open(dir);
  }

  private static Map<String, List<EnvRevision>> oneAfterTheOther(GitRepository git, List<String> envs, VerifyWindow w) {
    Map<String, List<EnvRevision>> out = new LinkedHashMap<>();
    envs.forEach(env -> out.put(env, new Revisions(git, NOW).of(env, w)));
    return out;
  }

  @Test
  void theSameRevisionsInTheSameOrder() {
    for (VerifyWindow w : List.of(VerifyWindow.since(Duration.ofDays(20), NOW, "20d"), VerifyWindow.head(),
        VerifyWindow.between(NOW.minus(Duration.ofDays(25)), NOW.minus(Duration.ofDays(8)), "x"))) {
      try (GitRepository git = repository()) {
        Map<String, List<EnvRevision>> parallel = Revisions.ofEach(git, NOW, ENVS, w); // a cold read cache
        System.setProperty(ReadCache.DIR_PROPERTY, "off");
        Map<String, List<EnvRevision>> sequential;
        try {
          sequential = oneAfterTheOther(git, ENVS, w);
        } finally {
          System.clearProperty(ReadCache.DIR_PROPERTY);
        }
        assertThat(new ArrayList<>(parallel.keySet())).isEqualTo(ENVS);
        assertThat(parallel).as(w.asked()).isEqualTo(sequential);
        assertThat(parallel.toString()).as("in the same order, references too").isEqualTo(sequential.toString());
        assertThat(Verifier.Tally.of(parallel)).isEqualTo(Verifier.Tally.of(sequential));
        if (!w.headOnly()) {
          assertThat(parallel.values().stream().mapToInt(List::size).sum()).isGreaterThan(20);
          assertThat(parallel.get("qa")).anyMatch(r -> !r.problems().isEmpty());
          assertThat(parallel.get("dev")).anyMatch(r -> r.problems().stream().anyMatch(p -> p.message().contains("does not match")));
        } else {
          assertThat(parallel.get("prod").get(0).warnings()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void theFirstUnknownEnvironmentInOrderIsTheError() {
    try (GitRepository git = repository()) {
      VerifyWindow w = VerifyWindow.since(Duration.ofDays(20), NOW, "20d");
      List<String> envs = List.of("prod", "nope", "dev", "zzz");
      String expected;
      try {
        oneAfterTheOther(git, envs, w);
        throw new AssertionError("an unknown environment was read");
      } catch (PhoenixException e) {
        expected = e.getMessage();
      }
      assertThat(expected).contains("nope");
      assertThatThrownBy(() -> Revisions.ofEach(git, NOW, envs, w)).isInstanceOf(PhoenixException.class)
          .hasMessage(expected);
    }
  }

  @Test
  void equalReferencesAreOneInstanceAcrossRevisionsAndEnvironmentsFromAParseAndFromTheCache() {
    VerifyWindow w = VerifyWindow.since(Duration.ofDays(20), NOW, "20d");
    try (GitRepository git = repository()) {
      for (String pass : List.of("cold", "cached")) {
        Map<String, List<EnvRevision>> read = Revisions.ofEach(git, NOW, ENVS, w);
        Map<dev.phoenix.check.Ref, dev.phoenix.check.Ref> first = new java.util.HashMap<>();
        Map<List<String>, List<String>> firstUses = new java.util.HashMap<>();
        int repeated = 0;
        for (List<EnvRevision> revisions : read.values()) {
          for (EnvRevision r : revisions) {
            for (Map.Entry<dev.phoenix.check.Ref, List<String>> e : r.refs().entrySet()) {
              dev.phoenix.check.Ref seen = first.putIfAbsent(e.getKey(), e.getKey());
              if (seen != null) {
                repeated++;
                assertThat(e.getKey()).as(pass + ": " + e.getKey()).isSameAs(seen);
              }
              List<String> uses = firstUses.putIfAbsent(e.getValue(), e.getValue());
              assertThat(e.getValue()).as(pass + ": uses of " + e.getKey()).isSameAs(uses == null ? e.getValue() : uses);
            }
          }
        }
        assertThat(repeated).as(pass + ": references repeated across revisions").isGreaterThan(50);
      }
    }
  }
}
