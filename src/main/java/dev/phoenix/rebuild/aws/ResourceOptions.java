package dev.phoenix.rebuild.aws;

import dev.phoenix.core.Problem;
import dev.phoenix.rebuild.TargetSettings;
import dev.phoenix.synth.NetworkOptions;
import dev.phoenix.synth.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The aws target's options about the resources it synthesizes (targets.yaml {@code targets.aws},
 * or {@code --target-option}); documented in docs/aws-resources.md.
 *
 * @param drill the drill id every resource name carries, when given; otherwise the one this out
 *     directory already uses, or the new drill record's id ({@link DrillScope})
 * @param network zones by id and NAT gateways per zone or single
 * @param registryCredentials registry host to the Secrets Manager secret (name or ARN) holding its
 *     {@code username}/{@code password}, for images in private registries other than ECR
 */
record ResourceOptions(
    Optional<String> drill, NetworkOptions network, Map<String, String> registryCredentials) {

  static final Set<String> KNOWN = Set.of("drill", "zoneIds", "natGateways", "registryCredentials.");
  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\\d{1,5})?");
  private static final Pattern ECR_HOST =
      Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

  static ResourceOptions from(TargetSettings s, List<Problem> problems) {
    Optional<String> drill = s.get("drill");
    if (drill.isPresent() && !Scope.DRILL_ID.matcher(drill.get()).matches()) {
      problems.add(s.problem("drill", "'" + drill.get() + "' must match " + Scope.DRILL_ID.pattern(),
          "e.g. the id of the drill record whose resources to address"));
    }
    List<String> zoneIds = s.get("zoneIds")
        .map(z -> Arrays.stream(z.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
    NetworkOptions.NatGateways nat = switch (s.get("natGateways").orElse("per-zone")) {
      case "per-zone" -> NetworkOptions.NatGateways.PER_ZONE;
      case "single" -> NetworkOptions.NatGateways.SINGLE;
      default -> {
        problems.add(s.problem("natGateways", "must be per-zone or single", null));
        yield NetworkOptions.NatGateways.PER_ZONE;
      }
    };
    NetworkOptions network = NetworkOptions.DEFAULT;
    try {
      network = new NetworkOptions(zoneIds, nat);
    } catch (IllegalArgumentException e) {
      problems.add(s.problem("zoneIds", e.getMessage().replaceFirst("^zoneIds: ", ""),
          "comma-separated zone ids, e.g. zoneIds: euw2-az1,euw2-az2 (aws ec2 describe-availability-zones)"));
    }
    Map<String, String> credentials = new LinkedHashMap<>();
    s.under("registryCredentials").forEach((host, setting) -> {
      String key = "registryCredentials." + host;
      if (!HOST.matcher(host).matches()) {
        problems.add(s.problem(key, "'" + host + "' is not a registry host", "e.g. registry.example.com"));
      } else if (ECR_HOST.matcher(host).matches()) {
        problems.add(s.problem(key, "ECR needs no repository credentials: the execution role pulls from it",
            "remove this entry"));
      } else {
        credentials.put(host, setting.value());
      }
    });
    return new ResourceOptions(drill, network, credentials);
  }

  /** Copy with no problems collector, for callers that validated already. */
  static ResourceOptions from(TargetSettings s) {
    return from(s, new ArrayList<>());
  }
}
