package dev.phoenix.drift;

import dev.phoenix.aws.ecs.EcsContainerView;
import dev.phoenix.aws.ecs.EcsService;
import dev.phoenix.aws.ecs.EcsServiceView;
import dev.phoenix.aws.lambda.LambdaService;
import dev.phoenix.model.Artefact;
import dev.phoenix.model.ConfigSource;
import dev.phoenix.model.Estate;
import dev.phoenix.model.ImageReference;
import dev.phoenix.model.Stack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --target aws}: the ECS services of the environment's cluster (each task definition's
 * images by digest, the secret versions its {@code valueFrom}s pin, the desired count) and the
 * environment's Lambda functions ({@code CodeSha256}, the base64 of the package's SHA-256, against the
 * pinned sha256). An ECS service is the blueprint service of the same name; a function is
 * {@code <functionPrefix><blueprint function name>}.
 */
public final class AwsProbe implements Probe {
  private final EcsService ecs;
  private final LambdaService lambda;
  private final String cluster;
  private final String functionPrefix;

  /** {@code cluster} and {@code functionPrefix} null: the environment's name and {@code <env>-}. */
  public AwsProbe(EcsService ecs, LambdaService lambda, String cluster, String functionPrefix) {
    this.ecs = ecs;
    this.lambda = lambda;
    this.cluster = cluster;
    this.functionPrefix = functionPrefix;
  }

  @Override
  public String target() {
    return "aws";
  }

  @Override
  public LiveState look(String environment) {
    String clusterName = cluster != null ? cluster : environment;
    String prefix = functionPrefix != null ? functionPrefix : environment + "-";
    Optional<List<EcsServiceView>> services = ecs.services(clusterName);
    Map<String, String> code = new LinkedHashMap<>();
    for (String name : lambda.functionNames(prefix)) {
      lambda.codeSha256(name).ifPresent(sha -> code.put(name, sha));
    }
    return estate -> compare(estate, clusterName, services, prefix, code);
  }

  private List<DriftItem> compare(Estate estate, String clusterName, Optional<List<EcsServiceView>> services,
      String prefix, Map<String, String> code) {
    List<DriftItem> items = new ArrayList<>();
    Map<String, EcsServiceView> byName = new LinkedHashMap<>();
    services.orElse(List.of()).forEach(s -> byName.put(s.name(), s));
    Set<String> knownServices = new HashSet<>();
    Set<String> knownFunctions = new HashSet<>();
    for (Stack stack : estate.stacks()) {
      for (Stack.Service s : stack.services()) {
        knownServices.add(s.name());
        items.add(service(estate, s, byName.get(s.name()), clusterName, services.isPresent()));
      }
      for (Stack.Function f : stack.functions()) {
        knownFunctions.add(prefix + f.name());
        items.add(function(estate, f, prefix + f.name(), code));
      }
    }
    byName.forEach((name, s) -> {
      if (!knownServices.contains(name) && s.desiredCount() > 0) {
        items.add(new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNMANAGED, null, images(s),
            "runs in cluster " + clusterName + " but the lockfile does not have it"));
      }
    });
    code.forEach((name, sha) -> {
      if (!knownFunctions.contains(name)) {
        items.add(new DriftItem(DriftItem.FUNCTION, name, DriftStatus.UNMANAGED, null, "sha256:" + sha,
            "named like the environment's functions (" + prefix + "…) but the lockfile does not have it"));
      }
    });
    return items;
  }

  private static DriftItem service(Estate estate, Stack.Service service, EcsServiceView running, String clusterName,
      boolean clusterExists) {
    String name = service.name();
    Artefact a = estate.lockfile().artefacts().get(service.artefact());
    if (!(a instanceof Artefact.ContainerImage image) || image.image() == null || !image.image().pinned()) {
      return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNKNOWN, null, null,
          "artefact '" + service.artefact() + "' is not a container image pinned by digest in the lockfile");
    }
    ImageReference pinned = image.image();
    int wanted = Math.max(1, service.replicas());
    String lock = pinned.digestReference() + (wanted > 1 ? " ×" + wanted : "");
    if (running == null || running.desiredCount() == 0) {
      return new DriftItem(DriftItem.SERVICE, name, DriftStatus.NOT_RUNNING, lock, null, !clusterExists
          ? "no active cluster " + clusterName : running == null ? "no ECS service " + name + " in cluster " + clusterName
          : "ECS service " + name + " has desired count 0");
    }
    EcsContainerView container = container(running, pinned, name);
    String runs = images(running);
    if (container == null) {
      return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, runs,
          "task definition " + running.taskDefinition() + " has no container");
    }
    ImageReference.Reading parsed = ImageReference.parse(container.image());
    ImageReference ran = parsed.reference();
    if (ran == null || !ran.pinned()) {
      return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNPINNED, lock, container.image(),
          "task definition " + running.taskDefinition() + " names the image by tag: ECS resolves it at deploy time");
    }
    if (!ran.digest().equals(pinned.digest()) || !sameRepository(ran, pinned)) {
      return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, container.image(),
          "task definition " + running.taskDefinition() + " runs another image than the lockfile's");
    }
    if (running.desiredCount() != wanted) {
      return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, runs,
          "desired count: lockfile " + wanted + ", ECS " + running.desiredCount());
    }
    Map<String, ConfigSource> config = service.config() == null ? Map.of()
        : estate.lockfile().config().getOrDefault(service.config(), Map.of());
    for (Map.Entry<String, ConfigSource> e : config.entrySet()) {
      if (!(e.getValue() instanceof ConfigSource.SecretVersion pin)) {
        continue;
      }
      for (String valueFrom : container.secretValueFrom()) {
        if (!SecretArns.names(valueFrom, pin.secretId())) {
          continue;
        }
        String version = SecretArns.versionId(valueFrom);
        if (version == null) {
          return new DriftItem(DriftItem.SERVICE, name, DriftStatus.UNPINNED, lock, runs,
              "secret " + pin.secretId() + " (" + e.getKey() + ") is read at its current version, the lockfile pins "
                  + pin.versionId());
        }
        if (!version.equals(pin.versionId())) {
          return new DriftItem(DriftItem.SERVICE, name, DriftStatus.DRIFTED, lock, runs,
              "secret " + pin.secretId() + " (" + e.getKey() + "): lockfile version " + pin.versionId()
                  + ", running version " + version);
        }
      }
    }
    return DriftItem.match(DriftItem.SERVICE, name, lock);
  }

  private static DriftItem function(Estate estate, Stack.Function f, String functionName, Map<String, String> code) {
    Artefact a = estate.lockfile().artefacts().get(f.artefact());
    if (!(a instanceof Artefact.LambdaPackage pkg) || pkg.s3() == null || pkg.s3().sha256() == null) {
      return new DriftItem(DriftItem.FUNCTION, f.name(), DriftStatus.UNKNOWN, null, null,
          "artefact '" + f.artefact() + "' is not a lambda package with a pinned sha256 in the lockfile");
    }
    String lock = "sha256:" + pkg.s3().sha256();
    String sha = code.get(functionName);
    if (sha == null) {
      return new DriftItem(DriftItem.FUNCTION, f.name(), DriftStatus.NOT_RUNNING, lock, null,
          "no Lambda function " + functionName);
    }
    if (!sha.equalsIgnoreCase(pkg.s3().sha256())) {
      return new DriftItem(DriftItem.FUNCTION, f.name(), DriftStatus.DRIFTED, lock, "sha256:" + sha,
          "Lambda function " + functionName + " runs other code than the pinned package");
    }
    return DriftItem.match(DriftItem.FUNCTION, f.name(), lock);
  }

  /** The container running the pinned repository, else the one named like the service, else the only one. */
  private static EcsContainerView container(EcsServiceView s, ImageReference pinned, String name) {
    for (EcsContainerView c : s.containers()) {
      ImageReference r = ImageReference.parse(c.image()).reference();
      if (r != null && sameRepository(r, pinned)) {
        return c;
      }
    }
    for (EcsContainerView c : s.containers()) {
      if (name.equals(c.name())) {
        return c;
      }
    }
    return s.containers().size() == 1 ? s.containers().get(0) : null;
  }

  private static boolean sameRepository(ImageReference a, ImageReference b) {
    return a.repository().equals(b.repository()) && String.valueOf(a.registry()).equals(String.valueOf(b.registry()));
  }

  private static String images(EcsServiceView s) {
    List<String> images = s.containers().stream().map(EcsContainerView::image).toList();
    return String.join(", ", images) + (s.desiredCount() > 1 ? " ×" + s.desiredCount() : "");
  }
}
