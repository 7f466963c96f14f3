package dev.phoenix.rollback;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Refs;
import dev.phoenix.check.Status;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.core.Problem;
import dev.phoenix.git.CommitInfo;
import dev.phoenix.git.GitRepository;
import dev.phoenix.history.History;
import dev.phoenix.history.Revision;
import dev.phoenix.history.TimeTravel;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.promote.Policy;
import dev.phoenix.promote.PolicyCheck;
import dev.phoenix.rebuild.Preflight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code phoenix rollback}: the artefact pins of the lockfile revision in force at WHEN, copied
 * unchanged (digest, version, source, assurance) into a new revision. History is never rewritten.
 * Refused as a whole, naming them, when any pin written no longer verifies (the same store checkers
 * as verify) or the environment's promotion policy would refuse it. Config only when asked.
 */
public final class Rollback {
  private final GitRepository git;
  private final List<RefChecker> checkers;
  private final CheckOptions checks;

  public Rollback(GitRepository git, List<RefChecker> checkers, CheckOptions checks) {
    this.git = git;
    this.checkers = List.copyOf(checkers);
    this.checks = checks;
  }

  /**
   * Checks the rollback against the lockfile as it is now ({@code current}) and {@code policy};
   * throws CHECK_FAILED (a pin that no longer verifies, a policy not met), UNAVAILABLE (a pin that
   * could not be checked) or INPUT; else the plan to write.
   */
  public RollbackPlan prepare(RollbackRequest request, Lockfile current, Policy policy) {
    String env = request.environment();
    Revision revision = new TimeTravel(git).resolve(env, request.to(), request.now());
    Parsed<Estate> parsed = EstateReader.read(revision.files(), env);
    if (parsed.value() == null || !parsed.problems().isEmpty()) {
      StringBuilder m = new StringBuilder("the lockfile of " + env + " at " + revision.commit().shortId()
          + " does not validate, so it cannot be rolled back to:");
      parsed.problems().stream().map(Problem::render).forEach(p -> m.append("\n  ").append(p));
      throw PhoenixException.input(m.toString(), "roll back to another revision (phoenix history --env " + env + ")");
    }
    Estate then = parsed.value();
    CommitInfo[] interval = interval(env, revision.commit());
    CommitInfo in = interval[0];
    Instant until = interval[1] == null ? null : interval[1].committedAt();
    String when = "revision " + in.shortId() + " (in force from " + in.committedAt()
        + (until == null ? ", still in force" : " to " + until) + ")";

    List<String> names = request.only().isEmpty() ? new ArrayList<>(then.lockfile().artefacts().keySet()) : request.only();
    List<String> unknown = names.stream().filter(n -> !then.lockfile().artefacts().containsKey(n)).toList();
    if (!unknown.isEmpty()) {
      throw PhoenixException.input("not in " + env + "'s " + when + ": " + String.join(", ", unknown),
          "it had: " + String.join(", ", then.lockfile().artefacts().keySet()));
    }
    List<Artefact> artefacts = names.stream().map(n -> then.lockfile().artefacts().get(n)).toList();
    List<Artefact> changing = artefacts.stream().filter(a -> !a.equals(current.artefacts().get(a.name()))).toList();

    Map<String, Map<String, ConfigSource>> config = new LinkedHashMap<>();
    Set<String> blocks = blocks(then, names, request.only().isEmpty());
    int configDiffers = 0;
    for (String block : blocks) {
      Map<String, ConfigSource> vars = then.lockfile().config().getOrDefault(block, Map.of());
      Map<String, ConfigSource> now = current.config().getOrDefault(block, Map.of());
      for (Map.Entry<String, ConfigSource> v : vars.entrySet()) {
        if (!v.getValue().equals(now.get(v.getKey()))) {
          configDiffers++;
          if (request.withConfig()) {
            config.computeIfAbsent(block, k -> new LinkedHashMap<>()).put(v.getKey(), v.getValue());
          }
        }
      }
    }

    refuseUnverified(env, when, changing, config);
    refusePolicy(env, when, changing, policy, request.now());

    List<String> notes = new ArrayList<>();
    if (request.withConfig()) {
      notes.add("config rolled back too: " + configDiffers + " variable(s) set to their pins of " + in.shortId()
          + " (each verified to still exist; a rotated secret's old version may have been revoked on purpose)");
    } else {
      notes.add("config not rolled back" + (configDiffers == 0 ? "" : " (" + configDiffers + " variable(s) differ from "
          + in.shortId() + ")") + ": a rotated secret's old version may have been revoked on purpose; "
          + "--with-config rolls it back too");
    }
    return new RollbackPlan(env, in, in.committedAt(), until, artefacts, config, notes);
  }

  /** The config blocks of the services running the chosen artefacts (all blocks when nothing was chosen). */
  private static Set<String> blocks(Estate then, List<String> names, boolean all) {
    Set<String> blocks = new LinkedHashSet<>();
    if (all) {
      blocks.addAll(then.lockfile().config().keySet());
      return blocks;
    }
    for (Stack s : then.stacks()) {
      for (Stack.Service svc : s.services()) {
        if (names.contains(svc.artefact()) && svc.config() != null) {
          blocks.add(svc.config());
        }
      }
      for (Stack.Function f : s.functions()) {
        if (names.contains(f.artefact()) && f.config() != null) {
          blocks.add(f.config());
        }
      }
    }
    return blocks;
  }

  private void refuseUnverified(String env, String when, List<Artefact> artefacts,
      Map<String, Map<String, ConfigSource>> config) {
    Map<Ref, String> refs = new LinkedHashMap<>();
    for (Artefact a : artefacts) {
      Ref r = Refs.of(a);
      if (r != null) {
        refs.put(r, a.name());
      }
    }
    config.forEach((block, vars) -> vars.forEach((name, source) -> {
      Ref r = Refs.of(source);
      if (r != null) {
        refs.put(r, Refs.configUse(block, name));
      }
    }));
    if (refs.isEmpty()) {
      return;
    }
    Preflight.Result result = new Preflight(checkers).check(refs.keySet(), checks);
    List<String> broken = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    result.findings().forEach((ref, f) -> {
      String line = refs.get(ref) + " " + ref.id() + ": " + f.status() + (f.reason() == null ? "" : " (" + f.reason() + ")");
      if (f.status().breaksRestore()) {
        broken.add(line);
      } else if (f.status() == Status.UNKNOWN) {
        unknown.add(line);
      }
    });
    if (!broken.isEmpty()) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "rollback of " + env + " to " + when
          + " refused: " + broken.size() + " pin(s) no longer verify; nothing was written\n  " + String.join("\n  ", broken),
          "roll back to a revision whose pins still verify (phoenix verify --env " + env
              + " shows the restorable intervals), or roll back only the others with --only");
    }
    if (!unknown.isEmpty()) {
      throw new PhoenixException(PhoenixException.Kind.UNAVAILABLE, "rollback of " + env + " to " + when
          + ": " + unknown.size() + " pin(s) could not be checked; nothing was written\n  " + String.join("\n  ", unknown),
          "check the network and credentials for those stores and run again");
    }
  }

  private static void refusePolicy(String env, String when, List<Artefact> artefacts, Policy policy, Instant now) {
    List<String> unmet = new ArrayList<>();
    for (Artefact a : artefacts) {
      PolicyCheck.missing(policy, a, now).forEach(m -> unmet.add(a.name() + ": " + m));
    }
    if (!unmet.isEmpty()) {
      throw new PhoenixException(PhoenixException.Kind.CHECK_FAILED, "rollback of " + env + " to " + when
          + " refused: " + policy.file() + " is not met; nothing was written\n  " + String.join("\n  ", unmet),
          "attest the missing steps for those digests (phoenix attest), or roll back only the others with --only");
    }
  }

  /**
   * The lockfile revision in force at {@code at} (the newest commit that changed the environment, at
   * or before it on the mainline) and the next one that changed it (null while it is still in force).
   */
  private CommitInfo[] interval(String env, CommitInfo at) {
    List<CommitInfo> changes = new History(git).commits(env);
    List<CommitInfo> mainline = git.mainline(c -> false);
    int atIndex = indexOf(mainline, at);
    for (int i = 0; i < changes.size(); i++) {
      if (indexOf(mainline, changes.get(i)) >= atIndex) {
        return new CommitInfo[] {changes.get(i), i == 0 ? null : changes.get(i - 1)};
      }
    }
    return new CommitInfo[] {at, changes.isEmpty() ? null : changes.get(changes.size() - 1)};
  }

  private static int indexOf(List<CommitInfo> mainline, CommitInfo c) {
    for (int i = 0; i < mainline.size(); i++) {
      if (mainline.get(i).id().equals(c.id())) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
