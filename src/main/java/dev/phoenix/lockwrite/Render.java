package dev.phoenix.lockwrite;

import dev.phoenix.model.Assurance;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.S3ObjectVersion;
import dev.phoenix.model.Source;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders lockfile values in the house style (block maps, one-line flow maps for small records).
 * A scalar is written plain only when the YAML reader reads it back as the same string, in both
 * block and flow context; otherwise it is double-quoted.
 */
final class Render {
  private Render() {}

  static String scalar(String text) {
    if (plainIsSafe(text)) {
      return text;
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static boolean plainIsSafe(String text) {
    if (text.isEmpty() || !text.strip().equals(text) || text.contains("\n") || text.contains("#")
        || text.contains(",") || text.contains("[") || text.contains("]") || text.contains("{")
        || text.contains("}") || text.contains("\"") || text.contains("'")) {
      return false;
    }
    return readsBack("k: " + text, text) && readsBack("{k: " + text + "}", text);
  }

  private static boolean readsBack(String doc, String text) {
    try {
      YamlNode root = SafeYaml.parse(doc.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
      return root instanceof YamlNode.MapNode m
          && m.entries().size() == 1
          && m.entries().get("k") != null
          && m.entries().get("k").value() instanceof YamlNode.Scalar s
          && s.kind() == YamlNode.Scalar.Kind.STRING
          && text.equals(s.text());
    } catch (YamlException | RuntimeException e) {
      return false;
    }
  }

  static String flow(List<String[]> pairs) {
    List<String> parts = new ArrayList<>();
    for (String[] p : pairs) {
      if (p[1] != null) {
        parts.add(p[0] + ": " + p[1]);
      }
    }
    return "{" + String.join(", ", parts) + "}";
  }

  static String s3(S3ObjectVersion s3) {
    return flow(List.of(
        new String[] {"bucket", scalar(s3.bucket())},
        new String[] {"key", scalar(s3.key())},
        new String[] {"versionId", scalar(s3.versionId())},
        new String[] {"sha256", scalar(s3.sha256())}));
  }

  static String source(Source source) {
    return flow(List.of(
        new String[] {"repository", source.repository() == null ? null : scalar(source.repository())},
        new String[] {"commit", source.commit() == null ? null : scalar(source.commit())}));
  }

  static String assurance(Assurance a) {
    return flow(List.of(
        new String[] {"step", scalar(a.step())},
        new String[] {"result", scalar(a.result())},
        new String[] {"at", a.at() == null ? null : scalar(a.at().toString())},
        new String[] {"evidence", a.evidence() == null ? null : scalar(a.evidence())}));
  }

  static String config(ConfigSource source) {
    if (source instanceof ConfigSource.SsmParameter p) {
      return flow(List.of(new String[] {"ssm", scalar(p.name())},
          new String[] {"version", Long.toString(p.version())}));
    }
    if (source instanceof ConfigSource.SecretVersion s) {
      return flow(List.of(new String[] {"secret", scalar(s.secretId())},
          new String[] {"versionId", scalar(s.versionId())}));
    }
    if (source instanceof ConfigSource.DatastoreAddress d) {
      return flow(List.<String[]>of(new String[] {"datastore", scalar(d.datastore())}));
    }
    return flow(List.<String[]>of(new String[] {"value", scalar(((ConfigSource.PlainValue) source).value())}));
  }

  static String spaces(int n) {
    return " ".repeat(Math.max(0, n));
  }
}
