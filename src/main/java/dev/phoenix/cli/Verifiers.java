package dev.phoenix.cli;

import dev.phoenix.git.GitRepository;
import dev.phoenix.protect.KeeperProbe;
import dev.phoenix.protect.Keepers;
import dev.phoenix.stores.Stores;
import dev.phoenix.verify.MirrorCoverage;
import dev.phoenix.verify.ProgressListener;
import dev.phoenix.verify.ProtectionProbe;
import dev.phoenix.verify.Verifier;
import java.time.Clock;

/** The one way {@code verify} and {@code report} put a {@link Verifier} together from a run's stores. */
final class Verifiers {
  private Verifiers() {}

  /**
   * Checks through the run's checkers; {@code --check-protection} probes through the same clients;
   * where an environment has mirrors, what the ledger lacks for a mirror region is AT_RISK (not in a
   * shard: its findings are merged by reference); every datastore's backups against its RPO.
   */
  static Verifier of(GitRepository git, Stores stores, VerifyOptions options, ProgressListener progress, Clock clock,
      boolean shard) {
    ProtectionProbe marks = options.checkProtection ? new KeeperProbe(Keepers.of(stores.keepers()))
        : ProtectionProbe.NONE;
    ProtectionProbe probe = shard || !MirrorCoverage.applies(git.workTree(), options.envs, options.allEnvs) ? marks
        : MirrorCoverage.both(new MirrorCoverage(git.workTree()), marks);
    return new Verifier(git, stores.checkers(), progress, clock, probe, stores.backups());
  }
}
