package dev.phoenix.promote;

import dev.phoenix.core.PhoenixException;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.lockfile.EstateFiles;
import dev.phoenix.lockfile.WorkingTreeFiles;
import dev.phoenix.model.NameRules;
import java.nio.file.Path;

/** Loads an environment's policy from the working tree; a broken policy stops promotion. */
public final class PolicyFiles {
  private PolicyFiles() {}

  public static Policy load(Path root, String environment) {
    NameRules.ENVIRONMENT.require(environment, "policy");
    EstateFiles.Lookup lookup = new WorkingTreeFiles(root).lookup(Policy.path(environment));
    if (lookup.refusal().isPresent()) {
      throw PhoenixException.input(EstateFiles.refusedMessage(Policy.path(environment), lookup.refusal().get())
          + "; nothing was promoted", "commit the policy itself in its place, inside the repository");
    }
    if (lookup.isAbsent()) {
      return Policy.none(environment);
    }
    byte[] content = lookup.content();
    Parsed<Policy> parsed = PolicyReader.read(Policy.path(environment), content);
    if (!parsed.ok()) {
      StringBuilder m = new StringBuilder(Policy.path(environment) + " is not a valid policy; nothing was promoted");
      parsed.problems().forEach(p -> m.append("\n  ").append(p.render()));
      throw PhoenixException.input(m.toString(), "fix the policy (docs/promotion.md)");
    }
    return parsed.value();
  }
}
