package dev.phoenix.history;

import dev.phoenix.core.EntryCodec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which commits of a mainline are steps of an environment, from one commit down to the first: kept
 * in the repository's read cache (kind {@value #KIND}) under the environment and that commit's id.
 * A commit id names its whole ancestry, so what is true of the chain below it never changes; the
 * next run walks only the commits made since (those above the newest commit it finds an index for)
 * and reuses the rest, instead of looking up the lockfile and blueprints of every commit again.
 * Each step keeps whether it has a lockfile and its revision key (null: not keyed, read every time).
 */
record StepIndex(Map<String, Fact> steps) {
  static final String KIND = "steps";
  /** How many of the newest commits are tried for an index: a night's new commits, with room. */
  static final int LOOK_BACK = 256;

  /** One step: a lockfile (or its deletion) and the revision key when it has one. */
  record Fact(boolean lockfile, String key) {
    Optional<String> revisionKey() {
      return Optional.ofNullable(key);
    }
  }

  static String key(String environment, String commitId) {
    return environment + " " + commitId;
  }

  boolean isStep(String commitId) {
    return steps.containsKey(commitId);
  }

  Fact fact(String commitId) {
    return steps.get(commitId);
  }

  byte[] encode() {
    EntryCodec.Out out = new EntryCodec.Out();
    out.integer(steps.size());
    steps.forEach((id, f) -> out.text(id).integer(f.lockfile() ? 1 : 0).text(f.key()));
    return out.bytes();
  }

  static StepIndex decode(byte[] payload) {
    EntryCodec.In in = new EntryCodec.In(payload);
    int n = in.count();
    Map<String, Fact> steps = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String id = in.text();
      long lockfile = in.integer();
      if (id == null || lockfile < 0 || lockfile > 1) {
        throw new EntryCodec.Malformed("bad step");
      }
      steps.put(id, new Fact(lockfile == 1, in.text()));
    }
    in.end();
    return new StepIndex(steps);
  }

  /** The facts of {@code newer} (the commits walked this time) over those of this index. */
  StepIndex with(LinkedHashMap<String, Fact> newer) {
    Map<String, Fact> all = new HashMap<>(steps);
    all.putAll(newer);
    return new StepIndex(all);
  }
}
