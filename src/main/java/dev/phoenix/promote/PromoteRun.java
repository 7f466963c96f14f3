package dev.phoenix.promote;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.lockwrite.LockfileWriter;
import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.model.Estate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code promote} workflow: read the source environment's lockfile from the working tree, load
 * the target's policy, and write the promoted entries through the safe writer ({@link Promotion}
 * plans them against the target as it is under the writer's lock). Knows nothing of the command line.
 */
public final class PromoteRun {
  private PromoteRun() {}

  /**
   * {@code afterWrite}: what runs under the writer's lock once written (an optional commit), given
   * the policy file so the commit can name it; {@code warnings} hears what a person should know.
   */
  public static WriteResult run(Path root, String from, String to, List<String> only, LockfileWriter writer,
      Function<Policy, Consumer<WriteResult>> afterWrite, Consumer<String> warnings, Instant now) {
    if (from.equals(to)) {
      throw PhoenixException.input("--from and --to are both " + from, "promote between two environments");
    }
    Parsed<Estate> source = EstateReader.read(new WorkingTreeFiles(root), from);
    if (source.value() == null || !source.problems().isEmpty()) {
      throw PhoenixException.input("environment " + from + " has no valid lockfile (" + source.problems().size() + " problems)",
          "run phoenix validate --env " + from);
    }
    Policy policy = PolicyFiles.load(root, to);
    if (policy.require().isEmpty()) {
      warnings.accept(policy.file() + " requires nothing: every artefact may be promoted");
    }
    return writer.write(to, target -> Promotion.plan(from, source.value().lockfile(), target, only, policy, now),
        afterWrite.apply(policy));
  }
}
