package dev.phoenix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoenix.support.GitFixture;
import dev.phoenix.testsupport.LocalRegistry;
import dev.phoenix.verify.Lockfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phoenix history} and {@code phoenix verify --since} (and {@code protect}'s window, through
 * the same walk) list the same revisions, run as a user runs them, against a real registry. The
 * history holds a commit that changes only {@code policy.yaml} (the old {@code history} counted it)
 * and one that changes only a blueprint prod does not use (the old {@code verify} counted it).
 */
class RevisionAgreementIT {
  private static final String LOCK = "environments/prod/environment.lock.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void historyAndVerifySinceListTheSameRevisions() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (LocalRegistry registry = LocalRegistry.start()) {
      String first = registry.reference("shop/app", registry.pushSyntheticImage("shop/app", "v1", "one".getBytes()));
      String second = registry.reference("shop/app", registry.pushSyntheticImage("shop/app", "v2", "two".getBytes()));
      try (GitFixture git = GitFixture.init(dir)) {
        git.put("stacks/svc.yaml", Lockfiles.stack()).put(LOCK, Lockfiles.lockfile("prod", Map.of("app", first), "", ""));
        git.commit(now.minus(Duration.ofDays(50)), "create");
        git.put("environments/prod/policy.yaml", "apiVersion: phoenix/v1\nkind: Policy\nrequire: []\n");
        git.commit(now.minus(Duration.ofDays(40)), "policy only");
        git.put("stacks/other.yaml", Lockfiles.stack().replace("name: svc", "name: other"));
        git.commit(now.minus(Duration.ofDays(30)), "unused blueprint");
        git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 2"));
        git.commit(now.minus(Duration.ofDays(20)), "used blueprint");
        git.put(LOCK, Lockfiles.lockfile("prod", Map.of("app", second), "", ""));
        git.commit(now.minus(Duration.ofDays(10)), "new image");
      }

      CliRun history = CliRun.of("history", "--env", "prod", "--repo", dir.toString(), "--output", "json");
      assertThat(history.exitCode()).as(history.err()).isZero();
      List<String> historyCommits = new ArrayList<>();
      List<String> historySubjects = new ArrayList<>();
      for (JsonNode e : JSON.readTree(history.out()).get("entries")) {
        historyCommits.add(e.get("commit").asText());
        historySubjects.add(e.get("subject").asText());
      }
      assertThat(historySubjects).containsExactly("new image", "used blueprint", "create");

      CliRun verify = CliRun.of("verify", "--env", "prod", "--since", "90d", "--repo", dir.toString(), "--output", "json");
      assertThat(verify.exitCode()).as(verify.err()).isZero();
      List<String> verifyCommits = new ArrayList<>();
      for (JsonNode r : JSON.readTree(verify.out()).get("environments").get(0).get("revisions")) {
        verifyCommits.add(r.get("commit").asText());
      }
      Collections.reverse(verifyCommits); // verify lists oldest first, history newest first
      assertThat(verifyCommits).containsExactlyElementsOf(historyCommits);
    }
  }
}
