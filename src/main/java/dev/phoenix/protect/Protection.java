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
    return run(git, keepers, List.of(), request, progress, Instant.now());
  }

  /**
   * With {@code listings} (the run's {@code stores/Stores.backupListings()}), the backups of the
   * window's datastores are kept and pruned like artefacts ({@link ProtectWindow}); {@code now} ends
   * the window.
   */
  public static ProtectResult run(GitRepository git, Keepers keepers, List<BackupListing> listings,
      ProtectRequest request, ProtectProgress progress, Instant now) {
    String env = request.environment();
    Instant since = now.minus(request.window()).truncatedTo(ChronoUnit.SECONDS);
    ProtectWindow window = ProtectWindow.of(git, env, since, now, listings);
    if (window.revisions().isEmpty()) {
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
