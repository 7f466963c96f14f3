package dev.phoenix.history;

import dev.phoenix.git.CommitInfo;
import java.util.List;

/** A commit that changed an environment's lockfile or one of its stacks, and what it changed. */
public record HistoryEntry(CommitInfo commit, List<Change> changes) {}
