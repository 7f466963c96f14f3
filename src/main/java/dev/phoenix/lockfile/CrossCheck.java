package dev.phoenix.lockfile;

import dev.phoenix.core.Problems;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Datastore;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks that a blueprint names only artefacts and config blocks the lockfile has. */
final class CrossCheck {
  private CrossCheck() {}

  /** {@code root}: the stack file's tree (for the lines of problems). */
  static void stack(Problems problems, YamlNode root, Stack stack, Lockfile lockfile) {
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
    for (MapNode m : StackLines.items(root, "datastores")) {
      String image = text(m, "image");
      if (image != null) {
        artefact(problems, file, m, "image", image, lockfile, Artefact.ContainerImage.class, "container-image");
      }
    }
  }

  /**
   * Across the environment: a datastore's name is declared once, and every {@code {datastore: NAME}}
   * in the lockfile's config names a declared one.
   */
  static void datastores(Problems problems, byte[] lockBytes, Lockfile lockfile, Map<String, Stack> stacks) {
    Map<String, String> declaredIn = new LinkedHashMap<>();
    for (Stack stack : stacks.values()) {
      for (Datastore d : stack.datastores()) {
        String first = declaredIn.putIfAbsent(d.name(), stack.name());
        if (first != null && !first.equals(stack.name())) {
          problems.add(Stack.path(stack.name()), 0, "datastore '" + d.name() + "' is also declared in "
              + Stack.path(first) + "; {datastore: " + d.name() + "} would be ambiguous",
              "declare it in one stack and list that stack in dependsOn of the other");
        }
      }
    }
    YamlNode[] root = new YamlNode[1]; // parsed again only for a problem's line
    lockfile.config().forEach((block, variables) -> variables.forEach((variable, source) -> {
      if (source instanceof ConfigSource.DatastoreAddress a && !declaredIn.containsKey(a.datastore())) {
        if (root[0] == null) {
          root[0] = StackLines.tree(lockBytes);
        }
        problems.add(Lockfile.path(lockfile.environment()), line(root[0], block, variable),
            "config." + block + "." + variable + " names datastore '" + a.datastore()
                + "', which no stack of environment " + lockfile.environment() + " declares",
            declaredIn.isEmpty() ? "declare it under datastores: in a stack the environment lists"
                : "fix the name; declared: " + String.join(", ", declaredIn.keySet()));
      }
    }));
  }

  private static int line(YamlNode root, String block, String variable) {
    if (root instanceof MapNode m && m.entries().get("config") != null
        && m.entries().get("config").value() instanceof MapNode config && config.entries().get(block) != null) {
      if (config.entries().get(block).value() instanceof MapNode vars && vars.entries().get(variable) != null) {
        return vars.entries().get(variable).keyLine();
      }
      return config.entries().get(block).keyLine();
    }
    return 0;
  }

  private static void check(Problems problems, String file, MapNode m, Lockfile lockfile,
      Class<? extends Artefact> type, String typeWord) {
    String artefact = text(m, "artefact");
    if (artefact != null) {
      artefact(problems, file, m, "artefact", artefact, lockfile, type, typeWord);
    }
    String config = text(m, "config");
    if (config != null && !lockfile.config().containsKey(config)) {
      problems.add(file, Fields.lineOf(m, "config"),
          "config block '" + config + "' is not in " + Lockfile.path(lockfile.environment()),
          "add config: " + config + ": {…} to the lockfile or fix the name");
    }
  }

  private static void artefact(Problems problems, String file, MapNode m, String field, String artefact,
      Lockfile lockfile, Class<? extends Artefact> type, String typeWord) {
    Artefact a = lockfile.artefacts().get(artefact);
    if (a == null || !type.isInstance(a)) {
      artefactProblem(problems, file, m, field, artefact, lockfile, a, typeWord);
    }
  }

  /** Its path is built only here: the checks run for every service of every revision a walk reads. */
  private static void artefactProblem(Problems problems, String file, MapNode m, String field, String artefact,
      Lockfile lockfile, Artefact a, String typeWord) {
    String lockPath = Lockfile.path(lockfile.environment());
    if (a == null) {
      problems.add(file, Fields.lineOf(m, field),
          "artefact '" + artefact + "' is not in " + lockPath,
          "pin it in the lockfile's artefacts: (phoenix lock) or fix the name"
              + (lockfile.artefacts().isEmpty() ? "" : "; the lockfile has: " + String.join(", ", lockfile.artefacts().keySet())));
    } else {
      problems.add(file, Fields.lineOf(m, field),
          "artefact '" + artefact + "' is a " + a.type() + " in " + lockPath + ", but a " + typeWord + " is needed here",
          "point at a " + typeWord + " artefact");
    }
  }

  private static String text(MapNode m, String key) {
    var e = m.entries().get(key);
    return e != null && e.value() instanceof Scalar s ? s.text() : null;
  }
}
