package dev.phoenix.lockfile;

import dev.phoenix.model.Stack;
import dev.phoenix.yaml.YamlNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A blueprint read once per content: most revisions of an estate share the same few stack files,
 * so {@link EstateReader} keeps the last {@value #SIZE} readings (the checked stack, its tree for the
 * lines of cross-file problems, and what it names in a lockfile) keyed by the stack's name and
 * exact bytes. What a reading holds depends on nothing else, so a hit is the same value a fresh
 * read gives.
 */
final class StackMemo {
  static final int SIZE = 64;

  /** {@code needs}: what the blueprint names in a lockfile ({@link CrossCheck#needs}), empty without a tree. */
  record Reading(Parsed<Stack> parsed, YamlNode tree, java.util.List<CrossCheck.Need> needs) {}

  private record Key(String name, byte[] content, int hash) {
    Key(String name, byte[] content) {
      this(name, content, 31 * name.hashCode() + Arrays.hashCode(content));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && name.equals(k.name) && Arrays.equals(content, k.content);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final Map<Key, Reading> READINGS = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Reading> eldest) {
      return size() > SIZE;
    }
  };

  private StackMemo() {}

  static Reading read(String path, byte[] content, String name) {
    Key key = new Key(name, content.clone());
    synchronized (READINGS) {
      Reading hit = READINGS.get(key);
      if (hit != null) {
        return hit;
      }
    }
    Parsed<Stack> parsed = StackReader.read(path, content, name);
    YamlNode tree = parsed.value() == null ? null : StackLines.tree(content);
    Reading reading = new Reading(parsed, tree, tree == null ? java.util.List.of() : CrossCheck.needs(tree));
    synchronized (READINGS) {
      READINGS.put(key, reading);
    }
    return reading;
  }
}
