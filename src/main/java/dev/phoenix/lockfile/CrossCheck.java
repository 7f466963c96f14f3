package dev.phoenix.lockfile;

import dev.phoenix.core.Problems;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;

/** Checks that a blueprint names only artefacts and config blocks the lockfile has. */
final class CrossCheck {
  private CrossCheck() {}

  static void stack(Problems problems, byte[] content, Stack stack, Lockfile lockfile) {
    YamlNode root = StackLines.tree(content);
    String file = Stack.path(stack.name());
    for (String dependency : stack.dependsOn()) {
      if (!lockfile.stacks().contains(dependency)) {
        problems.add(file, StackLines.lineInList(root, "dependsOn", dependency),
            "depends on stack '" + dependency + "', which environment " + lockfile.environment() + " does not include",
            "add " + dependency + " to stacks: in " + Lockfile.path(lockfile.environment()) + " or drop the dependency");
      }
    }
    for (MapNode m : StackLines.items(root, "services")) {
      check(problems, file, m, lockfile, Artefact.ContainerImage.class, "container-image");
    }
    for (MapNode m : StackLines.items(root, "functions")) {
      check(problems, file, m, lockfile, Artefact.LambdaPackage.class, "lambda-package");
    }
  }

  private static void check(Problems problems, String file, MapNode m, Lockfile lockfile,
      Class<? extends Artefact> type, String typeWord) {
    String lockPath = Lockfile.path(lockfile.environment());
    String artefact = text(m, "artefact");
    if (artefact != null) {
      Artefact a = lockfile.artefacts().get(artefact);
      if (a == null) {
        problems.add(file, Fields.lineOf(m, "artefact"),
            "artefact '" + artefact + "' is not in " + lockPath,
            "pin it in the lockfile's artefacts: (phoenix lock) or fix the name"
                + (lockfile.artefacts().isEmpty() ? "" : "; the lockfile has: " + String.join(", ", lockfile.artefacts().keySet())));
      } else if (!type.isInstance(a)) {
        problems.add(file, Fields.lineOf(m, "artefact"),
            "artefact '" + artefact + "' is a " + a.type() + " in " + lockPath + ", but a " + typeWord + " is needed here",
            "point at a " + typeWord + " artefact");
      }
    }
    String config = text(m, "config");
    if (config != null && !lockfile.config().containsKey(config)) {
      problems.add(file, Fields.lineOf(m, "config"),
          "config block '" + config + "' is not in " + lockPath,
          "add config: " + config + ": {…} to the lockfile or fix the name");
    }
  }

  private static String text(MapNode m, String key) {
    var e = m.entries().get(key);
    return e != null && e.value() instanceof Scalar s ? s.text() : null;
  }
}
