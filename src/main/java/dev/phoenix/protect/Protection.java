package dev.phoenix.protect;

import dev.phoenix.check.BackupListing;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.git.GitRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The {@code protect} workflow: the window's revisions ({@link ProtectWindow}), what would change
 * ({@link ProtectPlan}), and, when asked to apply, the changes. Takes keepers already built; knows
 * nothing of the command line.
 */
public final class Protection {
  private Protection() {}

  public static ProtectResult run(GitRepository git, Keepers keepers, ProtectRequest request, ProtectProgress progress) {
    return run(git, keepers, List.of(), request, null, progress, Instant.now());
  }

  /**
   * With {@code listings} (the run's {@code stores/Stores.backupListings()}), the backups of the
   * window's datastores are kept and pruned like artefacts ({@link ProtectWindow}); {@code now} ends
   * the window.
   */
  public static ProtectResult run(GitRepository git, Keepers keepers, List<BackupListing> listings,
      ProtectRequest request, ProtectProgress progress, Instant now) {
    return run(git, keepers, listings, request, null, progress, now);
  }

  /**
   * With {@code copies} (protect --region): the copies of the window's references in that mirror
   * region are marked, through {@code keepers} of that region; null: the references as pinned.
   */
  public static ProtectResult run(GitRepository git, Keepers keepers, ProtectRequest request,
      dev.phoenix.check.MirrorCopies copies, ProtectProgress progress) {
    return run(git, keepers, List.of(), request, copies, progress, Instant.now());
  }

  /** Everything: backups from {@code listings} (in a mirror region: the ledger's backup copies), copies or pins. */
  public static ProtectResult run(GitRepository git, Keepers keepers, List<BackupListing> listings,
      ProtectRequest request, dev.phoenix.check.MirrorCopies copies, ProtectProgress progress, Instant now) {
    String env = request.environment();
    Instant since = now.minus(request.window()).truncatedTo(ChronoUnit.SECONDS);
    ProtectWindow pinned = ProtectWindow.of(git, env, since, now, copies == null ? listings : List.of());
    ProtectWindow window = copies == null ? pinned : pinned.inRegion(git, env, now, copies);
    if (pinned.revisions().isEmpty()) {
      throw PhoenixException.input("environment " + env + " has no lockfile in the history of HEAD",
          "check --env (phoenix history --env " + env + ")");
    }
    ProtectPlan.Plan plan = ProtectPlan.of(window, keepers, env, request.prune(), request.concurrency(),
        progress.start("references asked", window.wanted().size()));
    List<Action> actions = request.apply()
        ? ProtectPlan.apply(plan, keepers, env, request.concurrency(), progress.start("changes made", plan.actions().size()))
        : plan.actions();
    long days = Math.max(1, (request.window().toHours() + 23) / 24);
    return new ProtectResult(env, since, days, window, plan, actions, request.apply());
  }
}
