package dev.phoenix.lockfile;

import dev.phoenix.core.Problems;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders an environment's stacks so every stack comes after the ones it depends on. */
final class StackOrder {
  private StackOrder() {}

  static List<Stack> order(Problems problems, Lockfile lockfile, Map<String, Stack> stacks) {
    List<Stack> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String name : lockfile.stacks()) {
      visit(name, stacks, done, visiting, ordered, problems);
    }
    return List.copyOf(ordered);
  }

  private static void visit(String name, Map<String, Stack> stacks, Set<String> done, Set<String> visiting,
      List<Stack> ordered, Problems problems) {
    Stack s = stacks.get(name);
    if (s == null || done.contains(name)) {
      return;
    }
    if (!visiting.add(name)) {
      problems.add(Stack.path(name), 0, "stacks depend on each other in a cycle through '" + name + "'",
          "remove one dependsOn so the stacks can be built in order");
      return;
    }
    for (String dependency : s.dependsOn()) {
      visit(dependency, stacks, done, visiting, ordered, problems);
    }
    visiting.remove(name);
    done.add(name);
    ordered.add(s);
  }
}
