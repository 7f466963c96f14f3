package dev.phoenix.lockfile;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.model.Estate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * {@code phoenix validate}: every rule over the lockfiles and blueprints of the working tree, every
 * problem of every environment at once. Unknown environments are refused before anything is read.
 */
public final class Validation {
  private Validation() {}

  /** One environment's verdict: its problems (none: valid) and, when valid, the estate. */
  public record Checked(String environment, Parsed<Estate> estate) {
    public boolean ok() {
      return estate.problems().isEmpty();
    }
  }

  /** {@code environments} null or empty: every environment with a lockfile in the tree. */
  public static List<Checked> run(WorkingTreeFiles files, List<String> environments) {
    SortedSet<String> known = files.environments();
    List<String> envs = environments == null || environments.isEmpty() ? new ArrayList<>(known) : environments;
    if (envs.isEmpty()) {
      throw PhoenixException.input("no environments found under " + files.root().resolve("environments"),
          "create environments/<env>/environment.lock.yaml (docs/lockfile.md)");
    }
    for (String env : envs) {
      if (!known.contains(env)) {
        throw PhoenixException.input("unknown environment '" + env + "'",
            known.isEmpty() ? "no environment has a lockfile here" : "known environments: " + String.join(", ", known));
      }
    }
    List<Checked> out = new ArrayList<>();
    for (String env : envs) {
      Parsed<Estate> read = EstateReader.read(files, env);
      List<dev.phoenix.core.Problem> all = new ArrayList<>(read.problems());
      // regions.yaml and the mirror ledger, checked against the lockfile in the tree
      all.addAll(MirrorFiles.problems(files, env, read.value() == null ? null : read.value().lockfile()));
      out.add(new Checked(env, new Parsed<>(read.value(), List.copyOf(all))));
    }
    return out;
  }
}
