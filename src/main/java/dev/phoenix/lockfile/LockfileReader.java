package dev.phoenix.lockfile;

import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.NameRules;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks {@code environment.lock.yaml}: schema, immutability, secrets kept out. */
public final class LockfileReader {
  private static final Set<String> TOP =
      Set.of("apiVersion", "kind", "environment", "stacks", "artefacts", "config");

  /** Told of every lockfile content parsed (tests count parses through it); null: nobody listens. */
  private static volatile java.util.function.Consumer<byte[]> parsed;

  private LockfileReader() {}

  /**
   * Listens to every lockfile content parsed from now on (null stops): how a test tells that a
   * cached blob was not parsed again. The listener gets the bytes read, never a parsed value.
   */
  public static void onParse(java.util.function.Consumer<byte[]> listener) {
    parsed = listener;
  }

  public static Parsed<Lockfile> read(String file, byte[] content, String expectedEnvironment) {
    return read(file, content, expectedEnvironment, null);
  }

  /**
   * {@link #read(String, byte[], String)}, the entries already read in this run taken from {@code
   * memo} instead of parsed again (null: no memo): the same reading either way.
   */
  public static Parsed<Lockfile> read(String file, byte[] content, String expectedEnvironment, LockfileMemo memo) {
    java.util.function.Consumer<byte[]> listener = parsed;
    if (listener != null) {
      listener.accept(content);
    }
    return memo == null ? whole(file, content, expectedEnvironment) : memo.read(file, content, expectedEnvironment);
  }

  /** The whole content parsed and read, every problem reported: what the memo falls back to. */
  static Parsed<Lockfile> whole(String file, byte[] content, String expectedEnvironment) {
    return Documents.read(file, content, "the lockfile", Lockfile.KIND, (f, m) -> read(f, m, expectedEnvironment));
  }

  /**
   * Only the stacks a lockfile names: exactly {@code read(...).value().stacks()}, empty when
   * {@link #read} gives no value, without reading the artefacts and config (what {@code history}'s
   * walk needs of every revision).
   */
  public static java.util.Optional<List<String>> stackNames(String file, byte[] content) {
    java.util.function.Consumer<byte[]> listener = parsed;
    if (listener != null) {
      listener.accept(content);
    }
    return java.util.Optional.ofNullable(Documents.read(file, content, "the lockfile", Lockfile.KIND,
        (f, m) -> f.names(m, "stacks", "the lockfile", true, NameRules.STACK)).value());
  }

  /**
   * The stacks a lockfile names, from its whole reading: exactly what {@link #stackNames(String,
   * byte[])} gives for the same bytes, for a caller that reads the lockfile whole anyway.
   */
  public static java.util.Optional<List<String>> stackNames(Parsed<Lockfile> read) {
    if (read.value() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(read.value().stacks() == null ? List.of() : List.copyOf(read.value().stacks()));
  }

  static Lockfile read(Fields f, MapNode root, String expectedEnvironment) {
    f.onlyKnown(root, "", TOP);
    f.header(root, Lockfile.KIND);
    String environment = f.text(root, "environment", "the lockfile", true);
    if (environment != null && expectedEnvironment != null && !environment.equals(expectedEnvironment)) {
      f.problem(
          Fields.lineOf(root, "environment"),
          "environment '" + environment + "' does not match its directory environments/" + expectedEnvironment,
          "set environment: " + expectedEnvironment + " or move the file");
    }
    List<String> stacks = f.names(root, "stacks", "the lockfile", true, NameRules.STACK);
    Map<String, Artefact> artefacts = new LinkedHashMap<>();
    f.entry(root, "artefacts", "the lockfile", true)
        .flatMap(e -> f.map(e.value(), "artefacts"))
        .ifPresent(
            map -> {
              for (Entry e : map.entries().values()) {
                ArtefactReader.read(f, e).ifPresent(a -> artefacts.put(a.name(), a));
              }
            });
    Map<String, Map<String, ConfigSource>> config = new LinkedHashMap<>();
    f.entry(root, "config", "the lockfile", false)
        .flatMap(e -> f.map(e.value(), "config"))
        .ifPresent(
            map -> {
              for (Entry block : map.entries().values()) {
                config.put(block.key(), ConfigReader.readBlock(f, block));
              }
            });
    return new Lockfile(environment, stacks, artefacts, config);
  }
}
