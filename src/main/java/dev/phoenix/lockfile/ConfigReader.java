package dev.phoenix.lockfile;

import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.ConfigSource.DatastoreAddress;
import dev.phoenix.model.ConfigSource.PlainValue;
import dev.phoenix.model.ConfigSource.SecretVersion;
import dev.phoenix.model.ConfigSource.SsmParameter;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import dev.phoenix.yaml.YamlNode.Scalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One block under {@code config:}: variable name to a pinned source. */
final class ConfigReader {
  private static final Set<String> SSM = Set.of("ssm", "version");
  private static final Set<String> SECRET = Set.of("secret", "versionId");
  private static final Set<String> VALUE = Set.of("value");
  private static final Set<String> DATASTORE = Set.of("datastore");
  /** A database address written as a literal: it belongs to a declared datastore instead. */
  private static final Pattern DATABASE_URL =
      Pattern.compile("(?i)(postgres|postgresql|jdbc:postgresql|mysql|mongodb|redis)://.*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ConfigReader() {}

  static Map<String, ConfigSource> readBlock(Fields f, Entry block) {
    Map<String, ConfigSource> out = new LinkedHashMap<>();
    String path = "config." + block.key();
    f.map(block.value(), path).ifPresent(m -> {
      for (Entry variable : m.entries().values()) {
        ConfigSource source = read(f, variable, path + "." + variable.key());
        if (source != null) {
          out.put(variable.key(), source);
        }
      }
    });
    return out;
  }

  private static ConfigSource read(Fields f, Entry variable, String path) {
    if (!VARIABLE.matcher(variable.key()).matches()) {
      f.problem(variable.keyLine(), "'" + variable.key() + "' is not an environment variable name",
          "use letters, digits and underscores, not starting with a digit");
    }
    var node = f.map(variable.value(), path);
    if (node.isEmpty()) {
      return null;
    }
    MapNode m = node.get();
    int kinds = (m.entries().containsKey("ssm") ? 1 : 0) + (m.entries().containsKey("secret") ? 1 : 0)
        + (m.entries().containsKey("value") ? 1 : 0) + (m.entries().containsKey("datastore") ? 1 : 0);
    if (kinds != 1) {
      f.problem(m.line(), path + " must have exactly one of ssm, secret, value or datastore",
          "write {ssm: NAME, version: N}, {secret: ID, versionId: V}, {value: TEXT} or {datastore: NAME}");
      return null;
    }
    if (m.entries().containsKey("datastore")) {
      f.onlyKnown(m, path, DATASTORE);
      String name = f.name(m, "datastore", path, true, dev.phoenix.model.NameRules.MEMBER);
      return name == null ? null : new DatastoreAddress(name);
    }
    if (m.entries().containsKey("ssm")) {
      f.onlyKnown(m, path, SSM);
      String name = f.text(m, "ssm", path, true);
      if (!m.entries().containsKey("version")) {
        f.problem(m.line(), path + " has no version, so it would read whatever the parameter holds today",
            "pin it: version: <n> (phoenix lock --config pins the current version)");
        return null;
      }
      Long version = f.number(m, "version", path, false, 1, Long.MAX_VALUE);
      return name == null || version == null ? null : new SsmParameter(name, version);
    }
    if (m.entries().containsKey("secret")) {
      f.onlyKnown(m, path, SECRET);
      String id = f.text(m, "secret", path, true);
      if (!m.entries().containsKey("versionId")) {
        f.problem(m.line(), path + " has no versionId, so it would read whatever the secret holds today",
            "pin it: versionId: <id> (phoenix lock --config pins the current version)");
        return null;
      }
      String versionId = f.text(m, "versionId", path, false);
      return id == null || versionId == null ? null : new SecretVersion(id, versionId);
    }
    f.onlyKnown(m, path, VALUE);
    Entry e = m.entries().get("value");
    // the text exactly as written: off stays "off", 012345 stays "012345", ~ stays "~" (docs/lockfile.md)
    String value = e.value() instanceof Scalar s ? s.written() : null;
    if (!(e.value() instanceof Scalar)) {
      f.problem(e.keyLine(), path + ".value must be a plain value", "write value: <text>");
      return null;
    }
    if (value != null && DATABASE_URL.matcher(value.strip()).matches()) {
      f.problem(e.keyLine(), path + " is a database address written as a literal: a rebuild would point the "
              + "service at whatever that address reaches, not at the data it restored",
          "declare the datastore in a stack (datastores:) and write {datastore: NAME}");
      return new PlainValue(value);
    }
    var reason = SecretLook.reason(variable.key(), value);
    if (reason.isPresent()) {
      f.problem(e.keyLine(), path + " is a plain value but " + reason.get(),
          "store it in SSM Parameter Store (SecureString) or Secrets Manager and pin "
              + "{ssm: NAME, version: N} or {secret: ID, versionId: V}");
    }
    return new PlainValue(value);
  }
}
