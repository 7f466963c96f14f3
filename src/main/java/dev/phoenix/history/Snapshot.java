package dev.phoenix.history;

import dev.phoenix.lockfile.EstateReader;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Lockfile;
import dev.phoenix.model.Stack;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files of an environment at one revision, raw and parsed, for display. */
public record Snapshot(
    String lockPath, String lockText, YamlNode lockNode, Map<String, String> stackTexts,
    Map<String, YamlNode> stackNodes, Parsed<Estate> estate) {

  /** Shown instead of a file that is not YAML: its bytes are never echoed (they may be binary, or not ours). */
  public static final String UNREADABLE = "# (not shown: the file cannot be read as YAML; see the problems on stderr)";

  public static Snapshot of(Revision revision) {
    String env = revision.environment();
    String lockPath = Lockfile.path(env);
    byte[] lock = revision.files().read(lockPath).orElse(new byte[0]);
    Parsed<Estate> estate = EstateReader.read(revision.files(), env);
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, YamlNode> nodes = new LinkedHashMap<>();
    if (estate.value() != null) {
      for (String name : estate.value().lockfile().stacks()) {
        revision.files().read(Stack.path(name)).ifPresent(bytes -> {
          YamlNode node = parse(bytes);
          if (node != null) {
            nodes.put(name, node);
            texts.put(Stack.path(name), new String(bytes, StandardCharsets.UTF_8));
          } else {
            texts.put(Stack.path(name), UNREADABLE + "\n");
          }
        });
      }
    }
    return new Snapshot(lockPath, new String(lock, StandardCharsets.UTF_8), parse(lock), texts, nodes, estate);
  }

  private static YamlNode parse(byte[] bytes) {
    try {
      return SafeYaml.parse(bytes, new ArrayList<>());
    } catch (YamlException e) {
      return null;
    }
  }

  /** The lockfile as plain values; config values are their text exactly as written, as a container gets them. */
  public Object lockTree() {
    if (lockNode == null) {
      return null;
    }
    Object tree = dev.phoenix.yaml.PlainValues.of(lockNode);
    if (tree instanceof Map<?, ?> top && lockNode instanceof YamlNode.MapNode root
        && root.entries().get("config") != null && root.entries().get("config").value() instanceof YamlNode.MapNode config
        && top.get("config") instanceof Map<?, ?> configTree) {
      config.entries().forEach((block, b) -> {
        if (b.value() instanceof YamlNode.MapNode vars && configTree.get(block) instanceof Map<?, ?> blockTree) {
          vars.entries().forEach((name, v) -> {
            if (v.value() instanceof YamlNode.MapNode source && source.entries().get("value") != null
                && source.entries().get("value").value() instanceof YamlNode.Scalar scalar
                && blockTree.get(name) instanceof Map<?, ?> sourceTree) {
              @SuppressWarnings("unchecked")
              Map<String, Object> writable = (Map<String, Object>) sourceTree;
              writable.put("value", scalar.written());
            }
          });
        }
      });
    }
    return tree;
  }

  public Map<String, Object> stackTrees() {
    Map<String, Object> out = new LinkedHashMap<>();
    stackNodes.forEach((k, v) -> out.put(k, dev.phoenix.yaml.PlainValues.of(v)));
    return out;
  }
}
