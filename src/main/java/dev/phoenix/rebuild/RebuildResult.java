package dev.phoenix.rebuild;

import dev.phoenix.core.PhoenixException;
import java.nio.file.Path;

/**
 * What a rebuild did. {@code failureKind} decides the exit code: null for 0, CHECK_FAILED 1,
 * UNAVAILABLE 3 (an UNKNOWN at preflight without --allow-unknown; the engine could not run).
 *
 * @param record the drill record written
 * @param recordFile where it was written
 * @param prepared the synthesis, or null when the rebuild stopped before it
 * @param preflight findings of preflight, or null
 */
public record RebuildResult(
    DrillRecord record, Path recordFile, Prepared prepared, Preflight.Result preflight,
    PhoenixException.Kind failureKind) {

  public RebuildOutcome outcome() {
    return RebuildOutcome.ofWord(record.outcome());
  }
}
