package dev.phoenix.promote;

import dev.phoenix.core.Durations;

import dev.phoenix.core.Problems;
import dev.phoenix.lockfile.Parsed;
import dev.phoenix.yaml.Foreign;
import dev.phoenix.yaml.SafeYaml;
import dev.phoenix.yaml.YamlException;
import dev.phoenix.yaml.YamlNode;
import dev.phoenix.yaml.YamlNode.Entry;
import dev.phoenix.yaml.YamlNode.MapNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks a promotion policy; every problem is located as file:line. */
public final class PolicyReader {
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "from", "require");
  private static final Set<String> RULE = Set.of("step", "result", "evidence", "minAge", "maxAge", "artefacts");
  private static final Set<String> RESULTS = Set.of("passed", "failed", "skipped");

  private PolicyReader() {}

  public static Parsed<Policy> read(String file, byte[] content) {
    Problems problems = new Problems();
    YamlNode root;
    List<YamlException> duplicates = new ArrayList<>();
    try {
      root = SafeYaml.parse(content, duplicates);
    } catch (YamlException e) {
      problems.add(file, e.line(), e.getMessage(), e.fix());
      return new Parsed<>(null, problems.list());
    }
    var foreign = Foreign.check(root, "the policy", Policy.KIND);
    if (foreign.isPresent()) { // quotes nothing of a file that is not Phoenix's
      problems.add(file, foreign.get().line(), foreign.get().getMessage(), foreign.get().fix());
      return new Parsed<>(null, problems.list());
    }
    duplicates.forEach(d -> problems.add(file, d.line(), d.getMessage(), d.fix()));
    PolicyFields f = new PolicyFields(file, problems);
    MapNode m = (MapNode) root;
    f.onlyKnown(m, "", TOP);
    f.expect(m, "apiVersion", "phoenix/v1");
    f.expect(m, "kind", Policy.KIND);
    List<String> from = f.names(m, "from");
    List<Policy.Requirement> rules = new ArrayList<>();
    Entry require = m.entries().get("require");
    if (require == null) {
      problems.add(file, m.line(), "the policy has no 'require' list",
          "add require: [{step: integration-tests, result: passed}] (an empty list requires nothing)");
    } else if (!(require.value() instanceof YamlNode.ListNode list)) {
      problems.add(file, require.keyLine(), "require must be a list", "write require: [{step: ..., result: passed}]");
    } else {
      for (YamlNode item : list.items()) {
        if (!(item instanceof MapNode rule)) {
          problems.add(file, item.line(), "each require entry must be a map", "write {step: NAME, result: passed}");
          continue;
        }
        Policy.Requirement r = rule(f, rule);
        if (r != null) {
          rules.add(r);
        }
      }
    }
    return new Parsed<>(new Policy(file, from, List.copyOf(rules)), problems.list());
  }

  private static Policy.Requirement rule(PolicyFields f, MapNode rule) {
    f.onlyKnown(rule, "require", RULE);
    String step = f.text(rule, "step");
    if (step == null) {
      f.problem(rule.line(), "a require entry has no step", "add step: <name>, e.g. step: integration-tests");
    }
    String result = f.text(rule, "result");
    if (result == null) {
      result = "passed";
    } else if (!RESULTS.contains(result)) {
      f.problem(f.line(rule, "result"), "result '" + result + "' is not a known result", "use passed, failed or skipped");
    }
    Pattern evidence = null;
    String regex = f.text(rule, "evidence");
    if (regex != null) {
      try {
        evidence = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        f.problem(f.line(rule, "evidence"), "evidence is not a valid regular expression: " + e.getDescription(),
            "write a Java regular expression the whole evidence URL must match, e.g. https://ci\\.example\\.com/.*");
      }
    }
    Duration min = f.duration(rule, "minAge");
    Duration max = f.duration(rule, "maxAge");
    if (min != null && max != null && min.compareTo(max) > 0) {
      f.problem(f.line(rule, "minAge"), "minAge " + Durations.format(min) + " is longer than maxAge "
          + Durations.format(max) + ": no record could ever satisfy both", "make minAge shorter than maxAge");
    }
    List<String> artefacts = f.names(rule, "artefacts");
    return step == null ? null : new Policy.Requirement(rule.line(), step, result, evidence, min, max, artefacts);
  }
}
