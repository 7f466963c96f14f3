package dev.phoenix.lockfile;

import dev.phoenix.model.Datastore;
import dev.phoenix.model.NameRules;
import dev.phoenix.model.Stack;
import dev.phoenix.model.Stack.Function;
import dev.phoenix.model.Stack.Service;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.ListNode;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/** Reads {@code stacks/<name>.yaml}. */
public final class StackReader {
  private static final Set<String> TOP =
      Set.of("apiVersion", "kind", "name", "dependsOn", "services", "functions", "datastores");
  private static final Set<String> SERVICE =
      Set.of("name", "artefact", "port", "health", "healthGrace", "cpu", "memory", "replicas", "config",
          "taskPolicies");
  private static final Set<String> FUNCTION =
      Set.of("name", "artefact", "handler", "runtime", "memory", "timeout", "config");
  private static final java.util.regex.Pattern POLICY_ARN =
      java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[A-Za-z0-9+=,.@_/-]{1,512}");

  private StackReader() {}

  public static Parsed<Stack> read(String file, byte[] content, String expectedName) {
    return Documents.read(file, content, "the stack", Stack.KIND, (f, m) -> read(f, m, expectedName));
  }

  private static Stack read(Fields f, MapNode root, String expectedName) {
    f.onlyKnown(root, "", TOP);
    f.header(root, Stack.KIND);
    String name = f.text(root, "name", "the stack", true);
    if (name != null && !name.equals(expectedName)) {
      f.problem(Fields.lineOf(root, "name"), "stack name '" + name + "' does not match its file name " + expectedName + ".yaml",
          "set name: " + expectedName + " or rename the file");
    }
    List<String> dependsOn = f.names(root, "dependsOn", "the stack", false, NameRules.STACK);
    List<Service> services = new ArrayList<>();
    for (MapNode m : items(f, root, "services")) {
      String p = "services[" + services.size() + "]";
      f.onlyKnown(m, p, SERVICE);
      String health = f.text(m, "health", p, false);
      if (health != null && !health.startsWith("/")) {
        f.problem(Fields.lineOf(m, "health"), p + ".health '" + health + "' is not a path", "write it as /healthz");
      }
      Long grace = f.number(m, "healthGrace", p, false, 0, 7200);
      if (grace != null && health == null) {
        f.problem(Fields.lineOf(m, "healthGrace"), p + ".healthGrace without a health path: a service without "
            + "one is not published on a load balancer, so nothing checks it", "add health: /healthz or drop healthGrace");
      }
      List<String> taskPolicies = f.strings(m, "taskPolicies", p, false);
      for (String arn : taskPolicies) {
        if (!POLICY_ARN.matcher(arn).matches()) {
          f.problem(Fields.lineOf(m, "taskPolicies"), p + ".taskPolicies: '" + arn + "' is not an IAM managed policy ARN",
              "e.g. arn:aws:iam::123456789012:policy/payments-api or arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        }
      }
      services.add(new Service(
          f.name(m, "name", p, true, NameRules.MEMBER), f.text(m, "artefact", p, true),
          intOr(f.number(m, "port", p, true, 1, 65535), 0), health,
          intOr(grace, Stack.DEFAULT_HEALTH_GRACE),
          intOr(f.number(m, "cpu", p, false, 128, 16384), 256),
          intOr(f.number(m, "memory", p, false, 128, 122880), 512),
          intOr(f.number(m, "replicas", p, false, 1, 1000), 1),
          f.text(m, "config", p, false), taskPolicies));
    }
    List<Function> functions = new ArrayList<>();
    for (MapNode m : items(f, root, "functions")) {
      String p = "functions[" + functions.size() + "]";
      f.onlyKnown(m, p, FUNCTION);
      functions.add(new Function(
          f.name(m, "name", p, true, NameRules.MEMBER), f.text(m, "artefact", p, true), f.text(m, "handler", p, true),
          f.text(m, "runtime", p, true), intOr(f.number(m, "memory", p, false, 128, 10240), 128),
          intOr(f.number(m, "timeout", p, false, 1, 900), Stack.DEFAULT_TIMEOUT),
          f.text(m, "config", p, false)));
    }
    List<Datastore> datastores = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<MapNode> declared = items(f, root, "datastores");
    for (int i = 0; i < declared.size(); i++) {
      MapNode m = declared.get(i);
      Datastore d = DatastoreReader.read(f, m, "datastores[" + i + "]");
      if (d == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(d.name(), Fields.lineOf(m, "name"));
      if (first != null) {
        f.problem(Fields.lineOf(m, "name"), "datastores[" + i + "]: datastore '" + d.name()
            + "' is declared twice (first at line " + first + ")", "give each datastore its own name");
      } else {
        datastores.add(d);
      }
    }
    return new Stack(name == null ? expectedName : name, dependsOn, List.copyOf(services), List.copyOf(functions),
        List.copyOf(datastores));
  }

  private static List<MapNode> items(Fields f, MapNode root, String key) {
    var entry = f.entry(root, key, "the stack", false);
    if (entry.isEmpty()) {
      return List.of();
    }
    if (!(entry.get().value() instanceof ListNode list)) {
      f.problem(entry.get().keyLine(), key + " must be a list", "write " + key + ": [ {name: …}, … ]");
      return List.of();
    }
    List<MapNode> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      f.map(list.items().get(i), key + "[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  private static int intOr(Long value, int fallback) {
    return value == null ? fallback : value.intValue();
  }
}
