package dev.phoenix.lockfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Estate files as they are on disk now (what {@code validate} checks before a commit). */
public record WorkingTreeFiles(Path root) implements EstateFiles {

  @Override
  public Optional<byte[]> read(String path) {
    Path file = root.resolve(path);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      try (var in = Files.newInputStream(file)) {
        return Optional.of(in.readNBytes(dev.phoenix.yaml.SafeYaml.MAX_BYTES + 1)); // more is refused anyway
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public SortedSet<String> environments() {
    SortedSet<String> names = new TreeSet<>();
    Path dir = root.resolve("environments");
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(p -> Files.isRegularFile(p.resolve("environment.lock.yaml")))
          .forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return names;
  }

  @Override
  public String label() {
    return "working tree";
  }
}
