package dev.phoenix.pin;

import dev.phoenix.history.EstateDiff;
import dev.phoenix.lockwrite.Artefacts;
import dev.phoenix.lockwrite.LockEdit;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges what was resolved into the lockfile as it is: an artefact whose bytes did not change
 * keeps its assurance trail (and source, unless a new one is given); new bytes start with an empty
 * trail, because evidence about other bytes is not evidence. A version names exactly one build:
 * the same version with other bytes is refused.
 */
public final class LockPlan {
  private LockPlan() {}

  public static List<LockEdit> edits(Lockfile current, PinResult resolved, List<String> problems) {
    List<LockEdit> edits = new ArrayList<>();
    for (Artefact fresh : resolved.artefacts().values()) {
      Artefact old = current.artefacts().get(fresh.name());
      Artefact next = fresh;
      if (old != null && old.type().equals(fresh.type())) {
        boolean sameBytes = Objects.equals(EstateDiff.pin(old), EstateDiff.pin(fresh));
        if (!sameBytes && Objects.equals(old.version(), fresh.version())) {
          problems.add(fresh.name() + ": version " + fresh.version() + " is already locked with other bytes ("
              + EstateDiff.pin(old) + ", now " + EstateDiff.pin(fresh) + "): a version names exactly one build;"
              + " build and tag a new version");
          continue;
        }
        if (sameBytes) {
          next = Artefacts.with(fresh, fresh.version(), fresh.source() != null ? fresh.source() : old.source(),
              old.assurance());
        }
      }
      edits.add(new LockEdit.PutArtefact(next));
    }
    for (Map.Entry<String, ConfigSource> c : resolved.config().entrySet()) {
      String key = c.getKey();
      int dot = key.lastIndexOf('.');
      if (dot <= 0 || dot == key.length() - 1) {
        problems.add(key + ": config is named BLOCK.VARIABLE, e.g. payments-api.DATABASE_URL");
        continue;
      }
      edits.add(new LockEdit.PutConfig(key.substring(0, dot), key.substring(dot + 1), c.getValue()));
    }
    return edits;
  }
}
