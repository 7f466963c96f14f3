package dev.phoenix.rollback;

import dev.phoenix.git.CommitInfo;
import dev.phoenix.lockwrite.LockEdit;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A checked rollback, ready to write: the revision rolled back to (the lockfile revision in force at
 * WHEN, {@code from} its commit until {@code until}, null while it still is), the artefact entries
 * it pins for the chosen names, the config variables when asked, and notes for the person.
 */
public record RollbackPlan(String environment, CommitInfo revision, Instant from, Instant until,
    List<Artefact> artefacts, Map<String, Map<String, ConfigSource>> config, List<String> notes) {

  public RollbackPlan {
    artefacts = List.copyOf(artefacts);
    notes = List.copyOf(notes);
  }

  /** The edits against the lockfile as it is now: unchanged entries and variables are left alone. */
  public List<LockEdit> edits(Lockfile current) {
    List<LockEdit> edits = new ArrayList<>();
    for (Artefact a : artefacts) {
      if (!a.equals(current.artefacts().get(a.name()))) {
        edits.add(new LockEdit.PutArtefact(a));
      }
    }
    config.forEach((block, vars) -> vars.forEach((name, source) -> {
      if (!source.equals(current.config().getOrDefault(block, Map.of()).get(name))) {
        edits.add(new LockEdit.PutConfig(block, name, source));
      }
    }));
    return edits;
  }

  /** "revision 83d377b of 2026-11-02T16:40:00Z, in force until …". */
  public String describe() {
    return "revision " + revision.shortId() + " of " + from + (until == null ? " (still in force)" : ", in force until " + until);
  }

  /** Lines for the commit message: the revision rolled back to, in full. */
  public List<String> commitDetails() {
    return List.of("Rolled back to: " + revision.id() + " (" + from + ")");
  }
}
