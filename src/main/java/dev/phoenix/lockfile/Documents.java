package dev.phoenix.lockfile;

import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Parses a Phoenix YAML file safely, turning YAML errors into located problems. */
final class Documents {
  private Documents() {}

  static YamlNode parse(Fields f, byte[] content) {
    List<YamlException> duplicates = new ArrayList<>();
    try {
      YamlNode root = SafeYaml.parse(content, duplicates);
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
