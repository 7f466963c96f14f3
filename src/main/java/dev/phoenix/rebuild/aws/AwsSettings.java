package dev.phoenix.rebuild.aws;

import dev.phoenix.core.Problem;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.rebuild.TerraformDeployer;
import dev.phoenix.synth.EmulatorSwitches;
import dev.phoenix.synth.StateBackend;
import dev.phoenix.synth.TargetOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code aws} target's options (targets.yaml {@code targets.aws}, or flags), checked with
 * line numbers. Schema in docs/rebuild.md.
 *
 * @param target region, name prefix, account guard and state backend for synthesis
 * @param sizes per service or function overrides of the blueprint's sizes
 * @param endpoint AWS endpoint override for SSM/Secrets Manager (a local emulator), or empty
 * @param configRegion where the pinned SSM parameters and secrets live (default: the target
 *     region); they are referenced by full ARN, which ECS and Lambda accept across regions, and
 *     materialized copies are written there
 * @param offline do not contact SSM/Secrets Manager: ARNs are built from account and region
 *     (plan-only; documented as unproven)
 * @param resources drill id, zones, NAT gateways, registry credentials (docs/aws-resources.md)
 * @param emulator emulator switches ({@code emulator.*} options; docs/aws.md): for tests and the
 *     demo against moto only
 */
public record AwsSettings(
    TargetOptions target, Map<String, Size> sizes, Optional<URI> endpoint, String configRegion, boolean offline,
    ResourceOptions resources, EmulatorSwitches emulator) {

  /** Overrides; null means "as the blueprint says". */
  public record Size(Integer cpu, Integer memory, Integer replicas) {}

  /** Emulator switch: {@code false} stops the engine waiting for ECS services to be steady. */
  static final String EMULATOR_STEADY_STATE = "emulator.waitForSteadyState";
  /** Emulator switch: {@code true} ignores the ECS services' availability_zone_rebalancing moto never returns. */
  static final String EMULATOR_UNSTORED_FIELDS = "emulator.ignoreUnstoredServiceFields";
  static final Set<String> KNOWN = union(Set.of("region", "configRegion", "account", "namePrefix", "endpoint",
      "offline", "state.backend", "state.dir", "state.bucket", "state.keyPrefix", "state.region", "state.lockTable",
      "sizes.", TerraformDeployer.MIRROR_OPTION, EMULATOR_STEADY_STATE, EMULATOR_UNSTORED_FIELDS), ResourceOptions.KNOWN);
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,19}");
  private static final Set<String> SIZE_KEYS = Set.of("cpu", "memory", "replicas");

  public static AwsSettings from(TargetSettings s, String environment) {
    List<Problem> problems = new ArrayList<>(s.unknownKeys(KNOWN));
    String region = s.get("region").orElse(null);
    if (region == null) {
      problems.add(Problem.at(s.file(), 0, "region is required", "give --region or targets.aws.region"));
    } else if (!REGION.matcher(region).matches()) {
      problems.add(s.problem("region", "'" + region + "' is not an AWS region", "e.g. eu-west-1"));
    }
    String configRegion = s.get("configRegion").orElse(region);
    if (configRegion != null && !REGION.matcher(configRegion).matches()) {
      problems.add(s.problem("configRegion", "'" + configRegion + "' is not an AWS region", "e.g. eu-west-1"));
    }
    Optional<String> account = s.get("account");
    if (account.isPresent() && !account.get().matches("\\d{12}")) {
      problems.add(s.problem("account", "must be 12 digits (quote it in YAML)", "e.g. \"123456789012\""));
    }
    String prefix = s.get("namePrefix").orElse(environment);
    if (!PREFIX.matcher(prefix).matches()) {
      problems.add(s.problem("namePrefix", "'" + prefix + "' must match " + PREFIX.pattern(), null));
    }
    StateBackend backend = backend(s, problems);
    Map<String, Size> sizes = sizes(s, problems);
    Optional<URI> endpoint = s.get("endpoint").map(URI::create);
    boolean offline = s.get("offline").map(Boolean::parseBoolean).orElse(false);
    ResourceOptions resources = ResourceOptions.from(s, problems);
    boolean steady = bool(s, EMULATOR_STEADY_STATE, true, problems);
    boolean ignoreAz = bool(s, EMULATOR_UNSTORED_FIELDS, false, problems);
    TargetSettings.requireNone(problems, s.file() + " (target aws)");
    return new AwsSettings(new TargetOptions(region, prefix, account, backend).withNetwork(resources.network()), sizes,
        endpoint, configRegion, offline, resources, new EmulatorSwitches(steady, ignoreAz));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static boolean bool(TargetSettings s, String key, boolean otherwise, List<Problem> problems) {
    Optional<String> value = s.get(key);
    if (value.isEmpty()) {
      return otherwise;
    }
    if (!value.get().equals("true") && !value.get().equals("false")) {
      problems.add(s.problem(key, "must be true or false, not '" + value.get() + "'", null));
      return otherwise;
    }
    return Boolean.parseBoolean(value.get());
  }

  private static StateBackend backend(TargetSettings s, List<Problem> problems) {
    String kind = s.get("state.backend").orElse("local");
    if (kind.equals("local")) {
      return s.get("state.dir").map(d -> StateBackend.local(Path.of(d))).orElse(StateBackend.local());
    }
    if (!kind.equals("s3")) {
      problems.add(s.problem("state.backend", "must be local or s3, not '" + kind + "'", null));
      return StateBackend.local();
    }
    for (String key : List.of("state.bucket", "state.lockTable")) {
      if (s.get(key).isEmpty()) {
        problems.add(Problem.at(s.file(), s.line("state.backend"), key + " is required with state.backend: s3",
            "name the bucket and the DynamoDB lock table"));
      }
    }
    if (s.get("state.bucket").isEmpty() || s.get("state.lockTable").isEmpty()) {
      return StateBackend.local();
    }
    return new StateBackend.S3(s.get("state.bucket").get(), s.get("state.keyPrefix").orElse(""),
        s.get("state.region").or(() -> s.get("region")).orElse("us-east-1"), s.get("state.lockTable").get());
  }

  private static Map<String, Size> sizes(TargetSettings s, List<Problem> problems) {
    Map<String, Integer[]> raw = new LinkedHashMap<>();
    s.under("sizes").forEach((key, setting) -> {
      int dot = key.lastIndexOf('.');
      String member = dot < 0 ? key : key.substring(0, dot);
      String field = dot < 0 ? "" : key.substring(dot + 1);
      if (!SIZE_KEYS.contains(field) || member.contains(".")) {
        problems.add(s.problem("sizes." + key, "unknown size", "sizes.<service or function>.cpu|memory|replicas"));
        return;
      }
      int value;
      try {
        value = Integer.parseInt(setting.value());
      } catch (NumberFormatException e) {
        problems.add(s.problem("sizes." + key, "must be a whole number", null));
        return;
      }
      if (value < (field.equals("replicas") ? 0 : 1)) {
        problems.add(s.problem("sizes." + key, "must be positive", null));
        return;
      }
      Integer[] v = raw.computeIfAbsent(member, m -> new Integer[3]);
      v[field.equals("cpu") ? 0 : field.equals("memory") ? 1 : 2] = value;
    });
    Map<String, Size> out = new LinkedHashMap<>();
    raw.forEach((m, v) -> out.put(m, new Size(v[0], v[1], v[2])));
    return out;
  }
}
