package dev.phoenix.lockfile;

import dev.phoenix.core.Problem;
import dev.phoenix.core.Problems;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.NameRules;
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
    return read(files, environment, content -> LockfileReader.read(Lockfile.path(environment), content, environment));
  }

  /**
   * {@link #read(EstateFiles, String)} with the lockfile's reading given by {@code lockfile} from its
   * bytes: {@link LockfileReader#read} of them, or the same reading kept from earlier (the lockfile
   * is not parsed again).
   */
  public static Parsed<Estate> read(EstateFiles files, String environment,
      java.util.function.Function<byte[], Parsed<Lockfile>> lockfile) {
    Optional<String> badName = NameRules.ENVIRONMENT.problem(environment);
    if (badName.isPresent()) { // checked before any path is built from it
      return new Parsed<>(null, List.of(Problem.at("environments/" + NameRules.quoted(environment), 0, badName.get(),
          "rename the directory: names become paths, container and resource names")));
    }
    String lockPath = Lockfile.path(environment);
    EstateFiles.Lookup lookup = files.lookup(lockPath);
    if (lookup.refusal().isPresent()) {
      return new Parsed<>(null, List.of(refused(lockPath, lookup.refusal().get())));
    }
    Optional<byte[]> lockBytes = lookup.bytes();
    if (lockBytes.isEmpty()) {
      return new Parsed<>(null, List.of());
    }
    Problems problems = new Problems();
    Parsed<Lockfile> lock = lockfile.apply(lockBytes.get());
    problems.addAll(lock.problems());
    if (lock.value() == null) {
      return new Parsed<>(null, problems.list());
    }
    Map<String, Stack> stacks = new LinkedHashMap<>();
    for (String name : lock.value().stacks()) {
      EstateFiles.Lookup stackLookup = files.lookup(Stack.path(name));
      if (stackLookup.refusal().isPresent()) {
        problems.add(refused(Stack.path(name), stackLookup.refusal().get()));
        continue;
      }
      Optional<byte[]> bytes = stackLookup.bytes();
      if (bytes.isEmpty()) {
        problems.add(lockPath, StackLines.lineOfStack(lockBytes.get(), name),
            "stack '" + name + "' does not exist (no " + Stack.path(name) + ")",
            "create " + Stack.path(name) + " or remove it from stacks:" + known(files, lock.value()));
        continue;
      }
      StackMemo.Reading reading = StackMemo.read(Stack.path(name), bytes.get(), name);
      Parsed<Stack> stack = reading.parsed();
      problems.addAll(stack.problems());
      if (stack.value() != null) {
        stacks.put(name, stack.value());
        CrossCheck.stack(problems, reading.tree(), reading.needs(), stack.value(), lock.value());
      }
    }
    CrossCheck.datastores(problems, lockBytes.get(), lock.value(), stacks);
    List<Stack> ordered = StackOrder.order(problems, lock.value(), stacks);
    return new Parsed<>(new Estate(lock.value(), ordered), problems.list());
  }

  /** A file Phoenix will not read: no line (there is no content), the path and what it is. */
  static Problem refused(String path, String why) {
    return Problem.at(path, 0, EstateFiles.refusedMessage(path, why).substring(path.length() + 1),
        "commit the file itself in its place, inside the repository");
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
