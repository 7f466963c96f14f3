package dev.phoenix.cli;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.Mainline;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Warnings printed to stderr so that JSON on stdout stays clean. */
final class Warnings {
  private Warnings() {}

  static void uncommitted(GitRepository git, String environment, PrintWriter err) {
    // the mirror ledger is read from the working tree on purpose: the newest copies (docs/regions.md)
    List<String> changed = git.uncommittedChanges(List.of("environments/" + environment, "stacks")).stream()
        .filter(p -> !p.equals(dev.phoenix.model.MirrorLedger.path(environment))).toList();
    if (!changed.isEmpty()) {
      err.println("warning: uncommitted changes to " + String.join(", ", changed.subList(0, Math.min(5, changed.size())))
          + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : "")
          + " are ignored: Phoenix reads committed history only");
    }
  }

  /**
   * Names every given commit (HEAD is always looked at) dated further in the future than the clock
   * skew allowed: a date --at cannot reach yet, and a sign the history's times are not to be trusted.
   */
  static void futureDated(GitRepository git, List<CommitInfo> commits, PrintWriter err) {
    Instant limit = Instant.now().plus(Mainline.CLOCK_SKEW);
    Set<CommitInfo> all = new LinkedHashSet<>();
    git.head().ifPresent(all::add);
    all.addAll(commits);
    for (CommitInfo c : all) {
      if (c.committedAt().isAfter(limit)) {
        err.println("warning: commit " + c.shortId() + " is dated " + c.committedAt() + ", in the future: --at a date"
            + " before then does not reach it (--at " + c.shortId() + " does); verify counts it as committed now");
      }
    }
  }
}
