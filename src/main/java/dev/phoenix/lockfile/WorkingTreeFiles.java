package dev.phoenix.lockfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Estate files as they are on disk now (what {@code validate} checks before a commit). Every
 * working-tree file Phoenix reads (lockfiles, blueprints, policies, targets files) is read here:
 * each segment of the path is looked at without following links, so a link anywhere on the way
 * is refused rather than followed out of the repository.
 */
public record WorkingTreeFiles(Path root) implements EstateFiles {

  @Override
  public Lookup lookup(String path) {
    Optional<String> bad = EstateFiles.badPath(path);
    if (bad.isPresent()) {
      return Lookup.refused(bad.get());
    }
    String[] segments = path.split("/");
    Path at = root;
    for (int i = 0; i < segments.length; i++) {
      at = at.resolve(segments[i]);
      boolean last = i == segments.length - 1;
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return Lookup.absent();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + at + ": " + e.getMessage(), e);
      }
      String where = last ? "" : " (" + String.join("/", java.util.Arrays.copyOf(segments, i + 1)) + ")";
      if (a.isSymbolicLink()) {
        return Lookup.refused((last ? "is a symbolic link" : "lies behind a symbolic link" + where));
      }
      if (!last && !a.isDirectory()) {
        return Lookup.absent(); // a file where a directory would be: nothing is there
      }
      if (last && !a.isRegularFile()) {
        return Lookup.refused(a.isDirectory() ? "is a directory, not a file" : "is not a regular file");
      }
    }
    try (InputStream in = Channels.newInputStream(
        Files.newByteChannel(at, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
      return Lookup.of(in.readNBytes(dev.phoenix.yaml.SafeYaml.MAX_BYTES + 1)); // more is refused anyway
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + at + ": " + e.getMessage(), e);
    }
  }

  @Override
  public SortedSet<String> environments() {
    SortedSet<String> names = new TreeSet<>();
    Path dir = root.resolve("environments");
    if (!Files.isDirectory(dir)) { // a linked environments/ is listed, and each read refuses it
      return names;
    }
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(p -> Files.exists(p.resolve("environment.lock.yaml"), LinkOption.NOFOLLOW_LINKS))
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
