package dev.phoenix.promote;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockwrite.LockEdit;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Lockfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a promotion: the chosen artefact entries of the source environment copied unchanged
 * (digest, version, source, assurance) into the target, never re-resolving anything; refused as a
 * whole when any of them does not meet the target's policy. Config is never copied.
 */
public final class Promotion {
  private Promotion() {}

  public static List<LockEdit> plan(
      String fromEnv, Lockfile from, Lockfile to, List<String> only, Policy policy, Instant now) {
    if (!policy.from().isEmpty() && !policy.from().contains(fromEnv)) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED,
          policy.file() + " allows promotion only from " + String.join(", ", policy.from()) + ", not from " + fromEnv,
          "promote through " + String.join(" or ", policy.from()) + " first");
    }
    List<String> names = only.isEmpty() ? new ArrayList<>(from.artefacts().keySet()) : only;
    List<String> unknown = names.stream().filter(n -> !from.artefacts().containsKey(n)).toList();
    if (!unknown.isEmpty()) {
      throw PhoenixException.input("not in " + fromEnv + ": " + String.join(", ", unknown),
          fromEnv + " has: " + String.join(", ", from.artefacts().keySet()));
    }
    Map<String, List<String>> unmet = new LinkedHashMap<>();
    List<LockEdit> edits = new ArrayList<>();
    for (String name : names) {
      Artefact artefact = from.artefacts().get(name);
      if (artefact.equals(to.artefacts().get(name))) {
        continue;
      }
      List<String> missing = PolicyCheck.missing(policy, artefact, now);
      if (!missing.isEmpty()) {
        unmet.put(name, missing);
      }
      edits.add(new LockEdit.PutArtefact(artefact));
    }
    if (!unmet.isEmpty()) {
      StringBuilder m = new StringBuilder("promotion from " + fromEnv + " refused: " + policy.file() + " is not met; nothing was written");
      unmet.forEach((name, why) -> why.forEach(w -> m.append("\n  ").append(name).append(": ").append(w)));
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, m.toString(),
          "attest the missing steps in " + fromEnv + " (phoenix attest), or promote only the ready ones with --only");
    }
    return edits;
  }
}
