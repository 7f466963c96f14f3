package dev.phoenix.lockfile;

import dev.phoenix.core.Problems;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads an environment and every stack it names, and checks that they fit together. */
public final class EstateReader {
  private EstateReader() {}

  /** Empty value when the environment has no lockfile in these files. */
  public static Parsed<Estate> read(EstateFiles files, String environment) {
    String lockPath = Lockfile.path(environment);
    Optional<byte[]> lockBytes = files.read(lockPath);
    if (lockBytes.isEmpty()) {
      return new Parsed<>(null, List.of());
    }
    Problems problems = new Problems();
    Parsed<Lockfile> lock = LockfileReader.read(lockPath, lockBytes.get(), environment);
    problems.addAll(lock.problems());
    if (lock.value() == null) {
      return new Parsed<>(null, problems.list());
    }
    Map<String, Stack> stacks = new LinkedHashMap<>();
    for (String name : lock.value().stacks()) {
      Optional<byte[]> bytes = files.read(Stack.path(name));
      if (bytes.isEmpty()) {
        problems.add(lockPath, StackLines.lineOfStack(lockBytes.get(), name),
            "stack '" + name + "' does not exist (no " + Stack.path(name) + ")",
            "create " + Stack.path(name) + " or remove it from stacks:" + known(files, lock.value()));
        continue;
      }
      Parsed<Stack> stack = StackReader.read(Stack.path(name), bytes.get(), name);
      problems.addAll(stack.problems());
      if (stack.value() != null) {
        stacks.put(name, stack.value());
        CrossCheck.stack(problems, bytes.get(), stack.value(), lock.value());
      }
    }
    List<Stack> ordered = StackOrder.order(problems, lock.value(), stacks);
    return new Parsed<>(new Estate(lock.value(), ordered), problems.list());
  }

  private static String known(EstateFiles files, Lockfile lockfile) {
    List<String> existing = new ArrayList<>();
    for (String name : lockfile.stacks()) {
      if (files.read(Stack.path(name)).isPresent()) {
        existing.add(name);
      }
    }
    return existing.isEmpty() ? "" : " (stacks that exist: " + String.join(", ", existing) + ")";
  }
}
