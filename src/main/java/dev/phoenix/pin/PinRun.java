package dev.phoenix.pin;

import dev.phoenix.check.Pinning;
import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.lockwrite.LockEdit;
import dev.phoenix.lockwrite.LockfileWriter;
import dev.phoenix.lockwrite.WriteResult;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code lock} workflow: read the environment's lockfile in the working tree, ask the stores
 * once each what the request names now ({@link Resolver}), merge that into the lockfile
 * ({@link LockPlan}) and write it through the safe writer. Every problem is reported at once and
 * nothing is written on any. Takes stores already built; knows nothing of the command line.
 */
public final class PinRun {
  private final Pinning stores;

  public PinRun(Pinning stores) {
    this.stores = stores;
  }

  /**
   * {@code root}: the working tree; {@code writer}: the lockfile writer over it; {@code afterWrite}:
   * what runs under the writer's lock once the file is written (an optional commit).
   */
  public WriteResult run(LockRequest request, Path root, LockfileWriter writer, Consumer<WriteResult> afterWrite) {
    String env = request.environment();
    Parsed<Estate> current = EstateReader.read(new WorkingTreeFiles(root), env);
    if (current.value() == null) {
      throw PhoenixException.input("environment " + env + " has no readable lockfile (" + Lockfile.path(env) + ")",
          "create it first (docs/lockfile.md), then run phoenix validate --env " + env);
    }
    Lockfile before = current.value().lockfile();
    PinResult resolved = new Resolver(stores).resolve(request,
        name -> before.artefacts().get(name) instanceof Artefact.MachineImage m ? m.region() : null);
    List<String> problems = new ArrayList<>(resolved.problems());
    LockPlan.edits(before, resolved, problems);
    refuseIf(problems, resolved.unavailable());
    return writer.write(env, now -> {
      List<String> late = new ArrayList<>();
      List<LockEdit> edits = LockPlan.edits(now, resolved, late);
      refuseIf(late, false);
      return edits;
    }, afterWrite);
  }

  private static void refuseIf(List<String> problems, boolean unavailable) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder m = new StringBuilder(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + "; nothing was written");
    problems.forEach(p -> m.append("\n  ").append(p));
    throw new PhoenixException(unavailable ? PhoenixException.Kind.UNAVAILABLE : PhoenixException.Kind.INPUT,
        m.toString(), "fix them and run lock again");
  }
}
