package dev.phoenix.registry;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.RefChecker;
import dev.phoenix.core.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Checks container images by digest in any OCI registry. Work is spread over
 * {@code options.concurrency()} threads with at most {@code perHostConcurrency} per registry, so a
 * slow or dead registry holds only its own share; once a registry is unreachable its remaining
 * references are UNKNOWN without further requests. At the deadline whatever is left is UNKNOWN.
 */
public final class RegistryChecker implements RefChecker {
  static final String DEADLINE = "deadline reached before checking";
  private static final Duration GRACE = Duration.ofSeconds(2);

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
    Map<String, Queue<Ref.Image>> byHost = new LinkedHashMap<>();
    for (Ref ref : new LinkedHashSet<>(refs)) {
      if (ref instanceof Ref.Image image) {
        byHost.computeIfAbsent(image.registry(), h -> new ConcurrentLinkedQueue<>()).add(image);
      }
    }
    Map<Ref, Finding> results = new ConcurrentHashMap<>();
    int threads = Math.max(1, options.concurrency());
    int perHost = Math.max(1, Math.min(settings.perHostConcurrency(), threads));
    ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("registry-check"));
    try (RegistryClient client = clientFor(options)) {
      Run run = new Run(new ImageCheck(client, options.deep(), options.deadline()), options, results);
      for (int round = 0; round < perHost; round++) { // round robin: every host gets a worker early
        for (Map.Entry<String, Queue<Ref.Image>> e : byHost.entrySet()) {
          if (e.getValue().size() > round) {
            pool.execute(() -> run.drain(e.getKey(), e.getValue()));
          }
        }
      }
      pool.shutdown();
      awaitUntil(pool, options.deadline().plus(GRACE));
    } finally {
      pool.shutdownNow();
    }
    Map<Ref, Finding> out = new LinkedHashMap<>();
    for (Queue<Ref.Image> queue : byHost.values()) {
      queue.forEach(r -> finish(results, options, r, Finding.unknown(DEADLINE)));
    }
    List<Ref> ordered = new ArrayList<>(new LinkedHashSet<>(refs));
    for (Ref ref : ordered) {
      if (ref instanceof Ref.Image) {
        finish(results, options, ref, Finding.unknown(DEADLINE));
        out.put(ref, results.get(ref));
      }
    }
    return out;
  }

  private RegistryClient clientFor(CheckOptions options) {
    return shared != null ? shared.borrowed() : new RegistryClient(credentials, settings, options.insecureRegistries());
  }

  private static void awaitUntil(ExecutorService pool, Instant until) {
    try {
      long ms = Math.max(0, Duration.between(Instant.now(), until).toMillis());
      pool.awaitTermination(ms, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records the first finding for a reference and reports it done exactly once. */
  static void finish(Map<Ref, Finding> results, CheckOptions options, Ref ref, Finding finding) {
    if (results.putIfAbsent(ref, finding) == null) {
      options.done().accept(ref);
    }
  }

  /** State of one check run shared by its workers. */
  private record Run(ImageCheck check, CheckOptions options, Map<Ref, Finding> results,
      Map<String, String> downHosts) {
    Run(ImageCheck check, CheckOptions options, Map<Ref, Finding> results) {
      this(check, options, results, new ConcurrentHashMap<>());
    }

    void drain(String host, Queue<Ref.Image> queue) {
      Ref.Image ref;
      while ((ref = queue.poll()) != null) {
        finish(results, options, ref, checkOne(host, ref));
      }
    }

    private Finding checkOne(String host, Ref.Image ref) {
      if (!Instant.now().isBefore(options.deadline())) {
        return Finding.unknown(DEADLINE);
      }
      String down = downHosts.get(host);
      if (down != null) {
        return Finding.unknown(down);
      }
      try {
        return check.check(ref);
      } catch (RegistryException e) {
        if (e.reason() == RegistryException.Reason.UNREACHABLE) {
          downHosts.putIfAbsent(host, e.getMessage());
        }
        return Findings.of(e);
      } catch (RuntimeException e) {
        return Finding.unknown("could not check " + ref.describe() + ": " + e.getClass().getSimpleName());
      }
    }
  }
}
