package dev.phoenix.mirror;

import dev.phoenix.core.Problem;
import java.util.List;

/** What a mirror run found and did, item by item in the order of the revisions (oldest first). */
public record MirrorResult(String environment, String region, String window, boolean dryRun, int revisions,
    List<MirrorItem> items, List<Problem> revisionProblems, String ledger, String commit,
    List<MirrorRepository> repositories) {

  public long count(MirrorItem.State state) {
    return items.stream().filter(i -> i.state() == state).count();
  }

  public boolean failed() {
    return items.stream().anyMatch(MirrorItem::problem)
        || repositories.stream().anyMatch(r -> r.state() == MirrorRepository.State.FAILED);
  }
}
