package dev.phoenix.registry.bench;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.Digest;
import dev.phoenix.registry.RegistryChecker;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.RegistrySettings;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HEADs N manifests (default 2,000 across 20 repositories) on a loopback docker-registry with 16
 * threads, for each named option, in rounds (the first round is JIT warm-up). Also times the
 * product path: RegistryChecker shallow (one manifest GET per image). Run via scripts/bench-registry.
 *
 * <pre>args: [images] [threads] [rounds] option...   options: phoenix jdk-httpclient urlconnection oras jib checker</pre>
 */
public final class BenchRegistryHead {
  private BenchRegistryHead() {}

  public static void main(String[] args) throws Exception {
    int images = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> options = List.of(args).subList(3, args.length);
    try (LocalRegistry registry = LocalRegistry.start()) {
      long t0 = System.nanoTime();
      List<String[]> refs = push(registry, images, threads);
      System.out.printf("pushed %d images in %d repos: %d ms%n", refs.size(), 20, ms(t0));
      for (int round = 1; round <= rounds; round++) {
        for (String option : options) {
          long start = System.nanoTime();
          long cpu = cpuNanos();
          int present = option.equals("checker") ? checker(registry, refs, threads) : head(option, registry, refs, threads);
          System.out.printf("round %d  %-10s %5d/%d present  %6d ms wall  %6d ms CPU (this JVM: the client; the registry is another process)%n",
              round, option, present, refs.size(), ms(start), (cpuNanos() - cpu) / 1_000_000);
        }
      }
    }
  }

  /** CPU time of this whole JVM (every thread), in nanoseconds. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static List<String[]> push(LocalRegistry registry, int images, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String[]>> futures = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      String repo = "bench/r" + (i % 20);
      byte[] content = ("image " + i).getBytes(StandardCharsets.UTF_8);
      String tag = "t" + i;
      futures.add(pool.submit(() -> new String[] {repo, registry.pushSyntheticImage(repo, tag, content)}));
    }
    List<String[]> refs = new ArrayList<>();
    for (Future<String[]> f : futures) {
      refs.add(f.get());
    }
    pool.shutdown();
    return refs;
  }

  private static int head(String option, LocalRegistry registry, List<String[]> refs, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HeadProbe probe = HeadProbe.of(option, registry.hostPort())) {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (String[] ref : refs) {
        futures.add(pool.submit(() -> probe.exists(ref[0], ref[1])));
      }
      int present = 0;
      for (Future<Boolean> f : futures) {
        present += f.get() ? 1 : 0;
      }
      return present;
    } finally {
      pool.shutdown();
    }
  }

  private static int checker(LocalRegistry registry, List<String[]> refs, int threads) {
    List<Ref> all = new ArrayList<>();
    for (String[] r : refs) {
      all.add(new Ref.Image(registry.hostPort(), r[0], Digest.of(r[1])));
    }
    RegistrySettings settings = RegistrySettings.defaults().withPerHostConcurrency(threads);
    CheckOptions options = new CheckOptions(false, threads, Instant.now().plusSeconds(600), Set.of(), r -> {});
    Map<Ref, Finding> found = new RegistryChecker(RegistryCredentials.anonymous(), settings).check(all, options);
    return (int) found.values().stream().filter(f -> f.status() == Status.OK).count();
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
