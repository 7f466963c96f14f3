package dev.phoenix.lockfile;

import dev.phoenix.core.Problems;
import dev.phoenix.yaml.Foreign;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Parses a Phoenix YAML file safely, turning YAML errors into located problems. */
final class Documents {
  private Documents() {}

  /**
   * Parses {@code content} and maps its top-level map with {@code reader}, collecting every
   * problem. A file that is not recognisably a Phoenix document of {@code kind} gets one problem
   * that quotes none of its content ({@link Foreign}); only then are its fields read and named.
   */
  static <T> Parsed<T> read(String file, byte[] content, String what, String kind,
      BiFunction<Fields, YamlNode.MapNode, T> reader) {
    Problems problems = new Problems();
    Fields f = new Fields(file, problems);
    return mapped(f, problems, parse(f, content, what, kind), what, reader);
  }

  /**
   * {@link #read}, for a document in the plain layout only ({@link SafeYaml#parsePlain}) and
   * recognisably Phoenix's; null for any other, which {@link #read} then reads and reports on.
   */
  static <T> Parsed<T> readPlain(String file, byte[] content, String what, String kind,
      BiFunction<Fields, YamlNode.MapNode, T> reader) {
    YamlNode root;
    try {
      root = SafeYaml.parsePlain(content);
    } catch (YamlException e) {
      return null;
    }
    if (root == null || Foreign.check(root, what, kind).isPresent()) {
      return null;
    }
    Problems problems = new Problems();
    return mapped(new Fields(file, problems), problems, root, what, reader);
  }

  /** {@code root} (null: unreadable, already reported) read by {@code reader}, with every problem {@code f} collected. */
  private static <T> Parsed<T> mapped(Fields f, Problems problems, YamlNode root, String what,
      BiFunction<Fields, YamlNode.MapNode, T> reader) {
    T value = root == null ? null : f.map(root, what).map(m -> reader.apply(f, m)).orElse(null);
    return new Parsed<>(value, problems.list());
  }

  private static YamlNode parse(Fields f, byte[] content, String what, String kind) {
    List<YamlException> duplicates = new ArrayList<>();
    try {
      YamlNode root = SafeYaml.parse(content, duplicates);
      Optional<YamlException> foreign = Foreign.check(root, what, kind);
      if (foreign.isPresent()) {
        f.problem(foreign.get().line(), foreign.get().getMessage(), foreign.get().fix());
        return null;
      }
      for (YamlException d : duplicates) {
        f.problem(d.line(), d.getMessage(), d.fix());
      }
      return root;
    } catch (YamlException e) {
      f.problem(e.line(), e.getMessage(), e.fix());
      return null;
    }
  }
}
