package dev.phoenix.history;

import dev.phoenix.history.Change.Kind;
import dev.phoenix.lockfile.ConfigSafety;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What changed between two states of an environment, described without any secret value. */
public final class EstateDiff {
  private EstateDiff() {}

  /** Either side may be null (environment absent). */
  public static List<Change> between(Estate from, Estate to) {
    List<Change> changes = new ArrayList<>();
    artefacts(changes, from == null ? Map.of() : from.lockfile().artefacts(),
        to == null ? Map.of() : to.lockfile().artefacts());
    config(changes, from == null ? Map.of() : from.lockfile().config(),
        to == null ? Map.of() : to.lockfile().config());
    stacks(changes, from == null ? List.of() : from.stacks(), to == null ? List.of() : to.stacks());
    return changes;
  }

  private static void artefacts(List<Change> out, Map<String, Artefact> a, Map<String, Artefact> b) {
    for (String name : union(a.keySet(), b.keySet())) {
      Artefact x = a.get(name);
      Artefact y = b.get(name);
      if (x == null) {
        out.add(new Change(Kind.ARTEFACT_ADDED, name, null, describe(y)));
      } else if (y == null) {
        out.add(new Change(Kind.ARTEFACT_REMOVED, name, describe(x), null));
      } else if (!Objects.equals(x.version(), y.version())) {
        out.add(new Change(Kind.ARTEFACT_CHANGED, name, "version " + x.version(), "version " + y.version()));
      } else if (!Objects.equals(pin(x), pin(y))) {
        out.add(new Change(Kind.ARTEFACT_CHANGED, name + " (same version, different bytes!)", pin(x), pin(y)));
      } else if (x.assurance().size() != y.assurance().size()) {
        out.add(new Change(Kind.ARTEFACT_CHANGED, name + " assurance",
            x.assurance().size() + " records", y.assurance().size() + " records"));
      }
    }
  }

  /** What pins an artefact's bytes: digest, S3 version and hash, or AMI id. */
  public static String pin(Artefact a) {
    if (a instanceof Artefact.ContainerImage c) {
      return c.image() == null ? "?" : String.valueOf(c.image().digest());
    }
    if (a instanceof Artefact.LambdaPackage l) {
      return l.s3() == null ? "?" : l.s3().versionId() + " sha256:" + l.s3().sha256();
    }
    Artefact.MachineImage m = (Artefact.MachineImage) a;
    return m.ami() + " in " + m.region();
  }

  private static String describe(Artefact a) {
    return a.type() + " " + a.version();
  }

  private static void config(List<Change> out, Map<String, Map<String, ConfigSource>> a,
      Map<String, Map<String, ConfigSource>> b) {
    for (String block : union(a.keySet(), b.keySet())) {
      Map<String, ConfigSource> x = a.getOrDefault(block, Map.of());
      Map<String, ConfigSource> y = b.getOrDefault(block, Map.of());
      for (String name : union(x.keySet(), y.keySet())) {
        String subject = block + "." + name;
        ConfigSource p = x.get(name);
        ConfigSource q = y.get(name);
        if (p == null) {
          out.add(new Change(Kind.CONFIG_ADDED, subject, null, safe(name, q)));
        } else if (q == null) {
          out.add(new Change(Kind.CONFIG_REMOVED, subject, safe(name, p), null));
        } else if (!p.equals(q)) {
          out.add(new Change(Kind.CONFIG_CHANGED, subject, safe(name, p), safe(name, q)));
        }
      }
    }
  }

  private static String safe(String name, ConfigSource source) {
    if (source instanceof ConfigSource.PlainValue v && ConfigSafety.looksSecret(name, v.value())) {
      return "value:<redacted>";
    }
    return source.describe();
  }

  private static void stacks(List<Change> out, List<Stack> a, List<Stack> b) {
    Map<String, Stack> x = byName(a);
    Map<String, Stack> y = byName(b);
    for (String name : union(x.keySet(), y.keySet())) {
      if (!x.containsKey(name)) {
        out.add(new Change(Kind.STACK_ADDED, "stack " + name, null, summary(y.get(name))));
      } else if (!y.containsKey(name)) {
        out.add(new Change(Kind.STACK_REMOVED, "stack " + name, summary(x.get(name)), null));
      } else if (!x.get(name).equals(y.get(name))) {
        out.add(new Change(Kind.STACK_CHANGED, "stack " + name, summary(x.get(name)), summary(y.get(name))));
      }
    }
  }

  private static String summary(Stack s) {
    List<String> parts = new ArrayList<>();
    s.services().forEach(v -> parts.add(v.name() + "×" + v.replicas()));
    s.functions().forEach(f -> parts.add(f.name() + "()"));
    return "[" + String.join(", ", parts) + "]";
  }

  private static Map<String, Stack> byName(List<Stack> stacks) {
    Map<String, Stack> out = new LinkedHashMap<>();
    stacks.forEach(s -> out.put(s.name(), s));
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
