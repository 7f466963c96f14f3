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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that a blueprint names only artefacts and config blocks the lockfile has. */
final class CrossCheck {
  private CrossCheck() {}

  /**
   * One name a blueprint's item gives the lockfile: an artefact of {@code type} under {@code field},
   * or a config block ({@code type} null). {@code item}: for the line of a problem.
   */
  record Need(MapNode item, String field, String name, Class<? extends Artefact> type, String typeWord) {}

  /**
   * What the blueprint's items name, in the order they are checked: read from its tree once per
   * blueprint content ({@link StackMemo} keeps them), not once per revision that uses it.
   */
  static List<Need> needs(YamlNode root) {
    List<Need> out = new ArrayList<>();
    for (MapNode m : StackLines.items(root, "services")) {
      item(out, m, Artefact.ContainerImage.class, "container-image");
    }
    for (MapNode m : StackLines.items(root, "functions")) {
      item(out, m, Artefact.LambdaPackage.class, "lambda-package");
    }
    for (MapNode m : StackLines.items(root, "datastores")) {
      String image = text(m, "image");
      if (image != null) {
        out.add(new Need(m, "image", image, Artefact.ContainerImage.class, "container-image"));
      }
    }
    return List.copyOf(out);
  }

  private static void item(List<Need> out, MapNode m, Class<? extends Artefact> type, String typeWord) {
    String artefact = text(m, "artefact");
    if (artefact != null) {
      out.add(new Need(m, "artefact", artefact, type, typeWord));
    }
    String config = text(m, "config");
    if (config != null) {
      out.add(new Need(m, "config", config, null, null));
    }
  }

  /** {@code root}: the stack file's tree (for the lines of problems); {@code needs}: {@link #needs} of it. */
  static void stack(Problems problems, YamlNode root, List<Need> needs, Stack stack, Lockfile lockfile) {
    String file = Stack.path(stack.name());
    for (String dependency : stack.dependsOn()) {
      if (!lockfile.stacks().contains(dependency)) {
        problems.add(file, StackLines.lineInList(root, "dependsOn", dependency),
            "depends on stack '" + dependency + "', which environment " + lockfile.environment() + " does not include",
            "add " + dependency + " to stacks: in " + Lockfile.path(lockfile.environment()) + " or drop the dependency");
      }
    }
    for (Need need : needs) {
      if (need.type() != null) {
        artefact(problems, file, need.item(), need.field(), need.name(), lockfile, need.type(), need.typeWord());
      } else if (!lockfile.config().containsKey(need.name())) {
        problems.add(file, Fields.lineOf(need.item(), need.field()),
            "config block '" + need.name() + "' is not in " + Lockfile.path(lockfile.environment()),
            "add config: " + need.name() + ": {…} to the lockfile or fix the name");
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
