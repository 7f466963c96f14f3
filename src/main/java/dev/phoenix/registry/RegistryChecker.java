package dev.phoenix.registry;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Checks;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.check.Runner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks container images by digest in any OCI registry, one request per reference on the
 * {@link Runner}: one lane per registry host with at most {@code perHostConcurrency} requests in
 * flight, {@code options.concurrency()} in all, so a slow or dead registry holds only its own
 * share; once a registry is unreachable its remaining references are UNKNOWN without further
 * requests. At the deadline whatever is left is {@link Checks#DEADLINE}.
 */
public final class RegistryChecker implements RefChecker {
  private final RegistryCredentials credentials;
  private final RegistrySettings settings;
  private final RegistryClient shared; // null: a client of its own per check, on the options' plain-HTTP hosts

  public RegistryChecker(RegistryCredentials credentials, RegistrySettings settings) {
    this.credentials = credentials;
    this.settings = settings;
    this.shared = null;
  }

  /**
   * Checks through the run's one registry client (its credentials, settings and plain-HTTP hosts,
   * its connections and tokens); whoever built the client closes it.
   */
  public RegistryChecker(RegistryClient shared) {
    this.credentials = null;
    this.settings = shared.settings();
    this.shared = shared;
  }

  /** Docker config.json credentials and default settings. */
  public static RegistryChecker withDefaults() {
    return new RegistryChecker(DockerConfigCredentials.fromEnvironment(), RegistrySettings.defaults());
  }

  @Override
  public boolean handles(Ref ref) {
    return ref instanceof Ref.Image;
  }

  @Override
  public Map<Ref, Finding> check(Collection<Ref> refs, CheckOptions options) {
    List<Ref> images = new LinkedHashSet<>(refs).stream().filter(Ref.Image.class::isInstance).toList();
    int threads = Math.max(1, options.concurrency());
    int perHost = Math.max(1, Math.min(settings.perHostConcurrency(), threads));
    Runner runner = Runner.lanes(perHost).total(threads).until(options.deadline(), Duration.ZERO)
        .named("registry-check");
    try (RegistryClient client = clientFor(options)) {
      Run run = new Run(new ImageCheck(client, options.deep(), options.deadline()), new ConcurrentHashMap<>());
      List<Checks.Job> jobs = new ArrayList<>();
      for (Ref ref : images) {
        Ref.Image image = (Ref.Image) ref;
        jobs.add(new Checks.Job(image.registry(), List.of(ref), () -> Map.of(ref, run.checkOne(image))));
      }
      return Checks.on(runner, images, jobs, options.deadline(), options.done());
    }
  }

  private RegistryClient clientFor(CheckOptions options) {
    return shared != null ? shared.borrowed() : new RegistryClient(credentials, settings, options.insecureRegistries());
  }

  /** State of one check run shared by its workers: the hosts found unreachable, with why. */
  private record Run(ImageCheck check, Map<String, String> downHosts) {
    Finding checkOne(Ref.Image ref) {
      String down = downHosts.get(ref.registry());
      if (down != null) {
        return Finding.unknown(down);
      }
      try {
        return check.check(ref);
      } catch (RegistryException e) {
        if (e.reason() == RegistryException.Reason.UNREACHABLE) {
          downHosts.putIfAbsent(ref.registry(), e.getMessage());
        }
        return Findings.of(e);
      }
    }
  }
}
