package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
import dev.phoenix.history.HistoryEntry;
import dev.phoenix.protect.ProtectWindow;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history}, {@code verify --since} and {@code protect --since} agree on what a revision is.
 * The repository holds the two commits the old definitions disagreed on: one that changes only a
 * file beside the lockfile (history counted it: it fingerprinted the whole environment directory)
 * and one that changes only a blueprint no stack of the environment uses (verify counted it: it
 * fingerprinted the whole stacks/ tree). Neither is a revision; a change to a used blueprint is.
 */
class RevisionAgreementTest {
  private static final String LOCK = "environments/prod/environment.lock.yaml";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  @TempDir Path dir;

  private static String otherStack() {
    return "apiVersion: phoenix/v1\nkind: Stack\nname: other\ndependsOn: []\nservices:\n"
        + "  - {name: web, artefact: web, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1}\n";
  }

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  private GitRepository repository() {
    try (GitFixture git = GitFixture.init(dir)) {
      git.put("stacks/svc.yaml", Lockfiles.stack()).put(LOCK, VerifierTest.lock("prod", 1));
      git.commit(daysAgo(50), "create");
      git.put("environments/prod/policy.yaml", "apiVersion: phoenix/v1\nkind: Policy\nrequire: []\n");
      git.commit(daysAgo(40), "policy only");
      git.put("stacks/other.yaml", otherStack());
      git.commit(daysAgo(30), "unused blueprint");
      git.put("stacks/svc.yaml", Lockfiles.stack().replace("replicas: 1", "replicas: 2"));
      git.commit(daysAgo(20), "used blueprint");
      git.put(LOCK, VerifierTest.lock("prod", 2));
      git.commit(daysAgo(10), "new image");
      git.put("README.md", "estate\n");
      git.commit(daysAgo(5), "readme");
    }
    return GitRepository.open(dir);
  }

  @Test
  void historyVerifyAndProtectListTheSameRevisions() {
    List<String> expected = List.of("new image", "used blueprint", "create");
    try (GitRepository git = repository()) {
      List<HistoryEntry> history = new History(git).of("prod");
      assertThat(history).extracting(e -> e.commit().subject()).containsExactlyElementsOf(expected);
      assertThat(history.get(1).changes()).extracting(c -> c.render())
          .containsExactly("~ stack svc: [app×1] → [app×2]");

      VerifyRequest request = new VerifyRequest(List.of("prod"), false,
          VerifyWindow.since(Duration.ofDays(90), NOW, "90d"), false, 4, Duration.ofMinutes(1), Set.of(), false);
      VerifyResult verified = new Verifier(git, List.of(new FakeChecker(r -> true)), ProgressListener.NONE,
          Clock.fixed(NOW, ZoneOffset.UTC)).verify(request);
      assertThat(verified.environments().get(0).revisions())
          .extracting(r -> r.revision().commit().subject())
          .containsExactly("create", "used blueprint", "new image");
      assertThat(verified.environments().get(0).revisions())
          .extracting(r -> r.revision().commit().id())
          .containsExactly(history.get(2).commit().id(), history.get(1).commit().id(), history.get(0).commit().id());

      ProtectWindow protect = ProtectWindow.of(git, "prod", daysAgo(90));
      assertThat(protect.revisions()).extracting(c -> c.subject()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aWindowThatStartsAfterAFileThatDoesNotCountStartsAtTheRevisionBeforeIt() {
    try (GitRepository git = repository()) {
      // the window opens after "unused blueprint": the revision in force then is "create"'s
      VerifyWindow window = VerifyWindow.between(daysAgo(25), NOW, "since 25d");
      List<EnvRevision> revisions = new Revisions(git, NOW).of("prod", window);
      assertThat(revisions).extracting(r -> r.commit().subject())
          .containsExactly("create", "used blueprint", "new image");
      assertThat(revisions.get(0).validUntil()).isEqualTo(daysAgo(20));
      assertThat(ProtectWindow.of(git, "prod", daysAgo(25)).revisions()).extracting(c -> c.subject())
          .containsExactly("new image", "used blueprint", "create");
    }
  }
}
