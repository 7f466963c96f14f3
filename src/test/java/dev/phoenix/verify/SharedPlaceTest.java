package dev.phoenix.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenix.check.Backup;
import dev.phoenix.check.BackupCatalog;
import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import dev.phoenix.model.Datastore;
import dev.phoenix.support.GitFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup place named by the shared blueprints is asked once per run, whatever the answer: a place
 * that cannot be listed makes every environment's datastore UNKNOWN with the store's reason, after
 * one attempt. (The S3 catalog on moto, listing and fetching once: VerifyDataIT.)
 */
class SharedPlaceTest {
  @TempDir Path dir;

  @Test
  void aPlaceThatCannotBeListedIsAskedOnceAndEveryEnvironmentSaysWhy() throws Exception {
    AtomicInteger listed = new AtomicInteger();
    AtomicInteger checked = new AtomicInteger();
    BackupCatalog refusing = new BackupCatalog() {
      @Override
      public boolean handles(Datastore.Backups where) {
        return true;
      }

      @Override
      public List<Backup> list(Datastore.Backups where) {
        listed.incrementAndGet();
        throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "AccessDenied listing ledger-backups",
            "grant s3:ListBucketVersions");
      }

      @Override
      public Map<Ref, Finding> check(Collection<Backup> backups, CheckOptions options) {
        checked.incrementAndGet();
        return Map.of();
      }
    };
    GitFixture git = GitFixture.init(dir);
    git.put("stacks/svc.yaml", Lockfiles.stack() + "datastores:\n  - name: ledger-db\n    engine: postgres\n"
        + "    image: app\n    backups: {s3: {bucket: ledger-backups, prefix: ledger-db/}}\n    rpo: 36h\n"
        + "    probe: {sql: select 1, min: 1}\n");
    for (String env : List.of("dev", "prod", "qa", "staging")) {
      git.put("environments/" + env + "/environment.lock.yaml",
          Lockfiles.lockfile(env, Map.of("app", VerifierTest.img(1)), "", ""));
    }
    git.commit(ShardDataTest.NOW.minus(Duration.ofDays(3)), "four environments on one blueprint");
    git.close();
    VerifyRequest request = new VerifyRequest(List.of(), true,
        VerifyWindow.between(ShardDataTest.NOW.minus(Duration.ofDays(2)), ShardDataTest.NOW, "since 2d"), false, 4,
        Duration.ofMinutes(1), Set.of(), false);
    try (GitRepository repo = GitRepository.open(dir)) {
      VerifyResult result = new Verifier(repo, List.of(new FakeChecker(r -> true)), ProgressListener.NONE,
          Clock.fixed(ShardDataTest.NOW, ZoneOffset.UTC), ProtectionProbe.NONE, List.of(refusing)).verify(request);
      assertThat(result.environments()).hasSize(4);
      for (EnvReport env : result.environments()) {
        DataReport ledger = env.data().get(0);
        assertThat(ledger.worst()).isEqualTo(RevisionStatus.UNKNOWN);
        assertThat(ledger.summary()).startsWith(env.environment() + " ledger-db: unknown whether restorable")
            .contains("AccessDenied listing ledger-backups");
      }
      assertThat(listed.get()).as("listings over four environments").isEqualTo(1);
      assertThat(checked.get()).isZero();
    }
  }
}
