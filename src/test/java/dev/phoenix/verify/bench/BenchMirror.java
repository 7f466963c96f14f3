package dev.phoenix.verify.bench;

import dev.phoenix.check.CheckOptions;
import dev.phoenix.check.Finding;
import dev.phoenix.check.Ref;
import dev.phoenix.check.Status;
import dev.phoenix.model.ImageReference;
import dev.phoenix.registry.ImageCopy;
import dev.phoenix.registry.RegistryChecker;
import dev.phoenix.registry.RegistryClient;
import dev.phoenix.registry.RegistryCredentials;
import dev.phoenix.registry.RegistrySettings;
import dev.phoenix.testsupport.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * scripts/bench-mirror: the verify benchmark's {@value BenchData#IMAGES} images in
 * {@value BenchData#REPOS} repositories copied between two loopback registries by (a) Phoenix's
 * ImageCopy (16 threads), (b) {@code skopeo sync} of the same repositories, (c) a sequential
 * {@code skopeo copy --preserve-digests} loop (a sample, extrapolated); then (d) a second Phoenix
 * run with everything mirrored against (e) a shallow verify of the same references; with a crane
 * binary, (f) {@code crane copy -a} per repository and (g) a {@code crane copy} loop. Each run copies
 * into a fresh registry. Args: work dir, loop sample size, crane path (optional).
 */
public final class BenchMirror {
  private static final int THREADS = 16;
  private static final int ROUNDS = 3;
  private static final Pattern PUT = Pattern.compile("\"PUT /v2/[^ ]*/blobs/uploads/[^ ]*[?&]digest=(sha256(?::|%3A)[0-9a-f]{64})");

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int sample = Integer.parseInt(args[1]);
    String crane = args.length > 2 && !args[2].isEmpty() ? args[2] : null;
    try (LocalRegistry source = LocalRegistry.start()) {
      long t0 = System.nanoTime();
      List<String> refs = BenchData.pushImages(source, 8);
      say("pushed %d images in %d repositories to the source in %.1f s", refs.size(), BenchData.REPOS, secs(t0));

      double a;
      double d;
      double e;
      try (LocalRegistry target = LocalRegistry.start();
          RegistryClient client = new RegistryClient(RegistryCredentials.anonymous(),
              RegistrySettings.defaults().withPerHostConcurrency(THREADS), Set.of())) {
        ImageCopy copy = client.copier();
        long t1 = System.nanoTime();
        int already = copyAll(copy, refs, source.hostPort(), target.hostPort());
        a = secs(t1);
        Map<String, Long> puts = blobPuts(target.accessLog());
        long twice = puts.values().stream().filter(n -> n > 1).count();
        ImageCopy.Totals t = copy.totals();
        say("(a) phoenix ImageCopy, %d threads: %.1f s; %d blobs sent (%d MiB), %d mounted, %d present, %d images already there;"
            + " blob PUTs in the target's log: %d distinct, %d sent more than once", THREADS, a, t.blobsSent(),
            t.bytesSent() >> 20, t.blobsMounted(), t.blobsPresent(), already, puts.size(), twice);

        List<Ref> mirrored = refs.stream().map(r -> (Ref) Ref.Image.of(ImageReference.of(
            r.replace(source.hostPort(), target.hostPort())))).toList();
        RegistryChecker checker = new RegistryChecker(RegistryCredentials.anonymous(),
            RegistrySettings.defaults().withPerHostConcurrency(THREADS));
        // (d) and (e) alternate ROUNDS times: on a shared machine one burst of someone else's load
        // can double a single timing; the median of the rounds' ratios is the figure
        List<Double> ratios = new ArrayList<>();
        d = Double.MAX_VALUE;
        e = Double.MAX_VALUE;
        for (int round = 1; round <= ROUNDS; round++) {
          int sourceMark = source.accessLog().size();
          int targetMark = target.accessLog().size();
          long t2 = System.nanoTime();
          int again = copyAll(client.copier(), refs, source.hostPort(), target.hostPort());
          double dr = secs(t2);
          List<String> sourceLog = source.accessLog();
          List<String> targetLog = target.accessLog();
          long toSource = sourceLog.size() - sourceMark;
          List<String> toTarget = targetLog.subList(targetMark, targetLog.size());
          long heads = toTarget.stream().filter(l -> l.contains("\"HEAD ")).count();
          long t3 = System.nanoTime();
          Map<Ref, Finding> found = checker.check(mirrored, new CheckOptions(false, THREADS,
              Instant.now().plus(Duration.ofMinutes(10)), Set.of(), x -> { }));
          double er = secs(t3);
          long ok = found.values().stream().filter(f -> f.status() == Status.OK).count();
          ratios.add(dr / er);
          d = Math.min(d, dr);
          e = Math.min(e, er);
          say("round %d: (d) second phoenix run, everything mirrored: %.1f s (%d of %d already there; requests: %d to the"
              + " target, %d of them HEAD, %d to the source); (e) shallow verify of the same %d references in the target:"
              + " %.1f s (%d OK); (d)/(e) = %.2f", round, dr, again, refs.size(), toTarget.size(), heads, toSource,
              mirrored.size(), er, ok, dr / er);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        say("(d)/(e) over %d rounds: median %.2f (min %.2f, max %.2f); fastest (d) %.1f s, fastest (e) %.1f s", ROUNDS,
            sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), d, e);
      }

      if (System.getenv("BENCH_MIRROR_PHOENIX_ONLY") != null) {
        say("BENCH_MIRROR_PHOENIX_ONLY: skopeo and crane not run");
        return;
      }
      if (crane != null) {
        crane(work, crane, source, refs, sample, a);
      }

      double b;
      try (LocalRegistry target = LocalRegistry.start()) {
        long t4 = System.nanoTime();
        for (int r = 0; r < BenchData.REPOS; r++) {
          String repo = BenchData.repo(r);
          Proc p = Proc.run(work, "skopeo", "sync", "--src", "docker", "--dest", "docker", "--src-tls-verify=false",
              "--dest-tls-verify=false", "--preserve-digests", source.hostPort() + "/" + repo,
              target.hostPort() + "/" + repo.substring(0, repo.lastIndexOf('/')));
          if (p.code() != 0) {
            throw new IllegalStateException("skopeo sync failed: " + p.err());
          }
        }
        b = secs(t4);
        say("(b) skopeo sync of the %d repositories: %.1f s; (b)/(a) = %.2f", BenchData.REPOS, b, b / a);
      }

      try (LocalRegistry target = LocalRegistry.start()) {
        List<String> some = refs.subList(0, Math.min(sample, refs.size()));
        long t5 = System.nanoTime();
        for (String ref : some) {
          String dst = ref.replace(source.hostPort(), target.hostPort());
          dst = dst.substring(0, dst.indexOf('@')) + ":copy";
          Proc p = Proc.run(work, "skopeo", "copy", "--preserve-digests", "--src-tls-verify=false",
              "--dest-tls-verify=false", "docker://" + ref, "docker://" + dst);
          if (p.code() != 0) {
            throw new IllegalStateException("skopeo copy failed: " + p.err());
          }
        }
        double c = secs(t5) * refs.size() / some.size();
        say("(c) skopeo copy --preserve-digests loop: %.1f s (a sample of %d timed, extrapolated to %d); (c)/(a) = %.1f",
            c, some.size(), refs.size(), c / a);
      }
      say("peak RSS of this JVM (pushes, copies and checks together): %d MiB", peakRssMiB());
    }
  }

  /**
   * (f) {@code crane copy} per repository with every tag ({@code -a}, {@value #THREADS} jobs, the
   * repository-wide mode) and (g) a sequential {@code crane copy SRC@digest DST:copy} loop (a sample,
   * extrapolated), each into a fresh registry.
   */
  private static void crane(Path work, String crane, LocalRegistry source, List<String> refs, int sample, double a)
      throws Exception {
    try (LocalRegistry target = LocalRegistry.start()) {
      long t0 = System.nanoTime();
      for (int r = 0; r < BenchData.REPOS; r++) {
        String repo = BenchData.repo(r);
        Proc p = Proc.run(work, crane, "copy", "--insecure", "-a", "-j", String.valueOf(THREADS),
            source.hostPort() + "/" + repo, target.hostPort() + "/" + repo);
        if (p.code() != 0) {
          throw new IllegalStateException("crane copy -a failed: " + p.err());
        }
      }
      double f = secs(t0);
      Map<String, Long> puts = blobPuts(target.accessLog());
      say("(f) crane copy -a -j %d of the %d repositories: %.1f s; (f)/(a) = %.2f; blob PUTs: %d distinct, %d sent more than once",
          THREADS, BenchData.REPOS, f, f / a, puts.size(), puts.values().stream().filter(n -> n > 1).count());
    }
    try (LocalRegistry target = LocalRegistry.start()) {
      List<String> some = refs.subList(0, Math.min(sample, refs.size()));
      long t1 = System.nanoTime();
      for (String ref : some) {
        String dst = ref.replace(source.hostPort(), target.hostPort());
        dst = dst.substring(0, dst.indexOf('@')) + ":copy";
        Proc p = Proc.run(work, crane, "copy", "--insecure", ref, dst);
        if (p.code() != 0) {
          throw new IllegalStateException("crane copy failed: " + p.err());
        }
      }
      double g = secs(t1) * refs.size() / some.size();
      say("(g) crane copy loop: %.1f s (a sample of %d timed, extrapolated to %d); (g)/(a) = %.1f", g, some.size(),
          refs.size(), g / a);
    }
  }

  /** Copies every reference with {@value #THREADS} threads; returns how many were already there. */
  private static int copyAll(ImageCopy copy, List<String> refs, String from, String to) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
      for (String r : refs) {
        ImageReference ref = ImageReference.of(r);
        futures.add(pool.submit(() -> copy.copy(from, to, ref.repository(), ref.digest(), deadline).alreadyThere()));
      }
      int already = 0;
      for (Future<Boolean> f : futures) {
        already += f.get() ? 1 : 0;
      }
      return already;
    } finally {
      pool.shutdown();
    }
  }

  static Map<String, Long> blobPuts(List<String> log) {
    return log.stream().map(PUT::matcher).filter(Matcher::find).map(m -> m.group(1).replace("%3A", ":"))
        .collect(Collectors.groupingBy(x -> x, Collectors.counting()));
  }

  private static long peakRssMiB() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(format, args));
    System.out.flush();
  }
}
